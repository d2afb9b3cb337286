"""The HTML page's body, made from the Markdown the templates write.

markdown-it-py turns the Markdown into HTML with raw HTML off, so no text can
bring its own markup.  Two things change on the way: a Mermaid block that the
library drew becomes the same picture as inline SVG (see
:mod:`smstrategy.charts.svg`), and each table sits in a box of its own that
scrolls sideways on a narrow screen instead of widening the page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import markupsafe

from smstrategy.charts import Chart
from smstrategy.charts import svg as svg_charts
from smstrategy.extras import load

__all__ = ["body"]


def _fence(renderer: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    """Draw a Mermaid block the library wrote as SVG; write any other fence as code."""
    token = tokens[idx]
    chart = env["pictures"].get(token.content.strip()) if token.info.strip() == "mermaid" else None
    if chart is None:
        return str(renderer.__class__.fence(renderer, tokens, idx, options, env))
    env["drawn"] += 1
    picture = svg_charts.write(chart, ident=f"chart-{env['drawn']}")
    caption = markupsafe.escape(chart.title)
    return f'<figure class="chart">\n{picture}\n<figcaption>{caption}</figcaption>\n</figure>\n'


def _table_open(renderer: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return '<div class="table">\n' + str(renderer.renderToken(tokens, idx, options, env))


def _table_close(renderer: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return str(renderer.renderToken(tokens, idx, options, env)) + "</div>\n"


@functools.cache
def _markdown_it() -> Any:
    markdown_it = load("markdown_it", extra="html", feature="HTML output", package="markdown-it-py")
    md = markdown_it.MarkdownIt("commonmark", {"html": False}).enable("table")
    md.add_render_rule("fence", _fence)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    return md


def body(text: str, pictures: Mapping[str, Chart]) -> markupsafe.Markup:
    """Return the HTML of Markdown *text*; *pictures* are the charts by their Mermaid text.

    Long text is turned into HTML one section at a time (see :func:`sections`),
    so that a long calendar never has all its tokens in memory at once; the
    HTML is the same as that of the whole text at once.
    """
    env = {"pictures": pictures, "drawn": 0}
    render = _markdown_it().render
    parts = sections(text) if len(text) >= SECTIONS_FROM else (text,)
    # markdown-it escapes every text and, with html off, passes no raw HTML through.
    return markupsafe.Markup("".join(render(part, env) for part in parts))  # noqa: S704


#: The length of Markdown from which it is made into HTML by sections; shorter text is
#: made at once, which is as quick and takes little memory anyway.
SECTIONS_FROM = 100_000


#: A fence's opening or closing line: up to three spaces, then three or more ` or ~.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
#: A link reference definition, whose label the whole document shares.
_DEFINITION = re.compile(r"^ {0,3}\[", re.MULTILINE)


def sections(text: str) -> Iterator[str]:
    """Split Markdown *text* before each heading that starts a line after a blank one.

    Such a heading closes whatever block came before it, so the sections make
    the same HTML one by one as the whole text does.  Lines inside fenced code
    blocks never split it, and text that may define link references (which
    the whole document shares) is not split at all.
    """
    if _DEFINITION.search(text):
        yield text
        return
    lines = text.splitlines(keepends=True)
    start = 0
    fence = ""
    blank = True
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            if (
                opened
                and opened[1][0] == fence[0]
                and len(opened[1]) >= len(fence)
                and not line[opened.end() :].strip()
            ):
                fence = ""
        elif opened and not (opened[1][0] == "`" and "`" in line[opened.end() :]):
            fence = opened[1]
        elif blank and line.startswith("#") and index > start:
            yield "".join(lines[start:index])
            start = index
        blank = not fence and not line.strip()
    yield "".join(lines[start:])
