"""Posts that come back: every week on a weekday, or a set number of days before each event.

A :class:`Recurrence` says when a post comes back; :meth:`Recurrence.dates`
lists the days it falls on in a period, and :func:`~smstrategy.build_calendar`
takes recurrences and plans them first, counting them toward their channel's
posts a week::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> roast = sms.Recurrence(
    ...     channel="Instagram @fjordcoffee",
    ...     topic="This week's roast",
    ...     weekday=sms.Weekday.WEDNESDAY,
    ... )
    >>> [str(day) for day in roast.dates(dt.date(2027, 1, 4), dt.date(2027, 1, 25))]
    ['2027-01-06', '2027-01-13', '2027-01-20']
    >>> tasting = sms.Recurrence(
    ...     channel="Facebook Fjord Coffee Bergen",
    ...     topic="Tasting on Saturday",
    ...     events=[dt.date(2027, 1, 16), dt.date(2027, 2, 13)],
    ...     days_before=3,
    ... )
    >>> [str(day) for day in tasting.dates(dt.date(2027, 1, 4), dt.date(2027, 3, 1))]
    ['2027-01-13', '2027-02-10']

A weekly recurrence every *n* weeks counts weeks from Monday of the week the
period starts in, as an iCalendar rule ``FREQ=WEEKLY;INTERVAL=n;BYDAY=..``
with the period's start as its first moment does.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from smstrategy import validators as v
from smstrategy.elements import Automation, ContentCategory, Post, PostStatus
from smstrategy.exceptions import InvalidFieldValueError

__all__ = ["Recurrence", "Weekday"]


class Weekday(enum.StrEnum):
    """A day of the week, Monday first."""

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday up to 6 for Sunday, as :meth:`datetime.date.weekday` counts."""
        return list(Weekday).index(self)


@attrs.frozen(kw_only=True)
class Recurrence:
    """A post that comes back on a channel: weekly on a ``weekday``, or before each event.

    Give either a ``weekday`` (with ``every_weeks``) or ``events`` (with
    ``days_before``, 0 for the day itself).  ``hour`` and ``minute`` say when
    on the day it goes out; the rest is copied to each post.
    """

    channel: str = attrs.field(validator=v.text())
    topic: str = attrs.field(validator=v.text())
    weekday: Weekday | None = attrs.field(default=None, validator=v.optional(v.member_of(Weekday)))
    every_weeks: int = attrs.field(default=1, validator=v.whole_number(minimum=1))
    events: tuple[dt.date, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.a_date())
    )
    days_before: int = attrs.field(default=0, validator=v.whole_number(minimum=0))
    hour: int = attrs.field(default=9, validator=v.whole_number(minimum=0, maximum=23))
    minute: int = attrs.field(default=0, validator=v.whole_number(minimum=0, maximum=59))
    category: ContentCategory = attrs.field(
        default=ContentCategory.ENGAGEMENT, validator=v.member_of(ContentCategory)
    )
    audience: str = attrs.field(default="", validator=v.string())
    owner: str = attrs.field(default="", validator=v.string())
    automation: Automation = attrs.field(
        default=Automation.MANUAL, validator=v.member_of(Automation)
    )
    reviewer: str = attrs.field(default="", validator=v.string())

    def __attrs_post_init__(self) -> None:
        if (self.weekday is None) == (not self.events):
            expected = "either a weekday or the dates of events, not both and not neither"
            raise InvalidFieldValueError("Recurrence", "weekday", expected, self.weekday)

    def dates(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Return the days from *start* up to, not including, *end* that the post falls on."""
        v.a_date().check("Recurrence.dates", "start", start)
        v.a_date().check("Recurrence.dates", "end", end)
        if self.weekday is None:
            days = {event - dt.timedelta(days=self.days_before) for event in self.events}
            return sorted(day for day in days if start <= day < end)
        monday = start - dt.timedelta(days=start.weekday())
        first = monday + dt.timedelta(days=self.weekday.number)
        step = dt.timedelta(weeks=self.every_weeks)
        found = []
        day = first
        while day < end:
            if day >= start:
                found.append(day)
            day += step
        return found

    def posts(self, start: dt.date, end: dt.date) -> list[Post]:
        """Return the posts the recurrence makes from *start* up to, not including, *end*."""
        at = dt.time(self.hour, self.minute)
        return [
            Post(
                when=dt.datetime.combine(day, at),
                channel=self.channel,
                topic=self.topic,
                category=self.category,
                audience=self.audience,
                owner=self.owner,
                status=PostStatus.IDEA,
                automation=self.automation,
                reviewer=self.reviewer,
            )
            for day in self.dates(start, end)
        ]
