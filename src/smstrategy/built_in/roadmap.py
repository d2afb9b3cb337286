"""The roadmap: eight strategy questions, then an action plan and its measurement.

Each strategy question is a step of its own.  Once they are answered the plan
is put into action with a content calendar, scheduling and someone watching
the accounts, and success is measured by awareness, purchase intent and a
listening panel.
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
    Calendar,
    Channel,
    ContentMix,
    Goal,
    ListeningPanel,
    Metric,
    Period,
    Policy,
    Review,
    Team,
    TimeBudget,
    formerly_weeks,
)

__all__ = [
    "ActionPlan",
    "ContentStrategy",
    "EffortMeasurement",
    "Followers",
    "MarketingSupport",
    "Measurement",
    "Messages",
    "Reach",
    "Roadmap",
    "SuccessDefinition",
    "Workforce",
]

_METRICS = v.tuple_of(v.instance(Metric))


@attrs.frozen(kw_only=True)
class Reach:
    """The audiences, ranked, with what each finds important."""

    audiences: tuple[Audience, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=AUDIENCES
    )


@attrs.frozen(kw_only=True)
class Messages:
    """What the audience should know, and think, about the organisation."""

    key_messages: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    #: What the audience should come to think of the brand.
    brand_perception: str = attrs.field(default="", validator=v.string())


@attrs.frozen(kw_only=True)
class Workforce:
    """Who owns and runs the accounts, and the policy they follow."""

    team: Team = attrs.field(factory=Team, validator=v.instance(Team))
    policy: Policy | None = attrs.field(default=None, validator=v.optional(v.instance(Policy)))
    #: The time the people may give each week.
    time_budget: TimeBudget | None = attrs.field(
        default=None, validator=v.optional(v.instance(TimeBudget))
    )


@attrs.frozen(kw_only=True)
class ContentStrategy:
    """The balance of content, and the themes and sources it draws on."""

    mix: ContentMix | None = attrs.field(default=None, validator=v.optional(v.instance(ContentMix)))
    themes: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    sources: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class Followers:
    """How the plan wins relevant, engaged followers rather than many."""

    #: How many followers the plan sets out to win; ``None`` while undecided.
    target_followers: int | None = attrs.field(default=None, validator=v.optional(v.whole_number()))
    who_to_follow: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    tactics: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class SuccessDefinition:
    """The specific results that would make the effort worth it."""

    goals: tuple[Goal, ...] = attrs.field(default=(), converter=v.to_tuple, validator=GOALS)


@attrs.frozen(kw_only=True)
class EffortMeasurement:
    """How the effort is tracked, with what and how often."""

    methods: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    review_every: Period | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(Period)),
        metadata={"formerly": formerly_weeks("review_every_weeks")},
    )


@attrs.frozen(kw_only=True)
class MarketingSupport:
    """How social media serves the wider marketing goals and activities."""

    marketing_goals: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=TEXTS
    )
    activities: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class ActionPlan:
    """The channels, the content calendar, scheduling and who watches the accounts."""

    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=CHANNELS
    )
    calendar: Calendar = attrs.field(factory=Calendar, validator=v.instance(Calendar))
    scheduling_tool: str = attrs.field(default="", validator=v.string())
    #: The people who watch the accounts, talk with followers and answer service requests.
    monitors: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)


@attrs.frozen(kw_only=True)
class Measurement:
    """The measures of success and the listening panel."""

    metrics: tuple[Metric, ...] = attrs.field(default=(), converter=v.to_tuple, validator=_METRICS)
    listening: ListeningPanel = attrs.field(
        factory=ListeningPanel, validator=v.instance(ListeningPanel)
    )
    report_every: Period | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(Period)),
        metadata={"formerly": formerly_weeks("report_every_weeks")},
    )
    #: Who reads the reports: people and groups inside the organisation, not audiences.
    report_to: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    #: The questions the results are checked with, and the goals they look at.
    review: Review = attrs.field(factory=Review, validator=v.instance(Review))


@framework(
    "roadmap",
    name="Strategy roadmap",
    summary="Answer the strategy questions, then act on them and measure the result.",
)
class Roadmap(Framework):
    """A plan written as answers to the strategy questions, with an action plan."""

    concepts: ClassVar[Mapping[str, str]] = {
        "messages.brand_perception": "differentiator",
        "messages.key_messages": "key_messages",
        "content.themes": "themes",
        "action_plan.monitors": "monitors",
        "measurement_of_effort.review_every": "review_every",
        "measurement_of_effort.methods": "measurement_tools",
    }

    reach: Reach = step(
        "Who are you trying to reach?",
        summary="Know who the audience is before saying anything to it.",
        questions=(
            "Who makes up our audience?",
            "If there are several audiences, which comes first?",
            "What does each audience find important?",
        ),
    )
    messages: Messages = step(
        "What do you want your audience to know?",
        summary="Decide the messages that everything we post should carry.",
        questions=(
            "What should the audience learn about the company?",
            "Which key messages do we repeat?",
            "What should people come to think of our brand?",
        ),
    )
    workforce: Workforce = step(
        "Who will do the work?",
        summary="Name who carries the load and the rules they work by.",
        questions=(
            "Who owns and who runs each of our channels?",
            "How many people can log in to the official accounts?",
            "Do we need a social media policy, and what must it cover?",
        ),
    )
    content: ContentStrategy = step(
        "What is your content strategy?",
        summary="Balance promotion with useful outside material and conversation.",
        questions=(
            "What share of our posts promotes our own products?",
            "What share passes on material from elsewhere that our audience cares about?",
            "What share is conversation with the people who follow us?",
        ),
    )
    followers: Followers = step(
        "How will you pursue the most relevant followers?",
        summary="Win a smaller circle of relevant, engaged followers rather than a crowd.",
        questions=(
            "Where does our audience spend time, and how do we connect with it there?",
            "How many followers do we set out to win?",
            "Whom do we follow and engage with to attract the right people?",
        ),
    )
    success: SuccessDefinition = step(
        "How will you define success?",
        stable=True,
        summary="Pursue something specific, such as brand, expertise, traffic, leads or service.",
        questions=(
            (
                "What specific result do we want: brand building, thought leadership, "
                "web traffic, leads or customer service?"
            ),
        ),
    )
    measurement_of_effort: EffortMeasurement = step(
        "How will you measure your efforts?",
        summary="Decide what a working strategy means to us and how we will see it.",
        questions=(
            "What would success mean for us: more visits, more loyal customers, more awareness?",
            "How and how often will we measure it?",
        ),
    )
    marketing: MarketingSupport = step(
        "How can social media support other marketing?",
        summary="Fit social media into the wider marketing plan and its goals.",
        questions=(
            "Which of the company's main marketing goals does social media serve?",
            "Which other marketing activities can it support?",
        ),
    )
    action_plan: ActionPlan = step(
        "Put the plan into action",
        summary="Plan content ahead in a calendar, schedule it, and keep someone watching.",
        questions=(
            "What goes out, on which channel, and when?",
            "Which posts do we schedule ahead, and with which tool?",
            "Who watches the accounts to talk with followers and answer questions?",
        ),
    )
    measurement: Measurement = step(
        "Measure success",
        summary="Track awareness and purchase intent, and listen to what people say.",
        questions=(
            "How do we track awareness and purchase intent?",
            "What do people say about our brand, and about our competitors?",
            "How often do we report on the results?",
        ),
    )
