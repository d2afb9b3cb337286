"""Rendering in Norwegian Bokmål and Finnish against rendering in English.

The baseline is the same plan rendered in English in the same run, so the
ratio is what a language costs: catalog look-ups, and dates and numbers
written with Babel's locale data.  No budget: the figures are for
information.  Loading a catalog happens once per process and is timed apart.

    python benchmarks/languages.py
"""

from __future__ import annotations

from _timing import Row, median_process_seconds, paired, show

import smstrategy as sms


def rows() -> list[Row]:
    """Return the cost of each shipped language against English, and of loading a catalog."""
    plan = sms.example("five-step")
    found = []
    for lang in ("nb", "fi"):
        ours, base, ratio = paired(
            lambda lang=lang: sms.render(plan, lang=lang), lambda: sms.render(plan)
        )
        found.append(
            Row(
                f"render the five-step example in `{lang}`",
                "the same in English",
                ratio,
                None,
                f"{ours * 1e6:.0f} µs against {base * 1e6:.0f} µs",
            )
        )
    english = median_process_seconds("import smstrategy as s; s.language('en')", repeat=9)
    norwegian = median_process_seconds("import smstrategy as s; s.language('nb')", repeat=9)
    found.append(
        Row(
            "a fresh process that loads the `nb` catalog",
            "one that loads English",
            norwegian / english,
            None,
            f"{(norwegian - english) * 1e3:.0f} ms more, once per process",
        )
    )
    return found


def main() -> None:
    """Print the rows."""
    show(rows())


if __name__ == "__main__":
    main()
