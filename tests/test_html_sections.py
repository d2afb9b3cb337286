"""HTML is made one section of the Markdown at a time, and is the same as made at once."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy import html
from smstrategy.strategies import calendars, plans


def _at_once(text: str) -> str:
    return html._markdown_it().render(text, {"pictures": {}, "drawn": 0})


@pytest.fixture(autouse=True)
def _always_by_sections(monkeypatch):
    """Make HTML by sections whatever the length of the text."""
    monkeypatch.setattr(html, "SECTIONS_FROM", 0)


def _by_sections(text: str) -> str:
    return str(html.body(text, {}))


#: Pieces of Markdown that open, close or continue blocks, put together at random.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "# Title\n",
        "## Week 1\n",
        "#not a heading\n",
        "####### seven\n",
        "```\n",
        "````\n",
        "``` mermaid\n",
        "```a`b\n",
        "~~~\n",
        "   ```\n",
        "    ```\n",
        "- item\n",
        "  - nested\n",
        "1. first\n",
        "> quote\n",
        "| a | b |\n",
        "| --- | --- |\n",
        "    indented code\n",
        "text\n",
        "===\n",
        "[label]: https://example.org\n",
        "[label]\n",
        "* * *\n",
    ]
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(PIECES, max_size=30))
def test_any_markdown_makes_the_same_html_by_sections(pieces):
    """Whatever blocks the text holds, the sections make the HTML the whole text makes."""
    text = "".join(pieces)
    assert _by_sections(text) == _at_once(text)
    assert "".join(html.sections(text)) == text


@pytest.mark.parametrize("key", ["five-step", "eight-step", "popt", "roadmap"])
def test_pages_are_the_same_by_sections(key):
    """The examples' pages, pictures and all, come out as they did from the whole text."""
    plan = sms.example(key)
    text = sms.render(plan, diagrams=False)
    assert len(list(html.sections(text))) > 1
    assert _by_sections(text) == _at_once(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(calendar=calendars())
def test_calendars_are_the_same_by_sections(calendar):
    """A calendar's weeks are sections of their own, and its HTML is unchanged."""
    text = sms.render(calendar, diagrams=False)
    assert _by_sections(text) == _at_once(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans(sms.Roadmap))
def test_any_plan_is_the_same_by_sections(plan):
    """Any plan's Markdown makes the same HTML by sections."""
    text = sms.render(plan, diagrams=False)
    assert _by_sections(text) == _at_once(text)


def test_text_that_may_define_link_references_is_not_split():
    """A definition's label belongs to the whole document: such text stays whole."""
    text = "# A\n\n[x]\n\n# B\n\n[x]: https://example.org\n"
    assert list(html.sections(text)) == [text]
    assert _by_sections(text) == _at_once(text)
    assert list(html.sections("# A\n\ntext\n\n# B\n")) == ["# A\n\ntext\n\n", "# B\n"]


def test_short_text_is_made_at_once(monkeypatch):
    """Text shorter than SECTIONS_FROM is not split; longer text is, with the same HTML."""
    monkeypatch.setattr(html, "SECTIONS_FROM", 100)
    split: list[str] = []
    real = html.sections
    monkeypatch.setattr(html, "sections", lambda text: split.append(text) or real(text))
    short = "# A\n\ntext\n"
    assert _by_sections(short) == _at_once(short)
    assert split == []
    long = short + "\n# B\n\n" + "more text " * 20 + "\n"
    assert _by_sections(long) == _at_once(long)
    assert split == [long]
