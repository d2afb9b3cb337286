"""Content calendars: building, checking and rendering them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import attrs
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy.strategies import calendars, content_mixes, texts
from test_render import PARSER, headings, tables

ROADMAP = sms.example("roadmap")
CHANNELS = ROADMAP.action_plan.channels
MIX = ROADMAP.content.mix
MONDAY = dt.date(2027, 1, 4)


def content_plan(calendar, **changes):
    """Return a content plan of the roadmap's channels, mix and team around *calendar*."""
    base = sms.ContentPlan(
        title="Fjord Coffee: first quarter",
        channels=CHANNELS,
        mix=MIX,
        time_budget=sms.TimeBudget(hours_per_week=8),
        monitors=("Ingrid Dahl",),
        calendar=calendar,
    )
    return attrs.evolve(base, **changes)


# --- building -------------------------------------------------------------------------------


def test_each_channel_gets_its_cadence():
    """Over the period every channel gets its posts a week times the weeks."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=6)
    counts = Counter(p.channel for p in calendar.posts)
    assert counts == {"Instagram @fjordcoffee": 30, "Facebook Fjord Coffee Bergen": 18}
    for _, _, posts in sms.weeks_of(calendar):
        week = Counter(p.channel for p in posts)
        assert week == {"Instagram @fjordcoffee": 5, "Facebook Fjord Coffee Bergen": 3}


def test_posts_carry_the_channels_details():
    """Posts take their channel's name, owner, automation and audiences in turn."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    instagram = [p for p in calendar.posts if p.channel == "Instagram @fjordcoffee"]
    assert {p.owner for p in instagram} == {"Ingrid Dahl"}
    assert {p.automation for p in instagram} == {sms.Automation.SCHEDULED}
    assert [p.audience for p in instagram[:2]] == list(CHANNELS[0].audiences)
    assert all(p.status is sms.PostStatus.IDEA for p in calendar.posts)
    assert [p.when for p in calendar.posts] == sorted(p.when for p in calendar.posts)


def test_posts_spread_across_the_week():
    """Five posts a week fall on five different days."""
    calendar = sms.build_calendar(CHANNELS[:1], MIX, MONDAY, weeks=1)
    assert len({p.when.date() for p in calendar.posts}) == 5


def test_several_posts_a_day_spread_over_the_hours():
    """A channel posting more than once a day spreads its posts between the hours given."""
    busy = attrs.evolve(CHANNELS[0], cadence=21)
    calendar = sms.build_calendar([busy], MIX, MONDAY, weeks=1, hours=(8, 20))
    first_day = [p.when.time() for p in calendar.posts if p.when.date() == MONDAY]
    assert first_day == [dt.time(8), dt.time(12), dt.time(16)]


def test_blackout_dates_are_skipped():
    """No post falls on a blackout date, and the channel still gets its posts."""
    blackout = [MONDAY + dt.timedelta(days=d) for d in (0, 1, 2)]
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=2, blackout=blackout)
    assert not {p.when.date() for p in calendar.posts} & set(blackout)
    assert len(calendar.posts) == 16
    everything = [MONDAY + dt.timedelta(days=d) for d in range(7)]
    assert sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1, blackout=everything).posts == ()


def test_fractional_cadence():
    """Half a post a week gives a post every other week."""
    rare = attrs.evolve(CHANNELS[1], cadence=0.5)
    calendar = sms.build_calendar([rare], MIX, MONDAY, weeks=8)
    assert len(calendar.posts) == 4
    assert [p.when.date() for p in calendar.posts] == [
        MONDAY + dt.timedelta(days=14 * i) for i in range(4)
    ]


def test_the_same_input_gives_the_same_calendar():
    """Building is deterministic."""
    one = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=5, blackout=[MONDAY])
    two = sms.build_calendar(list(CHANNELS), MIX, MONDAY, weeks=5, blackout=(MONDAY,))
    assert one == two


@settings(max_examples=80)
@given(
    mix=content_mixes(),
    cadence=st.integers(min_value=1, max_value=30),
    weeks=st.integers(min_value=1, max_value=12),
)
def test_categories_follow_the_mix_at_every_week(mix, cadence, weeks):
    """After any whole number of weeks, each category is within one post of its share."""
    channel = attrs.evolve(CHANNELS[0], cadence=cadence)
    calendar = sms.build_calendar([channel], mix, MONDAY, weeks=weeks)
    seen: Counter[sms.ContentCategory] = Counter()
    total = 0
    for _, _, posts in sms.weeks_of(calendar):
        seen.update(p.category for p in posts)
        total += len(posts)
        for category in sms.ContentCategory:
            assert abs(seen[category] - total * mix.share(category) / 100) <= 1 + 1e-9
    for category in sms.ContentCategory:
        quota = total * mix.share(category) / 100
        assert seen[category] in (int(quota), int(quota) + 1) or abs(seen[category] - quota) < 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"weeks": -1}, "build_calendar.weeks: expected a whole number of at least 0"),
        ({"start": "2027-01-04"}, "build_calendar.start: expected a date"),
        ({"mix": None}, "build_calendar.mix: expected a ContentMix"),
        ({"channels": ["instagram"]}, "build_calendar.channels[0]: expected a Channel"),
        ({"blackout": ["2027-01-04"]}, "build_calendar.blackout[0]: expected a date"),
        ({"hours": (20, 8)}, "build_calendar.hours: expected two whole hours"),
        ({"hours": (8, 25)}, "build_calendar.hours: expected two whole hours"),
        ({"hours": [8, 20]}, "build_calendar.hours: expected two whole hours"),
    ],
)
def test_bad_arguments_are_refused(kwargs, message):
    """build_calendar() names the argument that is wrong."""
    arguments = {"channels": CHANNELS, "mix": MIX, "start": MONDAY, "weeks": 2, **kwargs}
    with pytest.raises(sms.SmstrategyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        sms.build_calendar(**arguments)


def test_weeks_of_an_empty_calendar():
    """An empty calendar has no weeks; weeks without posts are left out but keep the count."""
    assert sms.weeks_of(sms.Calendar()) == []
    posts = [
        sms.Post(when=dt.datetime(2027, 1, 4, 9), channel="x", topic="a"),  # noqa: DTZ001
        sms.Post(when=dt.datetime(2027, 1, 20, 9), channel="x", topic="b"),  # noqa: DTZ001
    ]
    weeks = sms.weeks_of(sms.Calendar(posts=posts))
    assert [(number, first, len(p)) for number, first, p in weeks] == [
        (1, MONDAY, 1),
        (3, dt.date(2027, 1, 18), 1),
    ]


# --- checks ---------------------------------------------------------------------------------


def test_a_built_calendar_passes_its_checks():
    """A calendar built from a sound plan raises no finding."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=13)
    assert sms.check(content_plan(calendar)).codes == ()


def test_too_many_posts_in_a_week():
    """SMS501: a week with more posts than the network allows is reported."""
    busy = attrs.evolve(CHANNELS[0], cadence=10)
    calendar = sms.build_calendar([busy, CHANNELS[1]], MIX, MONDAY, weeks=2)
    report = sms.check(content_plan(calendar), select="SMS5")
    assert [(f.code, f.path) for f in report] == [("SMS501", "calendar")] * 2
    assert report.findings[0].message == (
        "Week 1 (from 2027-01-04) has 10 posts on \u201cInstagram @fjordcoffee\u201d; "
        "the guideline is at most 7."
    )


def test_too_few_posts_in_a_whole_week():
    """SMS501: a whole week with too few posts is reported; the last, partial week is not."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=3)
    keep = [
        p
        for p in calendar.posts
        if not (
            p.channel.startswith("Instagram")
            and p.when.date() < MONDAY + dt.timedelta(days=7)
            and p.when.day > 5
        )
    ]
    report = sms.check(content_plan(sms.Calendar(posts=keep)), select="SMS501")
    expected = (
        "Week 1 (from 2027-01-04) has 2 posts on \u201cInstagram @fjordcoffee\u201d; "
        "the guideline is at least 3."
    )
    assert [f.message for f in report] == [expected]


def test_automated_posts_need_a_reviewer():
    """SMS502: a post that goes out automatically with no reviewer is reported."""
    robot = attrs.evolve(CHANNELS[0], automation=sms.Automation.AUTOMATED)
    calendar = sms.build_calendar([robot, CHANNELS[1]], MIX, MONDAY, weeks=1)
    plan = content_plan(calendar, channels=(attrs.evolve(robot, reviewer="Ola"), CHANNELS[1]))
    report = sms.check(plan, select="SMS502")
    assert len(report) == 5
    assert report.findings[0].path == "calendar.posts[0]"
    reviewed = sms.build_calendar([attrs.evolve(robot, reviewer="Ola")], MIX, MONDAY, weeks=1)
    assert sms.check(content_plan(reviewed), select="SMS502").codes == ()


def test_effort_over_the_time_budget():
    """SMS503: a week that takes more hours than the budget is reported."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    plan = content_plan(calendar, time_budget=sms.TimeBudget(hours_per_week=2))
    [finding] = sms.check(plan, select="SMS503")
    assert finding.message == "Week 1 (from 2027-01-04) needs about 3.5 hours; the budget is 2."
    slow = (attrs.evolve(CHANNELS[0], minutes_per_post=60), CHANNELS[1])
    [finding] = sms.check(attrs.evolve(plan, channels=slow), select="SMS503")
    assert "about 6 hours" in finding.message
    unknown = [attrs.evolve(p, channel="tiktok @fjord") for p in calendar.posts]
    [finding] = sms.check(attrs.evolve(plan, calendar=sms.Calendar(posts=unknown)), select="SMS503")
    assert "about 2.7 hours" in finding.message
    assert sms.check(attrs.evolve(plan, time_budget=None), select="SMS503").codes == ()


def test_mix_drift():
    """SMS504: a calendar whose categories stray from the planned mix is reported."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=2)
    promotional = [
        attrs.evolve(p, category=sms.ContentCategory.PROMOTIONAL) for p in calendar.posts
    ]
    report = sms.check(content_plan(sms.Calendar(posts=promotional)), select="SMS504")
    assert report.codes == ("SMS504",) * 3
    assert report.findings[0].message == "100 % of the posts are promotional; the plan says 25 %."
    assert sms.check(content_plan(calendar, mix=None), select="SMS504").codes == ()
    assert sms.check(content_plan(sms.Calendar()), select="SMS5").codes == ()


def test_silent_channels():
    """SMS505: a channel with no post for longer than the guideline is reported."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=6)
    gap = [
        p
        for p in calendar.posts
        if not (p.channel.startswith("Facebook") and p.when.date() > MONDAY + dt.timedelta(days=10))
    ]
    [finding] = sms.check(content_plan(sms.Calendar(posts=gap)), select="SMS505")
    assert finding.message.startswith("\u201cFacebook Fjord Coffee Bergen\u201d goes ")
    quiet = (*CHANNELS, sms.Channel(platform=sms.Platform.LINKEDIN, handle="Fjord"))
    report = sms.check(content_plan(calendar, channels=quiet), select="SMS505")
    assert [f.message for f in report] == [
        "\u201cLinkedIn Fjord\u201d goes 40 days without a post."
    ]


def test_nobody_monitoring_a_content_plan():
    """SMS153 applies to content plans too: someone must monitor and answer."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    [finding] = sms.check(content_plan(calendar, monitors=()), select="SMS153")
    assert finding.path == "channels"


def test_calendar_rules_run_inside_plans():
    """A calendar inside a plan is checked against that plan's channels and mix."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=2)
    promotional = [
        attrs.evolve(p, category=sms.ContentCategory.PROMOTIONAL) for p in calendar.posts
    ]
    plan = attrs.evolve(
        ROADMAP,
        action_plan=attrs.evolve(ROADMAP.action_plan, calendar=sms.Calendar(posts=promotional)),
    )
    report = sms.check(plan, select="SMS504")
    assert {f.path for f in report} == {"action_plan.calendar"}


def test_a_content_plan_report():
    """A content plan's report is keyed 'content-plan' with the plan's title."""
    report = sms.check(content_plan(sms.Calendar()))
    assert (report.framework, report.title) == ("content-plan", "Fjord Coffee: first quarter")


# --- rendering ------------------------------------------------------------------------------


def test_calendar_markdown_has_a_table_per_week():
    """The calendar renders one H2 and one table per week, a row per post."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=3)
    tokens = PARSER.parse(sms.render(content_plan(calendar)))
    assert headings(tokens, "h1") == ["Fjord Coffee: first quarter"]
    assert headings(tokens, "h2") == [
        "Week 1: Jan\u00a04,\u00a02027 to Jan\u00a010,\u00a02027",
        "Week 2: Jan\u00a011,\u00a02027 to Jan\u00a017,\u00a02027",
        "Week 3: Jan\u00a018,\u00a02027 to Jan\u00a024,\u00a02027",
    ]
    found = tables(tokens)
    assert [len(t) - 1 for t in found] == [8, 8, 8]
    assert found[0][1][:3] == [
        "Jan\u00a04,\u00a02027,\u00a09:00\u202fAM",
        "Instagram @fjordcoffee",
        "engagement",
    ]
    assert sms.render(calendar).startswith("# Content calendar\n")


def test_empty_calendars_and_far_apart_posts_render():
    """An empty calendar says so; posts years apart render only the weeks that have posts."""
    assert "No posts are planned." in sms.render(sms.Calendar())
    posts = [
        sms.Post(when=dt.datetime(2027, 1, 4, 9), channel="x", topic="a"),  # noqa: DTZ001
        sms.Post(when=dt.datetime(9000, 1, 20, 9), channel="x", topic="b"),  # noqa: DTZ001
    ]
    tokens = PARSER.parse(sms.render(sms.Calendar(posts=posts)))
    assert len(headings(tokens, "h2")) == 2
    far_apart = content_plan(sms.Calendar(posts=posts), channels=(), mix=None)
    assert sms.check(far_apart, select="SMS5").codes == ()


def test_icalendar_parses_with_one_event_per_post():
    """The iCalendar text parses with a real iCalendar library, one event per post."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=2)
    text = sms.to_ical(calendar, name="Fjord Coffee")
    parsed = icalendar.Calendar.from_ical(text)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(calendar.posts)
    first, post = events[0], calendar.posts[0]
    assert first.decoded("DTSTART") == post.when
    assert str(first["SUMMARY"]) == f"{post.channel}: {post.topic}"
    assert first.decoded("X-SMSTRATEGY-AUDIENCE") == "Bergen coffee lovers"
    assert str(parsed["X-WR-CALNAME"]) == "Fjord Coffee"
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_icalendar_uids_are_stable():
    """The same calendar always gives the same UIDs; identical posts get different ones."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    assert sms.to_ical(calendar) == sms.to_ical(sms.build_calendar(CHANNELS, MIX, MONDAY, 1))
    twin = sms.Calendar(posts=(calendar.posts[0], calendar.posts[0]))
    events = list(icalendar.Calendar.from_ical(sms.to_ical(twin)).walk("VEVENT"))
    assert events[0]["UID"] != events[1]["UID"]


def test_icalendar_escapes_and_folds_lines():
    """Commas, semicolons, backslashes and line breaks are escaped; long lines are folded."""
    topic = "Beans, brews; and \\ backslashes\nover two lines — " + "é" * 80
    post = sms.Post(
        when=dt.datetime(2027, 1, 4, 9, tzinfo=dt.UTC),
        channel="Instagram @fjordcoffee",
        topic=topic,
        automation=sms.Automation.AUTOMATED,
        reviewer="Ola",
    )
    text = sms.to_ical(sms.Calendar(posts=[post]), name="A, B; C")
    assert all(line.endswith("\r") or not line for line in text.split("\n")[:-1])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "DTSTART:20270104T090000Z" in text
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == f"Instagram @fjordcoffee: {topic}"
    assert event.decoded("X-SMSTRATEGY-REVIEWER") == "Ola"
    assert "X-WR-CALNAME:A\\, B\\; C\r\n" in text  # TEXT escaping of RFC 5545, 3.3.11


@settings(max_examples=50)
@given(texts(max_size=200))
def test_icalendar_keeps_any_topic(topic):
    """Any topic comes back from the iCalendar text as it was."""
    post = sms.Post(when=dt.datetime(2027, 1, 4, 9), channel="x", topic=topic)  # noqa: DTZ001
    [event] = icalendar.Calendar.from_ical(sms.to_ical(sms.Calendar(posts=[post]))).walk("VEVENT")
    expected = "x: " + topic.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["SUMMARY"]) == expected


def test_to_ical_refuses_bad_arguments():
    """to_ical() names the argument that is wrong."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^to_ical\.calendar"):
        sms.to_ical([])  # type: ignore[arg-type]
    with pytest.raises(sms.InvalidFieldValueError, match=r"^to_ical\.minutes"):
        sms.to_ical(sms.Calendar(), minutes=0)


# --- saving and loading ---------------------------------------------------------------------


@settings(max_examples=30)
@given(plan=st.builds(content_plan, calendars()), kind=st.sampled_from(["dict", "json"]))
def test_content_plans_and_calendars_save_and_load_like_plans(plan, kind):
    """A content plan, and a calendar on its own, come back equal from dict and JSON data."""
    for document in (plan, plan.calendar):
        cls = type(document)
        if kind == "dict":
            data = sms.to_dict(document)
            assert next(iter(data.items())) == ("kind", cls.key)
            assert sms.from_dict(data, cls) == document
        else:
            assert sms.from_json(sms.to_json(document), cls) == document


def test_the_kind_of_a_saved_content_plan_is_named_when_it_is_read_as_something_else():
    """Reading a content plan as a plan, or as a calendar, says what the data is."""
    data = sms.to_dict(content_plan(sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)))
    with pytest.raises(sms.StructureError, match=r"read it with from_dict\(data, ContentPlan\)"):
        sms.from_dict(data)
    with pytest.raises(
        sms.StructureError, match=r"\$.kind: expected 'calendar', got 'content-plan'"
    ):
        sms.from_dict(data, sms.Calendar)
    broken = {**data, "channels": [{"platform": "instagram", "cadence": "often"}]}
    with pytest.raises(sms.StructureError, match=r"\$.channels\[0\].cadence: expected"):
        sms.from_dict(broken, sms.ContentPlan)


def test_the_command_line_checks_and_renders_a_saved_content_plan(tmp_path, capsys):
    """A content plan's file works with check and render, as a plan's does."""
    from smstrategy.__main__ import main

    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=2)
    path = tmp_path / "content-plan.json"
    path.write_text(sms.to_json(content_plan(calendar)), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    assert main(["render", str(path)]) == 0
    assert capsys.readouterr().out.startswith("# Fjord Coffee: first quarter")


@settings(max_examples=60, deadline=None)
@given(
    cadences=st.lists(st.sampled_from([0, 1, 2.5, 5, 14]), min_size=1, max_size=5),
    hours=st.lists(st.integers(9, 11), max_size=6),
    weeks=st.integers(0, 5),
)
def test_posts_come_by_time_then_in_the_order_of_their_channels(cadences, hours, weeks):
    """Posts at the same time come in the order of their channels; all come by time."""
    channels = tuple(
        sms.Channel(platform=sms.Platform.INSTAGRAM, handle=f"@c{i}", cadence=c, owner="Ola")
        for i, c in enumerate(cadences)
    )
    recurring = tuple(
        sms.Recurrence(
            channel=channels[i % len(channels)].name,
            topic="Weekly",
            weekday=sms.Weekday.MONDAY,
            hour=hour,
        )
        for i, hour in enumerate(hours)
    )
    mix = sms.ContentMix(promotional=25, curated=35, engagement=40)
    calendar = sms.build_calendar(
        channels, mix, dt.date(2027, 1, 4), weeks, hours=(9, 12), recurring=recurring
    )
    rank = {c.name: i for i, c in enumerate(channels)}
    keys = [(p.when, rank[p.channel]) for p in calendar.posts]
    assert keys == sorted(keys)
