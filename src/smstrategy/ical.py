"""Content calendars to and from iCalendar (RFC 5545), through the ``icalendar`` package.

:func:`to_ical` writes one event per post; :func:`from_ical` reads a calendar
back, from what :func:`to_ical` wrote or from any calendar application's
export.  Both need the ``ical`` extra (``pip install "smstrategy[ical]"``)::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> post = sms.Post(when=dt.datetime(2027, 3, 28, 9), channel="Instagram", topic="Roast",
    ...                 text="This week: Ethiopia Guji", link="https://example.com/guji")
    >>> calendar = sms.Calendar(posts=[post], timezone="Europe/Oslo")
    >>> text = sms.to_ical(calendar)
    >>> "DTSTART;TZID=Europe/Oslo:20270328T090000" in text
    True
    >>> sms.from_ical(text) == calendar
    True

Each event carries the post's fields: ``SUMMARY`` is "channel: topic",
``DESCRIPTION`` the text to publish, ``URL`` the link, one ``ATTACH`` per
media reference, ``CATEGORIES`` the category, and ``X-SMSTRATEGY-*``
properties the other fields as written, which :func:`from_ical` reads first.
A calendar of another application's gives each event's ``SUMMARY`` as the
topic (and channel, before a colon), its ``DESCRIPTION``
as the text, its ``URL`` and ``ATTACH`` as link and media.

Times: a calendar with a ``timezone`` writes each post's local time with
that zone (``DTSTART;TZID=...``) and the zone's rules (``VTIMEZONE``); a
calendar without one writes floating local times, and a post whose time
carries its own zone is written in UTC.  A local time that does not exist
(in the hour skipped when clocks go forward) or that happens twice (when
they go back) is read as RFC 5545 says: with the offset before the change,
which puts a skipped time as much later as the change is long, and as the
first of the two.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from typing import Any

import attrs

from smstrategy import validators as v
from smstrategy.calendar import local_to_absolute
from smstrategy.elements import Automation, Calendar, ContentCategory, Post, PostStatus
from smstrategy.encoding import utf8_text
from smstrategy.exceptions import InvalidFieldValueError, StructureError
from smstrategy.extras import load

__all__ = ["from_ical", "to_ical"]

_UID_SPACE = uuid.UUID("6f1c2a5e-8a3b-4c9e-9d7a-2b6f0c1e4d3a")
_PREFIX = "X-SMSTRATEGY-"
#: The post's fields carried as X- properties where they are not their defaults.
_FIELDS = ("audience", "owner", "status", "automation", "reviewer")
_ENUMS: dict[str, Any] = {"status": PostStatus, "automation": Automation}
_DEFAULTS = {f.name: f.default for f in attrs.fields(Post) if f.name in _FIELDS}
_CATEGORIES = frozenset(c.value for c in ContentCategory)


def _icalendar() -> Any:
    return load("icalendar", extra="ical", feature="iCalendar", package="the icalendar package")


def to_ical(calendar: Calendar, *, name: str = "Content calendar", minutes: int = 30) -> str:
    """Write *calendar* as iCalendar text: one event of *minutes* per post.

    Each event's UID is derived from the post's time, channel, topic and
    place among identical posts, so the same calendar always gives the same
    UIDs.  ``DTSTAMP``, which the RFC requires, is the post's own time, as
    the library never reads the clock.  Events are written one at a time, so
    a large calendar takes little more memory than its text.
    """
    v.instance(Calendar).check("to_ical", "calendar", calendar)
    v.text().check("to_ical", "name", name)
    v.whole_number(minimum=1).check("to_ical", "minutes", minutes)
    icalendar = _icalendar()
    shell = icalendar.Calendar()
    shell.add("prodid", "-//smstrategy//content calendar//EN")
    shell.add("version", "2.0")
    shell.add("calscale", "GREGORIAN")
    shell.add("x-wr-calname", icalendar.vText(name))
    if calendar.timezone:
        shell.add("x-wr-timezone", icalendar.vText(calendar.timezone))
        local = [p.when for p in calendar.posts if p.when.tzinfo is None]
        first = min(local, default=dt.datetime(1970, 1, 1)).date()  # noqa: DTZ001
        last = max(local, default=dt.datetime(1970, 1, 1)).date() + dt.timedelta(days=1)  # noqa: DTZ001
        shell.add_component(
            icalendar.Timezone.from_tzid(calendar.timezone, first_date=first, last_date=last)
        )
    head, end = shell.to_ical().decode("utf-8").rsplit("END:VCALENDAR", 1)
    chunks = [head]
    seen: dict[str, int] = {}
    for post in calendar.posts:
        key = f"{post.when.isoformat()}|{post.channel}|{post.topic}"
        seen[key] = seen.get(key, 0) + 1
        uid = f"{uuid.uuid5(_UID_SPACE, f'{key}|{seen[key]}')}@smstrategy"
        chunks.append(_event(icalendar, post, uid, calendar.timezone, minutes))
    chunks.append("END:VCALENDAR" + end)
    return "".join(chunks)


def _event(icalendar: Any, post: Post, uid: str, timezone: str, minutes: int) -> str:
    """Return one post as the text of a ``VEVENT``."""
    if post.when.tzinfo is not None:  # a moment of its own zone: written in UTC
        when = post.when.astimezone(dt.UTC)
    else:
        when = local_to_absolute(post.when, timezone)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", when if when.tzinfo else when.replace(tzinfo=dt.UTC))
    event.add("dtstart", when)
    event.add("duration", dt.timedelta(minutes=minutes))
    event.add("summary", f"{post.channel}: {post.topic}")
    if post.text:
        event.add("description", post.text)
    event.add("categories", [post.category.value])
    if post.link:
        event.add("url", post.link)
    for reference in post.media:
        event.add("attach", reference)
    if ": " in post.channel:  # SUMMARY alone cannot say where the channel ends
        _add_text(icalendar, event, "channel", post.channel)
    for field in _FIELDS:
        value = getattr(post, field)
        if value != _DEFAULTS[field]:
            _add_text(icalendar, event, field, str(getattr(value, "value", value)))
    if post.when.tzinfo is not None:  # a moment, not a local time of the calendar
        event.add(_PREFIX + "ZONED", icalendar.vBoolean(True))  # noqa: FBT003
    return str(event.to_ical().decode("utf-8"))


def _add_text(icalendar: Any, event: Any, field: str, text: str) -> None:
    """Add a field as an X- property of type TEXT, escaped as the RFC escapes text."""
    event.add(_PREFIX + field.upper(), icalendar.vText(text), parameters={"VALUE": "TEXT"})


def _get_text(event: Any, field: str) -> str | None:
    name = _PREFIX + field.upper()
    return str(event.decoded(name)) if name in event else None


# Where each event starts and ends: BEGIN and END lines, which folding never splits.
_EVENTS = re.compile(
    r"^BEGIN:VEVENT\r?$.*?^END:VEVENT\r?$", re.IGNORECASE | re.MULTILINE | re.DOTALL
)


def from_ical(text: str | bytes) -> Calendar:
    """Read a calendar from iCalendar text: one post per event.

    The calendar's own properties and each event are parsed by the
    ``icalendar`` package one at a time, so a large file takes little more
    memory than its posts.  Every problem is reported at once in a
    :class:`~smstrategy.exceptions.StructureError`, each naming the event
    (counted from 1) and the property.
    """
    text = utf8_text(text)
    if not isinstance(text, str):
        raise InvalidFieldValueError("from_ical", "text", "iCalendar text (str or bytes)", text)
    icalendar = _icalendar()
    shell = _EVENTS.sub("", text)
    try:
        document = icalendar.Calendar.from_ical(shell)
    except ValueError as e:
        raise StructureError([f"not iCalendar text: {e}"]) from None
    timezone = str(document.get("x-wr-timezone", ""))
    problems: list[str] = []
    if timezone and v.zone(timezone) is None:
        problems.append(f"X-WR-TIMEZONE: expected an IANA time zone, got {timezone!r}")
        timezone = ""
    posts = []
    for number, found in enumerate(_EVENTS.finditer(text), 1):
        try:
            posts.append(_post(icalendar.Event.from_ical(found[0]), timezone))
        except (ValueError, TypeError) as e:
            problems.append(f"event {number}: {e}")
    if problems:
        raise StructureError(problems)
    return Calendar(posts=posts, timezone=timezone)


def _post(event: Any, timezone: str) -> Post:
    """Make a post of one event, from its X- properties where it has them."""
    fields: dict[str, Any] = {}
    for field in _FIELDS:
        if (value := _get_text(event, field)) is not None:
            kind = _ENUMS.get(field)
            fields[field] = value if kind is None else kind(value)
    summary = str(event.get("summary", ""))
    channel = _get_text(event, "channel")
    if channel is not None and summary.startswith(channel + ": "):
        fields["channel"], fields["topic"] = channel, summary[len(channel) + 2 :]
    else:
        before, colon, after = summary.partition(": ")
        fields["channel"], fields["topic"] = (before, after) if colon else ("", summary)
    categories = event.get("categories")
    for name in [] if categories is None else categories.cats:
        if str(name).casefold() in _CATEGORIES:
            fields["category"] = ContentCategory(str(name).casefold())
            break
    description = event.get("description")
    fields["text"] = "" if description is None else str(description)
    if (link := event.get("url")) is not None:
        fields["link"] = str(link)
    fields["media"] = tuple(str(a) for a in _all(event.get("attach")))
    if "DTSTART" not in event:
        msg = "DTSTART: missing"
        raise ValueError(msg)
    own_zone = _PREFIX + "ZONED" in event
    fields["when"] = _local(event, "" if own_zone else timezone)
    return Post(**fields)


def _all(value: Any) -> Iterator[Any]:
    if value is None:
        return
    yield from value if isinstance(value, list) else (value,)


def _local(event: Any, timezone: str) -> dt.datetime:
    """Return an event's start as a post's time: a local time of *timezone*, where one is given.

    A start written in *timezone* keeps its local time as written, even one
    that the zone skips; a start in another zone is moved into it.
    """
    start = event.decoded("DTSTART")
    if not isinstance(start, dt.datetime):  # an all-day event: it starts at midnight
        return dt.datetime.combine(start, dt.time())
    zone = v.zone(timezone) if timezone else None
    if zone is None or start.tzinfo is None:
        return start  # floating, or a moment of its own zone
    if event["DTSTART"].params.get("TZID") == timezone:
        return start.replace(tzinfo=None)
    return start.astimezone(zone).replace(tzinfo=None)
