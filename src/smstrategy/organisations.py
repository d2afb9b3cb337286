"""Example plans of organisations that are not small shops: a council, a community, a charity.

Each is written the way such an organisation's own strategy document would put
it, with the facts such documents leave out left as not stated.  Each names
its :class:`~smstrategy.Profile`, so the checks apply the advice that fits it.
Get them with :func:`smstrategy.example`: ``"council"``, ``"community"`` and
``"nonprofit"``.
"""

from __future__ import annotations

import datetime as dt

from smstrategy.built_in import eight_step, popt, roadmap
from smstrategy.elements import (
    Audience,
    Automation,
    Channel,
    ChannelKind,
    Comparison,
    ContentCategory,
    ContentMix,
    Goal,
    GoalKind,
    ListeningPanel,
    Member,
    Metric,
    Period,
    PeriodUnit,
    Platform,
    Policy,
    Priority,
    Profile,
    Relative,
    Review,
    Team,
    TimeBudget,
)
from smstrategy.stages import Stage

__all__: list[str] = []

_QUARTERLY = Period(unit=PeriodUnit.QUARTER)
_MONTHLY = Period(unit=PeriodUnit.MONTH)

# --- a council ------------------------------------------------------------------------------

_RESIDENTS = Audience(
    name="Residents",
    priority=1,
    demographics=("everyone who lives in the district", "all ages"),
    values=("services that work", "being heard before decisions are made"),
)
_BUSINESSES = Audience(
    name="Local businesses",
    priority=2,
    demographics=("shops, firms and farms in the district",),
    motivations=("news on roadworks, permits and support schemes",),
)
_INFORMED = Goal(
    statement="Residents hear about consultations in time to take part",
    kind=GoalKind.INFORMATION_SHARING,
    metrics=(
        Metric(
            name="share of residents who saw a consultation notice",
            unit="%",
            awaits_baseline=True,
        ),
        Metric(
            name="responses to consultations from social",
            target=20,
            relative=Relative.PERCENT_CHANGE,
            unit="responses a quarter",
        ),
    ),
    deadline=dt.date(2027, 12, 31),
)
_SERVICE = Goal(
    statement="Questions asked on social media get an answer within a working day",
    kind=GoalKind.CUSTOMER_SERVICE,
    metrics=(
        Metric(
            name="median response time",
            target=8,
            comparison=Comparison.AT_MOST,
            unit="hours",
            baseline=30,
        ),
    ),
    deadline=dt.date(2027, 6, 30),
)


def _council_channel(network: str, cadence: float | None) -> Channel:
    return Channel(
        platform=Platform(name=network),
        handle="Fjordvik kommune",
        audiences=("Residents", "Local businesses"),
        goals=(_INFORMED.statement, _SERVICE.statement),
        owner="Communications team",
        cadence=cadence,
    )


_COUNCIL_CHANNELS = (
    _council_channel("Facebook", 5),
    _council_channel("Instagram", 3),
    _council_channel("LinkedIn", None),  # the strategy does not say how often
    Channel(
        platform=Platform(name="newsletter"),
        handle="Fjordvik news",
        kind=ChannelKind.NEWSLETTER,
        audiences=("Residents",),
        goals=(_INFORMED.statement,),
        owner="Communications team",
        cadence=0.25,
    ),
)


def council() -> roadmap.Roadmap:
    """Return a district council's communications strategy as a roadmap."""
    team = Team(
        members=(
            Member(
                name="Communications team",
                department="Communications",
                monitors=True,
                account_access=True,
            ),
            Member(
                name="Customer service centre",
                department="Customer service",
                monitors=True,
                account_access=True,
            ),
            Member(name="Emergency planning", department="Safety", account_access=True),
        ),
        training=("Plain language and accessibility, once a year",),
    )
    return roadmap.Roadmap(
        title="Fjordvik district council: communications 2027",
        stage=Stage.OPERATIONAL,
        profile=Profile.PUBLIC_BODY,
        reach=roadmap.Reach(audiences=(_RESIDENTS, _BUSINESSES)),
        messages=roadmap.Messages(
            key_messages=(
                "Your say shapes the district: consultations are open to everyone.",
                "Ask us anything here and a person from the council answers.",
            ),
            brand_perception="Open, helpful and easy to reach.",
        ),
        workforce=roadmap.Workforce(
            team=team,
            policy=Policy(
                rules=(
                    "Answer in plain language, without jargon.",
                    "Never discuss a resident's case in public; move it to a private message.",
                    "Check why a hashtag is trending before joining it.",
                ),
                hashtag_check=True,
                approval_required=True,
            ),
            time_budget=TimeBudget(hours_per_week=20),
        ),
        content=roadmap.ContentStrategy(
            mix=ContentMix(promotional=20, curated=30, engagement=50),
            themes=(
                "Consultations and decisions",
                "Services and opening hours",
                "Life in Fjordvik",
            ),
            sources=("Local clubs and associations", "The regional emergency services"),
        ),
        followers=roadmap.Followers(
            who_to_follow=("Local media", "Neighbouring councils", "The county"),
            tactics=("Share clubs' events so their members find the council's pages",),
        ),
        success=roadmap.SuccessDefinition(goals=(_INFORMED, _SERVICE)),
        measurement_of_effort=roadmap.EffortMeasurement(
            methods=("The networks' own statistics", "The consultation portal's sources"),
            review_every=_QUARTERLY,
        ),
        marketing=roadmap.MarketingSupport(
            marketing_goals=("More residents take part in consultations",),
            activities=("Announce each consultation on every channel the day it opens",),
        ),
        action_plan=roadmap.ActionPlan(
            channels=_COUNCIL_CHANNELS,
            scheduling_tool="The networks' own schedulers",
            monitors=("Communications team", "Customer service centre"),
        ),
        measurement=roadmap.Measurement(
            listening=ListeningPanel(
                brand_terms=("Fjordvik kommune", "#fjordvik"),
                sources=("Facebook groups", "Local newspaper comments"),
            ),
            report_every=_QUARTERLY,
            report_to=("The chief executive", "The council's communications committee"),
            review=Review(
                questions_for_us=("Which consultations drew most responses from social?",),
                questions_for_customers=("Did you hear about the consultation in time?",),
                reviewed_goals=(_INFORMED.statement, _SERVICE.statement),
                review_every=_QUARTERLY,
            ),
        ),
    )


# --- an open-source community ---------------------------------------------------------------

_CONTRIBUTORS = Audience(
    name="New contributors",
    priority=1,
    demographics=("developers who use the library at work or for fun",),
    motivations=("learn from reviews", "fix what bothers them"),
)
_USERS = Audience(
    name="Users",
    priority=2,
    demographics=("teams that build on the library",),
    values=("stable releases", "honest release notes"),
)
_NEWCOMERS = Goal(
    statement="More people make their first contribution",
    kind=GoalKind.ENGAGEMENT,
    metrics=(
        Metric(
            name="first-time contributors",
            target=25,
            relative=Relative.PERCENT_CHANGE,
            unit="people a quarter",
            baseline=16,
        ),
        Metric(
            name="replies to newcomers' questions within two days",
            target=80,
            unit="%",
        ),
    ),
    deadline=dt.date(2027, 12, 31),
)
_RELEASES = Goal(
    statement="Users hear about each release and what changed",
    kind=GoalKind.AWARENESS,
    metrics=(
        Metric(name="views of the release notes", target=5000, unit="a release", baseline=3100),
    ),
    deadline=dt.date(2027, 12, 31),
)


def community() -> popt.Popt:
    """Return an open-source project's plan for talking with its contributors and users."""
    channels = (
        Channel(
            platform=Platform(name="Mastodon"),
            handle="@quillkit@fosstodon.org",
            audiences=("New contributors", "Users"),
            goals=(_NEWCOMERS.statement, _RELEASES.statement),
            owner="Release team",
            cadence=3,
        ),
        Channel(
            platform=Platform(name="mailing list"),
            handle="quillkit-announce",
            kind=ChannelKind.MAILING_LIST,
            audiences=("Users",),
            goals=(_RELEASES.statement,),
            owner="Release team",
            cadence=0.5,
            automation=Automation.SCHEDULED,
        ),
        Channel(
            platform=Platform(name="Matrix"),
            handle="#quillkit:matrix.org",
            kind=ChannelKind.CHAT,
            audiences=("New contributors",),
            goals=(_NEWCOMERS.statement,),
            owner="Community managers",
        ),
    )
    return popt.Popt(
        title="Quillkit: community communications",
        stage=Stage.EXPERIMENTAL,
        profile=Profile.COMMUNITY,
        purpose=popt.Purpose(
            audiences=(_CONTRIBUTORS, _USERS),
            why="A project lives as long as new people join and users trust its releases.",
            what="Welcome newcomers, answer them quickly, and tell users what each release means.",
        ),
        objectives=popt.Objectives(goals=(_NEWCOMERS, _RELEASES)),
        priorities=popt.Priorities(
            items=(
                Priority(
                    activity="Point newcomers to issues marked as good first contributions",
                    rank=1,
                    objectives=(_NEWCOMERS.statement,),
                ),
                Priority(
                    activity="A short post and a mail for every release",
                    rank=2,
                    objectives=(_RELEASES.statement,),
                ),
            )
        ),
        tactics=popt.Tactics(
            channels=channels,
            time_budget=TimeBudget(
                hours_per_week=4, boundaries=("Volunteers choose their own hours.",)
            ),
            monitors=("Community managers",),
            review=Review(
                questions_for_us=("Which newcomers stayed for a second contribution, and why?",),
                questions_for_customers=("What nearly stopped you from contributing?",),
                reviewed_goals=(_NEWCOMERS.statement, _RELEASES.statement),
                review_every=_QUARTERLY,
            ),
        ),
    )


# --- a nonprofit ----------------------------------------------------------------------------

_DONORS = Audience(
    name="Monthly donors",
    priority=1,
    demographics=("adults across the region", "many over fifty"),
    psychographics=("want to see what their gift does",),
)
_VOLUNTEERS = Audience(
    name="Volunteers",
    priority=2,
    demographics=("students and retired people near the food banks",),
    motivations=("meet people", "do something useful on a free afternoon"),
)
_GIVING = Goal(
    statement="More people give every month",
    kind=GoalKind.SALES,
    metrics=(
        Metric(name="new monthly donors from social", target=120, unit="donors", baseline=0),
        Metric(
            name="cost per new donor",
            target=150,
            comparison=Comparison.AT_MOST,
            unit="NOK",
            platform=Platform.FACEBOOK,
        ),
    ),
    deadline=dt.date(2027, 12, 31),
)
_HELPING = Goal(
    statement="Every food bank has the volunteers it needs",
    kind=GoalKind.LEADS,
    metrics=(
        Metric(
            name="volunteer sign-ups",
            target=40,
            target_upper=60,
            comparison=Comparison.BETWEEN,
            unit="a quarter",
            category=ContentCategory.ENGAGEMENT,
        ),
    ),
    deadline=dt.date(2027, 12, 31),
)


def nonprofit() -> eight_step.EightStep:
    """Return a regional food bank charity's social media strategy in eight steps."""
    channels = (
        Channel(
            platform=Platform.FACEBOOK,
            handle="Matsentralen Vest",
            audiences=("Monthly donors", "Volunteers"),
            goals=(_GIVING.statement, _HELPING.statement),
            owner="Siri Haug",
            cadence=4,
        ),
        Channel(
            platform=Platform.INSTAGRAM,
            handle="@matsentralenvest",
            audiences=("Volunteers",),
            goals=(_HELPING.statement,),
            owner="Amir Saleh",
            cadence=3,
        ),
    )
    return eight_step.EightStep(
        title="Matsentralen Vest: social media 2027",
        stage=Stage.EXPERIMENTAL,
        profile=Profile.NONPROFIT,
        ark=eight_step.BuildAnArk(
            team=Team(
                members=(
                    Member(
                        name="Siri Haug",
                        role="Fundraiser",
                        department="Fundraising",
                        account_access=True,
                        monitors=True,
                    ),
                    Member(
                        name="Amir Saleh",
                        role="Volunteer coordinator",
                        department="Volunteers",
                        account_access=True,
                        monitors=True,
                    ),
                    Member(name="Berit Lund", role="Warehouse lead", department="Operations"),
                )
            ),
            shared_purpose="Less food wasted, fewer people hungry in the region.",
            policy=Policy(
                rules=(
                    "Never show the people we help without their written consent.",
                    "Check why a hashtag is trending before joining it.",
                ),
                hashtag_check=True,
            ),
        ),
        listen=eight_step.ListenAndCompare(
            panel=ListeningPanel(
                brand_terms=("Matsentralen Vest", "#matsentralen"),
                sources=("Facebook", "Instagram", "Regional news"),
            ),
            customer_insights=("Donors ask how much of each gift reaches the food banks.",),
        ),
        point=eight_step.ThePoint(
            purposes=(GoalKind.SALES,),
            statement="Turn people who care into people who give, every month.",
        ),
        metrics=eight_step.SuccessMetrics(
            goals=(_GIVING, _HELPING),
            tools=("Facebook's statistics", "The donor database"),
            review=Review(
                questions_for_us=("Which posts brought donors, and which brought volunteers?",),
                questions_for_customers=("What made you decide to give monthly?",),
                reviewed_goals=(_GIVING.statement, _HELPING.statement),
                review_every=_MONTHLY,
            ),
        ),
        audience=eight_step.AudienceAnalysis(audiences=(_DONORS, _VOLUNTEERS)),
        one_thing=eight_step.OneThing(
            statement="Every gift turns into a meal this week.",
            feeling="Hope you can see",
            proof_points=("Weekly figures of meals handed out", "Volunteers telling their day"),
        ),
        humanization=eight_step.Humanization(
            voice="Warm and direct, never pitying.",
            faces=("Siri Haug", "Amir Saleh"),
            practices=("Sign replies with a first name.",),
            response_hours=24,
        ),
        channels=eight_step.ChannelPlan(
            channels=channels,
            content_mix=ContentMix(promotional=30, curated=20, engagement=50),
            time_budget=TimeBudget(hours_per_week=6),
        ),
    )
