"""Checks: the catalogue of rules, the engine, the registry and the report."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from audits import AUDIT
from custom_frameworks import (
    ALL_FRAMEWORKS,
    FiveStepWithOwner,
    Owner,
    Sostac,
    TwoReviews,
    budget_example,
    five_step_contents,
    sostac_example,
)
from smstrategy.built_in.five_step import Uniqueness
from smstrategy.built_in.roadmap import Measurement, Messages
from strategies import plans
from test_render import NOT_TEXT


def evolve_at(plan, path, **changes):
    """Return *plan* with the node at *path* evolved with *changes*."""
    if not path:
        return attrs.evolve(plan, **changes)
    head, _, rest = path.partition(".")
    name, _, index = head.partition("[")
    child = getattr(plan, name)
    if index:
        i = int(index.rstrip("]"))
        items = list(child)
        items[i] = evolve_at(items[i], rest, **changes)
        return attrs.evolve(plan, **{name: tuple(items)})
    return attrs.evolve(plan, **{name: evolve_at(child, rest, **changes)})


FIVE = sms.example("five-step")
EIGHT = sms.example("eight-step")
POPT = sms.example("popt")
ROADMAP = sms.example("roadmap")
AWARENESS = FIVE.direction.goals[0]
EXTRA_CHANNELS = (
    sms.Channel(
        platform=sms.Platform.LINKEDIN,
        handle="Fjord Coffee",
        audiences=("Home brewers across Norway",),
        owner="Ingrid Dahl",
        cadence=2,
    ),
    sms.Channel(
        platform=sms.Platform.X,
        handle="@fjordcoffee",
        audiences=("Bergen coffee lovers",),
        owner="Ola Nilsen",
        cadence=5,
    ),
)
TOURISTS = sms.Audience(
    name="Tourists",
    priority=3,
    demographics=("visitors to Bergen",),
    psychographics=("look for local experiences",),
)


# (code, the plan that breaks it, the path of the finding)
BREAKING = [
    (
        "SMS101",
        evolve_at(FIVE, "direction.goals[0]", metrics=(sms.Metric(name="monthly reach"),)),
        "direction.goals[0]",
    ),
    ("SMS102", evolve_at(FIVE, "direction.goals[0]", deadline=None), "direction.goals[0]"),
    (
        "SMS103",
        evolve_at(
            FIVE, "direction.goals[0]", metrics=(sms.Metric(name="newsletter clicks", target=5),)
        ),
        "direction.goals[0]",
    ),
    (
        "SMS104",
        evolve_at(
            FIVE,
            "direction.goals[0]",
            kind=sms.GoalKind.OTHER,
            metrics=(
                sms.Metric(name="Instagram followers", target=5000),
                sms.Metric(name="page likes", target=900),
            ),
        ),
        "direction.goals[0]",
    ),
    (
        "SMS111",
        evolve_at(FIVE, "target.audiences[1]", psychographics=(), values=(), motivations=()),
        "target.audiences[1]",
    ),
    ("SMS112", evolve_at(FIVE, "target.audiences[1]", priority=1), "target.audiences[1]"),
    (
        "SMS121",
        evolve_at(ROADMAP, "messages", brand_perception="Quiet, slow and deliberate."),
        "messages.brand_perception",
    ),
    (
        "SMS122",
        evolve_at(
            FIVE,
            "technology",
            content_mix=sms.ContentMix(promotional=50, curated=20, engagement=30),
        ),
        "technology.content_mix",
    ),
    (
        "SMS123",
        evolve_at(
            FIVE,
            "technology",
            content_mix=sms.ContentMix(promotional=30, curated=70, engagement=0),
        ),
        "technology.content_mix",
    ),
    (
        "SMS131",
        evolve_at(FIVE, "technology", channels=FIVE.technology.channels + EXTRA_CHANNELS),
        "technology.channels",
    ),
    (
        "SMS132",
        evolve_at(FIVE, "technology.channels[1]", audiences=("Tourists",)),
        "technology.channels[1]",
    ),
    (
        "SMS133",
        evolve_at(FIVE, "target", audiences=(*FIVE.target.audiences, TOURISTS)),
        "target.audiences[2]",
    ),
    ("SMS134", evolve_at(FIVE, "technology.channels[0]", owner=" "), "technology.channels[0]"),
    ("SMS141", evolve_at(FIVE, "technology.channels[0]", cadence=10), "technology.channels[0]"),
    (
        "SMS142",
        evolve_at(FIVE, "technology.channels[1]", automation=sms.Automation.AUTOMATED),
        "technology.channels[1]",
    ),
    (
        "SMS143",
        evolve_at(POPT, "tactics.time_budget", hours_per_week=1),
        "tactics.time_budget",
    ),
    ("SMS144", evolve_at(FIVE, "technology.money", amount=2000), "technology.money"),
    (
        "SMS145",
        evolve_at(FIVE, "technology.channels[1]", goals=()),
        "technology.money.spend[1]",
    ),
    ("SMS151", evolve_at(EIGHT, "ark", policy=None), "ark.team"),
    ("SMS152", evolve_at(EIGHT, "ark.policy", hashtag_check=False), "ark.policy"),
    ("SMS153", evolve_at(FIVE, "technology", monitors=()), "technology.channels"),
    (
        "SMS154",
        evolve_at(EIGHT, "ark.team.members[2]", external=True, account_access=True),
        "ark.team.members[2]",
    ),
    ("SMS161", evolve_at(EIGHT, "listen.panel", competitors=()), "listen.panel"),
    ("SMS171", evolve_at(FIVE, "assessment", questions_for_customers=()), "assessment"),
    (
        "SMS172",
        evolve_at(FIVE, "assessment", reviewed_goals=(AWARENESS.statement,)),
        "direction.goals[1]",
    ),
    ("SMS201", evolve_at(FIVE, "", uniqueness=Uniqueness()), "uniqueness"),
    (
        "SMS211",
        evolve_at(
            EIGHT,
            "ark",
            team=sms.Team(
                members=(
                    sms.Member(name="A", department="Marketing", monitors=True),
                    sms.Member(name="B", department="marketing"),
                )
            ),
        ),
        "ark.team",
    ),
    (
        "SMS212",
        evolve_at(EIGHT, "point", purposes=(sms.GoalKind.AWARENESS, sms.GoalKind.SALES)),
        "point",
    ),
    ("SMS213", evolve_at(EIGHT, "one_thing", statement=""), "one_thing"),
    (
        "SMS214",
        evolve_at(EIGHT, "channels.channels[0]", goals=("Win a barista award",)),
        "channels.channels[0]",
    ),
    ("SMS215", evolve_at(EIGHT, "humanization", response_hours=None), "humanization"),
    ("SMS221", evolve_at(POPT, "purpose", why=""), "purpose"),
    (
        "SMS222",
        evolve_at(POPT, "priorities.items[0]", objectives=("Win a barista award",)),
        "priorities.items[0]",
    ),
    ("SMS231", evolve_at(ROADMAP, "", messages=Messages(), stage=None), "messages"),
    ("SMS232", evolve_at(ROADMAP, "marketing", marketing_goals=()), "marketing"),
    ("SMS241", evolve_at(ROADMAP, "", stage=sms.Stage.HIGH_IMPACT), "stage"),
    ("SMS401", evolve_at(AUDIT, "accounts[0]", last_post=dt.date(2026, 9, 1)), "accounts[0]"),
    (
        "SMS506",
        evolve_at(
            evolve_at(ROADMAP, "workforce.policy", approval_required=True),
            "action_plan.calendar.posts[1]",
            automation=sms.Automation.SCHEDULED,
        ),
        "action_plan.calendar.posts[1]",
    ),
    (
        "SMS507",
        evolve_at(ROADMAP, "action_plan.calendar.posts[0]", channel="Mastodon"),
        "action_plan.calendar.posts[0]",
    ),
    (
        "SMS402",
        evolve_at(
            AUDIT,
            "",
            accounts=(
                *AUDIT.accounts,
                attrs.evolve(AUDIT.accounts[0], handle="@fjordcoffee_bergen"),
            ),
        ),
        "accounts[2]",
    ),
    ("SMS403", evolve_at(AUDIT, "accounts[1]", owner=""), "accounts[1]"),
    ("SMS404", evolve_at(AUDIT, "accounts[1]", platform=sms.Platform.TIKTOK), "accounts[1]"),
    ("SMS405", evolve_at(AUDIT, "accounts[1]", on_brand=False), "accounts[1]"),
]
BUILT_IN_CODES = sorted(code for code, _, _ in BREAKING)


@pytest.mark.parametrize(("code", "plan", "path"), BREAKING, ids=[c for c, _, _ in BREAKING])
def test_a_plan_breaking_a_rule_yields_exactly_that_code_at_its_path(code, plan, path):
    """Breaking one piece of advice in a sound plan yields that one finding, where it is."""
    report = sms.check(plan)
    assert [(f.code, f.path) for f in report] == [(code, path)]
    finding = report.findings[0]
    rule = {r.code: r for r in sms.registered_rules()}[code]
    assert finding.severity is rule.severity
    assert finding.message.strip()
    assert finding.hint == rule.hint


@pytest.mark.parametrize("code", BUILT_IN_CODES)
@pytest.mark.parametrize("key", ["five-step", "eight-step", "popt", "roadmap", "audit"])
def test_a_plan_following_the_advice_yields_none(code, key):
    """The bundled examples, and a sound audit, follow every piece of advice."""
    plan = AUDIT if key == "audit" else sms.example(key)
    assert sms.check(plan, select=[code]).findings == ()


#: Rules tested beside their subject: SMS301 in test_revisions, SMS5xx in test_calendar,
#: SMS6xx in test_scorecard.
ELSEWHERE = [
    "SMS301",
    *(f"SMS50{i}" for i in range(1, 6)),
    "SMS508",
    *(f"SMS60{i}" for i in range(1, 8)),
]


def test_every_built_in_code_is_tested():
    """The table above, with the rules tested elsewhere, covers every built-in rule."""
    registered = [r.code for r in sms.registered_rules() if r.code.startswith("SMS")]
    assert sorted([*BUILT_IN_CODES, *ELSEWHERE]) == registered


@pytest.mark.parametrize("plan", [sostac_example(), budget_example()], ids=["sostac", "budget"])
def test_custom_examples_are_clean(plan):
    """The custom frameworks' examples yield no findings."""
    assert sms.check(plan).findings == ()


def test_an_empty_policy_is_no_policy():
    """A policy with no rules does not count as one: SMS151 fires, SMS152 leaves it to SMS151."""
    empty = evolve_at(EIGHT, "ark", policy=sms.Policy(hashtag_check=False))
    assert sms.check(empty).codes == ("SMS151",)
    assert sms.check(empty).findings[0].path == "ark.team"
    near_miss = evolve_at(EIGHT, "ark", policy=sms.Policy(rules=("Be kind.",), hashtag_check=True))
    assert sms.check(near_miss).codes == ()
    assert not sms.Policy().written
    assert sms.Policy(rules=("Be kind.",)).written


def test_an_engagement_step_needs_faces_and_a_response_time():
    """SMS215 names each missing part; a step with both is fine."""
    faceless = evolve_at(EIGHT, "humanization", faces=(), response_hours=None)
    assert [f.message for f in sms.check(faceless, select="SMS215")] == [
        "The engagement step sets no time within which people get an answer.",
        "The engagement step names nobody the audience can put a face to.",
    ]
    near_miss = evolve_at(EIGHT, "humanization", faces=("Ola",), response_hours=48)
    assert sms.check(near_miss, select="SMS215").codes == ()


def test_marketing_support_without_a_goal_is_reported_only_when_it_says_something():
    """SMS232 fires on activities with no marketing goal; an empty step is SMS231's."""
    empty = evolve_at(ROADMAP, "marketing", marketing_goals=(), activities=())
    assert sms.check(empty, select="SMS23").codes == ("SMS231",)
    goals_only = evolve_at(ROADMAP, "marketing", activities=())
    assert sms.check(goals_only, select="SMS232").codes == ()


def test_outsiders_with_access_need_an_approval_step():
    """SMS154 fires for an outsider who can post unchecked, not once approval is required."""
    outsider = evolve_at(EIGHT, "ark.team.members[2]", external=True, account_access=True)
    checked = evolve_at(outsider, "ark.policy", approval_required=True)
    assert sms.check(checked, select="SMS154").codes == ()
    no_login = evolve_at(EIGHT, "ark.team.members[2]", external=True)
    assert sms.check(no_login, select="SMS154").codes == ()


def test_posts_follow_a_policy_that_requires_approval():
    """SMS506 fires on scheduled drafts and unsigned published posts, only under such a policy."""
    strict = evolve_at(ROADMAP, "workforce.policy", approval_required=True)
    published = evolve_at(strict, "action_plan.calendar.posts[2]", status=sms.PostStatus.PUBLISHED)
    [finding] = sms.check(published, select="SMS506")
    assert "was published with nobody named as approving it" in finding.message
    signed = evolve_at(published, "action_plan.calendar.posts[2]", reviewer="Ingrid Dahl")
    assert sms.check(signed, select="SMS506").codes == ()
    assert sms.check(strict, select="SMS506").codes == ()  # the scheduled post is approved
    lax = evolve_at(ROADMAP, "action_plan.calendar.posts[1]", automation=sms.Automation.SCHEDULED)
    assert sms.check(lax, select="SMS506").codes == ()


def test_money_is_held_to_its_budget_and_to_channels_with_goals():
    """SMS144 fires above the budget, not at it; SMS145 on goal-less or unknown channels."""
    at_budget = evolve_at(FIVE, "technology.money", amount=2500)
    assert sms.check(at_budget, select="SMS14").codes == ()
    elsewhere = evolve_at(FIVE, "technology.money.spend[1]", channel="tiktok")
    [finding] = sms.check(elsewhere, select="SMS145")
    assert "\u201ctiktok\u201d, which is not one of the plan's channels" in finding.message
    unpaid = evolve_at(
        evolve_at(FIVE, "technology.channels[1]", goals=()), "technology.money.spend[1]", amount=0
    )
    assert sms.check(unpaid, select="SMS145").codes == ()
    assert FIVE.technology.money.planned == 2500


def test_a_differentiator_is_carried_by_any_message_theme_or_post_that_shares_its_words():
    """One shared word is enough; a plan with nothing to carry it is not judged."""
    themed = evolve_at(ROADMAP, "messages", brand_perception="Quiet, slow mornings.")
    assert sms.check(themed, select="SMS121").codes == ("SMS121",)
    carried = evolve_at(themed, "content", themes=("Slow mornings at the roastery",))
    assert sms.check(carried, select="SMS121").codes == ()
    unique = evolve_at(FIVE, "uniqueness", differentiator="Nothing anyone says")
    assert sms.check(unique, select="SMS121").codes == ()  # no messages, themes or posts


def test_a_concept_that_holds_no_text_carries_nothing():
    """A framework naming a number as its differentiator is checked without failing."""
    from custom_frameworks import Pitch, PitchPlan

    plan = PitchPlan(title="Pitch", pitch=Pitch(score=9, lines=("We bake bread.",)))
    assert sms.check(plan, select="SMS121").codes == ()


def test_low_posting_frequency_is_reported():
    """A channel posting less than the weekly floor is reported too."""
    plan = evolve_at(FIVE, "technology.channels[1]", cadence=0.5)
    [finding] = sms.check(plan)
    assert finding.code == "SMS141"
    assert "below the guideline of at least 1" in finding.message


def test_empty_action_steps_of_the_roadmap_are_not_questions():
    """SMS231 concerns the strategy questions only, not the action plan or measurement."""
    plan = evolve_at(ROADMAP, "", measurement=Measurement())
    assert "SMS231" not in sms.check(plan).codes


def test_steps_whose_content_needs_arguments_are_never_empty():
    """A step type that cannot be built blank counts as filled."""
    fields = five_step_contents()
    plan = FiveStepWithOwner(title="t", owner=Owner(name="Ingrid"), **fields)
    assert sms.check(plan).codes == ()


def test_point_without_purpose_is_reported():
    """The point step with no purpose at all is reported."""
    [finding] = sms.check(evolve_at(EIGHT, "point", purposes=()))
    assert (finding.code, finding.message) == ("SMS212", "No purpose is named.")


def test_priority_without_objective_is_reported():
    """A priority that names no objective is reported."""
    [finding] = sms.check(evolve_at(POPT, "priorities.items[2]", objectives=()))
    assert finding.code == "SMS222"
    assert "supports no objective" in finding.message


def test_channel_plan_with_unknown_audience_is_reported():
    """The channel plan may only name audiences the audience step declares."""
    plan = evolve_at(
        EIGHT, "channels.channels[1]", audiences=("Bergen coffee lovers", "Cruise guests")
    )
    report = sms.check(plan)
    assert report.codes == ("SMS214",)
    assert "\u201cCruise guests\u201d" in report.findings[0].message


def test_parent_framework_rules_apply_to_subclasses():
    """The five-step rules run on a subclass of the five-step model."""
    plan = evolve_at(budget_example(), "", uniqueness=Uniqueness())
    assert [(f.code, f.path) for f in sms.check(plan)] == [("SMS201", "uniqueness")]


def test_building_block_rules_run_in_custom_frameworks():
    """Rules for building blocks find them anywhere, in custom frameworks too."""
    plan = evolve_at(sostac_example(), "strategy.channels[0]", owner="")
    report = sms.check(plan)
    assert [(f.code, f.path, f.step) for f in report] == [
        ("SMS134", "strategy.channels[0]", "Strategy")
    ]


def test_findings_come_in_plan_order():
    """Findings are ordered as the plan reads, whatever the rules' codes."""
    plan = evolve_at(FIVE, "technology.channels[0]", owner="")
    plan = evolve_at(plan, "direction.goals[1]", deadline=None)
    plan = evolve_at(plan, "assessment", questions_for_customers=())
    report = sms.check(plan)
    assert [f.path for f in report] == [
        "direction.goals[1]",
        "technology.channels[0]",
        "assessment",
    ]
    assert [f.step for f in report] == ["A Direction", "Technology", "Assessment"]


def test_report_counts_and_ok():
    """A report counts its findings per severity and is ok when none is an error."""
    plan = evolve_at(FIVE, "direction.goals[0]", metrics=(), deadline=None)
    report = sms.check(plan)
    assert report.codes == ("SMS101", "SMS102")
    assert report.counts == {sms.Severity.ERROR: 1, sms.Severity.WARNING: 1, sms.Severity.ADVICE: 0}
    assert not report.ok
    assert len(report) == 2
    assert [f.code for f in report.errors] == ["SMS101"]
    assert [f.code for f in report.warnings] == ["SMS102"]
    assert report.advice == ()
    assert (report.framework, report.title) == ("five-step", FIVE.title)
    assert sms.check(FIVE).ok


def test_raise_for_errors_lists_the_errors():
    """raise_for_errors raises InvalidPlanError, a ValueError, naming each error."""
    plan = evolve_at(FIVE, "direction.goals[0]", metrics=(), deadline=None)
    with pytest.raises(sms.InvalidPlanError) as info:
        sms.check(plan).raise_for_errors()
    assert isinstance(info.value, ValueError)
    assert str(info.value) == (
        "1 error(s) in the plan:\n"
        "  direction.goals[0]: SMS101 The goal \u201cBecome the coffee that people in Bergen "
        "name first\u201d has no metric with a target."
    )
    assert [f.code for f in info.value.findings] == ["SMS101"]
    sms.check(FIVE).raise_for_errors()


def test_finding_reads_as_a_line():
    """A finding prints as path, code, severity and message."""
    [finding] = sms.check(evolve_at(FIVE, "assessment", questions_for_customers=()))
    assert str(finding) == "assessment: SMS171 [warning] The review asks customers nothing."
    root = sms.Finding(
        code="X1", severity=sms.Severity.ADVICE, path="", step="", message="m", hint="h"
    )
    assert str(root) == "(plan): X1 [advice] m"


def test_severities_are_ranked():
    """Errors rank before warnings, warnings before advice."""
    assert [s.rank for s in sms.Severity] == [0, 1, 2]


BROKEN = evolve_at(
    evolve_at(FIVE, "direction.goals[0]", metrics=(), deadline=None),
    "technology.channels[0]",
    owner="",
)


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (None, None, ("SMS101", "SMS102", "SMS134")),
        (["SMS10"], None, ("SMS101", "SMS102")),
        ("SMS134", None, ("SMS134",)),
        (None, ["SMS101", "SMS13"], ("SMS102",)),
        (["sms1"], "SMS102", ("SMS101", "SMS134")),
        ([], None, ()),
    ],
)
def test_select_and_ignore_take_codes_and_prefixes(select, ignore, codes):
    """Select keeps matching rules and ignore drops them, like a linter."""
    assert sms.check(BROKEN, select=select, ignore=ignore).codes == codes


@pytest.mark.parametrize("bad", [[""], [3], ["SMS1", None]])
def test_bad_select_raises(bad):
    """Select and ignore must hold codes as strings."""
    with pytest.raises(TypeError, match=r"^check\.select: expected rule codes"):
        sms.check(FIVE, select=bad)


def test_check_refuses_what_is_not_a_plan():
    """check() names what it got when it is not a plan."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^check\.plan: expected a plan"):
        sms.check({"title": "x"})  # type: ignore[arg-type]
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^check\.guidelines: expected a Guid"):
        sms.check(FIVE, guidelines={"max_channels": 1})  # type: ignore[arg-type]


def test_guidelines_can_be_replaced():
    """A caller's guidelines change what the rules accept."""
    lenient = attrs.evolve(sms.Guidelines(), max_channels=5)
    plan = evolve_at(FIVE, "technology", channels=FIVE.technology.channels + EXTRA_CHANNELS)
    assert sms.check(plan, guidelines=lenient).codes == ()
    busy = attrs.evolve(sms.Guidelines(), max_posts_by_platform={"Instagram": 2})
    assert sms.check(FIVE, guidelines=busy).codes == ("SMS141",)
    no_promo = attrs.evolve(sms.Guidelines(), max_promotional_share=10)
    assert sms.check(FIVE, guidelines=no_promo).codes == ("SMS122",)


def test_guideline_defaults():
    """The documented defaults hold."""
    g = sms.Guidelines()
    assert g.max_channels == 3
    assert g.max_promotional_share == pytest.approx(33.33, abs=0.01)
    assert g.posting_range(sms.Platform.INSTAGRAM) == (3, 7)
    assert g.posting_range(sms.Platform.FACEBOOK) == (1, 14)
    assert g.posting_range(sms.Platform.X) == (1, 35)
    assert g.posting_range(sms.Platform.LINKEDIN) == (1, 35)
    assert g.posting_range(sms.Platform(name="mastodon")) == (1, None)
    assert g.minutes_for(sms.Platform(name="mastodon")) == 20
    assert g.minutes_for(sms.Platform.YOUTUBE) == 120


def test_minutes_per_post_of_a_channel_overrides_the_guideline():
    """A channel's own effort estimate is used instead of the guideline's."""
    plan = evolve_at(POPT, "tactics.channels[0]", minutes_per_post=120)
    [finding] = sms.check(plan)
    assert finding.code == "SMS143"
    assert "about 11 hours a week; the budget is 8" in finding.message


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"max_channels": 0}, "Guidelines.max_channels: expected a whole number of at least 1"),
        ({"max_promotional_share": 120}, "Guidelines.max_promotional_share: expected a number"),
        ({"max_posts_by_platform": [1]}, "Guidelines.max_posts_by_platform: expected a mapping"),
        (
            {"minutes_per_post": {"x": -1}},
            "Guidelines.minutes_per_post['x']: expected a number of at least 0, got -1",
        ),
        (
            {"minutes_per_post": {" ": 1}},
            "Guidelines.minutes_per_post[' ']: expected text with a visible",
        ),
        ({"metric_words": "reach"}, "Guidelines.metric_words: expected a mapping of GoalKind"),
        ({"metric_words": {"reach": ("x",)}}, "Guidelines.metric_words['reach']: expected a Goal"),
        (
            {"metric_words": {sms.GoalKind.SALES: ("",)}},
            "Guidelines.metric_words[<GoalKind.SALES: 'sales'>][0]: expected text with a visible",
        ),
    ],
)
def test_bad_guidelines_raise(changes, message):
    """Guidelines hold the same invariants as the building blocks."""
    with pytest.raises(sms.SmstrategyError, match="^" + re.escape(message)):
        sms.Guidelines(**changes)


def test_guidelines_compare_by_value():
    """Two default guidelines are equal; their mappings cannot be changed."""
    assert sms.Guidelines() == sms.Guidelines()
    with pytest.raises(TypeError):
        sms.Guidelines().minutes_per_post["x"] = 5  # type: ignore[index]


def test_user_rules_for_custom_frameworks_and_blocks():
    """Users register rules for their own frameworks and for built-in blocks."""

    @sms.rule(
        Sostac,
        code="TEST101",
        severity="advice",
        summary="The situation has no summary.",
        hint="Describe the starting point.",
    )
    def situation_summary(plan, ctx):
        if not plan.situation.summary:
            yield sms.Flag("No summary of the situation.", path="situation")

    @sms.rule(sms.Metric, code="TEST102", severity=sms.Severity.ERROR, summary="s", hint="h")
    def metric_without_unit(metric, ctx):
        if not metric.unit:
            yield f"The metric {metric.name!r} has no unit."

    try:
        plan = evolve_at(sostac_example(), "situation", summary="")
        report = sms.check(plan, select="TEST")
        assert [(f.code, f.path, f.severity) for f in report] == [
            ("TEST101", "situation", sms.Severity.ADVICE)
        ]
        plan = evolve_at(
            plan, "control", metrics=(sms.Metric(name="reach", target=5, unit="people"),)
        )
        plan = evolve_at(plan, "control", metrics=(*plan.control.metrics, sms.Metric(name="x")))
        report = sms.check(plan, select="TEST")
        assert [(f.code, f.path) for f in report] == [
            ("TEST101", "situation"),
            ("TEST102", "control.metrics[1]"),
        ]
        assert report.findings[1].message == "The metric 'x' has no unit."
        assert report.findings[1].hint == "h"
        assert report.findings[1].step == "Control"
    finally:
        sms.unregister_rule("TEST101")
        sms.unregister_rule("TEST102")
    assert "TEST101" not in {r.code for r in sms.registered_rules()}


def test_a_code_registered_twice_raises():
    """A second rule under a taken code is refused."""
    register = sms.rule(sms.Goal, code="SMS101", severity="error", summary="s", hint="h")
    with pytest.raises(sms.DuplicateRegistrationError, match="already registered as 'SMS101'"):
        register(lambda *_: ())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"code": "sms1"}, "rule.code: expected capital letters followed by digits"),
        ({"code": "SMS"}, "rule.code: expected capital letters followed by digits"),
        ({"severity": "fatal"}, "rule.severity: expected one of 'error', 'warning', 'advice'"),
        ({"summary": ""}, "rule.summary: expected text with a visible character"),
        ({"hint": 5}, "rule.hint: expected a string"),
        ({"rationale": None}, "rule.rationale: expected a string"),
        ({"applies_to": "Goal"}, "rule.applies_to: expected a class or a tuple of classes, got"),
        ({"applies_to": ()}, "rule.applies_to: expected a class or a tuple of classes, got ()"),
        (
            {"applies_to": (sms.Goal, "Metric")},
            "rule.applies_to: expected a class or a tuple of classes, got (<class",
        ),
    ],
)
def test_rule_declarations_are_validated(kwargs, message):
    """rule() checks what it is given when the rule is written."""
    arguments = {
        "applies_to": sms.Goal,
        "code": "TEST900",
        "severity": "advice",
        "summary": "s",
        "hint": "h",
        **kwargs,
    }
    applies_to = arguments.pop("applies_to")
    with pytest.raises(sms.SmstrategyError, match="^" + re.escape(message)):
        sms.rule(applies_to, **arguments)


def test_a_failing_rule_is_reported_with_its_code_and_path():
    """A rule that raises is reported as a RuleError naming the rule and the node."""

    @sms.rule(sms.Audience, code="TEST201", severity="advice", summary="s", hint="h")
    def broken(audience, ctx):
        raise ZeroDivisionError

    try:
        with pytest.raises(sms.RuleError, match=r"^rule TEST201 failed at target\.audiences\[0\]"):
            sms.check(FIVE)
    finally:
        sms.unregister_rule("TEST201")


def test_index_lists_nodes_by_type_in_plan_order():
    """The index finds every node of a type, subclasses included, with its path."""
    index = sms.rules.Index(FIVE)
    assert [path for path, _ in index.of(sms.Audience)] == [
        "target.audiences[0]",
        "target.audiences[1]",
    ]
    assert index.of(sms.Audience) is index.of(sms.Audience)
    assert index.nodes[0] == ("", FIVE)
    assert index.nodes == tuple(zip(index.paths, index.values, strict=True))
    assert tuple(index.pairs()) == index.nodes
    assert index.of(object) == index.nodes
    assert index.position("technology.channels[0].audiences[0]") == index.position(
        "technology.channels[0]"
    )
    assert sms.rules.Context.key("  Bergen   Coffee ") == "bergen coffee"


def test_the_index_of_a_long_calendar_makes_no_object_per_post():
    """The collector has nothing more to look at for each post the index holds."""
    start = dt.datetime(2027, 1, 4, 9)  # noqa: DTZ001
    made = [
        sms.Post(when=start + dt.timedelta(hours=i), channel="Instagram @fjord", topic=str(i))
        for i in range(5_000)
    ]
    plan = sms.ContentPlan(title="Long", calendar=sms.Calendar(posts=made))
    gc.collect()
    before = len(gc.get_objects())
    index = sms.rules.Index(plan)
    assert len(index.values) == len(made) + 2
    assert len(gc.get_objects()) - before < 50
    assert index.of(sms.Post)[-1] == ("calendar.posts[4999]", made[-1])


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_check_never_raises_on_a_valid_plan(cls, data):
    """Random valid plans of every framework check without raising."""
    plan = data.draw(plans(cls))
    report = sms.check(plan)
    assert all(f.code and f.message and f.hint for f in report)
    assert report.ok == (report.counts[sms.Severity.ERROR] == 0)


def test_blocks_with_unresolvable_annotations_are_walked_whole():
    """A block whose annotations name local classes is walked field by field all the same."""

    @attrs.frozen(kw_only=True)
    class Inner:
        goal: sms.Goal

    @attrs.frozen(kw_only=True)
    class Outer:
        inner: Inner  # a local name: its annotation cannot be resolved later
        tags: tuple[str, ...] = ("a", "b")

    @sms.framework("test-local-names", name="Local names")
    class Local(sms.Framework):
        outer: Outer = sms.step("Outer")

    plan = Local(title="t", outer=Outer(inner=Inner(goal=sms.Goal(statement="Grow"))))
    index = sms.rules.Index(plan)
    assert [path for path, _ in index.of(sms.Goal)] == ["outer.inner.goal"]
    assert sms.check(plan, select="SMS10").codes == ("SMS101", "SMS102")


# --- one notion of a name -------------------------------------------------------------------

VARIATIONS = st.sampled_from(
    [
        str.upper,
        str.lower,
        str.swapcase,
        lambda text: f"  {text}\t",
        lambda text: text.replace(" ", "  \t "),
    ]
)


def vary(value, data):
    """Return *value* with every text in it written differently, each occurrence on its own."""
    if type(value) is str:
        return data.draw(VARIATIONS)(value) if value.strip() else value
    if type(value) is tuple:
        return tuple(vary(item, data) for item in value)
    if attrs.has(type(value)) and not isinstance(value, sms.Platform):
        fields = [f for f in attrs.fields(type(value)) if (type(value), f.name) not in NOT_TEXT]
        return attrs.evolve(
            value, **{f.name: vary(getattr(value, f.name), data) for f in fields if f.init}
        )
    return value


def codes_and_paths(plan):
    return [(f.code, f.path) for f in sms.check(plan)]


def calendar_plan():
    """Return a content plan whose calendar floods Instagram and overruns its time budget."""
    from test_calendar import CHANNELS, MIX, MONDAY, content_plan

    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=3)
    burst = tuple(
        attrs.evolve(calendar.posts[0], when=calendar.posts[0].when + dt.timedelta(hours=i))
        for i in range(1, 5)
    )
    plan = content_plan(
        sms.Calendar(posts=(*calendar.posts, *burst)),
        time_budget=sms.TimeBudget(hours_per_week=2),
    )
    assert {"SMS501", "SMS503"} <= set(sms.check(plan).codes)
    return plan


RENAMED = [
    *((code, plan) for code, plan, _ in BREAKING),
    *((key, sms.example(key)) for key in ["five-step", "eight-step", "popt", "roadmap"]),
    ("calendar", calendar_plan()),
]


@settings(max_examples=15)
@pytest.mark.parametrize(("case", "plan"), RENAMED, ids=[c for c, _ in RENAMED])
@given(data=st.data())
def test_names_that_differ_only_in_case_and_spaces_are_the_same_name(case, plan, data):
    """Writing every name differently, case and spaces only, never changes what a check finds."""
    assert codes_and_paths(vary(plan, data)) == codes_and_paths(plan)


# --- words, not substrings ------------------------------------------------------------------


def goal_measured_by(kind, *names, unit=""):
    metrics = tuple(sms.Metric(name=name, target=10, unit=unit) for name in names)
    return evolve_at(FIVE, "direction.goals[0]", kind=kind, metrics=metrics)


@pytest.mark.parametrize(
    ("names", "fires"),
    [
        (("Instagram followers", "page likes"), True),
        (("følgere på Instagram",), True),
        (("seuraajat", "tykkäykset"), True),
        (("engagement rate per follower",), False),
        (("likelihood to buy",), False),
        (("followers who visit the shop",), False),
        (("likes per post",), False),
        (("followers",), True),
    ],
)
def test_vanity_means_a_follower_or_like_count_alone(names, fires):
    """SMS104 fires on follower and like counts only: not on rates or what followers do."""
    plan = goal_measured_by(sms.GoalKind.OTHER, *names)
    assert (sms.check(plan, select="SMS104").codes == ("SMS104",)) is fires


def test_a_share_of_followers_is_a_rate():
    """A metric measured in per cent is a rate, whatever its name."""
    plan = goal_measured_by(sms.GoalKind.OTHER, "followers from Bergen", unit="%")
    assert sms.check(plan, select="SMS104").codes == ()


@pytest.mark.parametrize(
    ("kind", "name", "fits"),
    [
        (sms.GoalKind.AWARENESS, "product reviews", False),
        (sms.GoalKind.AWARENESS, "video views", True),
        (sms.GoalKind.AWARENESS, "månedlig rekkevidde i Bergen", True),
        (sms.GoalKind.AWARENESS, "tavoittavuus Bergenissä", True),
        (sms.GoalKind.TRAFFIC, "visit to the web shop", True),
        (sms.GoalKind.TRAFFIC, "clickbait ideas", False),
        (sms.GoalKind.LEADS, "newsletter sign-ups", True),
        (sms.GoalKind.SALES, "konverteringer fra sosiale medier", True),
        (sms.GoalKind.CUSTOMER_SERVICE, "vastausaika", True),
        (sms.GoalKind.PURCHASE_INTENT, "people planning to buy", True),
    ],
)
def test_metrics_fit_a_goal_by_whole_words_in_three_languages(kind, name, fits):
    """SMS103 reads words and phrases, in English, Norwegian and Finnish, never substrings."""
    plan = goal_measured_by(kind, name)
    assert (sms.check(plan, select="SMS103").codes == ()) is fits


def test_users_extend_a_kinds_words():
    """A word a team uses for awareness can be added to the guidelines' vocabulary."""
    plan = goal_measured_by(sms.GoalKind.AWARENESS, "earned media")
    assert sms.check(plan, select="SMS103").codes == ("SMS103",)
    g = sms.Guidelines()
    kind = sms.GoalKind.AWARENESS
    mine = attrs.evolve(g, metric_words={**g.metric_words, kind: (*g.metric_words[kind], "earned")})
    assert sms.check(plan, guidelines=mine, select="SMS103").codes == ()
    with pytest.raises(sms.InvalidFieldTypeError, match=r"Guidelines\.rate_words\[0\]"):
        attrs.evolve(g, rate_words=(1,))


# --- a review in every framework -------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "path"),
    [
        (FIVE, "assessment"),
        (EIGHT, "metrics.review"),
        (POPT, "tactics.review"),
        (ROADMAP, "measurement.review"),
    ],
)
def test_the_review_rules_run_in_every_built_in_framework(plan, path):
    """A review that asks customers nothing is reported wherever a framework holds it."""
    silent = evolve_at(plan, path, questions_for_customers=())
    assert [(f.code, f.path) for f in sms.check(silent)] == [("SMS171", path)]
    unreviewed = evolve_at(plan, path, reviewed_goals=(AWARENESS.statement,))
    assert sms.check(unreviewed).codes == ("SMS172",)


def test_a_custom_frameworks_reviews_are_judged_together():
    """Goals reviewed by either of two reviews count as reviewed; a goal neither reviews, once."""
    first, second = (g.statement for g in FIVE.direction.goals)
    asks = ("What do you enjoy?",)
    plan = TwoReviews(
        title="Two reviews",
        goals=sms.Objectives(goals=FIVE.direction.goals),
        monthly=sms.Review(questions_for_customers=asks, reviewed_goals=(first,)),
        yearly=sms.Review(questions_for_customers=asks, reviewed_goals=(second,)),
    )
    assert sms.check(plan, select="SMS17").codes == ()
    narrower = attrs.evolve(plan, yearly=sms.Review(questions_for_customers=asks))
    assert [(f.code, f.path) for f in sms.check(narrower, select="SMS17")] == [
        ("SMS172", "goals.goals[1]")
    ]


# --- channels that are not social networks, and other names of networks ---------------------

NEWSLETTER = sms.Channel(
    platform=sms.Platform(name="newsletter"),
    handle="Fjord Coffee letters",
    kind=sms.ChannelKind.NEWSLETTER,
    audiences=("Home brewers across Norway",),
    goals=("Grow online bean subscriptions",),
    owner="Ingrid Dahl",
    cadence=0.25,
)


def test_a_newsletter_is_no_social_tool_and_posts_at_its_own_pace():
    """A newsletter, a mailing list or a chat is left out of the tool count and frequency rules."""
    plan = evolve_at(
        FIVE, "technology", channels=(*FIVE.technology.channels, EXTRA_CHANNELS[0], NEWSLETTER)
    )
    assert sms.check(plan).codes == ()
    as_social = attrs.evolve(NEWSLETTER, kind=sms.ChannelKind.SOCIAL)
    plan = evolve_at(
        FIVE, "technology", channels=(*FIVE.technology.channels, EXTRA_CHANNELS[0], as_social)
    )
    assert sms.check(plan).codes == ("SMS131", "SMS141")


def test_calendar_rules_leave_a_newsletter_to_its_own_pace():
    """A monthly newsletter in a calendar is neither too rare in a week nor silent too long."""
    from test_calendar import CHANNELS, MIX, MONDAY, content_plan

    monthly = attrs.evolve(NEWSLETTER, cadence=1)
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=6)
    letters = [
        sms.Post(
            when=dt.datetime(2027, 1, 5, 7),  # noqa: DTZ001
            channel="Newsletter Fjord Coffee letters",
            topic="January letter",
        ),
        sms.Post(
            when=dt.datetime(2027, 2, 5, 7),  # noqa: DTZ001
            channel="newsletter fjord coffee letters",
            topic="February letter",
        ),
    ]
    plan = content_plan(
        sms.Calendar(posts=(*calendar.posts, *letters)), channels=(*CHANNELS, monthly)
    )
    assert sms.check(plan, select="SMS5").codes == ()
    social = content_plan(
        plan.calendar, channels=(*CHANNELS, attrs.evolve(monthly, kind=sms.ChannelKind.SOCIAL))
    )
    assert set(sms.check(social, select="SMS5").codes) == {"SMS501", "SMS505"}


@pytest.mark.parametrize(
    "written",
    ["X @fjordcoffee", "x @FJORDCOFFEE", "Twitter @fjordcoffee", "twitter", "@fjordcoffee "],
)
def test_a_post_may_name_its_channel_by_any_name_of_its_network(written):
    """References to a channel fold case and read other names of its network."""
    plan = evolve_at(
        ROADMAP, "action_plan.channels[1]", platform=sms.Platform.X, handle="@fjordcoffee"
    )
    plan = evolve_at(plan, "action_plan.calendar.posts[2]", channel=written)
    assert sms.check(plan, select=["SMS5"]).codes == ()
    known = sms.Channel(platform=sms.Platform(name="Twitter"), handle="@fjord")
    assert known.name == "X @fjord"


def test_an_unmatched_channel_is_an_error_that_suggests_the_closest():
    """A post on an unknown channel is named, with the closest channel when one is close."""
    plan = evolve_at(ROADMAP, "action_plan.calendar.posts[0]", channel="Instagram @fjordcofee")
    [finding] = sms.check(plan)
    assert finding.message == (
        "The post \u201cThis week's roast: Ethiopia Guji\u201d names the channel "
        "\u201cInstagram @fjordcofee\u201d, which the plan does not have."
    )
    assert finding.hint == (
        "Did you mean \u201cInstagram @fjordcoffee\u201d? Otherwise add the channel to the plan."
    )
    far = evolve_at(ROADMAP, "action_plan.calendar.posts[0]", channel="Mastodon")
    [finding] = sms.check(far)
    assert finding.hint == {r.code: r for r in sms.registered_rules()}["SMS507"].hint


# --- cadence as people write it ---------------------------------------------------------------


def test_a_range_of_posts_a_week_is_held_to_the_network_at_both_ends():
    """Two to four posts a week is fine on Facebook; three to ten is too many on Instagram."""
    ranged = evolve_at(FIVE, "technology.channels[1]", cadence=2, cadence_upper=4)
    assert sms.check(ranged).codes == ()
    wide = evolve_at(FIVE, "technology.channels[0]", cadence=3, cadence_upper=10)
    [finding] = sms.check(wide)
    assert finding.message == (
        "10 posts a week on \u201cInstagram @fjordcoffee\u201d is above the guideline of at most 7."
    )
    both = evolve_at(FIVE, "technology.channels[0]", cadence=1, cadence_upper=10)
    assert sms.check(both).codes == ("SMS141", "SMS141")
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Channel\.cadence_upper: expected a"):
        evolve_at(FIVE, "technology.channels[0]", cadence=5, cadence_upper=4)


def test_the_effort_of_a_range_is_its_high_end():
    """SMS143 budgets for the most posts the range allows."""
    ranged = evolve_at(POPT, "tactics.channels[0]", cadence=5, cadence_upper=16)
    assert sms.check(ranged, select="SMS143").codes == ("SMS143",)
    assert sms.check(POPT, select="SMS143").codes == ()


def test_some_post_types_go_out_by_themselves():
    """Automation per content category: an automated category needs a reviewer too."""
    by_category = {sms.ContentCategory.CURATED: sms.Automation.AUTOMATED}
    plan = evolve_at(FIVE, "technology.channels[1]", automation_by_category=by_category)
    assert sms.check(plan).codes == ("SMS142",)
    reviewed = evolve_at(plan, "technology.channels[1]", reviewer="Ola Nilsen")
    assert sms.check(reviewed).codes == ()
    channel = reviewed.technology.channels[1]
    assert channel.automation_for(sms.ContentCategory.CURATED) is sms.Automation.AUTOMATED
    assert channel.automation_for(sms.ContentCategory.PROMOTIONAL) is sms.Automation.MANUAL
    with pytest.raises(sms.InvalidFieldTypeError, match=r"automation_by_category\['curated'\]"):
        attrs.evolve(channel, automation_by_category={"curated": "robot"})
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^Channel\.automation_by_category: "):
        attrs.evolve(channel, automation_by_category=["automated"])


def test_the_builder_follows_caps_and_automation_per_category():
    """No day gets more posts than the cap; each post goes out as its category says."""
    from test_calendar import CHANNELS, MIX, MONDAY

    busy = attrs.evolve(
        CHANNELS[0],
        cadence=14,
        max_per_day=1,
        automation_by_category={sms.ContentCategory.CURATED: sms.Automation.AUTOMATED},
        reviewer="Ola Nilsen",
    )
    calendar = sms.build_calendar([busy], MIX, MONDAY, weeks=2)
    days = Counter(p.when.date() for p in calendar.posts)
    assert max(days.values()) == 1
    assert len(calendar.posts) == 14  # the cap leaves one post a day
    for post in calendar.posts:
        assert post.automation is busy.automation_for(post.category)


def test_a_day_or_an_hour_over_the_cap_is_reported():
    """SMS508 names the day or the hour and the cap."""
    from test_calendar import CHANNELS, MIX, MONDAY, content_plan

    capped = attrs.evolve(CHANNELS[0], max_per_day=3, max_per_hour=1)
    moment = dt.datetime(2027, 1, 4, 12)  # noqa: DTZ001
    burst = [sms.Post(when=moment, channel=capped.name, topic=f"Burst {i}") for i in range(4)]
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    plan = content_plan(
        sms.Calendar(posts=(*calendar.posts, *burst)), channels=(capped, CHANNELS[1])
    )
    messages = [f.message for f in sms.check(plan, select="SMS508")]
    assert messages == [
        "2027-01-04 has 5 posts on \u201cInstagram @fjordcoffee\u201d; the plan allows 3 a day.",
        (
            "2027-01-04 12:00 has 4 posts on \u201cInstagram @fjordcoffee\u201d; "
            "the plan allows 1 an hour."
        ),
    ]
    stray = sms.Post(when=moment, channel="Mastodon", topic="Elsewhere")
    plan = content_plan(sms.Calendar(posts=(stray,)), channels=(capped,))
    assert sms.check(plan, select="SMS508").codes == ()
