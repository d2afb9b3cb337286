"""Import and first-job costs as whole fresh interpreters.

``import smstrategy`` against ``import attrs`` (budget 1.2x), and a first job,
rendering the five-step example, against importing the three libraries it
builds on, ``import attrs, cattrs, jinja2`` (budget 1.3x).  Fresh interpreters
of each kind are run in turn, round after round.  The package's modules are
compiled first, as installing it compiles them.

    python benchmarks/import_time.py
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _timing import Row, alternating, show

import smstrategy

IMPORT_BUDGET = 1.2
FIRST_JOB_BUDGET = 1.3
ROUNDS = 21


def _wall(code: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - began


def rows() -> list[Row]:
    """Time fresh interpreters in turn and return the two ratios."""
    # An installed package has its modules compiled (pip does it, as it did for attrs,
    # cattrs and jinja2); compile ours too, so that no interpreter compiles source.
    compileall.compile_dir(Path(smstrategy.__file__).parent, quiet=1)
    codes = [
        "import attrs",
        "import smstrategy",
        "import attrs, cattrs, jinja2",
        "import smstrategy as s; s.render(s.example())",
    ]
    for code in codes:  # once each, so that every file is in the page cache
        _wall(code)
    attrs, ours, libraries, first = (
        statistics.median(times)
        for times in alternating([lambda code=code: _wall(code) for code in codes], ROUNDS)
    )
    return [
        Row(
            "`import smstrategy`",
            "`import attrs`",
            ours / attrs,
            IMPORT_BUDGET,
            f"{ours * 1e3:.0f} ms against {attrs * 1e3:.0f} ms",
        ),
        Row(
            "first job in a fresh process: render the five-step example",
            "`import attrs, cattrs, jinja2`",
            first / libraries,
            FIRST_JOB_BUDGET,
            f"{first * 1e3:.0f} ms against {libraries * 1e3:.0f} ms",
        ),
    ]


def main() -> None:
    """Print the rows."""
    show(rows())


if __name__ == "__main__":
    main()
