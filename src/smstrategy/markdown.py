r"""Plain text made safe for Markdown, and values written as text.

:func:`escape` is the one filter every user-supplied string passes through on
its way into a Markdown document.  It keeps the text readable and makes sure
it cannot open a heading, a list, a table cell, emphasis, code, a link or raw
HTML::

    >>> from smstrategy.markdown import escape
    >>> print(escape("# Sale! <b>50%</b> off | [click](javascript:alert(1))"))
    \# Sale! \<b\>50%\</b\> off \| \[click\](javascript:alert(1))
    >>> print(escape("- first line\n> second line"))
    \- first line \> second line
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable

__all__ = ["cells", "escape", "format_value", "label"]

# Characters that can start inline structure anywhere in a line.
_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "\\<",
        ">": "\\>",
        "#": "\\#",
        "|": "\\|",
        "&": "\\&",
        "~": "\\~",
        "\x00": "\ufffd",
    }
)
# Line endings become spaces: every string is written on one line.
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")
# What can open a block when it starts a line: list markers, setext underlines.
_LEADING = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
_MAY_LEAD = frozenset("-+=0123456789")


def escape(text: str) -> str:
    """Return *text* as Markdown that renders to the same words, with no structure.

    Line breaks become spaces and the ends are trimmed, so the result always
    fits on one line of a paragraph, a heading or a table cell.
    """
    if "\n" in text or "\r" in text:
        text = _LINE_ENDINGS.sub(" ", text)
    escaped = text.strip(" \t\f\v").translate(_INLINE)
    if escaped[:1] in _MAY_LEAD:
        return _LEADING.sub(_escape_leading, escaped, count=1)
    return escaped


def cells(values: Iterable[str]) -> str:
    """Escape each value and join them as the cells of a table row: ``a | b | c``."""
    return " | ".join([escape(value) for value in values])


def _escape_leading(match: re.Match[str]) -> str:
    marker, digits, delimiter = match.groups()
    return f"\\{marker}" if marker else f"{digits}\\{delimiter}"


#: The most decimals a number is written with (a value smaller than that shows as 0).
_MOST_DECIMALS = 12


def decimals(value: float) -> int:
    """Return how many decimals write *value* truthfully.

    None for a whole number; otherwise two, or as many more as it takes for
    the number written not to read as a whole number or zero that the value
    is not (2.999 is not 3, 0.004 is not 0)::

        >>> decimals(40000.0), decimals(2.5), decimals(2.999), decimals(0.004)
        (0, 2, 3, 3)
    """
    if float(value).is_integer():
        return 0
    for count in range(2, _MOST_DECIMALS):
        shown = round(value, count)
        if shown != 0 and not float(shown).is_integer():
            return count
    return _MOST_DECIMALS


def percent_decimals(percent: float) -> int:
    """Return how many decimals write a percentage truthfully: none, unless that shows 0 or 100.

    A share that is not nothing is never written ``0 %``, nor one that is not
    all of it ``100 %``::

        >>> percent_decimals(62.5), percent_decimals(0.4), percent_decimals(99.96)
        (0, 1, 2)
    """
    for count in range(4):
        shown = round(percent, count)
        if not (shown == 0 and percent != 0) and not (shown == 100 and percent != 100):  # noqa: PLR2004
            return count
    return 4


def format_value(value: object) -> str:
    """Write a scalar value as plain text (not yet escaped).

    Whole numbers lose their ``.0`` and others show the decimals that
    :func:`decimals` asks for, enums show their value, dates are ISO 8601,
    booleans read ``yes``/``no`` and ``None`` is an em dash.
    """
    if value is None:
        text = "\u2014"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, float):
        count = decimals(value)
        shown = round(value, count) or 0.0  # a value too small to show is 0, never -0
        text = str(int(shown)) if count == 0 else f"{shown:.{count}f}".rstrip("0").rstrip(".")
    elif isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return text


def label(name: str) -> str:
    """Turn an attribute name into a label: ``reviewed_goals`` reads ``Reviewed goals``."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
