"""A fact a plan does not state is not a zero: the checks ask for it instead of judging it."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import attrs
import pytest

import smstrategy as sms
from audits import AUDIT

FIVE = sms.example("five-step")
EIGHT = sms.example("eight-step")
POPT = sms.example("popt")
ROADMAP = sms.example("roadmap")
RESULTS = sms.example_results("five-step")
#: The roadmap with six weeks of posts built from its channels: no calendar rule fires.
PLANNED = sms.evolve_at(
    ROADMAP,
    "action_plan",
    calendar=sms.build_calendar(
        ROADMAP.action_plan.channels, ROADMAP.content.mix, dt.date(2027, 1, 4), weeks=6
    ),
)
ADVICE, WARNING, ERROR = sms.Severity.ADVICE, sms.Severity.WARNING, sms.Severity.ERROR

G0, G1 = "direction.goals[0]", "direction.goals[1]"
REACH, COST = f"{G0}.metrics[0]", f"{G1}.metrics[1]"
IG, FB = "technology.channels[0]", "technology.channels[1]"
T0 = "target.audiences[0]"
A1 = "accounts[1]"
ROAD_IG, P0 = "action_plan.channels[0]", "action_plan.calendar.posts[0]"


def at(plan, path, **changes):
    return sms.evolve_at(plan, path, **changes)


def replace_at(plan, path, new):
    """Return *plan* with the node at *path* replaced by *new*."""
    if not path:
        return new
    if path.endswith("]"):
        parent, _, index = path[:-1].rpartition("[")
        items = list(sms.node_at(plan, parent))
        items[int(index)] = new
        return replace_at(plan, parent, items)
    parent, _, name = path.rpartition(".")
    return sms.evolve_at(plan, parent, **{name: new})


def left_out(plan, path, *names):
    """Return *plan* with the node at *path* built again as if *names* had not been written."""
    node = sms.node_at(plan, path)
    kept = {a.name: getattr(node, a.name) for a in attrs.fields(type(node)) if a.name not in names}
    return replace_at(plan, path, type(node)(**kept))


def team_of(*members):
    """Return the eight-step example with no channel owners and the team replaced."""
    plan = sms.example("eight-step")
    channels = tuple(attrs.evolve(c, owner=None) for c in plan.channels.channels)
    plan = sms.evolve_at(plan, "channels", channels=channels)
    return sms.evolve_at(plan, "ark", team=sms.Team(members=members), policy=None)


def four_channels(**fields):
    """Return the five-step example with an X and a TikTok account added."""
    extra = [
        sms.Channel(
            platform=sms.Platform(name=name),
            handle="@fjord",
            audiences=["Bergen coffee lovers"],
            goals=["Become the coffee that people in Bergen name first"],
            owner="Ingrid Dahl",
            **fields,
        )
        for name in ("X", "TikTok")
    ]
    return at(FIVE, "technology", channels=[*FIVE.technology.channels, *extra])


def one_channel_claiming_experimental(**fields):
    """Return a plan with one Facebook page that claims the experimental stage."""
    return sms.FiveStep(
        title="A council",
        stage=sms.Stage.EXPERIMENTAL,
        direction=sms.Direction(),
        target=sms.Target(),
        uniqueness=sms.Uniqueness(),
        technology=sms.Technology(
            channels=[sms.Channel(platform=sms.Platform.FACEBOOK, handle="Council", **fields)]
        ),
        assessment=sms.Assessment(),
    )


def a_second_post_on_monday(plan):
    """Add a second Instagram post on Monday 4 January to the built calendar."""
    second = sms.Post(
        when=dt.datetime(2027, 1, 4, 20),  # noqa: DTZ001  # plans speak of local times
        channel="Instagram @fjordcoffee",
        topic="Evening brew",
    )
    posts = [*plan.action_plan.calendar.posts, second]
    return at(plan, "action_plan.calendar", posts=posts)


#: The example results without any measure of the cost per subscription.
COST_NEVER_MEASURED = at(
    RESULTS,
    "",
    observations=[
        o for o in RESULTS.observations if o.metric != "cost per subscription from social"
    ],
)


def automated(plan, path):
    return at(plan, path, automation=sms.Automation.AUTOMATED)


def given(plan, **others):
    """Return what one check is given: a plan, and results or a previous revision."""
    return plan, others


#: One row or more per rule: (code, the fact the rule reads, the check with the fact not
#: stated (left out of the data), the check with it stated as zero, nobody, none or, where a
#: value cannot be zero, its least value).  EXPECTED pins what each check reports.
TABLE = [
    (
        "SMS101",
        "a metric's target",
        given(at(FIVE, G0, metrics=[sms.Metric(name="reach")])),
        given(at(FIVE, G0, metrics=[sms.Metric(name="reach", target=0)])),
    ),
    (
        "SMS102",
        "a goal's deadline",
        given(left_out(FIVE, G0, "deadline")),
        given(at(FIVE, G0, deadline=dt.date(2027, 1, 1))),
    ),
    (
        "SMS103",
        "a metric's target",
        given(left_out(FIVE, REACH, "target")),
        given(at(FIVE, REACH, target=0)),
    ),
    (
        "SMS104",
        "a follower count's target",
        given(at(FIVE, G0, metrics=[sms.Metric(name="followers")])),
        given(at(FIVE, G0, metrics=[sms.Metric(name="followers", target=0)])),
    ),
    (
        "SMS111",
        "an audience's descriptions",
        given(left_out(FIVE, T0, "demographics", "psychographics", "values")),
        given(at(FIVE, T0, demographics=[], psychographics=[], values=[])),
    ),
    (
        "SMS112",
        "the audiences' priorities",
        given(
            left_out(
                left_out(EIGHT, "audience.audiences[0]", "priority"),
                "audience.audiences[1]",
                "priority",
            )
        ),
        given(at(EIGHT, "audience.audiences[1]", priority=1)),
    ),
    (
        "SMS121",
        "the differentiator",
        given(left_out(FIVE, "uniqueness", "differentiator")),
        given(at(FIVE, "uniqueness", differentiator="")),
    ),
    (
        "SMS122",
        "the content mix",
        given(at(FIVE, "technology", content_mix=None)),
        given(
            at(
                FIVE,
                "technology",
                content_mix=sms.ContentMix(promotional=0, curated=50, engagement=50),
            )
        ),
    ),
    (
        "SMS123",
        "the content mix",
        given(at(FIVE, "technology", content_mix=None)),
        given(
            at(
                FIVE,
                "technology",
                content_mix=sms.ContentMix(promotional=50, curated=50, engagement=0),
            )
        ),
    ),
    ("SMS131", "the channels' paces", given(four_channels()), given(four_channels(cadence=0))),
    (
        "SMS132",
        "a channel's audiences",
        given(left_out(FIVE, FB, "audiences")),
        given(at(FIVE, FB, audiences=[])),
    ),
    (
        "SMS133",
        "a channel's audiences",
        given(left_out(left_out(FIVE, FB, "audiences"), IG, "audiences")),
        given(at(at(FIVE, FB, audiences=[]), IG, audiences=[])),
    ),
    (
        "SMS134",
        "a channel's owner",
        given(left_out(FIVE, FB, "owner")),
        given(at(FIVE, FB, owner="")),
    ),
    (
        "SMS141",
        "a channel's pace",
        given(left_out(FIVE, FB, "cadence")),
        given(at(FIVE, FB, cadence=0)),
    ),
    (
        "SMS142",
        "an automated channel's reviewer",
        given(left_out(automated(FIVE, FB), FB, "reviewer")),
        given(at(automated(FIVE, FB), FB, reviewer="")),
    ),
    (
        "SMS143",
        "the time budget",
        given(at(FIVE, "technology", time_budget=None)),
        given(at(FIVE, "technology.time_budget", hours_per_week=0)),
    ),
    (
        "SMS143",
        "a channel's pace, with one hour a week",
        # A pace not stated adds no effort, as a pace of none does; Instagram alone needs 2.5 hours.
        given(left_out(at(FIVE, "technology.time_budget", hours_per_week=1), FB, "cadence")),
        given(at(at(FIVE, "technology.time_budget", hours_per_week=1), FB, cadence=0)),
    ),
    (
        "SMS144",
        "the money budget",
        given(at(FIVE, "technology", money=None)),
        given(at(FIVE, "technology.money", amount=0)),
    ),
    (
        "SMS145",
        "a funded channel's goals",
        given(left_out(FIVE, FB, "goals")),
        given(at(FIVE, FB, goals=[])),
    ),
    (
        "SMS151",
        "the policy",
        given(at(EIGHT, "ark", policy=None)),
        given(at(EIGHT, "ark", policy=sms.Policy())),
    ),
    (
        "SMS152",
        "the hashtag check",
        given(left_out(EIGHT, "ark.policy", "hashtag_check")),
        given(at(EIGHT, "ark.policy", hashtag_check=False)),
    ),
    (
        "SMS153",
        "who monitors",
        given(team_of()),
        given(team_of(sms.Member(name="Ingrid Dahl", account_access=True))),
    ),
    (
        "SMS154",
        "the approval a policy asks for",
        given(
            left_out(
                at(EIGHT, "ark.team.members[0]", external=True), "ark.policy", "approval_required"
            )
        ),
        given(
            at(
                at(EIGHT, "ark.team.members[0]", external=True),
                "ark.policy",
                approval_required=False,
            )
        ),
    ),
    (
        "SMS161",
        "the competitors",
        given(left_out(EIGHT, "listen.panel", "competitors")),
        given(at(EIGHT, "listen.panel", competitors=[])),
    ),
    (
        "SMS171",
        "the questions for customers",
        given(left_out(FIVE, "assessment", "questions_for_customers")),
        given(at(FIVE, "assessment", questions_for_customers=[])),
    ),
    (
        "SMS172",
        "the goals reviewed",
        given(left_out(FIVE, "assessment", "reviewed_goals")),
        given(at(FIVE, "assessment", reviewed_goals=[])),
    ),
    (
        "SMS201",
        "a step's content",
        given(left_out(FIVE, "uniqueness", "differentiator", "reasons", "competitors")),
        given(at(FIVE, "uniqueness", differentiator="", reasons=[], competitors=[])),
    ),
    (
        "SMS211",
        "the departments of the people in the ark",
        given(
            sms.evolve_at(
                EIGHT,
                "ark.team",
                members=[left_out(m, "", "department") for m in EIGHT.ark.team.members],
            )
        ),
        given(
            sms.evolve_at(
                EIGHT,
                "ark.team",
                members=[attrs.evolve(m, department="Marketing") for m in EIGHT.ark.team.members],
            )
        ),
    ),
    (
        "SMS212",
        "the purposes",
        given(left_out(EIGHT, "point", "purposes")),
        given(at(EIGHT, "point", purposes=[])),
    ),
    (
        "SMS213",
        "the one thing",
        given(left_out(EIGHT, "one_thing", "statement")),
        given(at(EIGHT, "one_thing", statement="")),
    ),
    (
        "SMS214",
        "a channel's audiences",
        given(left_out(EIGHT, "channels.channels[0]", "audiences")),
        given(at(EIGHT, "channels.channels[0]", audiences=[])),
    ),
    (
        "SMS215",
        "the response time",
        given(left_out(EIGHT, "humanization", "response_hours")),
        given(at(EIGHT, "humanization", response_hours=0)),
    ),
    (
        "SMS221",
        "why the organisation engages",
        given(left_out(POPT, "purpose", "why")),
        given(at(POPT, "purpose", why="")),
    ),
    (
        "SMS222",
        "a priority's objectives",
        given(left_out(POPT, "priorities.items[0]", "objectives")),
        given(at(POPT, "priorities.items[0]", objectives=[])),
    ),
    (
        "SMS231",
        "the answer on marketing",
        given(left_out(ROADMAP, "marketing", "marketing_goals", "activities")),
        given(at(ROADMAP, "marketing", marketing_goals=[], activities=[])),
    ),
    (
        "SMS232",
        "the marketing goals",
        given(left_out(ROADMAP, "marketing", "marketing_goals")),
        given(at(ROADMAP, "marketing", marketing_goals=[])),
    ),
    (
        "SMS241",
        "a channel's pace",
        # Accounts in use is a fact that results or an audit show; a plan's pace proves nothing.
        given(one_channel_claiming_experimental()),
        given(one_channel_claiming_experimental(cadence=0)),
    ),
    (
        "SMS301",
        "a metric's target",
        given(left_out(FIVE, REACH, "target"), previous=left_out(FIVE, REACH, "target")),
        given(at(FIVE, REACH, target=0), previous=left_out(FIVE, REACH, "target")),
    ),
    (
        "SMS401",
        "an account's last post (left out: nothing was ever posted)",
        given(left_out(AUDIT, A1, "last_post")),
        given(at(AUDIT, A1, last_post=dt.date(1970, 1, 1))),
    ),
    (
        "SMS402",
        "a second account's owner",
        given(left_out(at(AUDIT, A1, platform=sms.Platform.INSTAGRAM), A1, "owner")),
        given(at(AUDIT, A1, platform=sms.Platform.INSTAGRAM, owner="")),
    ),
    (
        "SMS403",
        "an account's owner",
        given(left_out(AUDIT, A1, "owner")),
        given(at(AUDIT, A1, owner="")),
    ),
    (
        "SMS404",
        "the networks the plan uses (left out: no plan to compare with)",
        given(left_out(AUDIT, "", "plan_platforms")),
        given(at(AUDIT, "", plan_platforms=[])),
    ),
    (
        "SMS405",
        "whether an account fits the brand (left out: it does)",
        given(left_out(AUDIT, A1, "on_brand")),
        given(at(AUDIT, A1, on_brand=False)),
    ),
    (
        "SMS501",
        "a channel's pace (the calendar states the posts)",
        given(left_out(PLANNED, ROAD_IG, "cadence")),
        given(at(PLANNED, ROAD_IG, cadence=0)),
    ),
    (
        "SMS502",
        "an automated post's reviewer",
        given(left_out(automated(PLANNED, P0), P0, "reviewer")),
        given(at(automated(PLANNED, P0), P0, reviewer="")),
    ),
    (
        "SMS503",
        "the time budget",
        given(at(PLANNED, "workforce", time_budget=None)),
        given(at(PLANNED, "workforce.time_budget", hours_per_week=0)),
    ),
    (
        "SMS504",
        "the content mix",
        given(at(PLANNED, "content", mix=None)),
        given(at(PLANNED, "content", mix=sms.ContentMix(promotional=0, curated=0, engagement=100))),
    ),
    (
        "SMS505",
        "a channel's pace (the calendar states the posts)",
        given(left_out(PLANNED, ROAD_IG, "cadence")),
        given(at(PLANNED, ROAD_IG, cadence=0)),
    ),
    (
        "SMS506",
        "the approval a policy asks for",
        given(
            left_out(
                at(PLANNED, P0, automation=sms.Automation.SCHEDULED),
                "workforce.policy",
                "approval_required",
            )
        ),
        given(
            at(
                at(PLANNED, P0, automation=sms.Automation.SCHEDULED),
                "workforce.policy",
                approval_required=False,
            )
        ),
    ),
    (
        "SMS507",
        "the plan's channels (left out: posts are not matched)",
        given(left_out(PLANNED, "action_plan", "channels")),
        given(at(PLANNED, "action_plan", channels=[])),
    ),
    (
        "SMS508",
        "a channel's daily cap (least value: one)",
        given(left_out(a_second_post_on_monday(PLANNED), ROAD_IG, "max_per_day")),
        given(at(a_second_post_on_monday(PLANNED), ROAD_IG, max_per_day=1)),
    ),
    (
        "SMS601",
        "a metric's target",
        given(left_out(FIVE, COST, "target"), results=RESULTS),
        given(at(FIVE, COST, target=0), results=RESULTS),
    ),
    (
        "SMS602",
        "the review period (least value: a week)",
        given(left_out(FIVE, "assessment", "review_every"), results=RESULTS),
        given(
            at(FIVE, "assessment", review_every=sms.Period(every=1, unit=sms.PeriodUnit.WEEK)),
            results=RESULTS,
        ),
    ),
    (
        "SMS603",
        "a metric's target",
        given(
            left_out(FIVE, COST, "target"),
            results=COST_NEVER_MEASURED,
        ),
        given(
            at(FIVE, COST, target=0),
            results=COST_NEVER_MEASURED,
        ),
    ),
    (
        "SMS604",
        "a goal's deadline",
        given(left_out(FIVE, G1, "deadline"), results=RESULTS),
        given(at(FIVE, G1, deadline=dt.date(2027, 1, 1)), results=RESULTS),
    ),
    (
        "SMS605",
        "an observation's channel",
        given(FIVE, results=left_out(RESULTS, "observations[0]", "channel")),
        given(FIVE, results=at(RESULTS, "observations[0]", channel="")),
    ),
    (
        "SMS606",
        "a channel's minutes a post",
        given(left_out(FIVE, FB, "minutes_per_post"), results=RESULTS),
        given(at(FIVE, FB, minutes_per_post=0), results=RESULTS),
    ),
    (
        "SMS607",
        "the questions for customers",
        given(left_out(FIVE, "assessment", "questions_for_customers"), results=RESULTS),
        given(at(FIVE, "assessment", questions_for_customers=[]), results=RESULTS),
    ),
]


def test_every_rule_is_in_the_table():
    """Each registered rule has a row: the fact it reads, left out and stated as zero."""
    built_in = {r.code for r in sms.registered_rules() if r.code.startswith("SMS")}
    assert {row[0] for row in TABLE} == built_in
    assert [row[:2] for row in TABLE] == list(EXPECTED)


def _expected():
    """Read what each row of the table reports, from a file a person can read and review."""
    rows = tomllib.loads((Path(__file__).parent / "data" / "not-stated.toml").read_text("utf-8"))
    return {
        (row["code"], row["reads"]): tuple(
            [(sms.Severity(severity), message) for severity, message in row[which]]
            for which in ("not_stated", "zero")
        )
        for row in rows["row"]
    }


EXPECTED = _expected()


@pytest.mark.parametrize(
    ("code", "reads", "not_stated", "zero"), TABLE, ids=[f"{row[0]}-{row[1]}" for row in TABLE]
)
def test_not_stated_and_stated_as_zero(code, reads, not_stated, zero):
    """A fact left out is not judged as zero; where both mean "none", both report the same."""
    reports = []
    for plan, others in (not_stated, zero):
        report = sms.check(plan, select=code, **others)
        reports.append([(f.severity, f.message) for f in report])
    assert tuple(reports) == EXPECTED[code, reads]
    # Nothing said of a fact left out speaks of it as a zero.
    assert not any(re.search(r"\b0\b", message) for _, message in reports[0])


def test_a_fact_left_out_asks_for_it_where_its_zero_would_be_judged():
    """Where a stated zero is a warning, the fact left out is advice to state it, or nothing."""
    for (code, reads), (not_stated, zero) in EXPECTED.items():
        if not_stated != zero and zero and not_stated:
            severities = {severity for severity, _ in not_stated}
            stated = {severity for severity, _ in zero}
            assert severities <= {ADVICE} or severities >= stated, (code, reads)


def test_a_pace_not_stated_adds_no_effort_but_a_stated_one_does():
    """SMS143 counts only stated paces; five Instagram posts do not fit in an hour."""
    stated = sms.evolve_at(FIVE, "technology.time_budget", hours_per_week=1)
    assert sms.check(stated, select="SMS143").codes == ("SMS143",)


def test_the_journey_counts_a_channel_with_no_stated_pace_as_in_use():
    """Six accounts whose pace a document leaves out are accounts in use, not silence."""
    channels = [
        sms.Channel(platform=sms.Platform(name=name), handle="Council")
        for name in ("Facebook", "Instagram", "X", "LinkedIn", "YouTube", "TikTok")
    ]
    plan = sms.FiveStep(
        title="A council",
        direction=sms.Direction(),
        target=sms.Target(),
        uniqueness=sms.Uniqueness(),
        technology=sms.Technology(channels=channels),
        assessment=sms.Assessment(),
    )

    def intended(plan):
        return "accounts_in_use" in {proof.sign for proof in sms.evidence_from(plan).proofs}

    assert intended(plan)
    assert sms.assess(sms.evidence_from(plan)).stage is not sms.Stage.TRADITIONAL
    silent = sms.evolve_at(
        plan, "technology", channels=[attrs.evolve(c, cadence=0) for c in channels]
    )
    assert not intended(silent)
    report = sms.check(plan, select=["SMS134", "SMS141", "SMS153"])
    assert {f.severity for f in report} == {ADVICE}


def test_a_channel_with_no_stated_pace_gets_no_posts_in_a_built_calendar():
    """The calendar builder plans only what a pace says."""
    unknown = sms.Channel(platform=sms.Platform.X, handle="@fjord")
    known = sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@fjord", cadence=3)
    mix = sms.ContentMix(promotional=30, curated=30, engagement=40)
    calendar = sms.build_calendar([unknown, known], mix, dt.date(2027, 1, 4), weeks=1)
    assert {p.channel for p in calendar.posts} == {"Instagram @fjord"}
    assert {p.owner for p in calendar.posts} == {""}


def test_old_files_that_wrote_zero_keep_meaning_zero():
    """Data written before facts could be left out says 0 and blank, which stay stated."""
    data = sms.to_dict(FIVE)
    data["technology"]["channels"][1].update(cadence=0, owner="")
    plan = sms.from_dict(data)
    assert (plan.technology.channels[1].cadence, plan.technology.channels[1].owner) == (0, "")
    del data["technology"]["channels"][1]["cadence"]
    assert sms.from_dict(data).technology.channels[1].cadence is None


def test_an_ark_of_unknown_departments_asks_for_them():
    """One stated department and one left out may still span two: SMS211 asks, it does not count."""
    members = EIGHT.ark.team.members
    half = sms.evolve_at(
        EIGHT, "ark.team", members=[members[0], left_out(members[1], "", "department")]
    )
    nobody = sms.evolve_at(EIGHT, "ark.team", members=[])
    found = [
        (f.severity, f.message, f.path)
        for plan in (half, nobody)
        for f in sms.check(plan, select="SMS211")
    ]
    assert found == [
        (ADVICE, "People in the ark whose department is not stated: 1 of 2.", "ark.team"),
        (ADVICE, "Who is in the ark is not stated.", "ark.team"),
    ]
