"""The page of a content calendar, or of the content plan that holds one."""

from __future__ import annotations

import datetime as dt

from smstrategy.calendar import ContentPlan, weeks_of
from smstrategy.elements import Calendar
from smstrategy.i18n import Language
from smstrategy.pages import Page

__all__ = ["calendar_page"]


def calendar_page(value: Calendar | ContentPlan, lang: Language) -> Page:
    """Lay out a calendar week by week, one row a post."""
    calendar = value.calendar if isinstance(value, ContentPlan) else value
    title = value.title if isinstance(value, ContentPlan) else lang.gettext("Content calendar")
    word, write = lang.word, lang.value
    weeks = tuple(
        (
            number,
            write(first),
            write(first + dt.timedelta(days=6)),
            tuple(
                (
                    write(p.when),
                    p.channel,
                    word(p.category),
                    p.topic,
                    p.audience,
                    p.owner,
                    word(p.status),
                    word(p.automation),
                )
                for p in posts
            ),
        )
        for number, first, posts in weeks_of(calendar)
    )
    return ["calendar.md.j2"], {"title": title, "weeks": weeks, "calendar": calendar}, title
