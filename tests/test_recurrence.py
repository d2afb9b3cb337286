"""Recurring posts: weekly on a weekday, or days before events, expanded by the calendar builder."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import icalendar
import pytest
from dateutil import rrule
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms

ROADMAP = sms.example("roadmap")
CHANNELS = ROADMAP.action_plan.channels
MIX = ROADMAP.content.mix
MONDAY = dt.date(2027, 1, 4)
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def dates_by_icalendar(weekday, every, start, end, at):
    """Expand FREQ=WEEKLY as an iCalendar file says it, read back by the icalendar library."""
    event = icalendar.Event()
    event.add("uid", "roast@example.org")
    event.add("dtstart", dt.datetime.combine(start, at))
    event.add("rrule", {"FREQ": "WEEKLY", "INTERVAL": every, "BYDAY": ICAL_DAYS[weekday.number]})
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    [read] = icalendar.Calendar.from_ical(calendar.to_ical()).walk("VEVENT")
    rule = rrule.rrulestr(read["RRULE"].to_ical().decode(), dtstart=read.decoded("dtstart"))
    first, last = dt.datetime.combine(start, at), dt.datetime.combine(end, at)
    return [moment.date() for moment in rule.between(first, last, inc=True) if moment < last]


@given(
    weekday=st.sampled_from(sms.Weekday),
    every=st.integers(1, 5),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    days=st.integers(0, 400),
    hour=st.integers(0, 23),
)
def test_a_weekly_post_falls_where_an_icalendar_rule_says(weekday, every, start, days, hour):
    """The days of a weekly recurrence are the days of the same iCalendar RRULE."""
    end = start + dt.timedelta(days=days)
    recurrence = sms.Recurrence(
        channel="Instagram", topic="Roast", weekday=weekday, every_weeks=every, hour=hour
    )
    expected = dates_by_icalendar(weekday, every, start, end, dt.time(hour))
    assert recurrence.dates(start, end) == expected
    assert all(day.weekday() == weekday.number for day in expected)


def test_a_post_before_each_event():
    """Days before each event, each day once, only within the period."""
    tasting = sms.Recurrence(
        channel="Facebook",
        topic="Tasting on Saturday",
        events=[
            dt.date(2027, 2, 13),
            dt.date(2027, 1, 16),
            dt.date(2027, 1, 5),
            dt.date(2027, 1, 16),
        ],
        days_before=3,
        hour=12,
        minute=30,
    )
    assert tasting.dates(MONDAY, dt.date(2027, 3, 1)) == [
        dt.date(2027, 1, 13),
        dt.date(2027, 2, 10),
    ]
    [post, _] = tasting.posts(MONDAY, dt.date(2027, 3, 1))
    assert post.when == dt.datetime(2027, 1, 13, 12, 30)  # noqa: DTZ001
    assert (post.channel, post.topic, post.status) == ("Facebook", "Tasting on Saturday", "idea")
    same_day = sms.Recurrence(channel="Facebook", topic="Today", events=[MONDAY])
    assert same_day.dates(MONDAY, MONDAY + dt.timedelta(days=1)) == [MONDAY]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {},
            (
                "Recurrence.weekday: expected either a weekday or the dates of events, "
                "not both and not neither, got None"
            ),
        ),
        (
            {"weekday": sms.Weekday.MONDAY, "events": [MONDAY]},
            (
                "Recurrence.weekday: expected either a weekday or the dates of events, "
                "not both and not neither, got <Weekday.MONDAY: 'monday'>"
            ),
        ),
        ({"weekday": "monday"}, "Recurrence.weekday: expected a Weekday"),
        (
            {"weekday": sms.Weekday.MONDAY, "every_weeks": 0},
            "Recurrence.every_weeks: expected a whole number of at least 1, got 0",
        ),
        (
            {"events": [MONDAY], "hour": 24},
            "Recurrence.hour: expected a whole number from 0 to 23, got 24",
        ),
    ],
)
def test_a_recurrence_that_can_never_be_right_is_refused(changes, message):
    """The error names the field, what was expected and what came."""
    with pytest.raises(sms.SmstrategyError) as caught:
        sms.Recurrence(channel="X", topic="t", **changes)
    assert str(caught.value).startswith(message)


def test_the_builder_plans_recurring_posts_first_and_fills_the_rest():
    """Recurring posts count toward their channel's posts a week; blackout days are skipped."""
    roast = sms.Recurrence(
        channel="instagram @FJORDCOFFEE",
        topic="This week's roast",
        weekday=sms.Weekday.WEDNESDAY,
        category=sms.ContentCategory.PROMOTIONAL,
    )
    blackout = [dt.date(2027, 1, 20)]
    calendar = sms.build_calendar(
        CHANNELS, MIX, MONDAY, weeks=4, recurring=[roast], blackout=blackout
    )
    roasts = [p for p in calendar.posts if p.topic == "This week's roast"]
    assert [p.when.date() for p in roasts] == [
        dt.date(2027, 1, 6),
        dt.date(2027, 1, 13),
        dt.date(2027, 1, 27),
    ]
    counts = Counter(p.channel for p in calendar.posts)
    assert counts == {
        "instagram @FJORDCOFFEE": 3,
        "Instagram @fjordcoffee": 17,
        "Facebook Fjord Coffee Bergen": 12,
    }
    assert [p.when for p in calendar.posts] == sorted(p.when for p in calendar.posts)
    plan = sms.evolve_at(ROADMAP, "action_plan", calendar=calendar)
    assert sms.check(plan, select="SMS5").codes == ()


def test_a_recurrence_on_a_channel_the_builder_was_not_given_is_refused():
    """The builder names the recurrence and the channels it knows."""
    stray = sms.Recurrence(channel="TikTok", topic="Dance", weekday=sms.Weekday.FRIDAY)
    with pytest.raises(sms.InvalidFieldValueError) as caught:
        sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1, recurring=[stray])
    assert str(caught.value) == (
        "build_calendar.recurring[0].channel: expected one of the channels "
        "('Instagram @fjordcoffee', 'Facebook Fjord Coffee Bergen'), got 'TikTok'"
    )
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^build_calendar\.recurring"):
        sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1, recurring=["every Monday"])
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^Recurrence\.dates\.end"):
        stray.dates(MONDAY, "2027-02-01")
