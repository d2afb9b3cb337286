r"""Observations to and from CSV, as spreadsheets export them.

The first row names the columns, in any order: ``date``, ``metric`` and
``value`` are required, ``goal``, ``channel``, ``category`` and ``source``
optional.  Dates are ISO 8601 (``2027-01-31``), values plain numbers
(``1234.5``)::

    >>> import smstrategy as sms
    >>> results = sms.read_results_csv(
    ...     "date,metric,value,channel\n"
    ...     "2027-01-31,monthly reach in Bergen,15000,\n"
    ...     "2027-01-31,monthly reach in Bergen,11000,instagram\n"
    ... )
    >>> [(o.metric, o.value, o.channel) for o in results.observations]
    [('monthly reach in Bergen', 15000, ''), ('monthly reach in Bergen', 11000, 'instagram')]

Every problem in the file is reported in one
:class:`~smstrategy.exceptions.StructureError`, each line naming the row (as
a spreadsheet numbers it, the header being row 1), the column, what was
expected and what came::

    >>> sms.read_results_csv("date,metric,value\n2027-01-31,reach,lots\n31.1.2027,reach,5\n")
    Traceback (most recent call last):
    ...
    smstrategy.exceptions.StructureError: 2 problems in the data:
      row 2, column 'value': expected a number, got 'lots'
      row 3, column 'date': expected a date as YYYY-MM-DD, got '31.1.2027'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

from smstrategy.elements import ContentCategory
from smstrategy.encoding import utf8_text
from smstrategy.exceptions import StructureError
from smstrategy.results import Observation, Results

__all__ = ["COLUMNS", "read_results_csv", "results_to_csv"]

#: The columns a results file may have, in the order :func:`results_to_csv` writes them.
COLUMNS = ("date", "metric", "value", "goal", "channel", "category", "source")
_REQUIRED = ("date", "metric", "value")
#: How much of a bad cell an error message shows.
_EXCERPT = 40
#: How many unknown columns an error message names.
_SHOWN = 5


def _excerpt(text: str) -> str:
    """Return *text* quoted, cut to a readable length."""
    if len(text) > _EXCERPT:
        return repr(text[:_EXCERPT]) + "\u2026"
    return repr(text)


class _Cell(Exception):  # noqa: N818  # internal: never leaves this module
    """A cell that cannot be read; the message says what was expected."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _Cell("a date as YYYY-MM-DD") from None


def _number(text: str) -> float:
    cleaned = text.strip()
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        number = float(cleaned)
    except ValueError:
        raise _Cell("a number") from None
    if not math.isfinite(number):
        raise _Cell("a finite number")
    return number


def _text(text: str) -> str:
    if not text.strip():
        raise _Cell("a non-empty text")
    return text


def _as_written(text: str) -> str:
    return text


def _category(text: str) -> ContentCategory | None:
    cleaned = text.strip().casefold()
    if not cleaned:
        return None
    try:
        return ContentCategory(cleaned)
    except ValueError:
        allowed = ", ".join(repr(c.value) for c in ContentCategory)
        raise _Cell(f"one of {allowed} or nothing") from None


_READERS = {
    "date": ("on", _date),
    "metric": ("metric", _text),
    "value": ("value", _number),
    "goal": ("goal", _as_written),
    "channel": ("channel", _as_written),
    "category": ("category", _category),
    "source": ("source", _as_written),
}


def _header(number: int, row: list[str]) -> tuple[list[str], list[str]]:
    """Return the folded column names and the problems with them."""
    names = [cell.strip().casefold() for cell in row]
    problems = []
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        known = ", ".join(COLUMNS)
        shown = ", ".join(_excerpt(name) for name in unknown[:_SHOWN])
        more = f" and {len(unknown) - _SHOWN} more" if len(unknown) > _SHOWN else ""
        problems.append(f"row {number}: expected only the columns {known}, got {shown}{more}")
    twice = sorted(name for name, count in Counter(names).items() if count > 1)
    if twice and not unknown:
        shown = ", ".join(map(repr, twice))
        problems.append(f"row {number}: expected each column once, got {shown} twice")
    missing = [name for name in _REQUIRED if name not in names]
    if missing:
        shown = ", ".join(map(repr, missing))
        problems.append(f"row {number}: missing the column(s) {shown}")
    return names, problems


def read_results_csv(text: str | bytes) -> Results:
    """Read observations from CSV text (or UTF-8 bytes); see the module's description.

    A UTF-8 byte order mark is skipped and blank rows are ignored.  Two values
    for the same metric, goal, channel, category and date are an error that
    names both rows.
    """
    text = utf8_text(text)
    rows = _rows(text.removeprefix("\ufeff"))
    names, problems = _header(*next(rows, (1, [])))
    if problems:
        raise StructureError(problems)
    observations: list[Observation] = []
    first_row: dict[tuple[Any, ...], int] = {}
    for number, row in rows:
        observation = _observation(number, names, row, problems)
        if observation is None:
            continue
        key = (*observation.series, observation.on)
        first = first_row.setdefault(key, number)
        if first != number:
            problems.append(
                f"row {number}: a second value for {observation.metric!r} on "
                f"{observation.on.isoformat()} (row {first} has the first)"
            )
            continue
        observations.append(observation)
    if problems:
        raise StructureError(problems)
    return Results(observations=observations)


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield the rows that hold something, numbered as a spreadsheet numbers them."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise StructureError([f"row {number}: not CSV ({e})"]) from None
        if any(cell.strip() for cell in row):
            yield number, row


def _observation(
    number: int, names: list[str], row: list[str], problems: list[str]
) -> Observation | None:
    """Read one row, or add its problems to *problems* and return ``None``."""
    if len(row) > len(names):
        problems.append(f"row {number}: expected at most {len(names)} cells, got {len(row)}")
        return None
    fields: dict[str, Any] = {}
    for name, cell in zip(names, [*row, *[""] * (len(names) - len(row))], strict=True):
        field, read = _READERS[name]
        try:
            fields[field] = read(cell)
        except _Cell as e:
            problems.append(f"row {number}, column {name!r}: expected {e}, got {_excerpt(cell)}")
    if len(fields) < len(names):
        return None
    return Observation(**fields)


def results_to_csv(results: Results) -> str:
    """Write the observations of *results* as CSV with every column; feedback is not written."""
    if not isinstance(results, Results):
        raise StructureError([f"expected Results, got {_excerpt(repr(results))}"])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for o in results.observations:
        writer.writerow(
            (
                o.on.isoformat(),
                o.metric,
                str(o.value),
                o.goal,
                o.channel,
                "" if o.category is None else o.category.value,
                o.source,
            )
        )
    return out.getvalue()
