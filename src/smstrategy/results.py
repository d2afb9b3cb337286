"""What happened: observations of the plan's metrics and feedback from people.

Results are kept apart from the plan, so a plan file does not change when a
month's numbers arrive.  An :class:`Observation` is a metric's value on a
date, optionally for one goal, one channel or one content category; a
:class:`Feedback` is an answer to one of the plan's questions, from one
voice::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> results = sms.Results(
    ...     observations=[
    ...         sms.Observation(metric="monthly reach in Bergen", on=dt.date(2027, 1, 31),
    ...                         value=15_000),
    ...     ],
    ...     feedback=[
    ...         sms.Feedback(question="What do you enjoy in our posts?", voice=sms.Voice.CUSTOMERS,
    ...                      on=dt.date(2027, 2, 3), answer="The roastery videos", score=5),
    ...     ],
    ... )
    >>> results.latest
    datetime.date(2027, 2, 3)

Observations that name a channel or a content category are that part's
outcome in the period since the previous observation of the same part; they
show what is working (see :func:`smstrategy.scorecards`).  Read results from a
spreadsheet export with :func:`smstrategy.read_results_csv`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from smstrategy import validators as v
from smstrategy.elements import ContentCategory, fold
from smstrategy.exceptions import InvalidFieldValueError

__all__ = ["Feedback", "Observation", "Results", "Voice"]


class Voice(enum.StrEnum):
    """Whose answer a piece of feedback is."""

    #: The people who run the plan, asking themselves.
    US = "us"
    #: The wider team or organisation.
    TEAM = "team"
    #: Customers, followers and the audience.
    CUSTOMERS = "customers"


@attrs.frozen(kw_only=True)
class Observation:
    """A metric's value on a date.

    ``metric`` is the name of one of the plan's metrics; ``goal`` narrows it to
    the goal with that statement where several goals measure a metric of that
    name.  ``channel`` (a channel's name, handle or network) or ``category``
    marks the value as one part's share, for comparing what works.
    ``source`` says where the number comes from.
    """

    metric: str = attrs.field(validator=v.text())
    on: dt.date = attrs.field(validator=v.a_date())
    value: float = attrs.field(validator=v.number(minimum=None))
    goal: str = attrs.field(default="", validator=v.string())
    channel: str = attrs.field(default="", validator=v.string())
    category: ContentCategory | None = attrs.field(
        default=None, validator=v.optional(v.member_of(ContentCategory))
    )
    source: str = attrs.field(default="", validator=v.string())

    @property
    def series(self) -> tuple[str, str, str, ContentCategory | None]:
        """What the value is a value of: metric, goal, channel and category, names folded."""
        return (fold(self.metric), fold(self.goal), fold(self.channel), self.category)


@attrs.frozen(kw_only=True)
class Feedback:
    """An answer to one of the plan's questions, from one voice, on a date.

    ``score`` is an optional number the answer was given as (a rating of 1 to
    5, say); the scorecard averages it per question and voice.
    """

    question: str = attrs.field(validator=v.text())
    voice: Voice = attrs.field(validator=v.member_of(Voice))
    on: dt.date = attrs.field(validator=v.a_date())
    answer: str = attrs.field(default="", validator=v.string())
    score: float | None = attrs.field(default=None, validator=v.optional(v.number(minimum=None)))


class _OneValuePerDay(v.Validator):
    """Refuse two observations of one series on one date, naming both."""

    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        seen: dict[tuple[Any, ...], int] = {}
        items: tuple[Observation, ...] = value  # type: ignore[assignment]  # after tuple_of
        for index, item in enumerate(items):
            key = (*item.series, item.on)
            first = seen.setdefault(key, index)
            if first != index:
                raise InvalidFieldValueError(
                    owner,
                    field,
                    "one value per metric, goal, channel, category and date",
                    item,
                    shown=(
                        f"{field}[{first}] and {field}[{index}] both for "
                        f"{item.metric!r} on {item.on.isoformat()}"
                    ),
                )


@attrs.frozen(kw_only=True)
class Results:
    """What happened while the plan ran: observations and feedback, in any order."""

    #: The key the data of results carries, where plans carry their framework's.
    key: ClassVar[str] = "results"

    observations: tuple[Observation, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=(v.tuple_of(v.instance(Observation)), _OneValuePerDay()),
    )
    feedback: tuple[Feedback, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Feedback))
    )

    @property
    def latest(self) -> dt.date | None:
        """The newest date of any observation or feedback, or ``None`` when there is none."""
        dates: Iterable[dt.date] = [
            *(o.on for o in self.observations),
            *(f.on for f in self.feedback),
        ]
        return max(dates, default=None)
