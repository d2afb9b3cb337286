"""The HTML page in a real browser: headless Chromium, on a wide screen and on a phone's."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

import smstrategy as sms
from tools import CHROMIUM_FLAGS, chromium

KEYS = ("five-step", "eight-step", "popt", "roadmap", "council", "community", "nonprofit")
WIDTHS = (1280, 390)

# Loads every page in frames of each width, then writes what it measured into the page.
HARNESS = """<!doctype html>
<html><head><meta charset="utf-8"></head><body>
{frames}
<pre id="result"></pre>
<script>
const DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\u00a0\\d{{1,2}},\\u00a0\\d{{4}}$/;
function measure() {{
  const found = [];
  for (const frame of document.querySelectorAll("iframe")) {{
    const page = frame.contentDocument.documentElement;
    const boxes = [...frame.contentDocument.querySelectorAll("div.table")];
    const brokenDates = [...frame.contentDocument.querySelectorAll("td")]
      .filter((cell) => DATE.test(cell.textContent))
      .filter((cell) => {{
        const range = frame.contentDocument.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }})
      .map((cell) => cell.textContent);
    found.push({{
      page: frame.dataset.page,
      width: frame.clientWidth,
      scrollWidth: page.scrollWidth,
      clientWidth: page.clientWidth,
      tables: boxes.length,
      scrolling: boxes.filter((box) => box.scrollWidth > box.clientWidth).length,
      boxesWithin: boxes.every((box) => box.getBoundingClientRect().right <= page.clientWidth),
      dates: [...frame.contentDocument.querySelectorAll("td")]
        .filter((cell) => DATE.test(cell.textContent)).length,
      brokenDates,
      pictures: frame.contentDocument.querySelectorAll("svg").length,
    }});
  }}
  document.getElementById("result").textContent = JSON.stringify(found);
}}
window.addEventListener("load", measure);
</script>
</body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Serve each bundled example's HTML page and the harness on a local port."""
    folder = tmp_path_factory.mktemp("site")
    for key in KEYS:
        plan = sms.example(key)
        page = sms.render(plan, "html", report=sms.check(plan), as_of=dt.date(2027, 1, 4))
        (folder / f"{key}.html").write_text(page, encoding="utf-8")
    card = sms.scorecard(sms.example("five-step"), sms.example_results())
    (folder / "scorecard.html").write_text(sms.render(card, "html"), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def measure(site: tuple[str, Path], profile: Path, pages: list[str]) -> list[dict]:
    """Load *pages* at each width in Chromium and return what the harness measured.

    The harness is served with the pages, so the frames share its origin and
    it can look inside them.
    """
    address, folder = site
    frames = "\n".join(
        f'<iframe data-page="{page}" src="{page}.html" '
        f'style="width:{width}px;height:800px;border:0;display:block"></iframe>'
        for page in pages
        for width in WIDTHS
    )
    (folder / "harness.html").write_text(HARNESS.format(frames=frames), encoding="utf-8")
    dom = subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--window-size=1400,1000",
            "--virtual-time-budget=10000",
            "--dump-dom",
            f"{address}/harness.html",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, flags=re.DOTALL)
    assert found, dom[-2000:]
    return json.loads(found[1].replace("&quot;", '"').replace("&amp;", "&"))


def test_no_page_overflows_at_1280_or_390_pixels(site, tmp_path):
    """No bundled example's page is wider than the screen; wide tables scroll in their box."""
    results = measure(site, tmp_path, [*KEYS, "scorecard"])
    assert len(results) == (len(KEYS) + 1) * len(WIDTHS)
    for result in results:
        where = f"{result['page']} at {result['width']} px"
        assert result["width"] in WIDTHS
        assert result["scrollWidth"] <= result["clientWidth"], where
        assert result["boxesWithin"], where
        assert result["tables"] > 0, where
        assert result["pictures"] > 0, where
        assert result["brokenDates"] == [], where
    narrow = {r["page"]: r for r in results if r["width"] == 390}
    # The nine-column channel table is wider than a phone: it scrolls inside its own box.
    assert narrow["five-step"]["scrolling"] > 0
    assert sum(r["dates"] for r in results) > 0


def test_printing_gives_a4_pages_with_each_step_on_a_page_of_its_own(tmp_path):
    """Chromium prints the page on A4, and every step's heading starts a new page."""
    plan = sms.example("five-step")
    page = tmp_path / "plan.html"
    page.write_text(sms.render(plan, "html"), encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    reader = pypdf.PdfReader(pdf)
    for sheet in reader.pages:
        width, height = (float(x) * 25.4 / 72 for x in sheet.mediabox[2:])
        assert (round(width), round(height)) == (210, 297)  # millimetres: A4
    firsts = [sheet.extract_text().strip().split("\n")[0] for sheet in reader.pages]
    titles = [step.title for step in plan.steps()]
    starts = [title for title in titles if title in firsts]
    assert starts == titles, firsts
