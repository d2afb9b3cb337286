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
from test_rules import EIGHT, FIVE, POPT, ROADMAP, evolve_at
from test_scorecard import RESULTS

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


def silent_instagram(*facebook_hours):
    """Return a plan whose Instagram posts once, at the start, and Facebook at *facebook_hours*."""
    other = sms.Channel(platform=sms.Platform.FACEBOOK, handle="Fjord", cadence=3)
    made = (*posts(0), *posts(*facebook_hours, channel="Facebook Fjord"))
    return attrs.evolve(calendar_plan(*made), channels=(INSTAGRAM, other))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (13, []),
        (14, []),
        (15, ["\u201cInstagram @fjord\u201d goes 15 days without a post."]),
    ],
)
def test_a_channel_silent_exactly_the_guideline(days, expected):
    plan = silent_instagram(*range(0, 24 * days + 1, 24))
    assert said(plan, "SMS505") == [("calendar", m) for m in expected]


def test_silence_counts_to_the_minute():
    plan = silent_instagram(*range(0, 24 * 15, 24), 24 * 14 + 1)
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


# --- messages in full, where the boundary tests above do not reach them ---------------------


def test_every_breaking_plan_gets_its_rules_message_and_hint_in_full():
    """Each rule's message names what it found, in the words the catalogs translate."""
    from test_rules import BREAKING

    found = {
        code: [(f.path, f.message, f.hint) for f in sms.check(plan, select=code)]
        for code, plan, _ in BREAKING
    }
    assert {code: said for code, said in found.items() if code in MESSAGES} == MESSAGES


MESSAGES = {
    "SMS111": [
        (
            "target.audiences[1]",
            "The audience \u201cHome brewers across Norway\u201d has no psychographics.",
            "Describe who they are (age, place, situation) and how they think (values, interests).",
        )
    ],
    "SMS214": [
        (
            "channels.channels[0]",
            (
                "The channel \u201cInstagram @fjordcoffee\u201d refers to \u201cWin a barista "
                "award\u201d, which no earlier step declares."
            ),
            "Use the names of the audiences and goals declared in the earlier steps.",
        )
    ],
    "SMS222": [
        (
            "priorities.items[0]",
            (
                "The priority \u201cWeekly roastery stories\u201d refers to \u201cWin a barista "
                "award\u201d, which is not among the objectives."
            ),
            "Tie each priority to the statement of an objective it supports.",
        )
    ],
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"demographics": (), "psychographics": ()}, "no demographics and no psychographics"),
        ({"demographics": ()}, "no demographics"),
        ({"psychographics": ()}, "no psychographics"),
        ({"psychographics": (), "values": ("Craft",)}, None),
        ({"psychographics": (), "motivations": ("Taste",)}, None),
        ({}, None),
    ],
)
def test_an_audience_is_known_by_facts_and_by_mindset(changes, expected):
    audience = sms.Audience(
        name="Regulars", demographics=("Bergen, 25-40",), psychographics=("Care about origin",)
    )
    plan = evolve_at(FIVE, "target", audiences=(attrs.evolve(audience, **changes),))
    assert said(plan, "SMS111") == (
        []
        if expected is None
        else [("target.audiences[0]", f"The audience \u201cRegulars\u201d has {expected}.")]
    )


def test_a_vanity_metric_beside_a_real_one_is_fine():
    goal = FIVE.direction.goals[0]
    vanity = sms.Metric(name="Instagram followers", target=5000)
    real = sms.Metric(name="monthly reach in Bergen", target=20000)
    assert said(evolve_at(FIVE, "direction.goals[0]", metrics=(vanity, real)), "SMS104") == []
    assert said(evolve_at(FIVE, "direction.goals[0]", metrics=(vanity,)), "SMS104") == [
        (
            "direction.goals[0]",
            f"The goal \u201c{goal.statement}\u201d counts only followers or likes.",
        )
    ]


def test_a_channel_without_a_cadence_is_asked_for_one():
    plan = evolve_at(FIVE, "technology.channels[0]", cadence=None)
    report = sms.check(plan, select="SMS141")
    assert [(f.severity, f.message, f.hint) for f in report] == [
        (
            sms.Severity.ADVICE,
            "How often \u201cInstagram @fjordcoffee\u201d posts is not stated.",
            "State the posts a week planned, so the pace can be checked.",
        )
    ]


def test_hours_are_rounded_to_one_decimal():
    # Five Instagram posts at 31 minutes and three Facebook posts at 20: 215 minutes.
    plan = evolve_at(FIVE, "technology.time_budget", hours_per_week=3)
    assert said(plan, "SMS143", minutes_per_post={"instagram": 31, "facebook": 20}) == [
        ("technology.time_budget", "The channels need about 3.6 hours a week; the budget is 3.")
    ]


def test_an_optional_step_left_empty_does_not_hide_a_later_one():
    plan = attrs.evolve(FIVE, uniqueness=sms.built_in.five_step.Uniqueness())
    plan = evolve_at(
        plan,
        "assessment",
        questions_for_us=(),
        questions_for_customers=(),
        reviewed_goals=(),
        review_every=None,
    )
    assert [s.name for s in plan.empty_steps()] == ["uniqueness", "assessment"]
    assert said(plan, "SMS201", optional_steps=frozenset({"uniqueness"})) == [
        ("assessment", "The step \u201cAssessment\u201d is empty.")
    ]


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"audiences": (), "why": "", "what": ""}, "who, why, what"),
        ({"audiences": ()}, "who"),
        ({"what": ""}, "what"),
    ],
)
def test_a_purpose_says_who_why_and_what(changes, missing):
    plan = evolve_at(POPT, "purpose", **changes)
    assert said(plan, "SMS221") == [("purpose", f"The purpose does not say {missing}.")]


def test_a_week_just_over_its_budget_is_over():
    # Four Instagram posts at 30 minutes are 2 hours: over 1.98, under 1.98 * 61 / 60.
    plan = calendar_plan(*posts(0, 1, 2, 3), hours=1.98)
    assert said(plan, "SMS503") == [
        ("calendar", f"{WEEK_ONE} needs about 2 hours; the budget is 1.98.")
    ]


def test_posts_that_need_approval():
    calendar = sms.Calendar(
        posts=(
            attrs.evolve(
                posts(0)[0], automation=sms.Automation.SCHEDULED, status=sms.PostStatus.DRAFT
            ),
            attrs.evolve(posts(1)[0], status=sms.PostStatus.PUBLISHED),
            attrs.evolve(posts(2)[0], status=sms.PostStatus.PUBLISHED, reviewer="Ingrid"),
        )
    )
    plan = evolve_at(ROADMAP, "action_plan", calendar=calendar, channels=(INSTAGRAM,))
    plan = evolve_at(plan, "workforce.policy", approval_required=True)
    assert said(plan, "SMS506") == [
        (
            "action_plan.calendar.posts[0]",
            (
                "The post \u201c0\u201d is scheduled while its status is draft, and the policy "
                "requires approval."
            ),
        ),
        (
            "action_plan.calendar.posts[1]",
            (
                "The post \u201c1\u201d was published with nobody named as approving it, and the "
                "policy requires approval."
            ),
        ),
    ]


def test_a_post_on_an_unknown_channel_does_not_stop_the_count_of_the_others():
    made = (*posts(0, channel="Mastodon @fjord"), *posts(1, 2, 3))
    assert said(calendar_plan(*made, channel=HOURLY), "SMS508") == [
        (
            "calendar",
            "2027-01-04 has 3 posts on \u201cInstagram @fjord\u201d; the plan allows 2 a day.",
        )
    ]


def test_days_over_the_cap_come_in_time_order_whichever_channel_and_order_of_posts():
    """SMS508 names the days of every channel in time order, however the posts are kept."""
    facebook = attrs.evolve(HOURLY, platform=sms.Platform.FACEBOOK, max_per_hour=None)
    late = posts(24, 25, 26)  # Tuesday, on Instagram
    early = posts(0, 1, 2, channel="Facebook @fjord")  # Monday, on Facebook
    plan = attrs.evolve(
        calendar_plan(*late, *early, channel=HOURLY),
        channels=(HOURLY, facebook),
    )
    assert said(plan, "SMS508") == [
        (
            "calendar",
            "2027-01-04 has 3 posts on \u201cFacebook @fjord\u201d; the plan allows 2 a day.",
        ),
        (
            "calendar",
            "2027-01-05 has 3 posts on \u201cInstagram @fjord\u201d; the plan allows 2 a day.",
        ),
    ]


def test_a_plan_that_names_nobody_is_asked_who_monitors():
    plan = sms.ContentPlan(title="Nobody", channels=(attrs.evolve(INSTAGRAM, owner=None),))
    report = sms.check(plan, select="SMS153")
    assert [(f.path, f.severity, f.message) for f in report] == [
        ("channels", sms.Severity.ADVICE, "Who monitors the channels and answers is not stated.")
    ]


def test_the_pace_at_risk_may_equal_the_tolerance_but_not_be_below_it():
    assert sms.Guidelines(pace_tolerance=0.2, pace_at_risk=0.2).pace_at_risk == 0.2
    with pytest.raises(
        sms.InvalidFieldValueError,
        match=r"^Guidelines\.pace_at_risk: expected at least pace_tolerance \(0\.2\), got 0\.19",
    ):
        sms.Guidelines(pace_tolerance=0.2, pace_at_risk=0.19)


def test_media_are_one_line_of_visible_text_each():
    with pytest.raises(
        sms.InvalidFieldValueError,
        match=r"^Post\.media\[0\]: expected text with a visible character, got ' '",
    ):
        attrs.evolve(posts(0)[0], media=(" ",))
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Post\.media\[0\]: expected one line"):
        attrs.evolve(posts(0)[0], media=("a\nb",))


# --- the results checks ------------------------------------------------------------------------


def test_a_metric_that_has_not_moved_has_come_none_of_the_way():
    metric = "cost per subscription from social"
    kept = [o for o in RESULTS.observations if (o.metric, o.on) != (metric, dt.date(2027, 5, 31))]
    still = sms.Observation(metric=metric, on=dt.date(2027, 5, 31), value=226)
    found = attrs.evolve(RESULTS, observations=(*kept, still))
    report = sms.check(FIVE, results=found, select="SMS601")
    assert [f.message for f in report if f.path == "direction.goals[1].metrics[1]"] == [
        (
            "\u201ccost per subscription from social\u201d has come 0 % of the way to its target; "
            "the pace to the deadline expects 61 %."
        )
    ]


def test_channels_are_compared_metric_by_metric():
    """A metric reached through one channel only is passed over; the next is still compared."""
    reach = "monthly reach in Bergen"
    kept = [o for o in RESULTS.observations if not (o.metric == reach and o.channel == "facebook")]
    searches = [
        sms.Observation(metric="branded searches", on=day, value=value, channel=channel)
        for day, value, channel in [
            (dt.date(2027, 4, 30), 100, "instagram"),
            (dt.date(2027, 5, 31), 300, "instagram"),
            (dt.date(2027, 4, 30), 10, "facebook"),
            (dt.date(2027, 5, 31), 12, "facebook"),
        ]
    ]
    found = attrs.evolve(RESULTS, observations=(*kept, *searches))
    card = sms.scorecard(FIVE, found)
    assert [(p.metric, p.name) for p in card.working][:1] == [(reach, "Instagram @fjordcoffee")]
    report = sms.check(FIVE, results=found, select="SMS606")
    assert [(f.path, f.message.split(":")[0]) for f in report] == [
        (
            "technology.channels[1]",
            (
                "\u201cFacebook Fjord Coffee Bergen\u201d yields the least "
                "\u201cbranded searches\u201d per hour of work"
            ),
        )
    ]


QUESTIONS = FIVE.assessment.questions_for_customers


def unanswered(on, as_of):
    answers = [sms.Feedback(question=q, voice=sms.Voice.CUSTOMERS, on=on) for q in QUESTIONS]
    report = sms.check(FIVE, results=sms.Results(feedback=answers), select="SMS607", as_of=as_of)
    return [(f.path, f.message) for f in report]


@pytest.mark.parametrize(
    ("on", "answered"),
    [
        (dt.date(2027, 5, 3), False),  # the day before the review period began
        (dt.date(2027, 5, 4), True),
        (dt.date(2027, 5, 31), True),  # the day of the check
    ],
)
def test_answers_count_within_the_review_period_inclusive(on, answered):
    expected = [
        (
            f"assessment.questions_for_customers[{i}]",
            f"No customer has answered \u201c{q}\u201d since 2027-05-03.",
        )
        for i, q in enumerate(QUESTIONS)
    ]
    assert unanswered(on, dt.date(2027, 5, 31)) == ([] if answered else expected)


def test_the_review_period_starts_no_earlier_than_the_calendars_first_day():
    assert unanswered(dt.date(1, 1, 2), dt.date(1, 1, 10)) == []
    assert unanswered(dt.date(1, 1, 11), dt.date(1, 1, 10))[0][1] == (
        f"No customer has answered \u201c{QUESTIONS[0]}\u201d since 0001-01-01."
    )


@attrs.frozen(kw_only=True)
class Lone:
    """One channel, on its own."""

    c: sms.Channel


@sms.framework("test-short-names", name="Short names", summary="Steps named with one letter.")
class ShortNames(sms.Framework):
    """A framework whose step and field names are one letter long."""

    t: Lone = sms.step("T", questions=("Where?",))


def test_a_one_letter_step_is_a_path_like_any_other():
    """Paths are cut at their last dot or bracket, wherever it stands."""
    plan = ShortNames(title="Short", t=Lone(c=attrs.evolve(INSTAGRAM, owner=None)))
    report = sms.check(plan, select="SMS153")
    assert [(f.path, f.step) for f in report] == [("t", "T")]


def test_a_plan_that_names_an_owner_names_people():
    """One channel with an owner is enough for the plan to name people; none monitors."""
    owned = sms.ContentPlan(
        title="Owned",
        channels=(
            attrs.evolve(INSTAGRAM, owner="Ingrid"),
            attrs.evolve(INSTAGRAM, platform=sms.Platform.FACEBOOK, owner=None),
        ),
    )
    report = sms.check(owned, select="SMS153")
    assert [(f.path, f.severity, f.message) for f in report] == [
        (
            "channels",
            sms.Severity.WARNING,
            "The plan names nobody who monitors the channels and answers.",
        )
    ]


def test_one_line_validators_refuse_blank_text_and_line_breaks():
    from smstrategy import validators as v

    check = v.one_line()
    check.check("Post", "media", "photo.jpg")
    with pytest.raises(sms.InvalidFieldValueError, match="expected text with a visible character"):
        check.check("Post", "media", " ")
    with pytest.raises(sms.InvalidFieldValueError, match="expected one line of text"):
        check.check("Post", "media", "a\nb")
