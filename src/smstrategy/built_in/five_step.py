"""The five-step model: A Direction, A Target, Uniqueness, Technology, Assessment.

The five parts weigh the same and each one leans on the other four: the goal
shapes who the plan speaks to, the audience and the differentiator decide the
tools, and the assessment closes the loop on the goal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import attrs

from smstrategy import validators as v
from smstrategy.base import Framework, framework, step
from smstrategy.elements import (
    AUDIENCES,
    CHANNELS,
    GOALS,
    TEXTS,
    Audience,
    Channel,
    ContentMix,
    Goal,
    MoneyBudget,
    Review,
    TimeBudget,
)

__all__ = ["Assessment", "Direction", "FiveStep", "Target", "Technology", "Uniqueness"]


@attrs.frozen(kw_only=True)
class Direction:
    """The goals the plan exists for, and the change they could bring."""

    goals: tuple[Goal, ...] = attrs.field(default=(), converter=v.to_tuple, validator=GOALS)
    #: How social media could change the way the organisation works.
    ambition: str = attrs.field(default="", validator=v.string())


@attrs.frozen(kw_only=True)
class Target:
    """The audiences the plan speaks to."""

    audiences: tuple[Audience, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=AUDIENCES
    )


@attrs.frozen(kw_only=True)
class Uniqueness:
    """Why someone would pick this organisation over its competitors."""

    differentiator: str = attrs.field(default="", validator=v.string())
    reasons: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    competitors: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class Technology:
    """The tools chosen, how they are run, and why they fit the first three steps."""

    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=CHANNELS
    )
    content_mix: ContentMix | None = attrs.field(
        default=None, validator=v.optional(v.instance(ContentMix))
    )
    rationale: str = attrs.field(default="", validator=v.string())
    #: The people who watch the channels and answer followers.
    monitors: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    #: The time the tools may take each week (the article: invest your time and money).
    time_budget: TimeBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(TimeBudget))
    )
    #: The money the tools may take, spread over the channels.
    money: MoneyBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(MoneyBudget))
    )


@attrs.frozen(kw_only=True)
class Assessment(Review):
    """How the plan finds out whether it works: by asking itself and its customers.

    The five-step model's review; ``reviewed_goals`` names the goal statements
    each review looks at.
    """


@framework(
    "five-step",
    name="Five-step model",
    summary="Five parts of equal weight, each tied to the other four, improved round by round.",
)
class FiveStep(Framework):
    """A plan in the five-step model."""

    concepts: ClassVar[Mapping[str, str]] = {
        "direction.ambition": "ambition",
        "uniqueness.differentiator": "differentiator",
        "uniqueness.competitors": "competitors",
        "technology.monitors": "monitors",
        "assessment.review_every": "review_every",
    }

    direction: Direction = step(
        "A Direction",
        stable=True,
        summary="Decide what the organisation wants social media to achieve.",
        questions=(
            "Which result do we want social media to bring us?",
            "How will we tell that we got there?",
            "What would change in our business if customers could speak to us in public?",
        ),
    )
    target: Target = step(
        "A Target",
        summary="Name the people who would want to take part, and learn what they care about.",
        questions=(
            "Which people would want to join in with us?",
            "Where and how can we meet them?",
            "What matters to them?",
            "How, and for what reasons, do they use social media?",
        ),
    )
    uniqueness: Uniqueness = step(
        "Uniqueness",
        summary="Give people a reason to engage with us rather than with a competitor.",
        questions=(
            "What would make someone choose us over a competitor?",
            "What do we offer that no one else in our market does?",
            "Who else competes for our audience's attention?",
        ),
    )
    technology: Technology = step(
        "Technology",
        summary="Choose the few tools that fit the goal, the audience and the differentiator.",
        questions=(
            "Which tools suit our goal, our audience and what sets us apart?",
            "Would we do better to master one tool than to spread ourselves over several?",
            "Who runs each tool, and how often will it carry a post?",
        ),
    )
    assessment: Assessment = step(
        "Assessment",
        summary="Review the results with ourselves and with customers so they last.",
        questions=(
            "Ask ourselves: are our results where we want them?",
            "Ask ourselves: where could we improve?",
            "Ask ourselves: do we meet every need our customers have?",
            "Ask ourselves: do we do better than our customers expect?",
            "Ask customers: how would you rate us so far?",
            "Ask customers: which parts do you enjoy?",
            "Ask customers: what would you want to see more often?",
            "Ask customers: what puts you off?",
            "Ask customers: what would you have us do differently?",
        ),
    )
