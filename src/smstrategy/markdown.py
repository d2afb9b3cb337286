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


def format_value(value: object) -> str:
    """Write a scalar value as plain text (not yet escaped).

    Whole numbers lose their ``.0``, enums show their value, dates are ISO
    8601, booleans read ``yes``/``no`` and ``None`` is an em dash.
    """
    if value is None:
        text = "\u2014"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0")
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
