"""Rendering in Norwegian Bokmål and Finnish against rendering in English.

The baseline is the same plan rendered in English in the same run, so the
ratio is what a language costs: catalog look-ups, and dates and numbers
written with Babel's locale data.  No budget: the figures are for
information.  Loading a catalog happens once per process and is timed apart.

    python benchmarks/languages.py
"""

from __future__ import annotations

from _timing import median_process_seconds, paired

import smstrategy as sms


def main() -> None:
    """Print the cost of each shipped language against English."""
    plan = sms.example("five-step")
    for lang in ("nb", "fi"):
        ours, base, ratio = paired(
            lambda lang=lang: sms.render(plan, lang=lang), lambda: sms.render(plan)
        )
        print(
            f"render five-step example in {lang}: {ours * 1e6:.0f} us; "
            f"in English: {base * 1e6:.0f} us; ratio {ratio:.2f}x"
        )
    english = median_process_seconds("import smstrategy as s; s.language('en')", repeat=9)
    norwegian = median_process_seconds("import smstrategy as s; s.language('nb')", repeat=9)
    print(f"loading the nb catalog in a fresh process: {(norwegian - english) * 1e3:.0f} ms, once")


if __name__ == "__main__":
    main()
