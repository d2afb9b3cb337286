"""Make the README's picture: the five-step example's HTML page, as Chromium draws it.

Run from the repository's root, with Chromium installed (Debian's ``chromium``)::

    python scripts/screenshot.py

It writes ``docs/images/five-step.png``: the top of the page that
``smstrategy render`` makes of the bundled example with its check report.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import smstrategy as sms

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from tools import CHROMIUM_FLAGS  # noqa: E402  # the flags the browser tests use

PICTURE = ROOT / "docs" / "images" / "five-step.png"


def main() -> int:
    """Render the page, have Chromium draw it and save the picture; 1 without Chromium."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("Chromium is needed: apt-get install chromium", file=sys.stderr)
        return 1
    plan = sms.example("five-step")
    page = sms.render(plan, "html", report=sms.check(plan), as_of=dt.date(2027, 1, 4))
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "five-step.html"
        html.write_text(page, encoding="utf-8")
        PICTURE.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603  # the machine's own Chromium, on a page made here
            [
                browser,
                *CHROMIUM_FLAGS,
                "--force-device-scale-factor=1",
                f"--user-data-dir={Path(folder) / 'profile'}",
                "--window-size=900,1100",
                f"--screenshot={PICTURE}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {PICTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
