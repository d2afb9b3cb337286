"""Turning the five-step example's Markdown into its HTML page, against markdown-it-py alone.

The library's HTML is markdown-it-py's, with the Mermaid pictures drawn as
inline SVG, tables in boxes that scroll, and the page around the body.  The
baseline is markdown-it-py with the same options turning the same Markdown into
HTML and nothing more (a Mermaid block stays a code block).  Both are timed in
alternating rounds.  Budget: 1.1x.

    python benchmarks/html_markdown_it.py
"""

from __future__ import annotations

from _timing import Row, paired, show
from markdown_it import MarkdownIt

import smstrategy as sms
from smstrategy import rendering
from smstrategy.html import body as html_body
from smstrategy.i18n import language
from smstrategy.pages.plans import plan_page

BUDGET = 1.1
LIMITS = rendering._LIMITS  # noqa: SLF001


def rows() -> list[Row]:
    """Render the example's Markdown once, then time both ways of making its HTML."""
    plan = sms.example("five-step")
    words = language("en")
    names, context, title = plan_page(plan, words)
    pictures: dict[str, object] = {}
    context["pictures"] = pictures
    env = rendering.environment(None, words)
    markdown = rendering._run(env, names, context, rendering._LIMITS)  # noqa: SLF001
    markdown = rendering._BLANK_LINES.sub("\n\n", markdown).strip() + "\n"  # noqa: SLF001
    assert markdown == sms.render(plan)

    def page() -> str:
        body = html_body(markdown, pictures)  # type: ignore[arg-type]
        return rendering._run(env, ["page.html.j2"], {"title": title, "body": body}, LIMITS)  # noqa: SLF001

    assert page() == sms.render(plan, "html")
    assert "<svg" in page()
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    library, baseline, ratio = paired(page, lambda: parser.render(markdown))
    return [
        Row(
            "the five-step example's Markdown to its HTML page",
            "markdown-it-py alone on the same Markdown",
            ratio,
            BUDGET,
            f"{library * 1e6:.0f} µs against {baseline * 1e6:.0f} µs",
        )
    ]


def main() -> None:
    """Print the row."""
    show(rows())


if __name__ == "__main__":
    main()
