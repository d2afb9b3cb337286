"""Charts drawn as inline SVG for the HTML page: no script, nothing fetched.

The drawing is built as XML elements with the standard library's
:mod:`xml.etree.ElementTree`, which writes well-formed XML and escapes every
text.  Each picture says what it is to a screen reader (``role="img"`` with a
``<title>`` and a ``<desc>``), draws its text and lines in ``currentColor`` so
it follows the page into dark mode, and fills with colours that read on a
light and a dark page alike, and in print::

    >>> import smstrategy as sms
    >>> from smstrategy.charts import mix_chart
    >>> from smstrategy.charts.svg import write
    >>> picture = write(mix_chart(sms.ContentMix(promotional=20, curated=30, engagement=50)))
    >>> picture.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    True
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from smstrategy.charts import Chart, Lines, Pie, Stages, Timeline, shortened

__all__ = ["write"]

#: Fills that read on light and dark pages and stay apart for colour-blind readers.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F")
_WIDTH = 640
_LINE = 22


# What XML 1.0 cannot hold: most control characters, lone surrogates and two non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """Return *text* on one line with what XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", " ".join(text.split()))


def _short(text: str, limit: int) -> str:
    return _NOT_XML.sub("\ufffd", shortened(text, limit))


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _add(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    """Add an element; attribute names are written with hyphens for underscores."""
    return ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


def _text(parent: ET.Element, x: float, y: float, text: str, **attributes: str) -> ET.Element:
    element = _add(parent, "text", x=_number(x), y=_number(y), fill="currentColor", **attributes)
    element.text = text
    return element


def _tip(parent: ET.Element, text: str) -> None:
    _add(parent, "title").text = _clean(text)


def _pie(chart: Pie, root: ET.Element) -> int:
    total = sum(value for _, value in chart.slices)
    cx = cy = r = 100.0
    angle = -math.pi / 2
    for i, ((_, value), legend) in enumerate(zip(chart.slices, chart.legend, strict=True)):
        colour = COLOURS[i % len(COLOURS)]
        share = value / total
        if share >= 1:
            shape = _add(root, "circle", cx="100", cy="100", r="100", fill=colour)
        else:
            end = angle + 2 * math.pi * share
            large = 1 if share > 0.5 else 0  # noqa: PLR2004  # the longer of the two arcs
            points = (cx + r * math.cos(angle), cy + r * math.sin(angle))
            ends = (cx + r * math.cos(end), cy + r * math.sin(end))
            path = (
                f"M100 100 L{_number(points[0])} {_number(points[1])} "
                f"A100 100 0 {large} 1 {_number(ends[0])} {_number(ends[1])} Z"
            )
            shape = _add(root, "path", d=path, fill=colour)
            angle = end
        _tip(shape, legend)
        y = 20 + i * _LINE
        _add(root, "rect", x="230", y=_number(y - 12), width="14", height="14", fill=colour)
        _text(root, 252, y, _short(legend, 48))
    return max(200, 20 + len(chart.slices) * _LINE)


def _timeline(chart: Timeline, root: ET.Element) -> int:
    left, right = 170.0, _WIDTH - 20.0
    start, end = chart.start, chart.end
    days = max((end - start).days, 1)
    for i, (row, events) in enumerate(chart.rows):
        y = 20 + i * 30
        colour = COLOURS[i % len(COLOURS)]
        _text(root, 0, y + 5, _short(row, 22))
        _add(
            root,
            "line",
            x1=_number(left),
            y1=_number(y),
            x2=_number(right),
            y2=_number(y),
            stroke="currentColor",
            opacity="0.25",
        )
        for day, text in events:
            x = left + (right - left) * (day - start).days / days
            dot = _add(
                root, "circle", cx=_number(x), cy=_number(y), r="6", fill=colour, opacity="0.85"
            )
            _tip(dot, f"{day.isoformat()}: {text}")
    bottom = 20 + len(chart.rows) * 30
    first, last = (_short(day, 30) for day in chart.span)
    _text(root, left, bottom + 4, first, font_size="13")
    _text(root, right, bottom + 4, last, font_size="13", text_anchor="end")
    return bottom + 10


def _stages(chart: Stages, root: ET.Element) -> int:
    width, gap = 140.0, (_WIDTH - 4 * 140.0) / 3
    reached = {at for _, at in chart.marks}
    for i, name in enumerate(chart.stages):
        x = i * (width + gap)
        box = _add(
            root,
            "rect",
            x=_number(x + 2),
            y="2",
            width=_number(width - 4),
            height="52",
            rx="8",
            fill=COLOURS[0] if i in reached else "none",
            stroke="currentColor",
            stroke_width="3" if i in reached else "1",
            fill_opacity="0.3",
        )
        _tip(box, name)
        _text(root, x + width / 2, 33, _short(name, 18), text_anchor="middle")
        if i:
            _add(
                root,
                "path",
                d=f"M{_number(x - gap + 4)} 28 H{_number(x - 6)} m-6 -5 l6 5 l-6 5",
                fill="none",
                stroke="currentColor",
                stroke_width="1.5",
            )
    rows = 0
    for i in range(len(chart.stages)):
        names = [name for name, at in chart.marks if at == i]
        for j, name in enumerate(names):
            x = i * (width + gap) + width / 2
            _text(root, x, 78 + j * _LINE, "\u25b2 " + _short(name, 16), text_anchor="middle")
        rows = max(rows, len(names))
    return 60 + rows * _LINE + 4


def _lines(chart: Lines, root: ET.Element) -> int:
    left, right, top, bottom = 80.0, _WIDTH - 20.0, 10.0, 210.0
    low, high = chart.ticks[0][0], chart.ticks[-1][0]
    span = (high - low) or 1.0
    count = len(chart.points)

    def x(i: int) -> float:
        return (left + right) / 2 if count == 1 else left + (right - left) * i / (count - 1)

    def y(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / span

    for value, text in chart.ticks:
        _add(
            root,
            "line",
            x1=_number(left),
            x2=_number(right),
            y1=_number(y(value)),
            y2=_number(y(value)),
            stroke="currentColor",
            opacity="0.2",
        )
        _text(root, left - 6, y(value) + 4, _short(text, 12), text_anchor="end")
    _text(root, left, bottom + 20, _short(chart.points[0], 30), font_size="13")
    if count > 1:
        last = _short(chart.points[-1], 30)
        _text(root, right, bottom + 20, last, font_size="13", text_anchor="end")
    for i, (name, values) in enumerate(chart.series):
        colour = COLOURS[i % len(COLOURS)]
        points = " ".join(f"{_number(x(j))},{_number(y(v))}" for j, v in enumerate(values))
        line = _add(
            root,
            "polyline",
            points=points,
            fill="none",
            stroke=colour,
            stroke_width="2.5",
            stroke_dasharray="6 4" if i else "none",
        )
        _tip(line, name)
        if not i:
            for j, (point, value) in enumerate(zip(chart.points, values, strict=True)):
                dot = _add(
                    root, "circle", cx=_number(x(j)), cy=_number(y(value)), r="3.5", fill=colour
                )
                _tip(dot, point)
        legend_x = left + i * 160
        _add(
            root,
            "line",
            x1=_number(legend_x),
            x2=_number(legend_x + 24),
            y1="245",
            y2="245",
            stroke=colour,
            stroke_width="2.5",
            stroke_dasharray="6 4" if i else "none",
        )
        _text(root, legend_x + 30, 250, _short(name, 18))
    if chart.unit.strip():
        _text(root, right, 250, _short(chart.unit, 30), text_anchor="end")
    return 260


def write(chart: Chart, ident: str = "chart") -> str:
    """Return *chart* as an ``<svg>`` element; *ident* makes its ids unique on the page."""
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "width": str(_WIDTH),
            "class": "chart",
            "aria-labelledby": f"{ident}-title {ident}-desc",
        },
    )
    _add(root, "title", id=f"{ident}-title").text = _clean(chart.title)
    _add(root, "desc", id=f"{ident}-desc").text = _clean(chart.description)
    drawing = _add(root, "g", font_size="14")
    if isinstance(chart, Pie):
        height = _pie(chart, drawing)
    elif isinstance(chart, Timeline):
        height = _timeline(chart, drawing)
    elif isinstance(chart, Stages):
        height = _stages(chart, drawing)
    else:
        height = _lines(chart, drawing)
    root.set("height", str(height))
    root.set("viewBox", f"0 0 {_WIDTH} {height}")
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)
