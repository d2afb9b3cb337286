"""Frameworks: steps, the registry, subclassing, and the four built-ins."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS, Budget, FiveStepWithBudget, Sostac, five_step_contents
from smstrategy.exceptions import (
    DuplicateRegistrationError,
    FrameworkDefinitionError,
    InvalidFieldTypeError,
    InvalidFieldValueError,
    UnknownFrameworkError,
)
from strategies import plans

BUILT_INS = {
    "five-step": sms.FiveStep,
    "eight-step": sms.EightStep,
    "popt": sms.Popt,
    "roadmap": sms.Roadmap,
}


def test_built_ins_are_registered_by_key():
    """The four built-in frameworks are registered under their keys."""
    registered = sms.frameworks()
    for key, cls in BUILT_INS.items():
        assert registered[key] is cls
        assert sms.get_framework(key) is cls
        assert cls.key == key


def test_frameworks_returns_a_copy():
    """Changing the mapping frameworks() returns does not change the registry."""
    registered = dict(sms.frameworks())
    registered.pop("five-step")
    assert "five-step" in sms.frameworks()


def test_unknown_key_lists_the_known_ones():
    """An unknown key raises a LookupError that names the known keys."""
    with pytest.raises(UnknownFrameworkError) as info:
        sms.get_framework("six-step")
    assert isinstance(info.value, LookupError)
    message = str(info.value)
    assert message.startswith("no framework is registered as 'six-step'; known keys: ")
    for key in BUILT_INS:
        assert key in message
    assert info.value.key == "six-step"


def test_unhashable_key_is_unknown_too():
    """Looking up something that is not a string reports it as unknown."""
    with pytest.raises(UnknownFrameworkError, match=r"registered as \['five-step'\];"):
        sms.get_framework(["five-step"])  # type: ignore[arg-type]


def test_five_step_steps_in_order():
    """The five-step model has its steps in the article's order and wording."""
    assert [s.title for s in sms.FiveStep.steps()] == [
        "A Direction",
        "A Target",
        "Uniqueness",
        "Technology",
        "Assessment",
    ]
    assert [s.type for s in sms.FiveStep.steps()] == [
        sms.Direction,
        sms.Target,
        sms.Uniqueness,
        sms.Technology,
        sms.Assessment,
    ]


def test_eight_step_steps_in_order():
    """The eight-step model runs from building an ark to the channel plan."""
    assert [s.title for s in sms.EightStep.steps()] == [
        "Build an ark",
        "Listen and compare",
        "What's the point?",
        "Success metrics",
        "Analyze audience",
        "What's your one thing?",
        "Engagement & humanization",
        "Channel plan",
    ]


def test_popt_steps_in_order():
    """Purpose, objectives, priorities, tactics, in that order."""
    assert [s.title for s in sms.Popt.steps()] == ["Purpose", "Objectives", "Priorities", "Tactics"]


def test_roadmap_has_a_step_per_question_then_action_and_measurement():
    """The roadmap asks the eight strategy questions, then plans action and measurement."""
    titles = [s.title for s in sms.Roadmap.steps()]
    assert titles == [
        "Who are you trying to reach?",
        "What do you want your audience to know?",
        "Who will do the work?",
        "What is your content strategy?",
        "How will you pursue the most relevant followers?",
        "How will you define success?",
        "How will you measure your efforts?",
        "How can social media support other marketing?",
        "Put the plan into action",
        "Measure success",
    ]
    assert all(t.endswith("?") for t in titles[:8])


def test_five_step_assessment_asks_us_and_customers():
    """The assessment step has questions to ask ourselves and to ask customers."""
    assessment = sms.FiveStep.steps()[-1]
    ours = [q for q in assessment.questions if q.startswith("Ask ourselves:")]
    theirs = [q for q in assessment.questions if q.startswith("Ask customers:")]
    assert len(ours) == 4
    assert len(theirs) == 5


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
def test_every_step_is_described(cls):
    """Every step has a title, a summary and guiding questions, all non-empty strings."""
    for s in cls.steps():
        assert s.title.strip()
        assert isinstance(s.questions, tuple)
        assert all(isinstance(q, str) and q.strip() for q in s.questions)
        assert attrs.has(s.type)
    if cls in BUILT_INS.values():
        assert all(s.summary and s.questions for s in cls.steps())
        assert cls.name
        assert cls.summary


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
def test_steps_are_cached(cls):
    """A framework's steps are worked out once."""
    assert cls.steps() is cls.steps()


def test_subclass_adds_a_step_after_the_parent_steps():
    """A subclass of five-step adds its budget after the five inherited steps."""
    names = [s.name for s in FiveStepWithBudget.steps()]
    assert names == ["direction", "target", "uniqueness", "technology", "assessment", "budget"]
    assert FiveStepWithBudget.parent() is sms.FiveStep
    assert FiveStepWithBudget.lineage() == (FiveStepWithBudget, sms.FiveStep)
    assert sms.FiveStep.parent() is None


def test_subclass_replaces_a_step_in_place():
    """Declaring an inherited step again replaces it and keeps its place."""

    @attrs.frozen(kw_only=True)
    class Tools:
        favourite: str = ""

    @sms.framework("test-five-step-tools", name="Five-step with tools")
    class FiveStepTools(sms.FiveStep):
        technology: Tools = sms.step("Tools", questions=("Which single tool?",))

    steps = FiveStepTools.steps()
    assert [s.name for s in steps] == [
        "direction",
        "target",
        "uniqueness",
        "technology",
        "assessment",
    ]
    assert steps[3].title == "Tools"
    assert steps[3].type is Tools
    base = sms.example("five-step")
    plan = FiveStepTools(
        title="t",
        direction=base.direction,
        target=base.target,
        uniqueness=base.uniqueness,
        technology=Tools(favourite="Instagram"),
        assessment=base.assessment,
    )
    assert plan.technology.favourite == "Instagram"


def test_custom_framework_in_one_class_statement():
    """The SOSTAC framework of the tests is one decorated class with six steps."""
    assert [s.title for s in Sostac.steps()] == [
        "Situation",
        "Objectives",
        "Strategy",
        "Tactics",
        "Action",
        "Control",
    ]
    assert sms.get_framework("test-sostac") is Sostac
    assert Sostac.name == "SOSTAC"


def test_registering_a_key_twice_raises():
    """A second framework under a taken key is refused and the first one stays."""
    with pytest.raises(DuplicateRegistrationError, match="already registered as 'five-step'"):

        @sms.framework("five-step", name="Impostor")
        class Impostor(sms.Framework):
            pass

    assert sms.get_framework("five-step") is sms.FiveStep


@pytest.mark.parametrize("key", ["", "Five Step", "five--step", "-x", "x-", 5])
def test_bad_keys_are_refused(key):
    """A key must be lowercase words joined by single separators."""
    with pytest.raises(InvalidFieldValueError, match=r"^framework\.key: expected lowercase"):
        sms.framework(key, name="Bad")


def test_name_is_required_text():
    """A framework's name cannot be blank."""
    with pytest.raises(
        InvalidFieldValueError, match=r"^step\.name: expected text with a visible character"
    ):
        sms.framework("test-blank-name", name=" ")


def test_decorating_a_non_framework_raises():
    """Only subclasses of Framework can be declared as frameworks."""
    with pytest.raises(FrameworkDefinitionError, match="decorates a subclass of"):

        @sms.framework("test-not-a-framework", name="Not")
        class NotAFramework:
            pass

    assert "test-not-a-framework" not in sms.frameworks()


def test_subclass_declared_with_attrs_alone_raises():
    """A framework subclass needs the framework decorator to get a key."""
    with pytest.raises(FrameworkDefinitionError, match="declare a framework with"):

        @attrs.frozen(kw_only=True)
        class Sneaky(sms.FiveStep):
            pass


def test_plain_subclass_is_not_a_framework():
    """A subclass with no decorator at all cannot list steps."""

    class Plain(sms.FiveStep):
        pass

    with pytest.raises(FrameworkDefinitionError, match="Plain is not a framework class"):
        Plain.steps()


def test_step_names_that_clash_with_framework_raise():
    """A step may not hide the Framework's own attributes."""
    with pytest.raises(FrameworkDefinitionError, match="belong to Framework itself: steps"):

        @sms.framework("test-clash", name="Clash")
        class Clash(sms.Framework):
            steps: Budget = sms.step("Steps")  # type: ignore[assignment]

    assert "test-clash" not in sms.frameworks()


def test_step_type_must_be_a_class():
    """A step's content must be a class, not a union or a collection."""
    with pytest.raises(FrameworkDefinitionError, match="a step's content must be a class"):

        @sms.framework("test-union", name="Union")
        class Union(sms.Framework):
            budget: Budget | None = sms.step("Budget")

    assert "test-union" not in sms.frameworks()


def test_unresolvable_step_type_raises():
    """A step whose annotation names an unknown type is reported."""
    with pytest.raises(FrameworkDefinitionError, match="cannot be resolved"):

        @sms.framework("test-unresolved", name="Unresolved")
        class Unresolved(sms.Framework):
            budget: Nowhere = sms.step("Budget")  # type: ignore[name-defined]  # noqa: F821

    assert "test-unresolved" not in sms.frameworks()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": ""}, "step.title: expected text with a visible character, got ''"),
        ({"title": "T", "summary": 3}, "step.summary: expected a string, got 3"),
        (
            {"title": "T", "questions": "Why?"},
            "step.questions: expected a list or tuple, got 'Why?'",
        ),
        (
            {"title": "T", "questions": ["Why?", " "]},
            "step.questions[1]: expected text with a visible",
        ),
    ],
)
def test_step_declarations_are_validated(kwargs, message):
    """step() checks its title, summary and questions when the class is written."""
    with pytest.raises(sms.SmstrategyError, match="^" + re.escape(message)):
        sms.step(**kwargs)


def test_every_plan_has_a_title():
    """A plan without a title, or with a blank one, does not construct."""
    steps = five_step_contents()
    with pytest.raises(TypeError, match="title"):
        sms.FiveStep(**steps)  # type: ignore[call-arg]
    with pytest.raises(
        InvalidFieldValueError, match=r"^FiveStep\.title: expected text with a visible"
    ):
        sms.FiveStep(title=" ", **steps)


def test_step_content_must_have_the_declared_type():
    """A step given the wrong kind of content raises, naming the step."""
    steps = five_step_contents()
    steps["target"] = sms.Direction()
    with pytest.raises(
        InvalidFieldTypeError, match=r"^FiveStep\.target: expected a Target, got Direction\("
    ):
        sms.FiveStep(title="t", **steps)


def test_plans_are_frozen():
    """A plan cannot be changed in place; attrs.evolve makes a new one."""
    plan = sms.example("popt")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.title = "x"  # type: ignore[misc]
    assert attrs.evolve(plan, title="New").title == "New"


def test_bare_framework_is_a_plan_with_no_steps():
    """The base class itself has no steps."""
    assert sms.Framework.steps() == ()
    assert sms.Framework.parent() is None


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_random_plans_of_every_framework_construct(cls, data):
    """Random valid plans of every framework, built-in or custom, construct and compare."""
    plan = data.draw(plans(cls))
    assert isinstance(plan, cls)
    assert plan == attrs.evolve(plan)
    for s in cls.steps():
        assert isinstance(getattr(plan, s.name), s.type)
