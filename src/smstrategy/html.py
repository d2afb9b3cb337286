"""The HTML page's body, made from the Markdown the templates write.

markdown-it-py turns the Markdown into HTML with raw HTML off, so no text can
bring its own markup.  Two things change on the way: a Mermaid block that the
library drew becomes the same picture as inline SVG (see
:mod:`smstrategy.charts.svg`), and each table sits in a box of its own that
scrolls sideways on a narrow screen instead of widening the page.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
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
    """Return the HTML of Markdown *text*; *pictures* are the charts by their Mermaid text."""
    env = {"pictures": pictures, "drawn": 0}
    # markdown-it escapes every text and, with html off, passes no raw HTML through.
    return markupsafe.Markup(_markdown_it().render(text, env))  # noqa: S704
