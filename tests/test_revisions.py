"""Diffs between revisions, the stability rule, and crosswalks between frameworks."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import (
    ALL_FRAMEWORKS,
    Budget,
    FiveStepWithOwner,
    Sostac,
    TwoReviews,
    budget_example,
    five_step_contents,
    sostac_example,
)
from smstrategy.strategies import plans
from test_render import PARSER, headings, tables
from test_rules import evolve_at

POPT = sms.example("popt")
FIVE = sms.example("five-step")
BUILT_INS = [sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap]


def changes(old, new):
    """Return (kind, path) for each change from *old* to *new*."""
    return [(c.kind.value, c.path) for c in sms.diff(old, new)]


def test_no_change_is_an_empty_diff():
    """A plan compared with itself has no changes."""
    assert changes(POPT, sms.example("popt")) == []
    assert len(sms.diff(POPT, POPT)) == 0


def test_reordering_is_not_a_change():
    """Goals, audiences and channels in another order are the same plan content."""
    new = evolve_at(FIVE, "direction", goals=tuple(reversed(FIVE.direction.goals)))
    new = evolve_at(new, "target", audiences=tuple(reversed(FIVE.target.audiences)))
    new = evolve_at(new, "technology", channels=tuple(reversed(FIVE.technology.channels)))
    assert changes(FIVE, new) == []


def test_a_rename_is_a_removal_and_an_addition():
    """Items are matched by identity, so a renamed audience is removed and another added."""
    new = evolve_at(FIVE, "target.audiences[1]", name="Home baristas")
    assert changes(FIVE, new) == [
        ("removed", "target.audiences[1]"),
        ("added", "target.audiences[1]"),
    ]
    [removed, added] = sms.diff(FIVE, new)
    assert removed.old == FIVE.target.audiences[1]
    assert removed.new is None
    assert added.new.name == "Home baristas"
    assert (removed.step, added.step) == ("A Target", "A Target")


def test_nested_changes_have_their_path():
    """A change deep inside a matched item is reported at its own path."""
    goals = tuple(reversed(FIVE.direction.goals))
    new = evolve_at(FIVE, "direction", goals=goals)
    new = evolve_at(new, "direction.goals[1].metrics[0]", target=50_000)
    [change] = sms.diff(FIVE, new)
    assert (change.kind, change.path) == (
        sms.ChangeKind.CHANGED,
        "direction.goals[1].metrics[0].target",
    )
    assert (change.old, change.new) == (40_000, 50_000)
    assert {sms.Goal, sms.Metric, sms.Direction} <= change.within


def test_channels_are_matched_by_network_and_handle():
    """Changing a channel's cadence is a change to that channel, not a new one."""
    new = evolve_at(FIVE, "technology.channels[0]", cadence=4)
    assert changes(FIVE, new) == [("changed", "technology.channels[0].cadence")]
    new = evolve_at(FIVE, "technology.channels[0]", handle="@fjord")
    assert changes(FIVE, new) == [
        ("removed", "technology.channels[0]"),
        ("added", "technology.channels[0]"),
    ]


def test_added_and_removed_goals_and_strings():
    """Goals and plain strings added or removed are reported with their step."""
    new = evolve_at(POPT, "objectives", goals=POPT.objectives.goals[:1])
    new = evolve_at(new, "tactics", monitors=("Ingrid Dahl", "Sara Berg"))
    diff = sms.diff(POPT, new)
    assert [(c.kind.value, c.path, c.step) for c in diff] == [
        ("removed", "objectives.goals[1]", "Objectives"),
        ("removed", "tactics.monitors[1]", "Tactics"),
        ("added", "tactics.monitors[1]", "Tactics"),
    ]
    assert list(diff.by_step()) == ["Objectives", "Tactics"]


def test_repeated_items_are_told_apart():
    """Two identical strings in a list are two items."""
    new = evolve_at(POPT, "tactics", monitors=("Ingrid Dahl", "Ola Nilsen", "Ola Nilsen"))
    assert changes(POPT, new) == [("added", "tactics.monitors[2]")]


def test_plan_level_changes():
    """A new title or stage is a change to the plan as a whole."""
    new = attrs.evolve(POPT, title="Fjord Coffee 2028", stage=sms.Stage.EXPERIMENTAL)
    diff = sms.diff(POPT, new)
    assert [(c.path, c.step) for c in diff] == [("title", ""), ("stage", "")]
    assert (diff.old_title, diff.new_title) == (POPT.title, "Fjord Coffee 2028")


def test_custom_identity_for_a_custom_block():
    """A custom building block can be matched by a key of its own."""
    sms.identity(Budget, lambda budget: budget.currency)
    old = budget_example()
    new = attrs.evolve(old, budget=Budget(monthly=5000))
    assert changes(old, new) == [("changed", "budget.monthly")]
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^identity\.kind"):
        sms.identity("Budget", len)  # type: ignore[arg-type]


def test_diff_needs_two_plans_of_one_framework():
    """Plans of different frameworks, or things that are not plans, are refused."""
    with pytest.raises(sms.InvalidFieldValueError, match="of the same framework as the old one"):
        sms.diff(POPT, FIVE)
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^diff\.new: expected a plan"):
        sms.diff(POPT, {"title": "x"})  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_diff_of_random_revisions(cls, data):
    """Between two random plans of a framework, a diff never fails and is empty only if equal."""
    old = data.draw(plans(cls))
    new = data.draw(plans(cls))
    diff = sms.diff(old, new)
    assert (len(diff) == 0) == (sms.diff(new, old).changes == ()) or old == new
    assert sms.diff(old, old).changes == ()
    PARSER.parse(sms.render(diff))


def test_what_changed_renders_a_table_per_step():
    """The diff renders as 'What changed', with one section and table per step."""
    new = evolve_at(POPT, "objectives", goals=POPT.objectives.goals[:1])
    new = evolve_at(new, "objectives.goals[0]", deadline=None)
    new = evolve_at(new, "tactics", monitors=("X",))
    tokens = PARSER.parse(sms.render(sms.diff(POPT, new)))
    assert headings(tokens, "h1") == [f"What changed: {POPT.title}"]
    assert headings(tokens, "h2") == ["Objectives", "Tactics"]
    objectives, tactics = tables(tokens)
    assert objectives[0] == ["Change", "Where", "Before", "After"]
    assert objectives[1][:2] == ["removed", "objectives.goals[1]"]
    assert objectives[1][3] == ""
    assert objectives[2] == [
        "changed",
        "objectives.goals[0].deadline",
        "Jun\u00a030,\u00a02027",
        "\u2014",
    ]
    assert [row[0] for row in tactics[1:]] == ["removed", "removed", "added"]


def test_unchanged_plan_renders_as_nothing_changed():
    """A diff with no changes says nothing changed."""
    assert "Nothing changed since the previous revision." in sms.render(sms.diff(POPT, POPT))
    renamed = sms.render(sms.diff(POPT, attrs.evolve(POPT, title="New")))
    assert "(then called Fjord Coffee: social media plan 2027)" in renamed


# --- SMS301 ---------------------------------------------------------------------------------


def test_changed_goals_are_flagged_between_revisions():
    """SMS301 flags a goal that changed since the previous revision."""
    new = evolve_at(POPT, "objectives.goals[1]", deadline=POPT.objectives.goals[1].deadline)
    new = evolve_at(new, "objectives.goals[0].metrics[0]", target=45_000)
    report = sms.check(new, previous=POPT)
    assert [(f.code, f.path, f.severity) for f in report] == [
        ("SMS301", "objectives.goals[0].metrics[0].target", sms.Severity.ADVICE)
    ]
    assert report.findings[0].message.startswith("A goal changed since the previous revision")


def test_changed_purpose_is_flagged():
    """SMS301 flags a change to a stable step such as the purpose."""
    new = evolve_at(POPT, "purpose", why="To sell more.")
    [finding] = sms.check(new, previous=POPT)
    assert (finding.code, finding.path) == ("SMS301", "purpose.why")
    assert finding.message.startswith("A purpose changed")


def test_changed_priorities_and_tactics_are_normal():
    """Priorities and tactics may change without a finding."""
    new = evolve_at(POPT, "priorities", items=tuple(reversed(POPT.priorities.items)))
    new = evolve_at(new, "priorities.items[0]", rank=2)
    new = evolve_at(new, "priorities.items[2]", rank=3)
    new = evolve_at(new, "priorities.items[1]", rank=1)
    new = evolve_at(new, "tactics.time_budget", hours_per_week=10)
    new = evolve_at(new, "tactics.channels[1]", cadence=4)
    assert sms.diff(POPT, new).changes
    assert sms.check(new, previous=POPT).codes == ()


def test_stable_steps_are_declared():
    """The built-ins mark their purpose and goal steps as stable."""
    stable = {cls.key: [s.name for s in cls.steps() if s.stable] for cls in BUILT_INS}
    assert stable == {
        "five-step": ["direction"],
        "eight-step": ["point"],
        "popt": ["purpose", "objectives"],
        "roadmap": ["success"],
    }


def test_previous_must_be_a_revision_of_the_same_framework():
    """check(previous=...) refuses a plan of another framework."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^check\.previous: expected"):
        sms.check(POPT, previous=FIVE)


# --- crosswalks ---------------------------------------------------------------------------


def slot_values(plan):
    """Return every non-blank field of every step as (path, value)."""
    found = []
    for s in type(plan).steps():
        blank = s.type()
        content = getattr(plan, s.name)
        for field in attrs.fields(s.type):
            value = getattr(content, field.name)
            if value != getattr(blank, field.name):
                found.append((f"{s.name}.{field.name}", value))
    return found


def pieces(value):
    """Return a review as its fields (a step may hold it whole, a field in parts), else [value]."""
    if isinstance(value, sms.Review):
        return [getattr(value, field.name) for field in attrs.fields(type(value))]
    return [value]


@pytest.mark.parametrize("source", BUILT_INS, ids=lambda c: c.key)
@pytest.mark.parametrize("target", BUILT_INS, ids=lambda c: c.key)
def test_crosswalk_between_every_pair_drops_nothing_silently(source, target):
    """Every piece of the plan is carried over or listed as not carried."""
    plan = sms.example(source.key)
    result = sms.crosswalk(plan, to=target)
    assert type(result.plan) is target
    assert (result.plan.title, result.plan.stage) == (plan.title, plan.stage)
    carried = [piece for _, value in slot_values(result.plan) for piece in pieces(value)]
    listed = {gap.path for gap in result.not_carried}
    for path, value in slot_values(plan):
        assert all(piece in carried for piece in pieces(value)) or path in listed, path
    filled = {path for path, _ in slot_values(result.plan)}
    for gap in result.to_fill:
        assert gap.path not in filled
        assert gap.reason.startswith("Fill in ")
    for path, _ in slot_values(plan):
        if path in listed:
            assert all(gap.reason for gap in result.not_carried)


def test_crosswalk_carries_the_shared_content():
    """Audiences, goals, channels and the mix move to where the other framework keeps them."""
    result = sms.crosswalk(FIVE, to=sms.Roadmap)
    plan = result.plan
    assert plan.reach.audiences == FIVE.target.audiences
    assert plan.success.goals == FIVE.direction.goals
    assert plan.action_plan.channels == FIVE.technology.channels
    assert plan.content.mix == FIVE.technology.content_mix
    assert plan.action_plan.monitors == FIVE.technology.monitors
    assert plan.measurement.review == sms.Review(**attrs.asdict(FIVE.assessment, recurse=False))
    assert plan.messages.brand_perception == FIVE.uniqueness.differentiator
    assert "action_plan.calendar" in {gap.path for gap in result.to_fill}


@pytest.mark.parametrize("other", [sms.Popt, sms.EightStep, sms.Roadmap], ids=lambda c: c.key)
def test_the_five_step_assessment_travels_whole_to_a_review_and_back(other):
    """The five-step Assessment is a review: it fills another framework's review, and back."""
    there = sms.crosswalk(FIVE, to=other)
    reviews = [
        (s.name, f.name)
        for s in other.steps()
        for f in attrs.fields(s.type)
        if f.type in (sms.Review, "Review")
    ]
    [(step, field)] = reviews
    review = getattr(getattr(there.plan, step), field)
    assert type(review) is sms.Review
    assert attrs.asdict(review) == attrs.asdict(FIVE.assessment)
    assert not [gap for gap in there.not_carried if gap.path.startswith("assessment")]
    assert f"{step}.{field}" not in {gap.path for gap in there.to_fill}
    back = sms.crosswalk(there.plan, to=sms.FiveStep)
    assert back.plan.assessment == FIVE.assessment
    assert not [gap for gap in back.to_fill if gap.path.startswith("assessment")]


def test_a_review_finds_no_second_place_when_the_first_is_taken():
    """A framework with two reviews to carry into one place reports the second, by step."""
    plan = sms.crosswalk(FIVE, to=TwoReviews).plan
    assert plan.monthly == sms.Review(**attrs.asdict(FIVE.assessment, recurse=False))
    plan = attrs.evolve(plan, yearly=sms.Review(questions_for_us=("Did the year go well?",)))
    result = sms.crosswalk(plan, to=sms.FiveStep)
    assert result.plan.assessment == FIVE.assessment
    [gap] = result.not_carried
    assert (gap.path, gap.reason) == (
        "yearly",
        "Yearly would go to assessment, already filled from monthly",
    )


def test_a_second_source_for_one_place_is_reported():
    """When two fields of the plan would fill one place, the second is listed with a reason."""
    result = sms.crosswalk(sms.example("roadmap"), to=sms.FiveStep)
    [gap] = [g for g in result.not_carried if g.path == "measurement.metrics"]
    assert gap.reason == "Metrics has no place in Five-step model"
    result = sms.crosswalk(sms.example("eight-step"), to=sms.Roadmap)
    reasons = {g.path: g.reason for g in result.not_carried}
    assert "ark.shared_purpose" in reasons


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_crosswalk_to_the_same_framework_returns_an_equal_plan(cls, data):
    """Carrying a plan over to its own framework changes nothing and leaves nothing out."""
    plan = data.draw(plans(cls))
    result = sms.crosswalk(plan, to=cls)
    assert result.plan == plan
    assert result.not_carried == ()


def test_crosswalk_to_and_from_custom_frameworks():
    """Custom frameworks take part through the types of their fields and their concepts."""
    result = sms.crosswalk(sostac_example(), to=sms.FiveStep)
    assert result.plan.target.audiences == sostac_example().situation.audiences
    assert result.plan.technology.channels == sostac_example().strategy.channels
    back = sms.crosswalk(FIVE, to=Sostac)
    assert back.plan.objectives.goals == FIVE.direction.goals
    budget = sms.crosswalk(budget_example(), to=sms.FiveStep)
    assert [gap.path for gap in budget.not_carried] == ["budget.monthly"]  # NOK is the default
    assert budget.plan == FIVE


def test_a_custom_framework_declares_its_own_concepts():
    """A framework's concepts map its plain fields to those of other frameworks."""

    @attrs.frozen(kw_only=True)
    class Promise:
        text: str = ""

    @sms.framework("test-promise", name="Promise")
    class PromiseFramework(sms.Framework):
        concepts = {"promise.text": "differentiator"}  # noqa: RUF012
        promise: Promise = sms.step("Promise")

    result = sms.crosswalk(FIVE, to=PromiseFramework)
    assert result.plan.promise.text == FIVE.uniqueness.differentiator


def test_plan_fields_the_target_lacks_are_listed():
    """A plan-level field of a custom framework that the target lacks is reported."""

    @sms.framework("test-owned", name="Owned five-step")
    class Owned(sms.FiveStep):
        client: str = attrs.field(default="")

    fields = five_step_contents()
    plan = Owned(title=FIVE.title, client="Fjord Coffee", **fields)
    result = sms.crosswalk(plan, to=sms.FiveStep)
    assert [(g.path, g.reason) for g in result.not_carried] == [
        ("client", "Client has no place in Five-step model")
    ]
    assert sms.crosswalk(attrs.evolve(plan, client=""), to=sms.FiveStep).not_carried == ()


def test_crosswalk_needs_blank_steps():
    """A target whose step cannot be made blank is refused with a clear error."""
    with pytest.raises(sms.FrameworkDefinitionError, match="cannot be made without arguments"):
        sms.crosswalk(FIVE, to=FiveStepWithOwner)


def test_crosswalk_refuses_bad_arguments():
    """crosswalk() names what it got when it is not a plan or a framework."""
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^crosswalk\.plan"):
        sms.crosswalk("plan", to=sms.Popt)  # type: ignore[arg-type]
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^crosswalk\.to"):
        sms.crosswalk(FIVE, to=budget_example())  # type: ignore[arg-type]
