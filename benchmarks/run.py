"""Run every benchmark and print one table: each figure, its ratio, budget and verdict.

python benchmarks/run.py
"""

from __future__ import annotations

import platform
import sys

import calendar_io
import calendar_scaling
import html_markdown_it
import import_time
import languages
import render_baseline
import scaling
import scorecard_scaling
import structure_pydantic
from _timing import table


def main() -> None:
    """Run the benchmarks one after the other, then print their rows as one table."""
    rows = []
    for module in (
        import_time,
        render_baseline,
        html_markdown_it,
        structure_pydantic,
        languages,
        scaling,
        scorecard_scaling,
        calendar_scaling,
        calendar_io,
    ):
        print(f"running {module.__name__}", file=sys.stderr, flush=True)
        found = module.rows()
        print(table(found), file=sys.stderr, flush=True)
        rows += found
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
