"""Purpose, Objectives, Priorities, Tactics.

Purpose and objectives are meant to hold steady from one revision to the next;
priorities and tactics move as tools change and results come in.
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
    Goal,
    MoneyBudget,
    Priority,
    Review,
    TimeBudget,
)

__all__ = ["Objectives", "Popt", "Priorities", "Purpose", "Tactics"]


@attrs.frozen(kw_only=True)
class Purpose:
    """Who the plan is for, why we engage with them and what we want to say or do."""

    audiences: tuple[Audience, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=AUDIENCES
    )
    why: str = attrs.field(default="", validator=v.string())
    what: str = attrs.field(default="", validator=v.string())


@attrs.frozen(kw_only=True)
class Objectives:
    """The specific, measurable goals, written down."""

    goals: tuple[Goal, ...] = attrs.field(default=(), converter=v.to_tuple, validator=GOALS)


@attrs.frozen(kw_only=True)
class Priorities:
    """The activities that serve the objectives, ranked so the work stays manageable."""

    items: tuple[Priority, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Priority))
    )


@attrs.frozen(kw_only=True)
class Tactics:
    """The few tools to start with and the time the plan may take."""

    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=CHANNELS
    )
    time_budget: TimeBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(TimeBudget))
    )
    #: The people who watch the channels and answer followers.
    monitors: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    #: The money the tactics may take, spread over the channels.
    money: MoneyBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(MoneyBudget))
    )
    #: How the tactics are checked, so they can adapt as you learn what works.
    review: Review = attrs.field(factory=Review, validator=v.instance(Review))


@framework(
    "popt",
    name="Purpose, Objectives, Priorities, Tactics",
    summary="Four layers from why to how; the first two stay put, the last two adapt.",
)
class Popt(Framework):
    """A plan organised as purpose, objectives, priorities and tactics."""

    concepts: ClassVar[Mapping[str, str]] = {
        "purpose.why": "why",
        "purpose.what": "purpose",
        "tactics.monitors": "monitors",
    }

    purpose: Purpose = step(
        "Purpose",
        stable=True,
        summary="Define the who, the why and the what.",
        questions=(
            "Who do we want to reach: peers, partners, clients, customers?",
            "For what reason do we want to engage with them?",
            "What do we hope to say or get done?",
        ),
    )
    objectives: Objectives = step(
        "Objectives",
        stable=True,
        summary="Write down specific objectives that can be measured.",
        questions=(
            "Do we want to deepen relationships we have or start new ones?",
            "Are we promoting our services or passing on knowledge?",
            "Do we want to learn about our customers or inform them?",
            "How will we measure each objective, so we know when it is met?",
        ),
    )
    priorities: Priorities = step(
        "Priorities",
        summary="Rank the activities that serve the objectives so the upkeep stays in hand.",
        questions=(
            "Which activities serve our objectives best?",
            "In what order do they come?",
            "What could we do but choose not to?",
        ),
    )
    tactics: Tactics = step(
        "Tactics",
        summary="Pick two or three tools to begin with, and set the time they may take.",
        questions=(
            "Which two or three tools suit our purpose and objectives best?",
            "How many hours a week can we honestly give?",
            "How will we manage that time, and what limits keep us focused?",
            "How will we notice what works and what does not, and adjust?",
        ),
    )
