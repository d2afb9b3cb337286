"""Charts written as Mermaid diagrams, the pictures Markdown tools draw from text.

Every piece of text goes through :func:`label`, which keeps letters, digits,
spaces and a few harmless marks and writes everything else as one of
Mermaid's entity codes (``#35;`` for ``#``), which Mermaid shows as the
character again.  No text can end a label, start a statement or a comment,
set configuration or close the Markdown fence around the diagram::

    >>> from smstrategy.charts.mermaid import label
    >>> label('Say "hi"; %%{init: {}}%% <b>')
    'Say #34;hi#34;#59; #37;#37;#123;init#58; #123;#125;#125;#37;#37; #60;b#62;'
"""

from __future__ import annotations

from collections.abc import Iterator

from smstrategy.charts import Chart, Lines, Pie, Stages, Timeline, shortened
from smstrategy.markdown import format_value

__all__ = ["label", "number", "write"]

#: The most characters of a label a diagram shows; longer text is cut with an ellipsis.
MOST_CHARACTERS = 60

_PLAIN = frozenset(" .,-'/!?+")
# Words that start a statement in a Gantt chart; a label that starts with one is marked.
_GANTT_WORDS = (
    "acc",
    "axisformat",
    "call",
    "click",
    "dateformat",
    "excludes",
    "gantt",
    "href",
    "inclusiveenddates",
    "includes",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "weekday",
    "weekend",
)


def label(text: str, limit: int = MOST_CHARACTERS) -> str:
    """Return *text* on one line, cut to *limit* characters, safe anywhere in a diagram.

    Text with nothing to show is a no-break space, as a diagram needs something.
    """
    safe = "".join(
        c if c.isalnum() or c in _PLAIN else f"#{ord(c)};" for c in shortened(text, limit)
    )
    return safe or "#160;"


def _statement_text(text: str) -> str:
    """Return a label that cannot be read as a Gantt chart's keyword at the start of a line."""
    safe = label(text)
    if safe.lower().startswith(_GANTT_WORDS):
        return f"#{ord(safe[0])};{safe[1:]}"
    return safe


def number(value: float) -> str:
    """Write a number in plain digits, never in exponent form, with the decimals it needs."""
    return format_value(float(value))


def _accessible(title: str, description: str) -> Iterator[str]:
    yield f"    accTitle: {label(title)}"
    yield f"    accDescr: {label(description, limit=1000)}"


def _pie(chart: Pie) -> Iterator[str]:
    yield f"pie title {label(chart.title)}"
    yield from _accessible(chart.title, chart.description)
    for name, value in chart.slices:
        yield f'    "{label(name)}" : {number(value)}'


def _timeline(chart: Timeline) -> Iterator[str]:
    yield from ("---", "displayMode: compact", "---", "gantt")
    yield f"    title {_statement_text(chart.title)}"
    yield from _accessible(chart.title, chart.description)
    yield "    dateFormat YYYY-MM-DD"
    yield "    axisFormat %Y-%m-%d"
    for row, events in chart.rows:
        yield f"    section {_statement_text(row)}"
        for day, text in events:
            yield f"    {_statement_text(text)} : {day.isoformat()}, 1d"


def _stages(chart: Stages) -> Iterator[str]:
    yield "flowchart LR"
    yield from _accessible(chart.title, chart.description)
    yield "    " + " --> ".join(f's{i}["{label(name)}"]' for i, name in enumerate(chart.stages))
    for i, (name, at) in enumerate(chart.marks):
        yield f'    m{i}(["{label(name)}"]) -.-> s{at}'
    yield "    classDef reached stroke-width:4px,font-weight:bold"
    yield "    class " + ",".join(sorted({f"s{at}" for _, at in chart.marks})) + " reached"


def _lines(chart: Lines) -> Iterator[str]:
    yield "xychart-beta"
    yield f'    title "{label(chart.title)}"'
    yield from _accessible(chart.title, chart.description)
    yield "    x-axis [" + ", ".join(f'"{label(point)}"' for point in chart.points) + "]"
    if chart.unit.strip():
        yield f'    y-axis "{label(chart.unit)}"'
    for _, values in chart.series:
        yield "    line [" + ", ".join(number(value) for value in values) + "]"


def write(chart: Chart) -> str:
    """Return *chart* as the text of a Mermaid diagram."""
    if isinstance(chart, Pie):
        lines = _pie(chart)
    elif isinstance(chart, Timeline):
        lines = _timeline(chart)
    elif isinstance(chart, Stages):
        lines = _stages(chart)
    else:
        lines = _lines(chart)
    return "\n".join(lines)
