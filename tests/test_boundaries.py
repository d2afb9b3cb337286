"""Every threshold rule exactly at, just below and just above its boundary, messages in full.

Each case builds a plan around one number, checks it with only the rule in question and
compares every message the rule gives, word for word, so that moving a boundary by one, turning
``>`` into ``>=`` or dropping a value from a message fails a test.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import smstrategy as sms
from smstrategy.built_in.eight_step import ThePoint
from test_rules import EIGHT, FIVE, evolve_at

MONDAY = dt.datetime(2027, 1, 4, 9)  # noqa: DTZ001
INSTAGRAM = sms.Channel(
    platform=sms.Platform.INSTAGRAM,
    handle="@fjord",
    audiences=("Bergen",),
    owner="Ingrid",
    cadence=3,
)
HOURLY = attrs.evolve(INSTAGRAM, max_per_day=2, max_per_hour=1)


def said(plan, code, **guidelines):
    """Return each (path, message) the rule *code* gives for *plan*."""
    report = sms.check(plan, select=code, guidelines=sms.Guidelines(**guidelines))
    assert set(report.codes) <= {code}
    return [(f.path, f.message) for f in report]


def posts(*hours, channel="Instagram @fjord", category=sms.ContentCategory.ENGAGEMENT):
    """Return posts on *channel* at *hours* after Monday 4 January 2027, 09:00."""
    return tuple(
        sms.Post(
            when=MONDAY + dt.timedelta(hours=h), channel=channel, topic=f"{h}", category=category
        )
        for h in hours
    )


def calendar_plan(*made, channel=INSTAGRAM, hours=8.0, mix=None):
    return sms.ContentPlan(
        title="Weeks",
        channels=(channel,),
        mix=mix,
        time_budget=sms.TimeBudget(hours_per_week=hours),
        calendar=sms.Calendar(posts=made),
    )


# --- SMS122: the promotional share ------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (29, []),
        (30, []),
        (31, ["31 % of the content is promotional; the guideline is 30 %."]),
    ],
)
def test_promotional_share_at_its_limit(share, expected):
    mix = sms.ContentMix(promotional=share, curated=70 - share, engagement=30)
    plan = evolve_at(FIVE, "technology", content_mix=mix)
    assert said(plan, "SMS122", max_promotional_share=30) == [
        ("technology.content_mix", m) for m in expected
    ]


def test_the_default_promotional_share_is_a_third_rounded_in_the_message():
    plan = evolve_at(
        FIVE, "technology", content_mix=sms.ContentMix(promotional=34, curated=36, engagement=30)
    )
    assert said(plan, "SMS122") == [
        ("technology.content_mix", "34 % of the content is promotional; the guideline is 33.3 %.")
    ]
    below = sms.ContentMix(promotional=33, curated=37, engagement=30)
    assert said(evolve_at(FIVE, "technology", content_mix=below), "SMS122") == []


# --- SMS123: engagement ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("engagement", "expected"),
    [
        (0, ["No part of the content mix is set aside for conversation with followers."]),
        (1, []),
    ],
)
def test_engagement_share_at_zero(engagement, expected):
    mix = sms.ContentMix(promotional=20, curated=80 - engagement, engagement=engagement)
    plan = evolve_at(FIVE, "technology", content_mix=mix)
    assert said(plan, "SMS123") == [("technology.content_mix", m) for m in expected]


# --- SMS131: the number of channels ----------------------------------------------------------

NETWORKS = [sms.Platform.INSTAGRAM, sms.Platform.FACEBOOK, sms.Platform.LINKEDIN, sms.Platform.X]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (2, []),
        (3, []),
        (4, ["4 channels are planned; the guideline is 3."]),
    ],
)
def test_exactly_three_channels_is_within_the_guideline(count, expected):
    channels = tuple(attrs.evolve(INSTAGRAM, platform=p) for p in NETWORKS[:count])
    plan = evolve_at(FIVE, "technology", channels=channels)
    assert said(plan, "SMS131") == [("technology.channels", m) for m in expected]


def test_a_lower_channel_limit_counts_the_same_way():
    channels = tuple(attrs.evolve(INSTAGRAM, platform=p) for p in NETWORKS[:2])
    plan = evolve_at(FIVE, "technology", channels=channels)
    assert said(plan, "SMS131", max_channels=2) == []
    assert said(plan, "SMS131", max_channels=1) == [
        ("technology.channels", "2 channels are planned; the guideline is 1.")
    ]


# --- SMS141: a channel's cadence -------------------------------------------------------------

NAME = "\u201cInstagram @fjordcoffee\u201d"


@pytest.mark.parametrize(
    ("cadence", "upper", "expected"),
    [
        (2, None, [f"2 posts a week on {NAME} is below the guideline of at least 3."]),
        (2.5, None, [f"2.5 posts a week on {NAME} is below the guideline of at least 3."]),
        (3, None, []),
        (4, None, []),
        (6, None, []),
        (7, None, []),
        (8, None, [f"8 posts a week on {NAME} is above the guideline of at most 7."]),
        (3, 7, []),
        (3, 8, [f"8 posts a week on {NAME} is above the guideline of at most 7."]),
        (
            2,
            8,
            [
                f"2 posts a week on {NAME} is below the guideline of at least 3.",
                f"8 posts a week on {NAME} is above the guideline of at most 7.",
            ],
        ),
    ],
)
def test_cadence_exactly_at_a_networks_bounds(cadence, upper, expected):
    plan = evolve_at(FIVE, "technology.channels[0]", cadence=cadence, cadence_upper=upper)
    assert said(plan, "SMS141") == [("technology.channels[0]", m) for m in expected]


def test_a_network_without_an_upper_bound_is_never_too_busy():
    plan = evolve_at(FIVE, "technology.channels[0]", cadence=500)
    assert said(plan, "SMS141", max_posts_by_platform={}) == []


def test_a_network_without_its_own_lower_bound_takes_the_general_one():
    plan = evolve_at(FIVE, "technology.channels[1]", cadence=1)  # Facebook
    assert said(plan, "SMS141") == []
    assert said(plan, "SMS141", min_posts_per_week=2) == [
        (
            "technology.channels[1]",
            (
                "1 posts a week on \u201cFacebook Fjord Coffee Bergen\u201d "
                "is below the guideline of at least 2."
            ),
        )
    ]


# --- SMS143: time -----------------------------------------------------------------------------

# Instagram five times at 30 minutes and Facebook three times at 20: 210 minutes, 3.5 hours.


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (3.4, ["The channels need about 3.5 hours a week; the budget is 3.4."]),
        (3.5, []),
        (3.6, []),
    ],
)
def test_hours_exactly_at_the_budget(budget, expected):
    plan = evolve_at(FIVE, "technology.time_budget", hours_per_week=budget)
    assert said(plan, "SMS143") == [("technology.time_budget", m) for m in expected]


# --- SMS144 and SMS145: money ----------------------------------------------------------------

# The example plans 2,000 NOK on Instagram and 500 on Facebook.


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2499, ["The channels are planned to spend 2500 NOK in 4 weeks; the budget is 2499."]),
        (2500, []),
        (2501, []),
    ],
)
def test_spend_exactly_at_the_money_budget(amount, expected):
    plan = evolve_at(FIVE, "technology.money", amount=amount)
    assert said(plan, "SMS144") == [("technology.money", m) for m in expected]


NOT_A_CHANNEL = (
    "Money is planned for \u201cTikTok @fjord\u201d, which is not one of the plan's channels."
)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, []),
        (
            0.01,
            [NOT_A_CHANNEL],
        ),
    ],
)
def test_only_money_actually_spent_needs_a_channel(amount, expected):
    spend = (*FIVE.technology.money.spend, sms.Spend(channel="TikTok @fjord", amount=amount))
    plan = evolve_at(FIVE, "technology.money", spend=spend)
    assert said(plan, "SMS145") == [("technology.money.spend[2]", m) for m in expected]


def test_money_on_a_channel_that_serves_no_goal():
    plan = evolve_at(FIVE, "technology.channels[1]", goals=())
    assert said(plan, "SMS145") == [
        (
            "technology.money.spend[1]",
            "Money is planned for \u201cFacebook Fjord Coffee Bergen\u201d, which serves no goal.",
        )
    ]


# --- SMS151: access without a policy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("access", "expected"),
    [
        (0, []),
        (1, []),
        (2, ["2 people can log in to the accounts, and there is no policy."]),
        (3, ["3 people can log in to the accounts, and there is no policy."]),
    ],
)
def test_more_than_one_person_with_access_needs_a_policy(access, expected):
    members = tuple(
        sms.Member(name=f"P{i}", department=f"D{i}", account_access=i < access) for i in range(3)
    )
    plan = evolve_at(EIGHT, "ark", team=sms.Team(members=members), policy=None)
    assert said(plan, "SMS151") == [("ark.team", m) for m in expected]
    assert said(evolve_at(plan, "ark", policy=EIGHT.ark.policy), "SMS151") == []


# --- SMS211: the ark spans departments -------------------------------------------------------


@pytest.mark.parametrize(
    ("departments", "expected"),
    [
        (["Marketing"], [(sms.Severity.WARNING, "Departments with people in the ark: 1.")]),
        (
            ["Marketing", "marketing "],
            [(sms.Severity.WARNING, "Departments with people in the ark: 1.")],
        ),
        (["Marketing", "Cafés"], []),
        (["Marketing", "Cafés", "Sales"], []),
        (
            ["Marketing", ""],
            [
                (
                    sms.Severity.ADVICE,
                    "People in the ark whose department is not stated: 1 of 2.",
                )
            ],
        ),
        (["Marketing", "Cafés", ""], []),
        ([], [(sms.Severity.ADVICE, "Who is in the ark is not stated.")]),
    ],
)
def test_an_ark_of_exactly_two_departments_spans_them(departments, expected):
    members = tuple(sms.Member(name=f"P{i}", department=d) for i, d in enumerate(departments))
    plan = evolve_at(EIGHT, "ark", team=sms.Team(members=members))
    report = sms.check(plan, select="SMS211")
    assert [(f.path, f.severity, f.message) for f in report] == [
        ("ark.team", s, m) for s, m in expected
    ]


# --- SMS212: one purpose ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("purposes", "expected"),
    [
        ((), ["No purpose is named."]),
        ((sms.GoalKind.AWARENESS,), []),
        (
            (sms.GoalKind.AWARENESS, sms.GoalKind.SALES),
            ["2 purposes are named (awareness, sales); pick one."],
        ),
    ],
)
def test_exactly_one_purpose(purposes, expected):
    plan = evolve_at(EIGHT, "point", purposes=purposes)
    assert isinstance(plan.point, ThePoint)
    assert said(plan, "SMS212") == [("point", m) for m in expected]


# --- SMS401: an abandoned account ------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (89, []),
        (90, []),
        (91, ["The account \u201c@fjord\u201d has not posted for 91 days."]),
        (None, ["The account \u201c@fjord\u201d has never posted."]),
    ],
)
def test_an_account_silent_exactly_the_guideline_is_not_abandoned(days, expected):
    as_of = dt.date(2027, 6, 1)
    last = None if days is None else as_of - dt.timedelta(days=days)
    account = sms.Account(platform=sms.Platform.INSTAGRAM, handle="@fjord", last_post=last)
    audit = sms.Audit(accounts=(account,), as_of=as_of)
    assert said(audit, "SMS401") == [("accounts[0]", m) for m in expected]


# --- SMS501: posts in a week -----------------------------------------------------------------

# Instagram's bounds are at least 3 and at most 7 posts a week.
WEEK_ONE = "Week 1 (from 2027-01-04)"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (2, [f"{WEEK_ONE} has 2 posts on {NAME[:-13]}@fjord\u201d; the guideline is at least 3."]),
        (3, []),
        (7, []),
        (8, [f"{WEEK_ONE} has 8 posts on {NAME[:-13]}@fjord\u201d; the guideline is at most 7."]),
    ],
)
def test_posts_in_a_complete_week_at_the_networks_bounds(count, expected):
    week_two = posts(7 * 24 + 1, 7 * 24 + 2, 7 * 24 + 3)
    plan = calendar_plan(*posts(*range(count)), *week_two)
    assert said(plan, "SMS501") == [("calendar", m) for m in expected]


def test_the_last_week_may_be_short_but_never_too_busy():
    assert said(calendar_plan(*posts(0, 1)), "SMS501") == []
    assert said(calendar_plan(*posts(*range(8))), "SMS501") == [
        (
            "calendar",
            f"{WEEK_ONE} has 8 posts on \u201cInstagram @fjord\u201d; the guideline is at most 7.",
        )
    ]


# --- SMS503: time in a week ------------------------------------------------------------------

# Instagram takes 30 minutes a post: four posts are exactly two hours.


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (1.9, [f"{WEEK_ONE} needs about 2 hours; the budget is 1.9."]),
        (2, []),
        (2.1, []),
    ],
)
def test_a_week_exactly_at_the_time_budget(budget, expected):
    plan = calendar_plan(*posts(0, 1, 2, 3), hours=budget)
    assert said(plan, "SMS503") == [("calendar", m) for m in expected]


def test_posts_on_unknown_channels_count_the_default_minutes():
    plan = calendar_plan(*posts(0, 1, 2, channel="Mastodon @fjord"), hours=1)
    assert said(plan, "SMS503") == []
    assert said(plan, "SMS503", default_minutes_per_post=21) == [
        ("calendar", f"{WEEK_ONE} needs about 1.1 hours; the budget is 1.")
    ]


# --- SMS504: the mix in the calendar ---------------------------------------------------------


@pytest.mark.parametrize(
    ("promotional", "expected"),
    [
        (2, []),  # 20 % against 30 %: exactly the tolerance
        (
            1,
            [
                "10 % of the posts are promotional; the plan says 30 %.",
                "90 % of the posts are engagement; the plan says 70 %.",
            ],
        ),
        (4, []),
        (
            5,
            [
                "50 % of the posts are promotional; the plan says 30 %.",
                "50 % of the posts are engagement; the plan says 70 %.",
            ],
        ),
    ],
)
def test_mix_drift_exactly_at_the_tolerance(promotional, expected):
    made = (
        *posts(*range(promotional), category=sms.ContentCategory.PROMOTIONAL),
        *posts(*range(promotional, 10)),
    )
    mix = sms.ContentMix(promotional=30, curated=0, engagement=70)
    plan = calendar_plan(*made, mix=mix)
    assert said(plan, "SMS504") == [("calendar", m) for m in expected]


# --- SMS505: silence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (13, []),
        (14, []),
        (15, ["\u201cInstagram @fjord\u201d goes 15 days without a post."]),
    ],
)
def test_a_channel_silent_exactly_the_guideline(days, expected):
    other = sms.Channel(platform=sms.Platform.FACEBOOK, handle="Fjord", cadence=3)
    made = (*posts(0), *posts(*range(0, 24 * days + 1, 24), channel="Facebook Fjord"))
    plan = attrs.evolve(calendar_plan(*made), channels=(INSTAGRAM, other))
    assert said(plan, "SMS505") == [("calendar", m) for m in expected]


def test_silence_counts_to_the_minute():
    daily = (*range(0, 24 * 15, 24), 24 * 14 + 1)
    made = (*posts(0), *posts(*daily, channel="Facebook Fjord"))
    other = sms.Channel(platform=sms.Platform.FACEBOOK, handle="Fjord", cadence=3)
    plan = attrs.evolve(calendar_plan(*made), channels=(INSTAGRAM, other))
    assert said(plan, "SMS505") == [
        ("calendar", "\u201cInstagram @fjord\u201d goes 14 days without a post.")
    ]


# --- SMS508: caps a day and an hour ----------------------------------------------------------

TWO_IN_AN_HOUR = (
    "2027-01-04 09:00 has 2 posts on \u201cInstagram @fjord\u201d; the plan allows 1 an hour."
)


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (posts(0, 1), []),
        (
            posts(0, 1, 2),
            ["2027-01-04 has 3 posts on \u201cInstagram @fjord\u201d; the plan allows 2 a day."],
        ),
        (posts(0, 24), []),
        (
            (*posts(0), *posts(0.5)),
            [TWO_IN_AN_HOUR],
        ),
        (
            (*posts(0), *posts(0.99)),
            [TWO_IN_AN_HOUR],
        ),
    ],
)
def test_posts_exactly_at_the_caps(made, expected):
    plan = calendar_plan(*made, channel=HOURLY)
    assert said(plan, "SMS508") == [("calendar", m) for m in expected]
