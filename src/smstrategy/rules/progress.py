"""The results checks (SMS6xx): how the plan is doing against what happened.

They run when :func:`~smstrategy.check` is given results, and read the one
scorecard the check's context computes (see :mod:`smstrategy.scorecards`).
Paths that start with ``results.`` point into the results, not the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from smstrategy.base import Framework
from smstrategy.elements import Goal, Metric, fold
from smstrategy.i18n import Message
from smstrategy.pace import Status
from smstrategy.results import Voice
from smstrategy.rules.engine import Context
from smstrategy.rules.findings import Flag, Severity
from smstrategy.rules.registry import rule
from smstrategy.rules.words import closest

if TYPE_CHECKING:
    from smstrategy.scorecards import MetricScore

ERROR, WARNING, ADVICE = Severity.ERROR, Severity.WARNING, Severity.ADVICE

_FIVE_STEP = "Five-step model"
_POPT = "Purpose, objectives, priorities, tactics"
_ROADMAP = "Strategy roadmap"
_JOURNEY = "The social journey"


def _scores(ctx: Context) -> tuple[MetricScore, ...]:
    """Return every metric's score when the check has results, else nothing."""
    card = ctx.scorecard
    return () if card is None else card.scores


def _percent(share: float | None) -> int:
    return round(100 * (share or 0))


@rule(
    Framework,
    code="SMS601",
    severity=WARNING,
    summary="A metric is behind the pace that reaches its target by the deadline.",
    hint="Put more into what moves this metric, or revise its target or deadline on purpose.",
    rationale=f"{_POPT}: know what is working and what is not, and adapt.",
)
def _behind_pace(plan: Framework, ctx: Context) -> Iterator[Flag]:
    for score in _scores(ctx):
        if score.status is Status.BEHIND:
            yield Flag(
                Message(
                    "\u201c{metric}\u201d has come {progress} % of the way to its target; "
                    "the pace to the deadline expects {expected} %.",
                    metric=score.metric.name,
                    progress=_percent(score.progress),
                    expected=_percent(score.expected),
                ),
                path=score.path,
            )


@rule(
    Framework,
    code="SMS602",
    severity=WARNING,
    summary="A metric was not measured within the plan's review period.",
    hint="Measure the metric at every review, or say in the plan why it is measured less often.",
    rationale=(
        f"{_JOURNEY}: organisations that measure regularly grow faster. "
        f"{_FIVE_STEP}: assess the results round by round."
    ),
)
def _stale(plan: Framework, ctx: Context) -> Iterator[Flag]:
    card = ctx.scorecard
    if card is None:
        return
    for score in card.scores:
        if score.stale and score.latest_on is not None:
            yield Flag(
                Message(
                    "\u201c{metric}\u201d was last measured on {date}, {days} days ago; "
                    "the plan reviews every {period}.",
                    metric=score.metric.name,
                    date=score.latest_on,
                    days=(card.as_of - score.latest_on).days,
                    period=str(card.review_period),
                ),
                path=score.path,
            )


@rule(
    Framework,
    code="SMS603",
    severity=WARNING,
    summary="A metric of the plan has never been measured.",
    hint="Record the metric's value (its baseline first), or drop the metric from the plan.",
    rationale=f"{_ROADMAP}: define how success is measured, then measure it.",
)
def _never_measured(plan: Framework, ctx: Context) -> Iterator[Flag]:
    for score in _scores(ctx):
        if score.observations == 0:
            yield Flag(
                Message("\u201c{metric}\u201d has never been measured.", metric=score.metric.name),
                path=score.path,
            )


@rule(
    Framework,
    code="SMS604",
    severity=ERROR,
    summary="A goal's deadline has passed and a metric's target is not met.",
    hint="Set a new deadline or target on purpose, and note what the plan learned.",
    rationale=f"{_POPT}: know what is working and what is not, and adapt.",
)
def _missed(plan: Framework, ctx: Context) -> Iterator[Flag]:
    for score in _scores(ctx):
        if score.status is Status.MISSED:
            yield Flag(
                Message(
                    "The deadline {deadline} has passed and \u201c{metric}\u201d stands at "
                    "{latest}, against its target of {target}.",
                    deadline=score.deadline,
                    metric=score.metric.name,
                    latest=score.latest,
                    target=score.metric.target,
                ),
                path=score.path,
            )


def _suggest(name: str, known: dict[str, str]) -> Message | None:
    close = closest(name, known)
    if close is None:
        return None
    return Message(
        "Did you mean \u201c{name}\u201d? Otherwise correct the name in the results.", name=close
    )


@rule(
    Framework,
    code="SMS605",
    severity=ERROR,
    summary="Results name a metric, goal or channel the plan does not have.",
    hint="Correct the name in the results, or add what it names to the plan.",
    rationale=f"{_POPT}: results only help when they are tied to the plan's objectives.",
)
def _unknown_names(plan: Framework, ctx: Context) -> Iterator[Flag]:
    if ctx.results is None:
        return
    kinds = {
        "metric": {fold(m.name): m.name for _, m in ctx.index.of(Metric)},
        "goal": {fold(g.statement): g.statement for _, g in ctx.index.of(Goal)},
        "channel": ctx.index.channel_names,
    }
    found: dict[tuple[str, str], list[int]] = {}
    for i, observation in enumerate(ctx.results.observations):
        for kind, known in kinds.items():
            name = getattr(observation, kind)
            if name.strip() and fold(name) not in known:
                found.setdefault((kind, fold(name)), []).append(i)
    for (kind, _), rows in found.items():
        name = getattr(ctx.results.observations[rows[0]], kind)
        yield Flag(
            _unknown_message(kind, name),
            hint=_suggest(name, kinds[kind]),
            path=f"results.observations[{rows[0]}]",
        )


def _unknown_message(kind: str, name: str) -> Message:
    if kind == "metric":
        return Message(
            "The results name the metric \u201c{name}\u201d, which the plan does not have.",
            name=name,
        )
    if kind == "goal":
        return Message(
            "The results name the goal \u201c{name}\u201d, which the plan does not have.",
            name=name,
        )
    return Message(
        "The results name the channel \u201c{name}\u201d, which the plan does not have.",
        name=name,
    )


@rule(
    Framework,
    code="SMS606",
    severity=ADVICE,
    summary="A channel yields the least of a metric per hour of work.",
    hint="Put the hours where they yield most, or find out what would make this channel work.",
    rationale=(
        f"{_FIVE_STEP}: being really good at one tool beats being average at three. "
        f"{_POPT}: begin with two or three tools and adapt when necessary."
    ),
)
def _least_per_hour(plan: Framework, ctx: Context) -> Iterator[Flag]:
    card = ctx.scorecard
    if card is None:
        return
    ranked: dict[str, list[tuple[int, str, str, float]]] = {}
    for part in card.working:
        if part.by == "channel" and part.per_hour is not None:
            ranked.setdefault(part.metric, []).append(
                (part.rank, part.name, part.path, part.per_hour)
            )
    for metric, parts in ranked.items():
        if len(parts) < 2:  # noqa: PLR2004  # a comparison needs two channels
            continue
        parts.sort()
        _, best, _, best_rate = parts[0]
        _, name, path, rate = parts[-1]
        yield Flag(
            Message(
                "\u201c{channel}\u201d yields the least \u201c{metric}\u201d per hour of work: "
                "{rate} an hour, against {best_rate} on \u201c{best}\u201d.",
                channel=name,
                metric=metric,
                rate=round(rate, 1),
                best_rate=round(best_rate, 1),
                best=best,
            ),
            path=path,
        )


@rule(
    Framework,
    code="SMS607",
    severity=WARNING,
    summary="A question for customers has no answer from customers in the last review period.",
    hint="Ask customers the question again, in a post, a survey or at the counter.",
    rationale=f"{_FIVE_STEP}: the assessment asks customers as well as ourselves.",
)
def _unanswered(plan: Framework, ctx: Context) -> Iterator[Flag]:
    card = ctx.scorecard
    if card is None or ctx.results is None:
        return
    # The day before the period began, no earlier than the calendar's first day.
    since = dt.date.fromordinal(max(1, card.as_of.toordinal() - card.review_period.days))
    answered = {
        fold(f.question)
        for f in ctx.results.feedback
        if f.voice is Voice.CUSTOMERS and since < f.on <= card.as_of
    }
    for path, node in ctx.index.pairs():
        questions = getattr(node, "questions_for_customers", None)
        if type(questions) is not tuple:
            continue
        for i, question in enumerate(questions):
            if fold(question) not in answered:
                yield Flag(
                    Message(
                        "No customer has answered \u201c{question}\u201d since {since}.",
                        question=question,
                        since=since,
                    ),
                    path=f"{path}.questions_for_customers[{i}]",
                )
