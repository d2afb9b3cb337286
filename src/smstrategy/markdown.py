r"""Plain text made safe for Markdown, and values written as text.

:func:`escape` is the one filter every user-supplied string passes through on
its way into a Markdown document.  It keeps the text readable and makes sure
it cannot open a heading, a list, a table cell, emphasis, code, a link or raw
HTML::

    >>> from smstrategy.markdown import escape
    >>> print(escape("# Sale! <b>50%</b> off | [click](javascript:alert(1))"))
    \# Sale! \<b>50%\</b> off \| [click\](javascript:alert(1))
    >>> print(escape("- first line\n> second line"))
    \- first line > second line
    >>> print(escape("review_every of goals[0] at 5 < 6 & C#"))
    review_every of goals[0] at 5 < 6 & C#
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable

from smstrategy.validators import REFUSED

__all__ = ["Markdown", "cells", "escape", "format_value", "label", "strong"]


class Markdown(str):
    """Text written as Markdown already: :func:`escape` gives it back as it is.

    :func:`escape` returns one, so text is never escaped twice, and a value
    made Markdown on purpose (bold, say) can pass through a filter that
    escapes everything else.
    """

    __slots__ = ()


# What can start inline structure where it stands, and only there (CommonMark 0.31, with the
# tables and strikethrough of GitHub Flavored Markdown); everything else is left as written.
_INLINE = re.compile(
    r"""
      \\(?=[!-/:-@\[-`{-~]|$)   # a backslash that would escape what follows, or break the line
    | [`*|~]                    # code spans, emphasis, table cells, strikethrough
    | (?<![^\W_])_              # an underscore that does not follow a letter or digit, or...
    | _(?![^\W_])               # ...is not followed by one: only those can open or close emphasis
    | \](?=[(\[:])              # the end of a link's text, or of a link definition's label
    | <(?=[A-Za-z/!?])          # the start of raw HTML or of an autolink
    | &(?=\#?[A-Za-z0-9]+;)     # the start of a character reference
    """,
    re.VERBOSE,
)
_REFUSED = re.compile(f"[{REFUSED}]")
#: The characters _INLINE starts at; text without any of them has nothing to escape inline.
_MAY_OPEN = re.compile(r"[\\`*|~_\]<&]")
#: The characters but digits that _LEADING starts at.
_MAY_LEAD = frozenset("-+#>=")
# Line endings become spaces: every string is written on one line.
_LINE_ENDINGS = re.compile(r"\r\n|\r|\n")
# What opens a block when it starts a line.
_LEADING = re.compile(
    r"""^(?:
      [-+](?=[ \t]|$)                 # a bullet list marker
    | \d{1,9}(?=[.)](?:[ \t]|$))      # an ordered list marker (escaped at its . or ))
    | \#{1,6}(?=[ \t]|$)              # an ATX heading
    | >                               # a block quote
    | [-=](?=[-= \t]*$)               # a setext underline or a thematic break
    )""",
    re.VERBOSE,
)
# The closing sequence of an ATX heading: #s at the end, after white space.
_CLOSING = re.compile(r"(?<=[ \t])\#+$")
#: The characters that give :func:`escape` work wherever they stand: line endings, refused
#: characters and those that could open inline structure.  Most text holds none of them,
#: and one scan says so; its first and last characters are looked at on their own.
_WORK = re.compile(f"[\r\n{REFUSED}\\\\`*|~_\\]<&]")
#: First characters that could open a block, or be trimmed; digits are asked separately.
_MAY_START = frozenset("-+#>= \t")
#: Last characters that could close a heading, or be trimmed.
_MAY_END = frozenset("# \t")


def escape(text: str) -> Markdown:
    """Return *text* as Markdown that renders to the same words, with no structure.

    Only what could open structure where it stands is escaped: ``review_every``
    and ``goals[0]`` stay as they are, ``_emphasis_`` and ``[link](x)`` do not
    open anything.  Line breaks become spaces and the ends are trimmed, so the
    result always fits on one line of a paragraph, a heading or a table cell.
    """
    if isinstance(text, Markdown):
        return text
    first = text[:1]
    if (
        _WORK.search(text) is None
        and first not in _MAY_START
        and not first.isdigit()
        and text[-1:] not in _MAY_END
    ):
        return Markdown(text)
    return _escape_all(text)


def _escape_all(text: str) -> Markdown:
    """Escape *text* step by step: what :func:`escape` does to text that needs any of it."""
    if "\n" in text or "\r" in text:
        text = _LINE_ENDINGS.sub(" ", text)
    if not text.isprintable():  # a control character shows as the replacement character
        text = _REFUSED.sub("\ufffd", text)
    text = text.strip(" \t")
    # Most text holds none of the characters that could open structure: one scan says so.
    escaped = _INLINE.sub(r"\\\g<0>", text) if _MAY_OPEN.search(text) else text
    if escaped[:1] in _MAY_LEAD or escaped[:1].isdigit():
        escaped = _LEADING.sub(_escape_leading, escaped, count=1)
    if escaped[-1:] == "#":
        escaped = _CLOSING.sub(r"\\\g<0>", escaped, count=1)
    return Markdown(escaped)


def strong(text: str) -> Markdown:
    """Make *text* bold: escaped, between ``**``."""
    return Markdown(f"**{escape(text)}**")


def cells(values: Iterable[str]) -> str:
    """Escape each value and join them as the cells of a table row: ``a | b | c``."""
    return " | ".join([escape(value) for value in values])


def _escape_leading(match: re.Match[str]) -> str:
    marker = match[0]
    if marker[:1].isdigit():  # the . or ) after the digits is what makes the list
        return marker + "\\"
    return "\\" + marker


#: The most decimals a number is written with (a value smaller than that shows as 0).
MOST_DECIMALS = 12


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
    for count in range(2, MOST_DECIMALS):
        shown = round(value, count)
        if shown != 0 and not float(shown).is_integer():
            return count
    return MOST_DECIMALS


def rounded(value: float) -> tuple[float, int]:
    """Return *value* rounded to the decimals :func:`decimals` asks for, and their count.

    A value too small to show is 0, never -0::

        >>> rounded(2.999), rounded(-1e-15)
        ((2.999, 3), (0.0, 12))
    """
    count = decimals(value)
    return round(value, count) or 0.0, count


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
        shown, count = rounded(value)
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
