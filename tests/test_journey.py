"""The journey maturity model and the social media audit."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from markdown_it import MarkdownIt

import smstrategy as sms
from custom_frameworks import FiveStepWithOwner, Owner, five_step_contents
from smstrategy.stages import SIGNS
from smstrategy.strategies import for_type
from test_render import headings, tables

PARSER = MarkdownIt("commonmark").enable("table")
STAGES = list(sms.Stage)


def evidence_for(*stages: sms.Stage, but: str = "") -> sms.Evidence:
    """Return evidence holding every sign of *stages*, except the one named *but*."""
    names = {s.name for stage in stages for s in stage.signs} - {but}
    return sms.Evidence(**dict.fromkeys(names, True))


def test_stages_are_ordered_along_the_journey():
    """The four stages compare by their place on the journey, not by name."""
    assert [s.value for s in STAGES] == [
        "traditional",
        "experimental",
        "operational",
        "high impact",
    ]
    assert sms.Stage.TRADITIONAL < sms.Stage.EXPERIMENTAL < sms.Stage.OPERATIONAL
    assert sms.Stage.HIGH_IMPACT > sms.Stage.OPERATIONAL >= sms.Stage.OPERATIONAL
    assert sms.Stage.TRADITIONAL <= sms.Stage.TRADITIONAL
    assert sorted(STAGES) == STAGES
    assert [s.next for s in STAGES] == [*STAGES[1:], None]
    assert sms.Stage.HIGH_IMPACT.label == "High impact"


def test_comparing_a_stage_with_something_else_is_refused():
    """A stage does not compare with plain strings."""
    for compare in (
        lambda: sms.Stage.OPERATIONAL < "z",
        lambda: sms.Stage.OPERATIONAL <= "z",
        lambda: sms.Stage.OPERATIONAL > "a",
        lambda: sms.Stage.OPERATIONAL >= "a",
    ):
        with pytest.raises(TypeError):
            compare()


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_a_description_and_risks(stage):
    """Each stage says what it looks like and what its risks are."""
    assert len(stage.description) > 40
    assert len(stage.risks) > 40


def test_experimenting_is_described_as_the_most_exposed_stage():
    """The experimental stage's risks say it is where a company is most exposed."""
    assert "most exposed" in sms.Stage.EXPERIMENTAL.risks


def test_every_stage_after_the_first_has_signs():
    """Traditional has no signs; each later stage has its own, one per field of Evidence."""
    assert sms.Stage.TRADITIONAL.signs == ()
    assert all(stage.signs for stage in STAGES[1:])
    assert [s.name for s in SIGNS] == [f.name for f in attrs.fields(sms.Evidence)]


@pytest.mark.parametrize("reached", range(len(STAGES)))
def test_assessment_at_every_boundary(reached):
    """All signs up to a stage reach it; one sign short stays one stage below."""
    stage = STAGES[reached]
    position = sms.assess(evidence_for(*STAGES[: reached + 1]))
    assert position.stage is stage
    if stage.next is not None:
        assert position.missing == stage.next.signs
        assert position.next_steps == tuple(s.next_step for s in stage.next.signs)
    for sign in stage.signs:
        short = sms.assess(evidence_for(*STAGES[: reached + 1], but=sign.name))
        assert short.stage is STAGES[reached - 1]
        assert sign in short.missing


def test_a_later_sign_does_not_skip_a_missing_earlier_one():
    """Signs of a later stage do not count while an earlier stage's are missing."""
    evidence = evidence_for(sms.Stage.OPERATIONAL, sms.Stage.HIGH_IMPACT)
    position = sms.assess(evidence)
    assert position.stage is sms.Stage.TRADITIONAL
    assert [s.name for s in position.missing] == ["active", "listening"]
    assert len(position.holding) == len(SIGNS) - 2


def test_high_impact_has_no_next_stage():
    """At high impact nothing is missing and there are no next steps."""
    position = sms.assess(evidence_for(*STAGES))
    assert position.next_stage is None
    assert position.missing == ()
    assert position.next_steps == ()


@given(for_type(sms.Evidence))
def test_assessment_is_deterministic_and_consistent(evidence):
    """The same evidence always gives the same stage, and the stage's signs all hold."""
    position = sms.assess(evidence)
    assert position == sms.assess(evidence)
    for stage in STAGES:
        if stage <= position.stage:
            assert all(getattr(evidence, s.name) for s in stage.signs)
    if position.next_stage is not None:
        assert position.missing


def test_assess_refuses_what_is_not_evidence():
    """assess() names what it got when it is not Evidence."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^assess\.evidence: expected"):
        sms.assess({"active": True})  # type: ignore[arg-type]


# --- evidence from plans --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "stage"),
    [
        ("five-step", sms.Stage.TRADITIONAL),
        ("eight-step", sms.Stage.OPERATIONAL),
        ("popt", sms.Stage.TRADITIONAL),
        ("roadmap", sms.Stage.OPERATIONAL),
    ],
)
def test_evidence_from_the_examples(key, stage):
    """Each example shows the stage its content supports."""
    assert sms.assess(sms.evidence_from(sms.example(key))).stage is stage


def test_measurable_goals_and_a_review_cadence_show_more():
    """A plan with measurable goals and a review cadence shows more than one without."""
    plan = sms.example("roadmap")
    weaker = attrs.evolve(
        plan,
        measurement_of_effort=attrs.evolve(plan.measurement_of_effort, review_every_weeks=None),
        measurement=attrs.evolve(plan.measurement, report_every_weeks=None),
        success=sms.SuccessDefinition(
            goals=tuple(attrs.evolve(g, metrics=()) for g in plan.success.goals)
        ),
    )
    strong = sms.evidence_from(plan)
    weak = sms.evidence_from(weaker)
    assert strong.measurable_goals
    assert strong.regular_measurement
    assert not weak.measurable_goals
    assert not weak.regular_measurement
    assert sms.assess(weak).stage < sms.assess(strong).stage


def test_evidence_reads_each_sign_from_the_plan():
    """The roadmap example shows every sign but business results, until a baseline is added."""
    plan = sms.example("roadmap")
    evidence = sms.evidence_from(plan)
    assert [s.name for s in SIGNS if not getattr(evidence, s.name)] == ["business_results"]
    sales = attrs.evolve(
        plan.success.goals[1],
        metrics=(sms.Metric(name="subscriptions", target=300, baseline=120),),
    )
    plan = attrs.evolve(plan, success=sms.SuccessDefinition(goals=(plan.success.goals[0], sales)))
    assert sms.assess(sms.evidence_from(plan)).stage is sms.Stage.HIGH_IMPACT
    assert not sms.evidence_from(plan, training=False).training


def test_evidence_from_refuses_what_is_not_a_plan():
    """evidence_from() names what it got when it is not a plan."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^evidence_from\.plan: expected"):
        sms.evidence_from(sms.Evidence())  # type: ignore[arg-type]


def test_claimed_stage_is_checked_against_the_content():
    """A plan that claims more than its content shows is flagged, naming what is missing."""
    plan = attrs.evolve(sms.example("five-step"), stage=sms.Stage.OPERATIONAL)
    [finding] = sms.check(plan)
    assert (finding.code, finding.path) == ("SMS241", "stage")
    assert finding.message.startswith(
        "The plan claims the operational stage, but its content shows traditional. Missing: "
        "Someone listens to what is said about the brand, "
    )
    modest = attrs.evolve(sms.example("roadmap"), stage=sms.Stage.EXPERIMENTAL)
    assert sms.check(modest).codes == ()


# --- rendering ------------------------------------------------------------------------------


@pytest.mark.parametrize("reached", range(len(STAGES)))
def test_journey_map_marks_the_current_stage(reached):
    """The journey map shows all four stages, marks the current one, the evidence and steps."""
    position = sms.assess(evidence_for(*STAGES[: reached + 1]))
    tokens = PARSER.parse(sms.render(position))
    assert headings(tokens, "h1") == ["Social media journey"]
    assert headings(tokens, "h2") == ["Stages", "Evidence", "Next steps"]
    stages, evidence = tables(tokens)
    assert [row[0] for row in stages[1:]] == [s.label for s in STAGES]
    assert [row[1] for row in stages[1:]] == [
        "\u25b6 you are here" if s is position.stage else "" for s in STAGES
    ]
    assert [row[2] for row in evidence[1:]] == [
        "yes" if s in position.holding else "no" for s in SIGNS
    ]
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == len(position.next_steps)


def test_journey_map_at_high_impact_says_to_keep_adjusting():
    """At the last stage the map has no steps to list, and says so."""
    text = sms.render(sms.assess(evidence_for(*STAGES)))
    assert "High impact is the last stage" in text


# --- the audit ------------------------------------------------------------------------------

AS_OF = dt.date(2027, 1, 10)


def account(**changes):
    """Return a sound account with *changes*."""
    base = sms.Account(
        platform=sms.Platform.INSTAGRAM,
        handle="@fjordcoffee",
        owner="Ingrid Dahl",
        last_post=dt.date(2027, 1, 8),
        followers=2400,
    )
    return attrs.evolve(base, **changes)


def test_abandoned_is_judged_on_the_date_given():
    """An account is abandoned after more days than the guideline, counted to as_of."""
    on_the_day = account(last_post=AS_OF - dt.timedelta(days=90))
    one_more = account(last_post=AS_OF - dt.timedelta(days=91))
    assert sms.check(sms.Audit(accounts=[on_the_day], as_of=AS_OF)).codes == ()
    [finding] = sms.check(sms.Audit(accounts=[one_more], as_of=AS_OF))
    assert finding.code == "SMS401"
    assert finding.message == "The account \u201c@fjordcoffee\u201d has not posted for 91 days."
    later = sms.Audit(accounts=[on_the_day], as_of=AS_OF + dt.timedelta(days=1))
    assert sms.check(later).codes == ("SMS401",)
    lenient = attrs.evolve(sms.Guidelines(), abandoned_after_days=365)
    assert sms.check(sms.Audit(accounts=[one_more], as_of=AS_OF), guidelines=lenient).ok


def test_audit_without_a_plan_does_not_judge_networks():
    """With no plan to compare with, no account is off the plan."""
    audit = sms.Audit(accounts=[account(platform=sms.Platform.TIKTOK)], as_of=AS_OF)
    assert audit.plan_platforms is None
    assert sms.check(audit).codes == ()


def test_audit_of_takes_the_networks_from_the_plan():
    """Audit.of collects the networks of the plan's channels."""
    audit = sms.Audit.of([account()], as_of=AS_OF, plan=sms.example("popt"))
    assert audit.plan_platforms == (sms.Platform.INSTAGRAM, sms.Platform.FACEBOOK)
    assert sms.Audit.of([account()], as_of=AS_OF).plan_platforms is None


def test_audit_report_has_the_report_shape():
    """An audit's findings come in a Report, keyed 'audit', in account order."""
    audit = sms.Audit(
        accounts=[account(owner=""), account(handle="@second", last_post=None)], as_of=AS_OF
    )
    report = sms.check(audit)
    assert isinstance(report, sms.Report)
    assert (report.framework, report.title) == ("audit", "Social media audit, 2027-01-10")
    assert [(f.code, f.path) for f in report] == [
        ("SMS403", "accounts[0]"),
        ("SMS401", "accounts[1]"),
        ("SMS402", "accounts[1]"),
    ]


def test_account_rules_need_an_audit_for_dates():
    """Accounts inside a plan are not judged on dates, which only an audit gives."""
    from smstrategy.rules import Context, Index
    from smstrategy.rules.catalogue import _abandoned

    plan = sms.example()
    context = Context(plan, sms.Guidelines(), Index(plan))
    assert list(_abandoned(account(last_post=None), context)) == []


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: sms.Audit(accounts=[account(), account()], as_of=AS_OF), "each network and"),
        (lambda: sms.Audit(accounts=[], as_of="2027-01-10"), "Audit.as_of: expected a date"),
        (lambda: account(handle=""), "Account.handle: expected a non-empty string"),
        (lambda: account(followers=-1), "Account.followers: expected a whole number"),
        (lambda: sms.Audit(accounts=[], as_of=AS_OF, plan_platforms=["x"]), "Audit.plan_platf"),
    ],
)
def test_audit_invariants(build, message):
    """Audits and accounts hold the same kind of invariants as plans."""
    with pytest.raises(sms.SmstrategyError, match=message):
        build()


def test_audit_renders_the_accounts_and_the_findings():
    """An audit renders as a table of accounts and a table of findings."""
    audit = sms.Audit.of(
        [account(), account(platform=sms.Platform.X, handle="@old", owner="", last_post=None)],
        as_of=AS_OF,
        plan=sms.example(),
    )
    tokens = PARSER.parse(sms.render(audit))
    assert headings(tokens, "h1") == ["Social media audit, 2027-01-10"]
    accounts, findings = tables(tokens)
    assert accounts[0] == ["Network", "Handle", "Owner", "Last post", "Followers", "Fits the brand"]
    assert [row[1] for row in accounts[1:]] == ["@fjordcoffee", "@old"]
    assert accounts[2][2:4] == ["\u2014", "\u2014"]
    assert [row[1] for row in findings[1:]] == ["SMS401", "SMS403", "SMS404"]
    assert "<table>" in sms.render(audit, "html")


def test_empty_and_clean_audits_render():
    """An audit with no accounts, or no findings, says so."""
    assert "No accounts were found." in sms.render(sms.Audit(accounts=[], as_of=AS_OF))
    assert "No findings: every account" in sms.render(sms.Audit(accounts=[account()], as_of=AS_OF))


def test_a_step_that_cannot_be_blank_counts_as_written():
    """A step whose content type needs arguments is never an empty step."""
    steps = five_step_contents()
    plan = FiveStepWithOwner(title="t", owner=Owner(name="Ingrid"), **steps)
    assert sms.evidence_from(plan).written_strategy
