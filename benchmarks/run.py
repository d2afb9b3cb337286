"""Run every benchmark, one after the other.

python benchmarks/run.py
"""

from __future__ import annotations

import calendar_io
import calendar_scaling
import import_time
import languages
import render_baseline
import scaling
import scorecard_scaling
import structure_pydantic


def main() -> None:
    """Run each benchmark under a heading."""
    for title, module in (
        ("Import", import_time),
        ("Rendering against a hand-written renderer", render_baseline),
        ("Rendering in other languages against English", languages),
        ("Structuring against pydantic v2", structure_pydantic),
        ("check() and render() as plans grow", scaling),
        ("Calendars as they grow", calendar_scaling),
        ("Calendar exports and imports as they grow", calendar_io),
        ("Scorecards as results grow", scorecard_scaling),
    ):
        print(f"== {title}")
        module.main()


if __name__ == "__main__":
    main()
