"""Every Python example in the README and the docs runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]


def python_blocks(page: Path) -> list[str]:
    """Return the page's fenced Python blocks, in order."""
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    return [t.content for t in tokens if t.type == "fence" and t.info.strip() == "python"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_blocks_run(page):
    """The page's Python blocks run, one after the other, in one namespace."""
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for block in python_blocks(page):
        exec(compile(block, str(page), "exec"), namespace)  # noqa: S102


def test_pages_have_python_blocks():
    """The README and the model page show code, so the test above checks something."""
    assert python_blocks(ROOT / "README.md")
    assert python_blocks(ROOT / "docs" / "model.md")
