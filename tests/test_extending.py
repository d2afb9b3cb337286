"""Frameworks and rules of one's own: the paths off the documented road fail early and clearly."""

from __future__ import annotations

import collections.abc
import re
import typing

import attrs
import pytest
from markdown_it import MarkdownIt

import smstrategy as sms
from smstrategy import validators as v


@sms.content
class Aims:
    summary: str = ""
    goals: list[sms.Goal] = []  # noqa: RUF012  # converted to a tuple
    audiences: collections.abc.Sequence[sms.Audience] = ()
    mix: sms.ContentMix | None = None
    channels: typing.Optional[tuple[sms.Channel, ...]] = None  # noqa: UP045  # old spelling


@attrs.frozen(kw_only=True)
class Reach:
    # A converter but no validator: the plan checks the blocks from the annotation.
    audiences: tuple[sms.Audience, ...] = attrs.field(default=(), converter=v.to_tuple)
    mix: sms.ContentMix | None = None


@sms.framework("test-aims", name="Aims and reach")
class AimsPlan(sms.Framework):
    aims: Aims = sms.step("Aims", questions=("What do we want?",))
    reach: Reach = sms.step("Reach")


GOAL = sms.Goal(statement="Be known in Oslo", metrics=[sms.Metric(name="reach")])
READERS = sms.Audience(name="Oslo readers", demographics=["30 to 50"], psychographics=["curious"])


def plan(**aims):
    return AimsPlan(title="Oslo", aims=Aims(**aims), reach=Reach(audiences=[READERS]))


def test_a_list_of_goals_is_held_walked_checked_rendered_and_saved():
    """A field annotated list[Goal] holds a tuple; its goals are checked, rendered and saved."""
    made = plan(goals=[GOAL], audiences=[READERS])
    assert made.aims.goals == (GOAL,)
    assert made.aims.audiences == (READERS,)
    report = sms.check(made, select=["SMS101", "SMS102"])
    assert [(f.code, f.path) for f in report] == [
        ("SMS101", "aims.goals[0]"),
        ("SMS102", "aims.goals[0]"),
    ]
    text = sms.render(made)
    assert "Be known in Oslo" in text
    assert "Goal(" not in text
    assert "Audience(" not in text
    MarkdownIt().parse(text)
    assert sms.from_json(sms.to_json(made)) == made
    assert Aims().goals == ()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Aims(goals=["Be known in Oslo"]), "Aims.goals[0]: expected a Goal, got 'Be kn"),
        (lambda: Aims(goals="Be known"), "Aims.goals: expected a list or tuple, got 'Be known'"),
        (lambda: Aims(mix="half"), "Aims.mix: expected a ContentMix, got 'half'"),
        (lambda: Aims(channels=[GOAL]), "Aims.channels[0]: expected a Channel, got Goal(statement"),
        (
            lambda: AimsPlan(title="Oslo", aims=Aims(), reach=Reach(audiences=["Oslo readers"])),
            "Reach.audiences[0]: expected an Audience, got 'Oslo readers'",
        ),
        (
            lambda: AimsPlan(title="Oslo", aims=Aims(), reach=Reach(mix="half")),
            "Reach.mix: expected a ContentMix, got 'half'",
        ),
    ],
)
def test_blocks_of_the_wrong_kind_are_refused_when_the_plan_is_made(build, message):
    """What would fail later (a string where an audience belongs) fails where it is written."""
    with pytest.raises(sms.SmstrategyError, match=re.escape(message)):
        build()


def test_optional_blocks_may_be_left_out():
    """An optional block or sequence of blocks may be None."""
    made = plan(channels=None, mix=None)
    assert (made.aims.channels, made.aims.mix) == (None, None)
    made = plan(channels=[sms.Channel(platform=sms.Platform.X)])
    assert made.aims.channels == (sms.Channel(platform=sms.Platform.X),)


def test_a_nested_class_of_ones_own_is_checked_too():
    """Blocks inside a class of one's own inside a step are checked when the plan is made."""

    @attrs.frozen(kw_only=True)
    class Segment:
        audiences: tuple[sms.Audience, ...] = attrs.field(default=(), converter=v.to_tuple)

    @sms.content
    class Segments:
        segments: tuple[Segment, ...] = ()

    @sms.framework("test-segments", name="Segments")
    class SegmentPlan(sms.Framework):
        segments: Segments = sms.step("Segments")

    good = SegmentPlan(title="t", segments=Segments(segments=[Segment(audiences=[READERS])]))
    assert good.segments.segments[0].audiences == (READERS,)
    with pytest.raises(sms.InvalidFieldTypeError, match=r"Segment.audiences\[0\]: expected an"):
        SegmentPlan(title="t", segments=Segments(segments=[Segment(audiences=["x"])]))


def test_what_cannot_work_is_refused_when_the_class_is_declared():
    """A list nothing converts, or a mapping of blocks, fails at the class, naming the fix."""

    @attrs.frozen(kw_only=True)
    class Loose:
        goals: list[sms.Goal] = attrs.field(factory=list)

    with pytest.raises(sms.FrameworkDefinitionError) as caught:

        @sms.framework("test-loose", name="Loose")
        class LoosePlan(sms.Framework):
            loose: Loose = sms.step("Loose")

    assert str(caught.value).startswith("Loose.goals: nothing converts and validates")
    assert "@smstrategy.content" in str(caught.value)
    assert "test-loose" not in sms.frameworks()

    with pytest.raises(sms.FrameworkDefinitionError, match=r"ByName.goals: building blocks are"):

        @sms.content
        class ByName:
            goals: dict[str, sms.Goal] = attrs.field(factory=dict)

    @attrs.frozen(kw_only=True)
    class Mapped:
        goals: dict[str, sms.Goal] = attrs.field(factory=dict, validator=v.instance(dict))

    with pytest.raises(sms.FrameworkDefinitionError, match=r"Mapped.goals: building blocks are"):

        @sms.framework("test-mapped", name="Mapped")
        class MappedPlan(sms.Framework):
            mapped: Mapped = sms.step("Mapped")


def test_an_annotation_that_cannot_be_resolved_is_named():
    """A name the annotation uses that is nowhere to be found is reported with the class."""
    with pytest.raises(sms.FrameworkDefinitionError, match="Lost: an annotation cannot be"):

        @sms.content
        class Lost:
            goals: tuple[Nowhere, ...] = ()  # type: ignore[name-defined]  # noqa: F821


@pytest.mark.parametrize("name", ["title", "stage", "profile"])
def test_a_step_may_not_take_a_name_of_the_plan(name):
    """title, stage and profile belong to every plan; a step under one of them is refused."""
    namespace = {"__annotations__": {name: Aims}, name: sms.step("Aims")}
    cls = type("Clash", (sms.Framework,), namespace)
    with pytest.raises(sms.FrameworkDefinitionError, match=f"Clash.{name}: '{name}' belongs to"):
        sms.framework("test-clash", name="Clash")(cls)
    assert "test-clash" not in sms.frameworks()


def test_a_step_without_an_annotation_is_named():
    """A step with no annotation says how to write one, not KeyError."""
    with pytest.raises(sms.FrameworkDefinitionError, match=r"Bare.aims: a step needs an annota"):

        @sms.framework("test-bare", name="Bare")
        class Bare(sms.Framework):
            aims = sms.step("Aims")


def _declare(key, source_name="Again", body="aims: Aims = sms.step('Aims')"):
    """Declare a framework from source, in this module, as a notebook cell would."""
    namespace = {"sms": sms, "Aims": Aims, "__name__": __name__}
    code = (
        f"@sms.framework({key!r}, name='Again')\nclass {source_name}(sms.Framework):\n    {body}\n"
    )
    exec(code, namespace)  # noqa: S102  # the same class written twice
    return namespace[source_name]


def test_declaring_the_same_class_again_replaces_it():
    """A cell run twice re-declares its class; another class under a taken key is refused."""
    first = _declare("test-again")
    second = _declare("test-again", body="aims: Aims = sms.step('Aims, again')")
    assert sms.get_framework("test-again") is second is not first
    assert [s.title for s in second.steps()] == ["Aims, again"]
    with pytest.raises(sms.DuplicateRegistrationError, match="its own key"):
        _declare("test-again", source_name="Other")
    with pytest.raises(sms.DuplicateRegistrationError, match="already registered as 'five-step'"):
        _declare("five-step")


def test_declaring_the_same_rule_again_replaces_it():
    """A rule function declared again replaces its registration; another function is refused."""

    def declare(message):
        @sms.rule(sms.Goal, code="AGAIN1", severity="advice", summary="s", hint="h")
        def again(goal, ctx):
            yield message

        return again

    try:
        declare("first")
        declare("second")
        assert [f.message for f in sms.check(plan(goals=[GOAL]), select="AGAIN")] == ["second"]
        with pytest.raises(sms.DuplicateRegistrationError, match="its own code"):
            sms.rule(sms.Goal, code="AGAIN1", severity="advice", summary="s", hint="h")(
                lambda *_: ()
            )
    finally:
        sms.unregister_rule("AGAIN1")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (lambda *_: "one finding", "rule WRONG1 returned a string at aims.goals[0]"),
        (lambda *_: iter([1]), "rule WRONG1 gave int at aims.goals[0]"),
        (lambda *_: [sms.Flag("fine"), None], "rule WRONG1 gave NoneType at aims.goal"),
        (lambda *_: 42, "rule WRONG1 failed at aims.goals[0]: TypeError"),
    ],
)
def test_a_rule_that_gives_the_wrong_thing_raises_rule_error(body, message):
    """What a rule gives is validated: a wrong kind raises RuleError naming the rule."""
    sms.rule(sms.Goal, code="WRONG1", severity="advice", summary="s", hint="h")(body)
    try:
        with pytest.raises(sms.RuleError, match=re.escape(message)):
            sms.check(plan(goals=[GOAL]), select="WRONG")
    finally:
        sms.unregister_rule("WRONG1")


def test_a_rule_may_return_a_list_or_nothing():
    """Returning a list of messages or None works as yielding them or nothing."""
    sms.rule(sms.Goal, code="LIST1", severity="advice", summary="s", hint="h")(
        lambda *_: ["a", sms.Flag("b")]
    )
    sms.rule(sms.Goal, code="LIST2", severity="advice", summary="s", hint="h")(lambda *_: None)
    try:
        report = sms.check(plan(goals=[GOAL]), select="LIST")
        assert [(f.code, f.message) for f in report] == [("LIST1", "a"), ("LIST1", "b")]
    finally:
        sms.unregister_rule("LIST1")
        sms.unregister_rule("LIST2")


def test_unions_of_blocks_and_optional_mappings_are_refused():
    """A field holding one of two kinds of block, or maybe a mapping of them, cannot be walked."""
    with pytest.raises(sms.FrameworkDefinitionError, match=r"Either.who: building blocks are"):

        @sms.content
        class Either:
            who: sms.Audience | sms.Channel | None = None

    with pytest.raises(sms.FrameworkDefinitionError, match=r"Maybe.goals: building blocks are"):

        @sms.content
        class Maybe:
            goals: dict[str, sms.Goal] | None = None
