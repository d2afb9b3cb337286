"""Frameworks that users could define, used wherever the built-ins are tested."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import attrs

import smstrategy as sms
from smstrategy import validators as v


@attrs.frozen(kw_only=True)
class Situation:
    """Where the organisation stands today."""

    summary: str = attrs.field(default="", validator=v.string())
    audiences: tuple[sms.Audience, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=sms.elements.AUDIENCES
    )


@attrs.frozen(kw_only=True)
class Objectives:
    """What the plan sets out to achieve."""

    goals: tuple[sms.Goal, ...] = attrs.field(default=(), converter=v.to_tuple)


@attrs.frozen(kw_only=True)
class Strategy:
    """How the objectives will be reached."""

    approach: str = ""
    channels: tuple[sms.Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=sms.elements.CHANNELS
    )


@attrs.frozen(kw_only=True)
class Tactics:
    """The detail of the strategy."""

    content_mix: sms.ContentMix | None = None
    calendar: sms.Calendar = attrs.field(factory=sms.Calendar)


@attrs.frozen(kw_only=True)
class Action:
    """Who does what."""

    team: sms.Team = attrs.field(factory=sms.Team)
    policy: sms.Policy | None = None


@attrs.frozen(kw_only=True)
class Control:
    """How progress is watched."""

    metrics: tuple[sms.Metric, ...] = attrs.field(default=(), converter=v.to_tuple)
    listening: sms.ListeningPanel = attrs.field(factory=sms.ListeningPanel)


@sms.framework("test-sostac", name="SOSTAC", summary="Situation to control, in six steps.")
class Sostac(sms.Framework):
    """A SOSTAC plan, declared the way a user would."""

    situation: Situation = sms.step("Situation", questions=("Where are we now?",))
    objectives: Objectives = sms.step("Objectives", questions=("Where do we want to be?",))
    strategy: Strategy = sms.step("Strategy", questions=("How do we get there?",))
    tactics: Tactics = sms.step("Tactics", questions=("What exactly do we do?",))
    action: Action = sms.step("Action", questions=("Who does what, and when?",))
    control: Control = sms.step("Control", questions=("How do we know it works?",))


@attrs.frozen(kw_only=True)
class Budget:
    """Money set aside for social media."""

    monthly: float = attrs.field(default=0, validator=v.number())
    currency: str = attrs.field(default="NOK", validator=v.text())


@sms.framework("test-five-step-budget", name="Five-step model with a budget")
class FiveStepWithBudget(sms.FiveStep):
    """The five-step model with a budget step added after the others."""

    budget: Budget = sms.step("Budget", summary="What the plan may spend.")


@attrs.frozen(kw_only=True)
class Owner:
    """A step's content with a required field: it cannot be made blank."""

    name: str


@sms.framework("test-five-step-owner", name="Five-step with an owner")
class FiveStepWithOwner(sms.FiveStep):
    """The five-step model with a step whose content cannot be made blank."""

    owner: Owner = sms.step("Owner")


@sms.framework("test-two-reviews", name="Two reviews")
class TwoReviews(sms.Framework):
    """A framework with two reviews of its own, as a user might declare it."""

    goals: sms.Objectives = sms.step("Goals")
    monthly: sms.Review = sms.step("Monthly review")
    yearly: sms.Review = sms.step("Yearly review")


@attrs.frozen(kw_only=True)
class Pitch:
    """A pitch with a score and its lines."""

    score: float = 0
    lines: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple)


@sms.framework("test-pitch", name="Pitch")
class PitchPlan(sms.Framework):
    """A framework that names a number as its differentiator, as a careless user might."""

    concepts: ClassVar[Mapping[str, str]] = {
        "pitch.score": "differentiator",
        "pitch.lines": "key_messages",
    }

    pitch: Pitch = sms.step("Pitch")


#: The custom frameworks, for parametrised tests.
CUSTOM = (Sostac, FiveStepWithBudget)
#: Every framework the tests exercise: the built-ins and the custom ones.
ALL_FRAMEWORKS = (sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap, *CUSTOM)


def sostac_example() -> Sostac:
    """Return a filled-in SOSTAC plan."""
    five = sms.example("five-step")
    eight = sms.example("eight-step")
    return Sostac(
        title="Fjord Coffee: SOSTAC",
        situation=Situation(summary="Two cafés and a web shop.", audiences=five.target.audiences),
        objectives=Objectives(goals=five.direction.goals),
        strategy=Strategy(approach="Show the roastery.", channels=five.technology.channels),
        tactics=Tactics(content_mix=five.technology.content_mix),
        action=Action(team=eight.ark.team, policy=eight.ark.policy),
        control=Control(),
    )


def five_step_contents() -> dict[str, object]:
    """Return the step contents of the five-step example, by step name."""
    five = sms.example("five-step")
    return {s.name: getattr(five, s.name) for s in sms.FiveStep.steps()}


def budget_example() -> FiveStepWithBudget:
    """Return the five-step example with a budget."""
    title = sms.example("five-step").title
    return FiveStepWithBudget(title=title, budget=Budget(monthly=4000), **five_step_contents())
