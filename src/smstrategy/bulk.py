r"""A calendar as bulk-scheduler CSV: the files Hootsuite's bulk composer takes in.

Hootsuite's bulk composer schedules a file of messages to one social
profile.  Its rules, as its Help Center describes bulk scheduling, and what
:func:`to_bulk_csv` does with each:

* each row is a date and time, the message and, optionally, a link, in that
  order, with no header row: written so, the date as ``MM/DD/YYYY HH:MM``
  or, with ``day_first=True``, ``DD/MM/YYYY HH:MM`` (24-hour clock), the
  order chosen when the file is uploaded;
* a file schedules to one social profile: one file per channel;
* times fall on five-minute marks (the minutes end in 0 or 5): a post at any
  other time is refused;
* at most 350 messages a file: a longer channel is split into files of 350;
* a message is text to publish, a link is a web address; media cannot be
  given: a post without ``text``, or with ``media``, is refused.

Times are written as local times of the calendar's zone (a post whose time
carries its own zone is moved into it; with no zone, into its own local
time).  Every post the format cannot carry is named at once in an
:class:`~smstrategy.exceptions.ExportError`; nothing is written half::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> post = sms.Post(when=dt.datetime(2027, 1, 4, 9, 5), channel="Instagram @fjordcoffee",
    ...                 topic="Roast", text="This week: Guji", link="https://example.com/guji")
    >>> sms.to_bulk_csv(sms.Calendar(posts=[post]))
    {'Instagram @fjordcoffee': ('01/04/2027 09:05,This week: Guji,https://example.com/guji\r\n',)}
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from smstrategy import validators as v
from smstrategy.elements import Calendar, Post
from smstrategy.exceptions import ExportError

__all__ = ["MOST_ROWS", "to_bulk_csv"]

#: The most messages one file may hold.
MOST_ROWS = 350
#: The minutes a scheduled time must be a multiple of.
MARK_MINUTES = 5


def _local(post: Post, timezone: str) -> dt.datetime:
    when = post.when
    if when.tzinfo is not None:
        zone = v.zone(timezone) if timezone else None
        when = (when.astimezone(zone) if zone is not None else when).replace(tzinfo=None)
    return when


def _problems(number: int, post: Post, when: dt.datetime) -> list[str]:
    where = f"post {number} ({post.channel}, {when.isoformat(sep=' ')})"
    found = []
    if v.blank(post.text):
        found.append(f"{where}: a message needs text to publish; the post has none")
    if when.minute % MARK_MINUTES or when.second or when.microsecond:
        found.append(f"{where}: times must fall on five-minute marks")
    if post.media:
        found.append(f"{where}: the format has no place for media ({len(post.media)} given)")
    return found


def to_bulk_csv(calendar: Calendar, *, day_first: bool = False) -> dict[str, tuple[str, ...]]:
    """Return each channel's bulk-composer CSV files, at most :data:`MOST_ROWS` rows each.

    The files of a channel are in time order; see the module's description
    for the format and what it refuses.
    """
    v.instance(Calendar).check("to_bulk_csv", "calendar", calendar)
    v.instance(bool).check("to_bulk_csv", "day_first", day_first)
    pattern = "%d/%m/%Y %H:%M" if day_first else "%m/%d/%Y %H:%M"
    problems: list[str] = []
    # Times and posts by channel in two lists, not as pairs: a large calendar makes no
    # hundred thousand tuples for the garbage collector to walk.
    times: dict[str, list[dt.datetime]] = {}
    posts: dict[str, list[Post]] = {}
    for number, post in enumerate(calendar.posts, 1):
        when = _local(post, calendar.timezone)
        if (
            when.minute % MARK_MINUTES
            or when.second
            or when.microsecond
            or post.media
            or (v.blank(post.text))
        ):
            problems += _problems(number, post, when)
        times.setdefault(post.channel, []).append(when)
        posts.setdefault(post.channel, []).append(post)
    if problems:
        raise ExportError("bulk-scheduler CSV", problems)
    files: dict[str, tuple[str, ...]] = {}
    for channel, moments in times.items():
        order = sorted(range(len(moments)), key=moments.__getitem__)  # stable: ties keep order
        group = posts[channel]
        parts = []
        for start in range(0, len(order), MOST_ROWS):
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerows(
                [moments[i].strftime(pattern), group[i].text, group[i].link]
                for i in order[start : start + MOST_ROWS]
            )
            parts.append(out.getvalue())
        files[channel] = tuple(parts)
    return files
