"""Complete example plans for a fictional small business, one per built-in framework.

Fjord Coffee is a roastery with two cafés in Bergen that sells beans online
across Norway.  The examples are meant for trying the library, for the
documentation and for the ``demo`` command::

    >>> import smstrategy as sms
    >>> plan = sms.example("five-step")
    >>> plan.title
    'Fjord Coffee: social media plan 2027'
    >>> [goal.kind.value for goal in plan.direction.goals]
    ['awareness', 'sales']

:func:`example_results` gives a year of monthly numbers and some feedback for
the same plans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from smstrategy.base import Framework
from smstrategy.elements import (
    Audience,
    Automation,
    Calendar,
    Channel,
    Comparison,
    ContentCategory,
    ContentMix,
    Goal,
    GoalKind,
    ListeningPanel,
    Member,
    Metric,
    MoneyBudget,
    Period,
    Platform,
    Policy,
    Post,
    PostStatus,
    Priority,
    Review,
    Spend,
    Team,
    TimeBudget,
)
from smstrategy.exceptions import UnknownFrameworkError
from smstrategy.stages import Stage

if TYPE_CHECKING:
    from smstrategy.built_in import eight_step, five_step, popt, roadmap
    from smstrategy.results import Feedback, Observation, Results

__all__ = ["example", "example_results"]

_TITLE = "Fjord Coffee: social media plan 2027"

_AWARENESS = Goal(
    statement="Become the coffee that people in Bergen name first",
    kind=GoalKind.AWARENESS,
    metrics=(
        Metric(name="monthly reach in Bergen", target=40_000, unit="people", baseline=12_000),
        Metric(name="branded searches", target=1_500, unit="searches a month", baseline=400),
    ),
    deadline=dt.date(2027, 6, 30),
)
_SALES = Goal(
    statement="Grow online bean subscriptions",
    kind=GoalKind.SALES,
    metrics=(
        Metric(name="subscription conversions from social", target=300, unit="subscriptions"),
        Metric(
            name="cost per subscription from social",
            target=150,
            comparison=Comparison.AT_MOST,
            unit="NOK",
        ),
    ),
    deadline=dt.date(2027, 12, 31),
)
_GOALS = (_AWARENESS, _SALES)

_LOCALS = Audience(
    name="Bergen coffee lovers",
    priority=1,
    demographics=("25 to 45 years old", "living or working in central Bergen"),
    psychographics=("care where their food comes from", "enjoy small local places"),
    values=("quality they can taste", "knowing the people behind the counter"),
    motivations=("find new cafés and brews", "share their favourite spots"),
)
_HOME_BREWERS = Audience(
    name="Home brewers across Norway",
    priority=2,
    demographics=("30 to 55 years old", "anywhere in Norway"),
    psychographics=("like to learn a craft", "compare gear and methods"),
    values=("fresh beans", "honest brewing advice"),
    motivations=("improve their brewing", "ask experts questions"),
)
_AUDIENCES = (_LOCALS, _HOME_BREWERS)

_INSTAGRAM = Channel(
    platform=Platform.INSTAGRAM,
    handle="@fjordcoffee",
    audiences=(_LOCALS.name, _HOME_BREWERS.name),
    goals=(_AWARENESS.statement, _SALES.statement),
    owner="Ingrid Dahl",
    cadence=5,
    automation=Automation.SCHEDULED,
)
_FACEBOOK = Channel(
    platform=Platform.FACEBOOK,
    handle="Fjord Coffee Bergen",
    audiences=(_LOCALS.name,),
    goals=(_AWARENESS.statement,),
    owner="Ola Nilsen",
    cadence=3,
)
_CHANNELS = (_INSTAGRAM, _FACEBOOK)

_MIX = ContentMix(promotional=25, curated=35, engagement=40)

_TEAM = Team(
    members=(
        Member(
            name="Ingrid Dahl",
            role="Marketing lead",
            department="Marketing",
            account_access=True,
            monitors=True,
        ),
        Member(
            name="Ola Nilsen",
            role="Head barista",
            department="Cafés",
            account_access=True,
            monitors=True,
        ),
        Member(name="Sara Berg", role="Roaster", department="Roastery"),
        Member(name="Jonas Lie", role="Web shop manager", department="Sales"),
    ),
    training=("A monthly hour on tone of voice and answering complaints",),
)
_POLICY = Policy(
    rules=(
        "Answer questions within one working day.",
        "Never share a customer's details in public.",
        "Check why a hashtag is trending before using it.",
    ),
    hashtag_check=True,
    approval_required=False,
)
_LISTENING = ListeningPanel(
    brand_terms=("Fjord Coffee", "#fjordcoffee"),
    competitors=("Bryggen Brew", "Kaffe Nord"),
    sources=("Instagram", "Facebook groups", "Google reviews"),
)
_BUDGET = TimeBudget(
    hours_per_week=8,
    boundaries=("No posting after 21:00.", "One hour a day for replies, at most."),
)
R = TypeVar("R", bound=Review)


def _review(kind: type[R]) -> R:
    """Return the examples' review: every four weeks, asking us and customers, both goals."""
    return kind(
        questions_for_us=(
            "Are reach and subscriptions on track?",
            "Which posts started conversations, and why?",
        ),
        questions_for_customers=(
            "What do you enjoy in our posts?",
            "What would you like us to show more of?",
        ),
        reviewed_goals=(_AWARENESS.statement, _SALES.statement),
        review_every=Period(every=4),
    )


def _five_step() -> Framework:
    from smstrategy.built_in import five_step

    return five_step.FiveStep(
        title=_TITLE,
        direction=five_step.Direction(
            goals=_GOALS,
            ambition="Let customers shape which beans we roast next.",
        ),
        target=five_step.Target(audiences=_AUDIENCES),
        uniqueness=five_step.Uniqueness(
            differentiator="We roast in Bergen every week and show every step of it.",
            reasons=(
                "Beans that reach the cup within ten days of roasting.",
                "Baristas who answer brewing questions by name.",
            ),
            competitors=_LISTENING.competitors,
        ),
        technology=five_step.Technology(
            channels=_CHANNELS,
            content_mix=_MIX,
            rationale="Instagram carries the roastery's pictures; Facebook reaches café regulars.",
            monitors=("Ingrid Dahl", "Ola Nilsen"),
            time_budget=_BUDGET,
            money=MoneyBudget(
                amount=3000,
                currency="NOK",
                period_weeks=4,
                spend=(
                    Spend(channel=_INSTAGRAM.name, amount=2000),
                    Spend(channel=_FACEBOOK.name, amount=500),
                ),
            ),
        ),
        assessment=_review(five_step.Assessment),
    )


def _eight_step() -> Framework:
    from smstrategy.built_in import eight_step

    return eight_step.EightStep(
        title=_TITLE,
        ark=eight_step.BuildAnArk(
            team=_TEAM,
            shared_purpose="Make Fjord Coffee the coffee Bergen is proud of.",
            policy=_POLICY,
        ),
        listen=eight_step.ListenAndCompare(
            panel=_LISTENING,
            customer_insights=("Regulars ask where the beans come from.",),
            competitor_insights=("Competitors post products but rarely answer comments.",),
        ),
        point=eight_step.ThePoint(
            purposes=(GoalKind.AWARENESS,),
            statement="Be the first coffee people in Bergen think of.",
        ),
        metrics=eight_step.SuccessMetrics(
            goals=_GOALS,
            tools=("Instagram insights", "web shop analytics"),
            review=_review(Review),
        ),
        audience=eight_step.AudienceAnalysis(audiences=_AUDIENCES),
        one_thing=eight_step.OneThing(
            statement="Fjord Coffee is the slow morning you make time for.",
            feeling="Calm and welcome",
            proof_points=("Weekly roasting videos", "Baristas who know regulars by name"),
        ),
        humanization=eight_step.Humanization(
            voice="Warm, plain and a little playful.",
            faces=("Ingrid Dahl", "Ola Nilsen"),
            practices=("Sign replies with a first name.", "Show the roastery as it is."),
            response_hours=24,
        ),
        channels=eight_step.ChannelPlan(channels=_CHANNELS, content_mix=_MIX),
    )


def _popt() -> Framework:
    from smstrategy.built_in import popt

    return popt.Popt(
        title=_TITLE,
        purpose=popt.Purpose(
            audiences=_AUDIENCES,
            why="They choose coffee on trust, and trust grows in conversation.",
            what="Show how we roast, help people brew, and bring them to the cafés and shop.",
        ),
        objectives=popt.Objectives(goals=_GOALS),
        priorities=popt.Priorities(
            items=(
                Priority(
                    activity="Weekly roastery stories", rank=1, objectives=(_AWARENESS.statement,)
                ),
                Priority(
                    activity="Brewing questions answered within a day",
                    rank=2,
                    objectives=(_AWARENESS.statement, _SALES.statement),
                ),
                Priority(activity="Subscriber offers", rank=3, objectives=(_SALES.statement,)),
            )
        ),
        tactics=popt.Tactics(
            channels=_CHANNELS,
            time_budget=_BUDGET,
            monitors=("Ingrid Dahl", "Ola Nilsen"),
            review=_review(Review),
        ),
    )


def _roadmap() -> Framework:
    from smstrategy.built_in import roadmap

    monday = dt.datetime(2027, 1, 4, 8, 30)  # noqa: DTZ001  # local time of the plan
    posts = (
        Post(
            when=monday,
            channel=_INSTAGRAM.name,
            topic="This week's roast: Ethiopia Guji",
            category=ContentCategory.PROMOTIONAL,
            audience=_LOCALS.name,
            owner="Ingrid Dahl",
            status=PostStatus.APPROVED,
            automation=Automation.SCHEDULED,
            text="Fresh from the roaster: Ethiopia Guji, with notes of peach and jasmine.",
            link="https://example.com/beans/ethiopia-guji",
        ),
        Post(
            when=monday + dt.timedelta(days=2),
            channel=_INSTAGRAM.name,
            topic="Ask a barista: grind size for a moka pot",
            category=ContentCategory.ENGAGEMENT,
            audience=_HOME_BREWERS.name,
            owner="Ola Nilsen",
            status=PostStatus.DRAFT,
            text="How fine should you grind for a moka pot? Ask our baristas below.",
        ),
        Post(
            when=monday + dt.timedelta(days=3),
            channel=_FACEBOOK.name,
            topic="A local bakery's guide to pairing coffee and cinnamon buns",
            category=ContentCategory.CURATED,
            audience=_LOCALS.name,
            owner="Ola Nilsen",
            status=PostStatus.IDEA,
            text="Our neighbours at the bakery on how to pair a cinnamon bun with your coffee.",
            link="https://example.com/blog/coffee-and-buns",
        ),
    )
    return roadmap.Roadmap(
        title=_TITLE,
        stage=Stage.OPERATIONAL,
        reach=roadmap.Reach(audiences=_AUDIENCES),
        messages=roadmap.Messages(
            key_messages=(
                "We roast in Bergen every week.",
                "Our baristas help you brew better at home.",
                "Skilled people who are easy to talk to, in the café and online.",
            ),
            brand_perception="Local, skilled and easy to talk to.",
        ),
        workforce=roadmap.Workforce(team=_TEAM, policy=_POLICY, time_budget=_BUDGET),
        content=roadmap.ContentStrategy(
            mix=_MIX,
            themes=("Roastery days", "Brewing help", "Bergen life"),
            sources=("Local bakeries", "Coffee research blogs"),
        ),
        followers=roadmap.Followers(
            target_followers=5_000,
            who_to_follow=("Bergen food writers", "Home-brewing groups"),
            tactics=("Comment on local food posts weekly.", "Share followers' brewing photos."),
        ),
        success=roadmap.SuccessDefinition(goals=_GOALS),
        measurement_of_effort=roadmap.EffortMeasurement(
            methods=("Instagram insights", "Web shop analytics with campaign links"),
            review_every=Period(every=4),
        ),
        marketing=roadmap.MarketingSupport(
            marketing_goals=("Fill the cafés on weekday mornings", "Grow the web shop"),
            activities=("Announce café events", "Promote the newsletter"),
        ),
        action_plan=roadmap.ActionPlan(
            channels=_CHANNELS,
            calendar=Calendar(posts=posts, timezone="Europe/Oslo"),
            scheduling_tool="Meta Business Suite",
            monitors=("Ingrid Dahl", "Ola Nilsen"),
        ),
        measurement=roadmap.Measurement(
            metrics=(
                Metric(name="aided brand awareness", target=35, unit="%", baseline=18),
                Metric(name="people planning to buy", target=20, unit="%", baseline=9),
            ),
            listening=_LISTENING,
            report_every=Period(every=4),
            report_to=("Ingrid Dahl", "the owners"),
            review=_review(Review),
        ),
    )


_EXAMPLES: dict[str, Callable[[], Framework]] = {
    "five-step": _five_step,
    "eight-step": _eight_step,
    "popt": _popt,
    "roadmap": _roadmap,
    "council": lambda: _organisation("council"),
    "community": lambda: _organisation("community"),
    "nonprofit": lambda: _organisation("nonprofit"),
}


def _organisation(name: str) -> Framework:
    """Return the plan of one of the other organisations (see :mod:`smstrategy.organisations`)."""
    from smstrategy import organisations

    plan: Framework = getattr(organisations, name)()
    return plan


@overload
def example(key: Literal["five-step"] = ...) -> five_step.FiveStep: ...
@overload
def example(key: Literal["eight-step"]) -> eight_step.EightStep: ...
@overload
def example(key: Literal["popt"]) -> popt.Popt: ...
@overload
def example(key: Literal["roadmap"]) -> roadmap.Roadmap: ...
@overload
def example(key: Literal["council"]) -> roadmap.Roadmap: ...
@overload
def example(key: Literal["community"]) -> popt.Popt: ...
@overload
def example(key: Literal["nonprofit"]) -> eight_step.EightStep: ...
@overload
def example(key: str) -> Framework: ...
def example(key: str = "five-step") -> Framework:
    """Return the bundled example plan for the built-in framework *key*.

    Besides the four frameworks' examples (a coffee roaster's plan in each),
    ``"council"``, ``"community"`` and ``"nonprofit"`` return plans of a
    district council, an open-source project and a food bank charity (see
    :mod:`smstrategy.organisations`).  An unknown key raises
    :class:`~smstrategy.exceptions.UnknownFrameworkError` listing the keys
    that have an example.
    """
    try:
        build = _EXAMPLES[key]
    except (KeyError, TypeError):
        raise UnknownFrameworkError(key, sorted(_EXAMPLES)) from None
    return build()


# --- a year of results ----------------------------------------------------------------------

#: The last day of each month from June 2026 to May 2027.
_MONTHS = tuple(
    dt.date(2026 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    for month in range(6, 18)  # the first days of July 2026 to June 2027, counted from 0
)
_REACH = (12000, 13500, 15800, 17900, 20400, 22600, 25900, 28100, 30800, 33900, 37200, 40800)
#: Measured until April, then no longer: the metric has gone stale by the end of May.
_SEARCHES = (400, 470, 540, 610, 700, 790, 880, 990, 1120, 1280, 1520)
#: Subscriptions since measuring began, on the pace to 300 by the end of 2027.
_CONVERSIONS = (0, 8, 19, 31, 45, 60, 77, 96, 117, 139, 162, 186)
#: Falling, but too slowly to reach 150 NOK by the end of 2027.
_COST = (226, 224, 221, 219, 214, 212, 209, 207, 205, 203, 201, 200)
#: Instagram's share of the reach; Facebook has the rest.
_INSTAGRAM_SHARE = 0.78
_SURVEYS = (
    (dt.date(2026, 8, 31), 18, 9),
    (dt.date(2026, 11, 30), 22, 12),
    (dt.date(2027, 2, 28), 26, 16),
    (dt.date(2027, 5, 31), 29, 21),
)


def _observations(key: str) -> list[Observation]:
    from smstrategy.results import Observation

    reach, searches = _AWARENESS.metrics[0].name, _AWARENESS.metrics[1].name
    conversions, cost = _SALES.metrics[0].name, _SALES.metrics[1].name
    found: list[Observation] = []
    for month, total in zip(_MONTHS, _REACH, strict=True):
        instagram = round(total * _INSTAGRAM_SHARE)
        found += [
            Observation(metric=reach, on=month, value=total, source="Meta Business Suite"),
            Observation(
                metric=reach, on=month, value=instagram, channel="instagram", source="Instagram"
            ),
            Observation(
                metric=reach,
                on=month,
                value=total - instagram,
                channel="facebook",
                source="Facebook",
            ),
        ]
    found += [
        Observation(metric=searches, on=month, value=value, source="Google Search Console")
        for month, value in zip(_MONTHS, _SEARCHES, strict=False)
    ]
    for month, count, price in zip(_MONTHS, _CONVERSIONS, _COST, strict=True):
        found += [
            Observation(metric=conversions, on=month, value=count, source="web shop analytics"),
            Observation(metric=cost, on=month, value=price, source="web shop analytics"),
        ]
    if key == "roadmap":
        for day, aided, planning in _SURVEYS:
            found += [
                Observation(
                    metric="aided brand awareness", on=day, value=aided, source="customer survey"
                ),
                Observation(
                    metric="people planning to buy",
                    on=day,
                    value=planning,
                    source="customer survey",
                ),
            ]
    return found


def _feedback() -> tuple[Feedback, ...]:
    from smstrategy.results import Feedback, Voice

    return (
        Feedback(
            question="What do you enjoy in our posts?",
            voice=Voice.CUSTOMERS,
            on=dt.date(2027, 4, 18),
            answer="Seeing who works in the caf\u00e9.",
            score=4,
        ),
        Feedback(
            question="What do you enjoy in our posts?",
            voice=Voice.CUSTOMERS,
            on=dt.date(2027, 5, 20),
            answer="The roasting videos on Sundays.",
            score=5,
        ),
        Feedback(
            question="What would you like us to show more of?",
            voice=Voice.CUSTOMERS,
            on=dt.date(2027, 3, 10),
            answer="Decaf, please.",
            score=3,
        ),
        Feedback(
            question="What would you like us to show more of?",
            voice=Voice.CUSTOMERS,
            on=dt.date(2027, 5, 21),
            answer="Where the beans come from.",
            score=4,
        ),
        Feedback(
            question="Are reach and subscriptions on track?",
            voice=Voice.US,
            on=dt.date(2027, 5, 31),
            answer="Reach, yes. Each subscription still costs too much.",
            score=3,
        ),
        Feedback(
            question="Which posts started conversations, and why?",
            voice=Voice.TEAM,
            on=dt.date(2027, 5, 31),
            answer="Grind-size questions: people could answer from their own kitchen.",
        ),
    )


def example_results(key: str = "five-step") -> Results:
    """Return a year of monthly results for the example plan of *key*, with some feedback.

    From June 2026 to May 2027, the scorecard on 31 May 2027 shows the
    awareness goal met, subscriptions on track, the cost per subscription
    behind pace and branded searches gone stale; the reach per channel shows
    what works.  The roadmap's results add a quarterly customer survey.
    """
    example(key)  # an unknown key fails as it does there
    from smstrategy.results import Results

    return Results(observations=_observations(key), feedback=_feedback())
