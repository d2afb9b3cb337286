r"""Content calendars to and from spreadsheets: CSV, and XLSX with the ``xlsx`` extra.

A calendar is one row per post under a header row.  :func:`calendar_to_csv`
and :func:`calendar_to_xlsx` write every field; :func:`read_calendar_csv`
and :func:`read_calendar_xlsx` read them back, equal::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> calendar = sms.Calendar(
    ...     posts=[sms.Post(when=dt.datetime(2027, 1, 4, 9), channel="Instagram",
    ...                     topic="Roast of the week", text="Ethiopia Guji, roasted today")],
    ...     timezone="Europe/Oslo",
    ... )
    >>> print(sms.calendar_to_csv(calendar).splitlines()[0])
    when,channel,topic,text,link,media,category,audience,owner,status,automation,reviewer,timezone
    >>> sms.read_calendar_csv(sms.calendar_to_csv(calendar)) == calendar
    True

The header names the columns, in any order and in any case; spaces,
underscores and hyphens are alike, and each column has a few other names
that spreadsheets and schedulers use (:data:`HEADERS`).  ``when``,
``channel`` and ``topic`` are required.  ``when`` is a date and time,
``YYYY-MM-DD HH:MM[:SS]``, local to the calendar's time zone, or with an
offset (``2027-01-04T09:00+01:00``) for a moment of its own zone; in XLSX a
date cell does as well.  ``media`` holds one reference a line.
``timezone``, where it is given, names the same IANA zone on every row.

Every problem in the file is reported in one
:class:`~smstrategy.exceptions.StructureError`, each naming the row (the
header is row 1), the column, what was expected and what came.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from smstrategy import validators as v
from smstrategy.elements import Automation, Calendar, ContentCategory, Post, PostStatus
from smstrategy.encoding import utf8_text
from smstrategy.exceptions import (
    InvalidFieldTypeError,
    StructureError,
    excerpt,
)
from smstrategy.extras import load

__all__ = [
    "COLUMNS",
    "HEADERS",
    "calendar_to_csv",
    "calendar_to_xlsx",
    "read_calendar_csv",
    "read_calendar_xlsx",
]

#: The columns, in the order the writers write them.
COLUMNS = (
    "when",
    "channel",
    "topic",
    "text",
    "link",
    "media",
    "category",
    "audience",
    "owner",
    "status",
    "automation",
    "reviewer",
    "timezone",
)
_REQUIRED = ("when", "channel", "topic")
#: The other names a header may give each column (besides its own).
HEADERS: dict[str, tuple[str, ...]] = {
    "when": ("date", "date and time", "datetime", "time", "scheduled", "publish at"),
    "channel": ("profile", "network", "account", "social profile"),
    "topic": ("title", "subject"),
    "text": ("message", "post", "copy", "caption"),
    "link": ("url",),
    "media": ("image", "images", "media url", "attachments"),
    "category": ("content category",),
    "audience": (),
    "owner": ("author",),
    "status": (),
    "automation": ("publishing",),
    "reviewer": ("approver",),
    "timezone": ("time zone", "tz"),
}
_NAMES = {alias: column for column, aliases in HEADERS.items() for alias in (column, *aliases)}
_SEPARATORS = re.compile(r"[\s_-]+")
_ENUMS: dict[str, Any] = {
    "category": ContentCategory,
    "status": PostStatus,
    "automation": Automation,
}


def _header_name(cell: object) -> str:
    return _SEPARATORS.sub(" ", str(cell or "")).strip().casefold()


def _when(value: dt.datetime) -> str:
    return value.isoformat(sep=" ")


def _rows(calendar: Calendar) -> Iterator[list[Any]]:
    """Yield each post's cells, in the order of :data:`COLUMNS`."""
    for post in calendar.posts:
        yield [
            post.when,
            post.channel,
            post.topic,
            post.text,
            post.link,
            "\n".join(post.media),
            post.category.value,
            post.audience,
            post.owner,
            post.status.value,
            post.automation.value,
            post.reviewer,
            calendar.timezone,
        ]


def calendar_to_csv(calendar: Calendar) -> str:
    """Write every field of every post as CSV, one row a post under a header row."""
    v.instance(Calendar).check("calendar_to_csv", "calendar", calendar)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([_when(row[0]), *row[1:]] for row in _rows(calendar))
    return out.getvalue()


def read_calendar_csv(text: str | bytes) -> Calendar:
    """Read a calendar from CSV text with a header row; see the module's description."""
    text = utf8_text(text)
    if not isinstance(text, str):
        raise InvalidFieldTypeError("read_calendar_csv", "text", "CSV text (str or bytes)", text)
    rows = csv.reader(_lines(text.removeprefix("\ufeff")))
    try:
        return _calendar(rows)
    except csv.Error as e:
        raise StructureError([f"not CSV: {e}"]) from None


def _lines(text: str) -> Iterator[str]:
    """Yield the lines of *text* with their endings, one at a time, for the CSV reader."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


# --- XLSX -------------------------------------------------------------------------------------


def _openpyxl() -> Any:
    return load("openpyxl", extra="xlsx", feature="XLSX", package="openpyxl")


def calendar_to_xlsx(calendar: Calendar) -> bytes:
    r"""Write every field of every post as an XLSX workbook of one sheet, ``Calendar``.

    Times are date cells where Excel can hold them (a local time to the
    second) and text otherwise.  Every cell of text is written as text, never
    as a formula.  A worksheet keeps every line break as a line feed, so
    ``\r\n`` and a lone ``\r`` are read back as ``\n``.  Posts hold no other
    control character (their text fields refuse them), so every post fits.
    """
    v.instance(Calendar).check("calendar_to_xlsx", "calendar", calendar)
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Calendar")
    sheet.append(list(COLUMNS))
    for when, *rest in _rows(calendar):
        cells = [_xlsx_when(sheet, when, WriteOnlyCell)]
        for value in rest:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text stays text: a leading = is not a formula
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


#: The first day a spreadsheet's date cell holds as it is (Excel counts 1900 as a leap year).
_FIRST_DATE_CELL = dt.datetime(1900, 3, 1)  # noqa: DTZ001  # a local time, as the cells hold


def _xlsx_when(sheet: Any, when: dt.datetime, cell_class: Any) -> Any:
    """Return a date cell for a local time to the second from 1900 on; text for any other."""
    if when.tzinfo is None and not when.microsecond and when >= _FIRST_DATE_CELL:
        cell = cell_class(sheet, value=when)
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    cell = cell_class(sheet, value=_when(when))
    cell.data_type = "s"
    return cell


def read_calendar_xlsx(data: bytes) -> Calendar:
    """Read a calendar from the first sheet of an XLSX workbook; see the module's description."""
    if not isinstance(data, bytes):
        raise InvalidFieldTypeError("read_calendar_xlsx", "data", "XLSX bytes", data)
    openpyxl = _openpyxl()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001  # zip, XML and openpyxl's own errors alike
        raise StructureError([f"not an XLSX workbook: {type(e).__name__}: {e}"]) from None
    try:
        return _calendar(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


# --- reading rows -----------------------------------------------------------------------------


class _Cell(Exception):  # noqa: N818  # internal: never leaves this module
    """A cell that cannot be read; the message says what was expected."""


def _text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_when(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    text = _text_of(value).strip()
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _Cell("a date and time as YYYY-MM-DD HH:MM") from None
    if len(text) < len("YYYY-MM-DD HH:MM"):
        raise _Cell("a date and time as YYYY-MM-DD HH:MM")
    return when


def _read_enum(column: str, value: object) -> Any:
    kind = _ENUMS[column]
    text = _text_of(value).strip().casefold()
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise _Cell(f"one of {allowed}") from None


def _header(row: Sequence[object]) -> tuple[list[str | None], list[str]]:
    """Return each cell's column (None for an empty one) and the problems with the header."""
    names = [_header_name(cell) for cell in row]
    columns = [_NAMES.get(name) if name else None for name in names]
    problems = []
    unknown = [
        cell
        for cell, column, name in zip(row, columns, names, strict=True)
        if name and column is None
    ]
    if unknown:
        shown = ", ".join(excerpt(_text_of(cell)) for cell in unknown[:5])
        problems.append(f"row 1: expected columns among {', '.join(COLUMNS)}; got {shown}")
    twice = sorted(c for c, n in Counter(c for c in columns if c).items() if n > 1)
    if twice:
        problems.append(
            f"row 1: expected each column once, got {', '.join(map(repr, twice))} twice"
        )
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        problems.append(f"row 1: missing the column(s) {', '.join(map(repr, missing))}")
    return columns, problems


def _calendar(rows: Iterable[Sequence[object]]) -> Calendar:
    """Make a calendar of a header row and rows of cells, read one at a time.

    Every problem is reported at once.
    """
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise StructureError(["expected a header row, got an empty file"])
    columns, problems = _header(header)
    if problems:
        raise StructureError(problems)
    posts: list[Post] = []
    zones: set[str] = set()
    for number, row in enumerate(rows, 2):
        if all(_text_of(cell).strip() == "" for cell in row):
            continue  # blank rows between blocks of posts
        fields, zone = _fields(number, columns, row, problems)
        if zone:
            zones.add(zone)
        if fields is not None:
            try:
                posts.append(Post(**fields))
            except (ValueError, TypeError) as e:
                problems.append(f"row {number}: {e}")
    timezone = _zone(zones, problems)
    if problems:
        raise StructureError(problems)
    return Calendar(posts=posts, timezone=timezone)


def _zone(zones: set[str], problems: list[str]) -> str:
    """Return the one time zone the rows name, or ``""``; add a problem for more, or a bad one."""
    if len(zones) > 1:
        shown = ", ".join(sorted(map(excerpt, zones)))
        problems.append(f"column 'timezone': expected one time zone, got {shown}")
    timezone = min(zones, default="")
    if timezone and v.zone(timezone) is None:
        problems.append(f"column 'timezone': expected an IANA time zone, got {excerpt(timezone)}")
    return timezone


def _fields(
    number: int, columns: Sequence[str | None], row: Sequence[object], problems: list[str]
) -> tuple[dict[str, Any] | None, str]:
    """Read one row's cells; add its problems; return the post's fields and its time zone."""
    fields: dict[str, Any] = {}
    zone = ""
    before = len(problems)
    for column, value in zip(columns, _padded(row, len(columns)), strict=True):
        if column is None:
            continue
        try:
            if column == "when":
                fields["when"] = _read_when(value)
            elif column in _ENUMS:
                if _text_of(value).strip():
                    fields[column] = _read_enum(column, value)
            elif column == "media":
                fields["media"] = tuple(
                    line for line in _text_of(value).splitlines() if line.strip()
                )
            elif column == "timezone":
                zone = _text_of(value).strip()
            else:
                fields[column] = _text_of(value)
        except _Cell as e:
            shown = excerpt(_text_of(value))
            problems.append(f"row {number}, column {column!r}: expected {e}, got {shown}")
    return (None if len(problems) > before else fields), zone


def _padded(row: Sequence[object], width: int) -> Iterable[object]:
    return [*row[:width], *([None] * (width - len(row)))]
