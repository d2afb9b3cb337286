"""The built-in rules: the advice of the source articles as checks.

Codes SMS1xx apply to building blocks wherever they sit in a plan; SMS2xx
belong to one framework each (and to its subclasses).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from smstrategy.audit import Account, Audit
from smstrategy.base import Framework
from smstrategy.built_in.eight_step import EightStep, Humanization, OneThing, ThePoint
from smstrategy.built_in.five_step import FiveStep
from smstrategy.built_in.popt import Popt, Purpose
from smstrategy.built_in.roadmap import MarketingSupport, Roadmap
from smstrategy.calendar import ContentPlan, weeks_of
from smstrategy.elements import (
    Audience,
    Automation,
    Calendar,
    Channel,
    ContentCategory,
    ContentMix,
    Goal,
    ListeningPanel,
    Member,
    Metric,
    MoneyBudget,
    Policy,
    Post,
    PostStatus,
    Review,
    Spend,
    Team,
    TimeBudget,
)
from smstrategy.i18n import Message
from smstrategy.rules.engine import Context, _parent_path
from smstrategy.rules.findings import Flag, Severity
from smstrategy.rules.guidelines import Guidelines
from smstrategy.rules.registry import rule
from smstrategy.rules.words import closest, mentions_any, significant, words
from smstrategy.stages import SIGNS

ERROR, WARNING, ADVICE = Severity.ERROR, Severity.WARNING, Severity.ADVICE

_FIVE_STEP = "Five-step model"
_EIGHT_STEP = "Eight-step model"
_POPT = "Purpose, objectives, priorities, tactics"
_ROADMAP = "Strategy roadmap"
_JOURNEY = "The social journey"


def _quoted(names: list[str]) -> tuple[Message, ...]:
    return tuple(Message("\u201c{name}\u201d", name=name) for name in names)


# --- goals and metrics ----------------------------------------------------------------------


@rule(
    Goal,
    code="SMS101",
    severity=ERROR,
    summary="A goal has no metric with a numeric target.",
    hint="Add a metric with a target number, so you can tell when the goal is met.",
    rationale=f"{_POPT}: objectives only help when they can be measured.",
)
def _goal_without_target(goal: Goal, ctx: Context) -> Iterator[Flag]:
    if any(metric.target is not None for metric in goal.metrics):
        return
    if any(metric.awaits_baseline for metric in goal.metrics):
        # The plan says when the target comes: a warning, not an error.
        yield Flag(
            Message(
                "The goal \u201c{goal}\u201d has no target yet; it waits for a baseline.",
                goal=goal.statement,
            ),
            severity=WARNING,
            hint=Message("Set the target as soon as the baseline is measured."),
        )
        return
    yield Flag(
        Message("The goal \u201c{goal}\u201d has no metric with a target.", goal=goal.statement)
    )


@rule(
    Goal,
    code="SMS102",
    severity=WARNING,
    summary="A goal has no deadline.",
    hint="Give the goal a date by which it should be met.",
    rationale=f"{_POPT}: a measurable goal shows when it is reached; a date says when to look.",
)
def _goal_without_deadline(goal: Goal, ctx: Context) -> Iterator[str]:
    if goal.deadline is None:
        yield Message("The goal \u201c{goal}\u201d has no deadline.", goal=goal.statement)


@rule(
    Goal,
    code="SMS103",
    severity=WARNING,
    summary="A goal's metrics do not fit its kind.",
    hint=(
        "Measure awareness by reach or impressions, traffic by clicks, leads by sign-ups, "
        "sales by conversions, service by response time."
    ),
    rationale=f"{_ROADMAP}: success is measured by what the goal is about.",
)
def _metrics_fit_kind(goal: Goal, ctx: Context) -> Iterator[str]:
    phrases = ctx.guidelines.metric_words.get(goal.kind)
    if not phrases or not goal.metrics:
        return
    if not any(mentions_any(words(metric.name), phrases) for metric in goal.metrics):
        yield Message(
            "None of the metrics of the {kind} goal \u201c{goal}\u201d measures {kind}.",
            kind=goal.kind,
            goal=goal.statement,
        )


@rule(
    Goal,
    code="SMS104",
    severity=WARNING,
    summary="A goal is measured by follower count or likes alone.",
    hint="Add a metric of what the followers do: visits, sign-ups, replies, purchases.",
    rationale=f"{_ROADMAP}: a small, relevant, engaged following beats a large one.",
)
def _vanity_metrics_only(goal: Goal, ctx: Context) -> Iterator[str]:
    if goal.metrics and all(_counts_followers(m, ctx.guidelines) for m in goal.metrics):
        yield Message(
            "The goal \u201c{goal}\u201d counts only followers or likes.", goal=goal.statement
        )


def _counts_followers(metric: Metric, guidelines: Guidelines) -> bool:
    """Whether *metric* counts followers or likes: not a rate, and not what followers do."""
    name = words(metric.name)
    if not mentions_any(name, guidelines.vanity_metric_words):
        return False
    if metric.unit.strip() == "%" or mentions_any(name, guidelines.rate_words):
        return False
    vanity = set(guidelines.vanity_metric_words)
    return not any(
        mentions_any(name, (p for p in phrases if p not in vanity))
        for phrases in guidelines.metric_words.values()
    )


# --- audiences ------------------------------------------------------------------------------


@rule(
    Audience,
    code="SMS111",
    severity=WARNING,
    summary="An audience lacks demographics or psychographics.",
    hint="Describe who they are (age, place, situation) and how they think (values, interests).",
    rationale=f"{_EIGHT_STEP}: know the target customer both by facts and by mindset.",
)
def _audience_described(audience: Audience, ctx: Context) -> Iterator[str]:
    name = audience.name
    # Mindset is psychographics, or the values and motivations that say the same in other words.
    mindset = audience.psychographics or audience.values or audience.motivations
    if not audience.demographics and not mindset:
        yield Message(
            "The audience \u201c{name}\u201d has no demographics and no psychographics.", name=name
        )
    elif not audience.demographics:
        yield Message("The audience \u201c{name}\u201d has no demographics.", name=name)
    elif not mindset:
        yield Message("The audience \u201c{name}\u201d has no psychographics.", name=name)


def _sections(pairs: tuple[tuple[str, Any], ...]) -> dict[str, list[tuple[str, Any]]]:
    """Group ``(path, node)`` pairs by the collection that holds them."""
    groups: defaultdict[str, list[tuple[str, Any]]] = defaultdict(list)
    for path, node in pairs:
        groups[_parent_path(path)].append((path, node))
    return groups


@rule(
    (Framework, ContentPlan),
    code="SMS112",
    severity=WARNING,
    summary="Several audiences in one section share a priority.",
    hint="Rank the audiences 1, 2, 3… so it is clear who comes first.",
    rationale=f"{_ROADMAP}: with several audiences, decide which matters most.",
)
def _audience_priorities(plan: Any, ctx: Context) -> Iterator[Flag]:
    for audiences in _sections(ctx.index.of(Audience)).values():
        seen: dict[int, str] = {}
        for path, audience in audiences:
            if audience.priority in seen:
                yield Flag(
                    Message(
                        "The audiences \u201c{first}\u201d and \u201c{second}\u201d "
                        "both have priority {priority}.",
                        first=seen[audience.priority],
                        second=audience.name,
                        priority=audience.priority,
                    ),
                    path=path,
                )
            else:
                seen[audience.priority] = audience.name


# --- content mix ----------------------------------------------------------------------------


def _concept_texts(plan: Framework, concept: str) -> list[tuple[str, tuple[str, ...]]]:
    """Return ``(path, texts)`` for the fields the framework names as *concept*.

    A field holds one text or several; anything else a framework may name so
    gives no text.
    """
    found = []
    for path, named in type(plan).concepts.items():
        if named == concept:
            step, _, field = path.partition(".")
            value = getattr(getattr(plan, step), field)
            items = value if isinstance(value, tuple) else (value,)
            found.append((path, tuple(item for item in items if isinstance(item, str))))
    return found


@rule(
    Framework,
    code="SMS121",
    severity=WARNING,
    summary="No key message, content theme or post carries what sets the organisation apart.",
    hint="Say what sets you apart in your key messages, themes and posts, so people meet it.",
    rationale=(
        f"{_FIVE_STEP}: uniqueness is the reason to choose you. "
        f"{_EIGHT_STEP}: say your one thing in everything you do."
    ),
)
def _differentiator_carried(plan: Framework, ctx: Context) -> Iterator[Flag]:
    promises = [(path, " ".join(texts)) for path, texts in _concept_texts(plan, "differentiator")]
    promises = [(path, text) for path, text in promises if significant(text)]
    if not promises:
        return
    carriers = [p.topic for _, p in ctx.index.of(Post)]
    for concept in ("key_messages", "themes"):
        for _, texts in _concept_texts(plan, concept):
            carriers.extend(texts)
    if not carriers:
        return  # nothing in the plan could carry it
    carried: set[str] = set()
    for text in carriers:
        carried |= significant(text)
    for path, promise in promises:
        if not significant(promise) & carried:
            yield Flag(
                Message(
                    "No key message, theme or post carries \u201c{differentiator}\u201d.",
                    differentiator=promise,
                ),
                path=path,
            )


@rule(
    ContentMix,
    code="SMS122",
    severity=WARNING,
    summary="The promotional share is above the guideline.",
    hint="Shift posts from promotion to useful outside material and conversation.",
    rationale=f"{_ROADMAP}: social media is two-way; constant promotion pushes people away.",
)
def _promotion_share(mix: ContentMix, ctx: Context) -> Iterator[str]:
    limit = ctx.guidelines.max_promotional_share
    if mix.promotional > limit:
        yield Message(
            "{share} % of the content is promotional; the guideline is {limit} %.",
            share=mix.promotional,
            limit=round(limit, 1),
        )


@rule(
    ContentMix,
    code="SMS123",
    severity=WARNING,
    summary="The content mix has no engagement content.",
    hint="Plan posts that start conversations: questions, replies, followers' own content.",
    rationale=f"{_ROADMAP}: companies need to listen and take part, not only broadcast.",
)
def _engagement_share(mix: ContentMix, ctx: Context) -> Iterator[str]:
    if mix.engagement <= 0:
        yield Message("No part of the content mix is set aside for conversation with followers.")


# --- channels -------------------------------------------------------------------------------


@rule(
    (Framework, ContentPlan),
    code="SMS131",
    severity=WARNING,
    summary="A section runs more tools or channels than the guideline.",
    hint="Start with the few channels where the audience is, and do them well.",
    rationale=(
        f"{_FIVE_STEP}: being very good at one tool beats being average at three. "
        f"{_POPT}: begin with two or three tools."
    ),
)
def _too_many_channels(plan: Any, ctx: Context) -> Iterator[Flag]:
    limit = ctx.guidelines.max_channels
    social = tuple((path, c) for path, c in ctx.index.of(Channel) if c.is_social)
    for where, channels in _sections(social).items():
        if len(channels) > limit:
            yield Flag(
                Message(
                    "{count} channels are planned; the guideline is {limit}.",
                    count=len(channels),
                    limit=limit,
                ),
                path=where,
            )


@rule(
    Channel,
    code="SMS132",
    severity=WARNING,
    summary="A channel serves none of the plan's audiences.",
    hint="Name the audiences the channel is for, or drop the channel.",
    rationale=f"{_FIVE_STEP}: the tools follow from the target. {_EIGHT_STEP}: channels come last.",
)
def _channel_without_audience(channel: Channel, ctx: Context) -> Iterator[str]:
    known = ctx.index.audience_names
    if known and not any(ctx.key(name) in known for name in channel.audiences):
        yield Message(
            "The channel \u201c{name}\u201d serves none of the plan's audiences.", name=channel.name
        )


@rule(
    Audience,
    code="SMS133",
    severity=WARNING,
    summary="An audience is reached by no channel.",
    hint="Add the audience to a channel where it spends time, or drop the audience.",
    rationale=f"{_FIVE_STEP}: each part of the plan is tied to the others.",
)
def _audience_without_channel(audience: Audience, ctx: Context) -> Iterator[str]:
    if ctx.index.of(Channel) and ctx.key(audience.name) not in ctx.index.served_audiences:
        yield Message("No channel reaches the audience \u201c{name}\u201d.", name=audience.name)


@rule(
    Channel,
    code="SMS134",
    severity=WARNING,
    summary="A channel has no owner.",
    hint="Name the person who owns the channel and answers for it.",
    rationale=f"{_ROADMAP}: decide who owns and runs each channel.",
)
def _channel_without_owner(channel: Channel, ctx: Context) -> Iterator[Flag]:
    if channel.owner is None:
        yield Flag(
            Message("Who owns the channel \u201c{name}\u201d is not stated.", name=channel.name),
            severity=ADVICE,
        )
    elif not channel.owner.strip():
        yield Flag(Message("Nobody owns the channel \u201c{name}\u201d.", name=channel.name))


@rule(
    Channel,
    code="SMS141",
    severity=WARNING,
    summary="A channel's posting frequency is outside the network's bounds.",
    hint="Post steadily, but not so often that followers tire of it.",
    rationale=f"{_ROADMAP}: keep a steady stream of content, but do not post too often.",
)
def _posting_frequency(channel: Channel, ctx: Context) -> Iterator[Flag | str]:
    if not channel.is_social:
        return
    if channel.cadence is None:
        yield Flag(
            Message("How often \u201c{name}\u201d posts is not stated.", name=channel.name),
            severity=ADVICE,
            hint=Message("State the posts a week planned, so the pace can be checked."),
        )
        return
    low, high = ctx.guidelines.posting_range(channel.platform)
    most = channel.most_per_week
    if channel.cadence < low:
        yield Message(
            "{cadence} posts a week on \u201c{name}\u201d "
            "is below the guideline of at least {low}.",
            cadence=channel.cadence,
            name=channel.name,
            low=low,
        )
    if high is not None and most is not None and most > high:
        yield Message(
            "{cadence} posts a week on \u201c{name}\u201d "
            "is above the guideline of at most {high}.",
            cadence=most,
            name=channel.name,
            high=high,
        )


@rule(
    Channel,
    code="SMS142",
    severity=WARNING,
    summary="A channel posts automatically with nobody reviewing.",
    hint="Schedule posts a person has written, or name a reviewer for automated ones.",
    rationale=f"{_ROADMAP}: scheduling ahead is good practice; robot posting is not.",
)
def _automation_without_review(channel: Channel, ctx: Context) -> Iterator[str]:
    if Automation.AUTOMATED in channel.automations and not channel.reviewer.strip():
        yield Message(
            "The channel \u201c{name}\u201d posts automatically and nobody reviews it.",
            name=channel.name,
        )


@rule(
    TimeBudget,
    code="SMS143",
    severity=WARNING,
    summary="The planned effort exceeds the time budget.",
    hint="Post less often, drop a channel, or set aside more time.",
    rationale=f"{_POPT}: decide how much time you can honestly give, and keep to it.",
)
def _effort_over_budget(budget: TimeBudget, ctx: Context) -> Iterator[str]:
    minutes = sum(ctx.guidelines.weekly_minutes(channel) for _, channel in ctx.index.of(Channel))
    hours = minutes / 60
    if hours > budget.hours_per_week:
        yield Message(
            "The channels need about {hours} hours a week; the budget is {budget}.",
            hours=round(hours, 1),
            budget=budget.hours_per_week,
        )


@rule(
    MoneyBudget,
    code="SMS144",
    severity=WARNING,
    summary="The planned spend exceeds the money budget.",
    hint="Spend less on some channels, or raise the budget on purpose.",
    rationale=f"{_FIVE_STEP}: decide what time and money to invest, and keep to it.",
)
def _spend_over_budget(budget: MoneyBudget, ctx: Context) -> Iterator[str]:
    if budget.planned > budget.amount:
        yield Message(
            "The channels are planned to spend {planned} {currency} in {weeks} weeks; the "
            "budget is {amount}.",
            planned=budget.planned,
            currency=budget.currency,
            weeks=budget.period_weeks,
            amount=budget.amount,
        )


@rule(
    Spend,
    code="SMS145",
    severity=WARNING,
    summary="Money is spent on a channel that serves no goal, or that the plan lacks.",
    hint="Tie the channel to a goal it serves, or move the money to one that does.",
    rationale=f"{_FIVE_STEP}: every tool must serve the direction the plan sets.",
)
def _spend_without_goal(spend: Spend, ctx: Context) -> Iterator[str]:
    if spend.amount <= 0:
        return
    found = ctx.index.channel_named(spend.channel)
    if found is None:
        yield Message(
            "Money is planned for \u201c{channel}\u201d, which is not one of the plan's channels.",
            channel=spend.channel,
        )
    elif not found[1].goals:
        yield Message(
            "Money is planned for \u201c{channel}\u201d, which serves no goal.",
            channel=found[1].name,
        )


# --- team and policy ------------------------------------------------------------------------


@rule(
    Team,
    code="SMS151",
    severity=WARNING,
    summary="Several people can use the accounts and there is no policy.",
    hint="Write a social media policy that everyone with access follows.",
    rationale=f"{_ROADMAP}: mistakes are easy to make; a policy prevents the common ones.",
)
def _access_without_policy(team: Team, ctx: Context) -> Iterator[str]:
    with_access = [m for m in team.members if m.account_access]
    if len(with_access) > 1 and not ctx.index.has_policy:
        yield Message(
            "{count} people can log in to the accounts, and there is no policy.",
            count=len(with_access),
        )


@rule(
    Policy,
    code="SMS152",
    severity=ADVICE,
    summary="The policy does not ask for hashtags to be checked before use.",
    hint="Add a rule to look up why a hashtag is trending before joining it.",
    rationale=f"{_ROADMAP}: joining a trending hashtag without checking it can go badly wrong.",
)
def _hashtag_check(policy: Policy, ctx: Context) -> Iterator[str]:
    if policy.written and not policy.hashtag_check:  # an empty policy is SMS151's business
        yield Message("The policy has no check of hashtags before they are used.")


@rule(
    Member,
    code="SMS154",
    severity=WARNING,
    summary="Someone outside the organisation can post, and nothing asks for approval.",
    hint="Have someone inside the organisation approve posts, or take the outside access away.",
    rationale=(
        f"{_ROADMAP}: the article's hashtag blunder came from an outside firm posting unchecked."
    ),
)
def _outsider_unchecked(member: Member, ctx: Context) -> Iterator[str]:
    if member.external and member.account_access and not ctx.index.approval_required:
        yield Message(
            "\u201c{name}\u201d works outside the organisation and can log in to the "
            "accounts, and no policy asks for posts to be approved.",
            name=member.name,
        )


@rule(
    (Framework, ContentPlan),
    code="SMS153",
    severity=WARNING,
    summary="Nobody monitors the accounts and answers followers.",
    hint="Name someone who watches the accounts, talks with followers and answers questions.",
    rationale=f"{_ROADMAP}: someone must keep watching the accounts and respond.",
)
def _nobody_monitors(plan: Any, ctx: Context) -> Iterator[Flag]:
    channels = ctx.index.of(Channel)
    if not channels or ctx.index.monitors:
        return
    where = _parent_path(channels[0][0])
    if ctx.index.names_people:
        yield Flag(
            Message("The plan names nobody who monitors the channels and answers."), path=where
        )
    else:  # the plan names no people at all: who monitors is not stated
        yield Flag(
            Message("Who monitors the channels and answers is not stated."),
            path=where,
            severity=ADVICE,
        )


# --- listening and assessment ---------------------------------------------------------------


@rule(
    ListeningPanel,
    code="SMS161",
    severity=WARNING,
    summary="Listening covers the brand but not its competitors.",
    hint="Add the competitors to listen to.",
    rationale=f"{_EIGHT_STEP}: listen to customers and competitors. {_ROADMAP}: a listening "
    "panel follows the brand and the competing brands.",
)
def _listening_competitors(panel: ListeningPanel, ctx: Context) -> Iterator[str]:
    if panel.brand_terms and not panel.competitors:
        yield Message("The listening panel follows the brand but no competitor.")


@rule(
    Review,
    code="SMS171",
    severity=WARNING,
    summary="The review has no questions for customers.",
    hint="Add questions to ask customers, such as what they like and what they would change.",
    rationale=f"{_FIVE_STEP}: assess by asking yourself and by asking your customers.",
)
def _customer_questions(review: Review, ctx: Context) -> Iterator[str]:
    if not review.questions_for_customers:
        yield Message("The review asks customers nothing.")


@rule(
    Review,
    code="SMS172",
    severity=WARNING,
    summary="A goal is not looked at by any review.",
    hint="List the goal among the goals a review looks at.",
    rationale=f"{_FIVE_STEP}: the assessment is tied to the direction it checks.",
)
def _goals_reviewed(review: Review, ctx: Context) -> Iterator[Flag]:
    reviews = ctx.index.of(Review)
    if reviews[0][1] is not review:  # the plan's reviews are judged together, once
        return
    reviewed = {ctx.key(name) for _, r in reviews for name in r.reviewed_goals}
    for path, goal in ctx.index.of(Goal):
        if ctx.key(goal.statement) not in reviewed:
            yield Flag(
                Message("No review looks at the goal \u201c{goal}\u201d.", goal=goal.statement),
                path=path,
            )


# --- per framework --------------------------------------------------------------------------


@rule(
    FiveStep,
    code="SMS201",
    severity=WARNING,
    summary="A step of the five-step model is empty.",
    hint="Fill in every step: the five carry equal weight.",
    rationale=f"{_FIVE_STEP}: the five parts weigh the same and depend on each other.",
)
def _five_steps_filled(plan: FiveStep, ctx: Context) -> Iterator[Flag]:
    for s in plan.empty_steps():
        if s.name in ctx.guidelines.optional_steps:
            continue
        yield Flag(
            Message("The step \u201c{step}\u201d is empty.", step=Message(s.title)), path=s.name
        )


@rule(
    EightStep,
    code="SMS211",
    severity=WARNING,
    summary="The ark does not span departments.",
    hint="Bring people from at least two departments on board.",
    rationale=f"{_EIGHT_STEP}: social media belongs to the whole company, not one desk.",
)
def _ark_spans_departments(plan: EightStep, ctx: Context) -> Iterator[Flag]:
    team = plan.ark.team
    departments = team.departments
    if len(departments) >= 2:  # noqa: PLR2004  # "spans" means at least two
        return
    unstated = sum(1 for m in team.members if not m.department.strip())
    if unstated or not team.members:
        # A department left out may be another one: ask for it rather than count it as none.
        yield Flag(
            Message(
                "People in the ark whose department is not stated: {unstated} of {total}.",
                unstated=unstated,
                total=len(team.members),
            )
            if team.members
            else Message("Who is in the ark is not stated."),
            severity=ADVICE,
            path="ark.team",
        )
    else:
        yield Flag(
            Message("Departments with people in the ark: {count}.", count=len(departments)),
            path="ark.team",
        )


@rule(
    ThePoint,
    code="SMS212",
    severity=WARNING,
    summary="The point of social media is not one purpose.",
    hint="Choose the one main purpose, such as awareness or sales.",
    rationale=f"{_EIGHT_STEP}: be specific about what social media is for.",
)
def _one_purpose(point: ThePoint, ctx: Context) -> Iterator[str]:
    if len(point.purposes) > 1:
        yield Message(
            "{count} purposes are named ({names}); pick one.",
            count=len(point.purposes),
            names=point.purposes,
        )
    elif not point.purposes:
        yield Message("No purpose is named.")


@rule(
    OneThing,
    code="SMS213",
    severity=WARNING,
    summary="The one thing is not stated.",
    hint="Say in one sentence the idea that should touch people's hearts.",
    rationale=f"{_EIGHT_STEP}: find the one thing that speaks to the heart, not the head.",
)
def _one_thing(one_thing: OneThing, ctx: Context) -> Iterator[str]:
    if not one_thing.statement.strip():
        yield Message("The plan has no one thing.")


@rule(
    EightStep,
    code="SMS214",
    severity=ERROR,
    summary="The channel plan refers to audiences or goals that earlier steps do not declare.",
    hint="Use the names of the audiences and goals declared in the earlier steps.",
    rationale=f"{_EIGHT_STEP}: the channel plan comes last and builds on the earlier answers.",
)
def _channel_plan_refers_back(plan: EightStep, ctx: Context) -> Iterator[Flag]:
    audiences = {ctx.key(a.name) for a in plan.audience.audiences}
    goals = {ctx.key(g.statement) for g in plan.metrics.goals}
    for i, channel in enumerate(plan.channels.channels):
        unknown = [n for n in channel.audiences if ctx.key(n) not in audiences]
        unknown += [n for n in channel.goals if ctx.key(n) not in goals]
        if unknown:
            yield Flag(
                Message(
                    "The channel \u201c{name}\u201d refers to {names}, "
                    "which no earlier step declares.",
                    name=channel.name,
                    names=_quoted(unknown),
                ),
                path=f"channels.channels[{i}]",
            )


@rule(
    Humanization,
    code="SMS215",
    severity=WARNING,
    summary="The engagement step sets no response time or names no faces.",
    hint="Name the people who speak for the organisation, and promise how fast they answer.",
    rationale=f"{_EIGHT_STEP}: people engage with people; show who answers, and answer quickly.",
)
def _humanized(step: Humanization, ctx: Context) -> Iterator[str]:
    if step.response_hours is None:
        yield Message("The engagement step sets no time within which people get an answer.")
    if not step.faces:
        yield Message("The engagement step names nobody the audience can put a face to.")


@rule(
    Purpose,
    code="SMS221",
    severity=WARNING,
    summary="The purpose does not answer who, why and what.",
    hint="Name the audiences (who), the reason to engage (why) and what you want to achieve.",
    rationale=f"{_POPT}: a purpose defines its who, its why and its what.",
)
def _purpose_answers(purpose: Purpose, ctx: Context) -> Iterator[str]:
    missing = tuple(
        word
        for word, answered in (
            (Message("who"), bool(purpose.audiences)),
            (Message("why"), bool(purpose.why.strip())),
            (Message("what"), bool(purpose.what.strip())),
        )
        if not answered
    )
    if missing:
        yield Message("The purpose does not say {missing}.", missing=missing)


@rule(
    Popt,
    code="SMS222",
    severity=ERROR,
    summary="A priority does not refer to a declared objective.",
    hint="Tie each priority to the statement of an objective it supports.",
    rationale=f"{_POPT}: priorities are the activities that support the objectives.",
)
def _priorities_refer_to_objectives(plan: Popt, ctx: Context) -> Iterator[Flag]:
    declared = {ctx.key(g.statement) for g in plan.objectives.goals}
    for i, priority in enumerate(plan.priorities.items):
        path = f"priorities.items[{i}]"
        unknown = [name for name in priority.objectives if ctx.key(name) not in declared]
        if not priority.objectives:
            yield Flag(
                Message(
                    "The priority \u201c{name}\u201d supports no objective.", name=priority.activity
                ),
                path=path,
            )
        elif unknown:
            yield Flag(
                Message(
                    "The priority \u201c{name}\u201d refers to {names}, "
                    "which is not among the objectives.",
                    name=priority.activity,
                    names=_quoted(unknown),
                ),
                path=path,
            )


_ROADMAP_QUESTIONS = 8


@rule(
    Roadmap,
    code="SMS231",
    severity=WARNING,
    summary="A strategy question of the roadmap is not answered.",
    hint="Answer every strategy question before putting the plan into action.",
    rationale=f"{_ROADMAP}: well-thought-out questions are the cornerstone of the strategy.",
)
def _roadmap_answered(plan: Roadmap, ctx: Context) -> Iterator[Flag]:
    questions = Roadmap.steps()[:_ROADMAP_QUESTIONS]
    for s in plan.empty_steps():
        if s in questions:
            yield Flag(
                Message("The question \u201c{step}\u201d has no answer.", step=Message(s.title)),
                path=s.name,
            )


@rule(
    Framework,
    code="SMS241",
    severity=WARNING,
    summary="The journey stage the plan claims is not supported by what is known of it.",
    hint=(
        "Add what the claimed stage needs, check with results to show what happened, or claim "
        "the stage the evidence shows."
    ),
    rationale=f"{_JOURNEY}: each stage has signs; claiming one without them hides the risks.",
)
def _claimed_stage(plan: Framework, ctx: Context) -> Iterator[Flag]:
    from smstrategy.journey import assess, plan_evidence

    if plan.stage is None:
        return
    position = assess(plan_evidence(ctx), guidelines=ctx.guidelines)
    if position.stage < plan.stage:
        missing = tuple(
            Message(s.label)
            for s in SIGNS
            if s.stage <= plan.stage and not position.evidence.holds(s)
        )
        yield Flag(
            Message(
                "The plan claims the {claimed} stage, but what is known of it shows {shown}. "
                "Missing: {missing}.",
                claimed=plan.stage,
                shown=position.stage,
                missing=missing,
            ),
            path="stage",
        )


@rule(
    MarketingSupport,
    code="SMS232",
    severity=WARNING,
    summary="The marketing support step names no marketing goal the social goals serve.",
    hint="Name the marketing goals the social media work supports, such as a fuller shop.",
    rationale=f"{_ROADMAP}: social media should support the organisation's other marketing.",
)
def _supports_marketing(step: MarketingSupport, ctx: Context) -> Iterator[str]:
    if step.activities and not step.marketing_goals:  # an empty step is SMS231's business
        yield Message(
            "The marketing support step lists activities but no marketing goal they serve."
        )


# --- the audit ------------------------------------------------------------------------------


@rule(
    Account,
    code="SMS401",
    severity=WARNING,
    summary="An account has posted nothing for longer than the guideline.",
    hint="Revive the account with a plan and an owner, or close it.",
    rationale=f"{_JOURNEY}: profiles set up on impulse and left behind make a poor impression.",
)
def _abandoned(account: Account, ctx: Context) -> Iterator[str]:
    if not isinstance(ctx.plan, Audit):
        return
    limit = ctx.guidelines.abandoned_after_days
    if account.last_post is None:
        yield Message("The account \u201c{handle}\u201d has never posted.", handle=account.handle)
    elif (ctx.plan.as_of - account.last_post).days > limit:
        days = (ctx.plan.as_of - account.last_post).days
        yield Message(
            "The account \u201c{handle}\u201d has not posted for {days} days.",
            handle=account.handle,
            days=days,
        )


@rule(
    Audit,
    code="SMS402",
    severity=WARNING,
    summary="Several accounts on one network.",
    hint="Merge the accounts into one, or give each a distinct, stated purpose.",
    rationale=f"{_JOURNEY}: the audit finds the accounts that split the audience.",
)
def _duplicate_accounts(audit: Audit, ctx: Context) -> Iterator[Flag]:
    first: dict[str, str] = {}
    for i, account in enumerate(audit.accounts):
        network = account.platform.name
        if network in first:
            yield Flag(
                Message(
                    "\u201c{handle}\u201d is a second {network} account, "
                    "besides \u201c{first}\u201d.",
                    handle=account.handle,
                    network=account.platform.title,
                    first=first[network],
                ),
                path=f"accounts[{i}]",
            )
        else:
            first[network] = account.handle


@rule(
    Account,
    code="SMS403",
    severity=WARNING,
    summary="An account has no owner.",
    hint="Name the person who owns the account and its login.",
    rationale=f"{_ROADMAP}: decide who owns and runs each channel.",
)
def _ownerless(account: Account, ctx: Context) -> Iterator[str]:
    if not account.owner.strip():
        yield Message("Nobody owns the account \u201c{handle}\u201d.", handle=account.handle)


@rule(
    Audit,
    code="SMS404",
    severity=ADVICE,
    summary="An account is on a network the plan does not use.",
    hint="Add the network to the plan, or close the account.",
    rationale=f"{_FIVE_STEP}: the tools follow from the plan, not the other way round.",
)
def _unplanned_network(audit: Audit, ctx: Context) -> Iterator[Flag]:
    if audit.plan_platforms is None:
        return
    used = set(audit.plan_platforms)
    for i, account in enumerate(audit.accounts):
        if account.platform not in used:
            yield Flag(
                Message(
                    "The plan does not use {network}, where \u201c{handle}\u201d is.",
                    network=account.platform.title,
                    handle=account.handle,
                ),
                path=f"accounts[{i}]",
            )


@rule(
    Account,
    code="SMS405",
    severity=ADVICE,
    summary="An account does not fit the brand.",
    hint="Bring the account's name, look and content in line with the brand.",
    rationale=f"{_JOURNEY}: the audit shows how the organisation appears today.",
)
def _off_brand(account: Account, ctx: Context) -> Iterator[str]:
    if not account.on_brand:
        yield Message(
            "The account \u201c{handle}\u201d does not fit the brand.", handle=account.handle
        )


# --- revisions ------------------------------------------------------------------------------


@rule(
    Framework,
    code="SMS301",
    severity=ADVICE,
    summary="The purpose or the goals changed since the previous revision.",
    hint="Make sure the change is meant: purpose and goals should hold steady; tactics may move.",
    rationale=f"{_POPT}: purpose and goals stay fairly constant while priorities and tactics "
    "change over time.",
)
def _stable_purpose_and_goals(plan: Framework, ctx: Context) -> Iterator[Flag]:
    from smstrategy.revisions import diff

    if ctx.previous is None:
        return
    stable = {s.title for s in plan.steps() if s.stable}
    for change in diff(ctx.previous, plan):
        if change.step in stable or Goal in change.within:
            if Goal in change.within:
                template = "A goal changed since the previous revision ({kind}: {path})."
            else:
                template = "A purpose changed since the previous revision ({kind}: {path})."
            yield Flag(
                Message(template, kind=change.kind, path=change.path),
                path=change.path,
            )


# --- content calendars ----------------------------------------------------------------------


def _social_channels(ctx: Context) -> dict[str, Channel]:
    """Return the plan's social channels by path; posts name them as ``channel_named`` reads."""
    return {path: channel for path, channel in ctx.index.of(Channel) if channel.is_social}


@rule(
    Calendar,
    code="SMS501",
    severity=WARNING,
    summary="A week of the calendar posts more or less on a channel than the network's bounds.",
    hint="Spread the posts so each week keeps a steady stream without flooding followers.",
    rationale=f"{_ROADMAP}: post steadily, but posting too often drives an audience away.",
)
def _weekly_frequency(calendar: Calendar, ctx: Context) -> Iterator[str]:
    channels = _social_channels(ctx)
    weeks = weeks_of(calendar)
    last = weeks[-1][0] if weeks else 0
    for number, first_day, posts in weeks:
        counts: dict[str, int] = dict.fromkeys(channels, 0)
        for post in posts:
            found = ctx.index.channel_named(post.channel)
            if found is not None and found[0] in counts:
                counts[found[0]] += 1
        for path, count in counts.items():
            name = channels[path].name
            low, high = ctx.guidelines.posting_range(channels[path].platform)
            complete = number < last
            if high is not None and count > high:
                yield Message(
                    "Week {week} (from {first}) has {count} posts on \u201c{name}\u201d; "
                    "the guideline is at most {high}.",
                    week=number,
                    first=first_day,
                    count=count,
                    name=name,
                    high=high,
                )
            elif complete and count < low:
                yield Message(
                    "Week {week} (from {first}) has {count} posts on \u201c{name}\u201d; "
                    "the guideline is at least {low}.",
                    week=number,
                    first=first_day,
                    count=count,
                    name=name,
                    low=low,
                )


@rule(
    Post,
    code="SMS502",
    severity=WARNING,
    summary="An automated post has nobody to review it.",
    hint="Name a reviewer for the post, or write and schedule it by hand.",
    rationale=f"{_ROADMAP}: scheduling ahead is good practice; robot posting is not.",
)
def _post_without_review(post: Post, ctx: Context) -> Iterator[str]:
    if post.automation is Automation.AUTOMATED and not post.reviewer.strip():
        yield Message(
            "The post \u201c{topic}\u201d goes out automatically and nobody reviews it.",
            topic=post.topic,
        )


@rule(
    Calendar,
    code="SMS503",
    severity=WARNING,
    summary="A week of the calendar takes more time than the time budget.",
    hint="Post less in the busy weeks, or set aside more time.",
    rationale=f"{_POPT}: decide how much time you can honestly give, and keep to it.",
)
def _weekly_effort(calendar: Calendar, ctx: Context) -> Iterator[str]:
    budgets = ctx.index.of(TimeBudget)
    if not budgets:
        return
    budget = budgets[0][1].hours_per_week
    guidelines = ctx.guidelines
    for number, first_day, posts in weeks_of(calendar):
        minutes = 0.0
        for post in posts:
            found = ctx.index.channel_named(post.channel)
            channel = None if found is None else found[1]
            if channel is None:
                minutes += guidelines.default_minutes_per_post
            else:
                minutes += guidelines.minutes_for_channel(channel)
        if minutes / 60 > budget:
            yield Message(
                "Week {week} (from {first}) needs about {hours} hours; the budget is {budget}.",
                week=number,
                first=first_day,
                hours=round(minutes / 60, 1),
                budget=budget,
            )


@rule(
    Calendar,
    code="SMS504",
    severity=WARNING,
    summary="The calendar's mix of content drifts from the planned mix.",
    hint="Change the categories of some posts so the calendar follows the planned mix.",
    rationale=f"{_ROADMAP}: plan ahead so the right mix goes out at the right frequency.",
)
def _mix_drift(calendar: Calendar, ctx: Context) -> Iterator[str]:
    mixes = ctx.index.of(ContentMix)
    if not mixes or not calendar.posts:
        return
    mix = mixes[0][1]
    total = len(calendar.posts)
    tolerance = ctx.guidelines.mix_tolerance
    for category in ContentCategory:
        actual = 100 * sum(1 for p in calendar.posts if p.category is category) / total
        planned = mix.share(category)
        if abs(actual - planned) > tolerance:
            yield Message(
                "{actual} % of the posts are {category}; the plan says {planned} %.",
                actual=round(actual),
                category=category,
                planned=planned,
            )


@rule(
    Calendar,
    code="SMS505",
    severity=WARNING,
    summary="A channel stays silent for longer than the guideline.",
    hint="Add posts to the silent stretch, or drop the channel.",
    rationale=f"{_ROADMAP}: keep a steady stream of content on every channel.",
)
def _silent_channel(calendar: Calendar, ctx: Context) -> Iterator[str]:
    if not calendar.posts:
        return
    start = min(p.when for p in calendar.posts)
    end = max(p.when for p in calendar.posts)
    limit = dt.timedelta(days=ctx.guidelines.max_silent_days)
    channels = _social_channels(ctx)
    times: dict[str, list[dt.datetime]] = {path: [] for path in channels}
    for post in calendar.posts:
        found = ctx.index.channel_named(post.channel)
        if found is not None and found[0] in times:
            times[found[0]].append(post.when)
    for path, moments in times.items():
        name = channels[path].name
        marks = [start, *sorted(moments), end]
        longest = max(b - a for a, b in itertools.pairwise(marks))
        if longest > limit:
            yield Message(
                "\u201c{name}\u201d goes {days} days without a post.", name=name, days=longest.days
            )


_NOT_APPROVED = frozenset({PostStatus.IDEA, PostStatus.DRAFT})
_SCHEDULED = frozenset({Automation.SCHEDULED, Automation.AUTOMATED})


@rule(
    Post,
    code="SMS506",
    severity=WARNING,
    summary="A post is scheduled or published without approval, and the policy requires it.",
    hint="Approve each post before it is scheduled, and name who looked it over.",
    rationale=f"{_ROADMAP}: a policy only protects the brand when the work follows it.",
)
def _unapproved_post(post: Post, ctx: Context) -> Iterator[str]:
    if not ctx.index.approval_required:
        return
    if post.automation in _SCHEDULED and post.status in _NOT_APPROVED:
        yield Message(
            "The post \u201c{topic}\u201d is scheduled while its status is {status}, and the "
            "policy requires approval.",
            topic=post.topic,
            status=post.status,
        )
    elif post.status is PostStatus.PUBLISHED and not post.reviewer.strip():
        yield Message(
            "The post \u201c{topic}\u201d was published with nobody named as approving it, "
            "and the policy requires approval.",
            topic=post.topic,
        )


@rule(
    Post,
    code="SMS507",
    severity=ERROR,
    summary="A post names a channel the plan does not have.",
    hint="Name the channel as the plan does: by network and handle, by handle, or by network.",
    rationale=(
        f"{_ROADMAP}: the content calendar puts the plan's channels to work; "
        "a post on a channel nobody planned is never checked or counted."
    ),
)
def _post_on_unknown_channel(post: Post, ctx: Context) -> Iterator[Flag]:
    if not ctx.index.of(Channel) or ctx.index.channel_named(post.channel) is not None:
        return  # a calendar kept without its channels is not judged
    close = closest(post.channel, ctx.index.channel_names)
    yield Flag(
        Message(
            "The post \u201c{topic}\u201d names the channel \u201c{channel}\u201d, "
            "which the plan does not have.",
            topic=post.topic,
            channel=post.channel,
        ),
        hint=None
        if close is None
        else Message(
            "Did you mean \u201c{name}\u201d? Otherwise add the channel to the plan.", name=close
        ),
    )


@rule(
    Calendar,
    code="SMS508",
    severity=WARNING,
    summary="A day or an hour of the calendar has more posts on a channel than the plan allows.",
    hint="Move posts to other days or hours, so none goes over the channel's cap.",
    rationale=f"{_ROADMAP}: posting too much at once drives followers away.",
)
def _over_the_cap(calendar: Calendar, ctx: Context) -> Iterator[str]:
    # Counts are kept per channel (dates and datetimes as keys): no key object per post.
    days: dict[str, dict[dt.date, int]] = {}
    hours: dict[str, dict[dt.datetime, int]] = {}
    channels: dict[str, Channel] = {}
    for post in calendar.posts:
        found = ctx.index.channel_named(post.channel)
        if found is None:
            continue
        path, channel = found
        if path not in channels:
            channels[path] = channel
            days[path] = {}
            hours[path] = {}
        on_day, at_hour = days[path], hours[path]
        day = post.when.date()
        on_day[day] = on_day.get(day, 0) + 1
        hour = post.when.replace(minute=0, second=0, microsecond=0)
        at_hour[hour] = at_hour.get(hour, 0) + 1
    for channel, day, count, cap in _over(days, channels, "max_per_day"):
        yield Message(
            "{day} has {count} posts on \u201c{name}\u201d; the plan allows {cap} a day.",
            day=day,
            count=count,
            name=channel.name,
            cap=cap,
        )
    for channel, hour, count, cap in _over(hours, channels, "max_per_hour"):
        yield Message(
            "{hour} has {count} posts on \u201c{name}\u201d; the plan allows {cap} an hour.",
            hour=hour,
            count=count,
            name=channel.name,
            cap=cap,
        )


def _over(
    counts: Mapping[str, Mapping[Any, int]], channels: Mapping[str, Channel], cap: str
) -> list[tuple[Channel, Any, int, int]]:
    """Return each channel, moment and count above the channel's cap named *cap*, by moment."""
    found = []
    for path, moments in counts.items():
        limit = getattr(channels[path], cap)
        if limit is not None:
            found += [
                (channels[path], moment, count, limit)
                for moment, count in moments.items()
                if count > limit
            ]
    found.sort(key=operator.itemgetter(1))
    return found
