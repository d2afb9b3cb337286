"""Content calendars: dated posts built from channels' cadences and a content mix.

:func:`build_calendar` turns channels and a mix into dated posts::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> plan = sms.example("five-step")
    >>> calendar = sms.build_calendar(
    ...     plan.technology.channels, plan.technology.content_mix, dt.date(2027, 1, 4), weeks=4
    ... )
    >>> len(calendar.posts)          # 5 a week on Instagram, 3 on Facebook
    32
    >>> calendar.posts[0].when, calendar.posts[0].channel
    (datetime.datetime(2027, 1, 4, 9, 0), 'Instagram @fjordcoffee')

A :class:`ContentPlan` holds a calendar with the channels, mix, time budget
and monitors it is judged against; ``check`` it like a plan.
:func:`smstrategy.to_ical` writes a calendar as iCalendar text (RFC 5545).
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Iterable, Iterator
from typing import ClassVar

import attrs

from smstrategy import validators as v
from smstrategy.base import Step
from smstrategy.elements import (
    CHANNELS,
    TEXTS,
    Calendar,
    Channel,
    ContentCategory,
    ContentMix,
    Post,
    PostStatus,
    TimeBudget,
)
from smstrategy.exceptions import InvalidFieldValueError
from smstrategy.recurrence import Recurrence
from smstrategy.references import channel_references, find_channel

__all__ = ["ContentPlan", "build_calendar", "local_to_absolute", "weeks_of"]


@attrs.frozen(kw_only=True)
class ContentPlan:
    """A content calendar with what it is judged against: channels, mix, budget, monitors."""

    #: The key reports of content plans carry, where plans carry their framework's.
    key: ClassVar[str] = "content-plan"

    title: str = attrs.field(validator=v.text())
    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=CHANNELS
    )
    mix: ContentMix | None = attrs.field(default=None, validator=v.optional(v.instance(ContentMix)))
    time_budget: TimeBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(TimeBudget))
    )
    #: The people who watch the channels and answer followers.
    monitors: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    calendar: Calendar = attrs.field(factory=Calendar, validator=v.instance(Calendar))

    @classmethod
    def steps(cls) -> tuple[Step, ...]:
        """Return no steps: a content plan has none, and the checker asks every root for them."""
        return ()


def _sequence(count: int, mix: ContentMix) -> list[ContentCategory]:
    """Return *count* categories that follow *mix* at every point of the sequence.

    The totals are the largest-remainder apportionment of *count* by the mix;
    each next post goes to the category furthest behind its share, so that
    after any number of posts every category is less than one post away
    from its share.
    """
    categories = list(ContentCategory)
    shares = [mix.share(c) / 100 for c in categories]
    quotas = [count * share for share in shares]
    totals = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(categories)), key=lambda i: (totals[i] - quotas[i], i))
    for i in by_remainder[: count - sum(totals)]:
        totals[i] += 1
    given = [0] * len(categories)
    order = []
    for k in range(1, count + 1):
        behind = max(
            (i for i in range(len(categories)) if given[i] < totals[i]),
            key=lambda i: (k * shares[i] - given[i], -i),
        )
        given[behind] += 1
        order.append(categories[behind])
    return order


def _times(day: dt.date, count: int, first: int, last: int) -> Iterator[dt.datetime]:
    """Spread *count* posts over one day between the hours *first* and *last*."""
    span = (last - first) * 60
    for j in range(count):
        minutes = first * 60 + (span * j) // count
        yield dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))


def build_calendar(
    channels: Iterable[Channel],
    mix: ContentMix,
    start: dt.date,
    weeks: int,
    *,
    blackout: Iterable[dt.date] = (),
    hours: tuple[int, int] = (9, 21),
    recurring: Iterable[Recurrence] = (),
    timezone: str = "",
) -> Calendar:
    """Plan posts for *weeks* weeks from *start* on every channel.

    Each channel gets ``round(cadence * weeks)`` posts, spread evenly over
    the days of the period that are not in *blackout*; several posts on one
    day are spread between the *hours* given.  The posts' categories follow
    *mix* (see the module's description), audiences take turns among the
    channel's audiences, and the owner and automation come from the channel
    (the automation of the post's category, where the channel says).  A range
    of posts a week is planned at its low end, and the posts the builder
    spreads give no day more than the channel's ``max_per_day``.
    *recurring* posts (:class:`~smstrategy.Recurrence`) are planned on their
    own days first, except blackout days, and count toward their channel's
    posts; the builder spreads the rest over all open days, so a day may hold
    a recurring post and a spread one (SMS508 reports a day over the cap).  A
    recurrence on a channel not among *channels* is refused.  The same input
    always gives the same calendar.

    Times are local times of *timezone*, an IANA zone such as ``"Europe/Oslo"``
    that the calendar keeps (``""`` for none): a post planned at 9:00 is at
    9:00 on both sides of a change to or from daylight-saving time.
    """
    chosen = v.to_tuple(channels)
    v.tuple_of(v.instance(Channel)).check("build_calendar", "channels", chosen)
    v.instance(ContentMix).check("build_calendar", "mix", mix)
    v.a_date().check("build_calendar", "start", start)
    v.whole_number(minimum=0).check("build_calendar", "weeks", weeks)
    v.time_zone().check("build_calendar", "timezone", timezone)
    skipped = frozenset(v.to_tuple(blackout))
    v.tuple_of(v.a_date()).check("build_calendar", "blackout", tuple(skipped))
    first, last = _hours(hours)
    days = [start + dt.timedelta(days=i) for i in range(7 * weeks)]
    open_days = [day for day in days if day not in skipped]
    # Each channel's posts in a list of their own, its recurring ones first: a stable sort of
    # them all by time then orders posts at the same time by channel, with no pair to make
    # for each post (pairs would keep the garbage collector busy on a year of posts).
    by_channel = _recurring(chosen, recurring, start, weeks, skipped)
    for channel, posts in zip(chosen, by_channel, strict=True):
        wanted = math.floor((channel.cadence or 0) * weeks + 0.5) if open_days else 0
        if channel.max_per_day is not None:
            wanted = min(wanted, channel.max_per_day * len(open_days))
        count = max(0, wanted - len(posts))
        per_day: dict[dt.date, int] = {}
        for i in range(count):
            day = open_days[i * len(open_days) // count]
            per_day[day] = per_day.get(day, 0) + 1
        moments = [t for day, n in per_day.items() for t in _times(day, n, first, last)]
        audiences = channel.audiences or ("",)
        for n, (when, category) in enumerate(zip(moments, _sequence(count, mix), strict=True)):
            post = Post(
                when=when,
                channel=channel.name,
                topic=f"{category.value.capitalize()} post {n + 1}",
                category=category,
                audience=audiences[n % len(audiences)],
                owner=channel.owner or "",
                status=PostStatus.IDEA,
                automation=channel.automation_for(category),
                reviewer=channel.reviewer,
            )
            posts.append(post)
    planned = [post for posts in by_channel for post in posts]
    planned.sort(key=_time_of)
    return Calendar(posts=tuple(planned), timezone=timezone)


_time_of = operator.attrgetter("when")


def _recurring(
    channels: tuple[Channel, ...],
    recurring: Iterable[Recurrence],
    start: dt.date,
    weeks: int,
    skipped: frozenset[dt.date],
) -> list[list[Post]]:
    """Expand the recurrences in the period; return each channel's posts, in their order."""
    chosen = v.to_tuple(recurring)
    v.tuple_of(v.instance(Recurrence)).check("build_calendar", "recurring", chosen)
    references = channel_references(enumerate(channels))
    end = start + dt.timedelta(weeks=weeks)
    posts: list[list[Post]] = [[] for _ in channels]
    for i, recurrence in enumerate(chosen):
        found = find_channel(recurrence.channel, references)
        if found is None:
            names = ", ".join(repr(c.name) for c in channels) or "none"
            raise InvalidFieldValueError(
                "build_calendar",
                f"recurring[{i}].channel",
                f"one of the channels ({names})",
                recurrence.channel,
            )
        rank = found[0]
        for post in recurrence.posts(start, end):
            if post.when.date() not in skipped:
                posts[rank].append(post)
    return posts


def _hours(hours: object) -> tuple[int, int]:
    if (
        not isinstance(hours, tuple)
        or len(hours) != 2  # noqa: PLR2004  # a first and a last hour
        or not all(isinstance(h, int) and not isinstance(h, bool) for h in hours)
        or not 0 <= hours[0] < hours[1] <= 24  # noqa: PLR2004
    ):
        raise InvalidFieldValueError(
            "build_calendar", "hours", "two whole hours, first < last, from 0 to 24", hours
        )
    return hours[0], hours[1]


def local_to_absolute(when: dt.datetime, timezone: str) -> dt.datetime:
    """Return a post's local time *when* as a moment of *timezone*; a zoned time as it is.

    With no *timezone*, a time without a zone stays without one.  A local time
    that does not exist (skipped when clocks go forward) or that happens twice
    (when they go back) is taken with the offset before the change, as RFC
    5545 reads it: the skipped 02:30 is 03:30 after the change, and the
    repeated 02:30 is the first::

        >>> import datetime as dt
        >>> local_to_absolute(dt.datetime(2027, 3, 28, 2, 30), "Europe/Oslo").isoformat()
        '2027-03-28T02:30:00+01:00'
    """
    zone = v.zone(timezone) if timezone and when.tzinfo is None else None
    return when if zone is None else when.replace(tzinfo=zone, fold=0)


def weeks_of(calendar: Calendar) -> list[tuple[int, dt.date, tuple[Post, ...]]]:
    """Group a calendar's posts by week, counted in blocks of 7 days from the first post.

    Returns ``(number, first day, posts)`` for each week that has posts, in
    order, numbered from 1; the posts of a week are in time order.  Weeks with
    no posts are left out, however long the calendar.
    """
    if not calendar.posts:
        return []
    ordered = sorted(calendar.posts, key=lambda p: p.when)
    first = ordered[0].when.date()
    weeks: dict[int, list[Post]] = {}
    for post in ordered:
        weeks.setdefault((post.when.date() - first).days // 7, []).append(post)
    return [
        (index + 1, first + dt.timedelta(days=7 * index), tuple(posts))
        for index, posts in weeks.items()
    ]
