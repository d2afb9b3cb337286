"""The eight-step model, from building an ark to the channel plan.

The order matters: the plan gathers people, listens, settles what social media
is for and how success is counted, studies its audience and its one thing,
decides how to sound human, and only then picks channels.
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
    GoalKind,
    ListeningPanel,
    Policy,
    Review,
    Team,
    TimeBudget,
)

__all__ = [
    "AudienceAnalysis",
    "BuildAnArk",
    "ChannelPlan",
    "EightStep",
    "Humanization",
    "ListenAndCompare",
    "OneThing",
    "SuccessMetrics",
    "ThePoint",
]


@attrs.frozen(kw_only=True)
class BuildAnArk:
    """The people across the organisation who take part, and what unites them."""

    team: Team = attrs.field(factory=Team, validator=v.instance(Team))
    #: The single purpose everyone on board shares.
    shared_purpose: str = attrs.field(default="", validator=v.string())
    policy: Policy | None = attrs.field(default=None, validator=v.optional(v.instance(Policy)))


@attrs.frozen(kw_only=True)
class ListenAndCompare:
    """What listening to customers and competitors showed."""

    panel: ListeningPanel = attrs.field(
        factory=ListeningPanel, validator=v.instance(ListeningPanel)
    )
    customer_insights: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=TEXTS
    )
    competitor_insights: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=TEXTS
    )


@attrs.frozen(kw_only=True)
class ThePoint:
    """What social media is for in this plan, in one word and in a sentence."""

    purposes: tuple[GoalKind, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.member_of(GoalKind))
    )
    statement: str = attrs.field(default="", validator=v.string())


@attrs.frozen(kw_only=True)
class SuccessMetrics:
    """The goals with the metrics that count success, and the tools that measure them."""

    goals: tuple[Goal, ...] = attrs.field(default=(), converter=v.to_tuple, validator=GOALS)
    tools: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    #: How and how often success is checked.
    review: Review = attrs.field(factory=Review, validator=v.instance(Review))


@attrs.frozen(kw_only=True)
class AudienceAnalysis:
    """Who the customers are, described by who they are and by how they think."""

    audiences: tuple[Audience, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=AUDIENCES
    )


@attrs.frozen(kw_only=True)
class OneThing:
    """The one idea that reaches people's feelings rather than their reasoning."""

    statement: str = attrs.field(default="", validator=v.string())
    #: The feeling the idea should leave behind.
    feeling: str = attrs.field(default="", validator=v.string())
    proof_points: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class Humanization:
    """How the organisation sounds and acts like people, not like an institution."""

    voice: str = attrs.field(default="", validator=v.string())
    #: The people who show their faces and names in the organisation's posts.
    faces: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    practices: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    response_hours: float | None = attrs.field(default=None, validator=v.optional(v.number()))


@attrs.frozen(kw_only=True)
class ChannelPlan:
    """Where and how the plan is carried out, decided after everything else."""

    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=CHANNELS
    )
    content_mix: ContentMix | None = attrs.field(
        default=None, validator=v.optional(v.instance(ContentMix))
    )
    #: The time the channels may take each week.
    time_budget: TimeBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(TimeBudget))
    )


@framework(
    "eight-step",
    name="Eight-step model",
    summary="Eight steps in order, with the choice of channels kept for last.",
)
class EightStep(Framework):
    """A plan in the eight-step model."""

    concepts: ClassVar[Mapping[str, str]] = {
        "one_thing.statement": "differentiator",
        "ark.shared_purpose": "purpose",
        "point.statement": "why",
    }

    ark: BuildAnArk = step(
        "Build an ark",
        summary="Bring people from every part of the organisation on board.",
        questions=(
            "Which departments take part, and who represents each?",
            "What single purpose do they all share?",
            "Who may speak for the organisation, and under which rules?",
        ),
    )
    listen: ListenAndCompare = step(
        "Listen and compare",
        summary="Hear what customers and competitors say before deciding anything.",
        questions=(
            "What do customers say about us and about what they need?",
            "What are competitors doing, and how do people respond to it?",
            "How do our needs compare with what competitors offer?",
        ),
    )
    point: ThePoint = step(
        "What's the point?",
        stable=True,
        summary="Settle what, specifically, social media is meant to do for us.",
        questions=(
            "What is the one main reason we use social media: awareness, sales, something else?",
            "How would we put that reason in a single sentence?",
        ),
    )
    metrics: SuccessMetrics = step(
        "Success metrics",
        summary="Decide how success is counted and with which tools.",
        questions=(
            "Which numbers show that we are succeeding?",
            "What target does each number have, and by when?",
            "Which tools will collect those numbers?",
        ),
    )
    audience: AudienceAnalysis = step(
        "Analyze audience",
        summary="Know the people we serve: who they are and how they think.",
        questions=(
            "Who is our target customer, in terms of age, place and situation?",
            "What attitudes, interests and values drive them?",
            "What do they want to read, and where do they spend time?",
        ),
    )
    one_thing: OneThing = step(
        "What's your one thing?",
        summary="Find the single idea that touches customers' hearts, not only their minds.",
        questions=(
            "What single idea do we stand for, beyond the products we sell?",
            "What feeling should people carry away from us?",
            "What shows that the idea is true?",
        ),
    )
    humanization: Humanization = step(
        "Engagement & humanization",
        summary="Behave like a person in conversation rather than like a faceless body.",
        questions=(
            "What does our voice sound like?",
            "Whose faces and names appear in what we share?",
            "How do we take part in conversations and how fast do we answer?",
        ),
    )
    channels: ChannelPlan = step(
        "Channel plan",
        summary="Choose where and how to act, now that the earlier answers are known.",
        questions=(
            "Which channels reach the audiences we analysed?",
            "Which goal does each channel serve?",
            "What goes out on each channel, and how often?",
        ),
    )
