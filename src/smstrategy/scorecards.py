"""How the plan is doing, goal by goal and metric by metric, and what is working.

:func:`scorecard` holds a plan's metrics against what happened::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> plan = sms.example("five-step")
    >>> card = sms.scorecard(plan, sms.example_results("five-step"), as_of=dt.date(2027, 5, 31))
    >>> [(g.goal.kind.value, g.status.value) for g in card.goals]
    [('awareness', 'met'), ('sales', 'behind')]
    >>> reach = card.goals[0].metrics[0]
    >>> reach.latest, reach.status.value
    (40800, 'met')

**The pace model.**  Each metric is measured from its *start*, the date of its
first observation, where it stands at its ``baseline`` (or, without one, at
the first observed value).  A straight line runs from there to the target on
the goal's deadline.  ``progress`` is the share of the way from the baseline
to the target that the latest value has come; ``expected`` the share of the
time from the start to the deadline that has passed by ``as_of``.  The
comparison of the two gives the status, with margins from
:class:`~smstrategy.Guidelines`:

* ``met``: the latest value meets the target (``at least`` or ``at most``);
* ``missed``: the deadline has passed and the target is not met;
* ``ahead``: progress exceeds the pace by ``pace_ahead`` or more;
* ``on track``: progress is at most ``pace_tolerance`` behind the pace;
* ``at risk``: at most ``pace_at_risk`` behind;
* ``behind``: further behind than that;
* ``no data``: the metric has no observation on or before ``as_of``.

A metric without a deadline has no pace: it is on track while its trend does
not move away from the target, at risk when it does.  A metric without a
target has no status.  A goal's status is the worst of its metrics'.

The *trend* is the change per week, by least squares over the most recent
observations (``trend_observations`` of them); the *forecast* is where that
trend takes the latest value by the deadline.

**What is working.**  Observations that name a channel or a content category
are that part's outcome in the period since its previous observation.  Per
metric, each part's outcome per week is set against the posts a week (the
channel's cadence, or the category's share of all posts) and the hours a
week they take (minutes per post from the channel or the guidelines), and the
parts are ranked, best first.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from smstrategy import pace
from smstrategy import validators as v
from smstrategy.base import Framework
from smstrategy.elements import (
    Channel,
    ContentCategory,
    ContentMix,
    Goal,
    Metric,
    Period,
    TimeBudget,
    fold,
)
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError
from smstrategy.pace import Status
from smstrategy.results import Feedback, Observation, Results, Voice
from smstrategy.rules.findings import Finding
from smstrategy.rules.guidelines import Guidelines, resolve

if TYPE_CHECKING:
    from smstrategy.rules.engine import Context, Index

__all__ = [
    "FeedbackSummary",
    "GoalScore",
    "MetricScore",
    "Part",
    "Scorecard",
    "Status",
    "scorecard",
]


@attrs.frozen(kw_only=True)
class MetricScore:
    """Where one metric stands on ``as_of``; see the module's description for each figure."""

    #: Where the metric is in the plan, such as ``direction.goals[0].metrics[1]``.
    path: str
    metric: Metric
    #: The statement of the goal the metric measures, or ``""`` outside goals.
    goal: str
    deadline: dt.date | None
    #: The date of the first observation: the start of measurement.
    start: dt.date | None
    #: The value at the start: the metric's baseline, or the first observed value.
    baseline: float | None
    latest: float | None
    latest_on: dt.date | None
    #: How many observations count, up to ``as_of``.
    observations: int
    #: The share of the way from the baseline to the target the latest value has come.
    progress: float | None
    #: The share of the way the straight pace expects by ``as_of``.
    expected: float | None
    #: ``None`` for a metric without a target.
    status: Status | None
    #: The change per week over the recent observations.
    trend: float | None
    #: The value the trend reaches by the deadline.
    forecast: float | None
    #: Whether the newest observation is older than the review period.
    stale: bool
    #: The observations that count, ``(date, value)``, oldest first.
    history: tuple[tuple[dt.date, float], ...] = ()


@attrs.frozen(kw_only=True)
class GoalScore:
    """A goal, its metrics' scores and its status: the worst of theirs."""

    path: str
    goal: Goal
    status: Status
    metrics: tuple[MetricScore, ...]


@attrs.frozen(kw_only=True)
class Part:
    """One channel's or one content category's outcome on one metric, and its rank."""

    #: The metric's name, as the plan writes it.
    metric: str
    #: ``"channel"`` or ``"category"``.
    by: str
    #: The channel's name or the category.
    name: str
    #: The channel's path in the plan; ``""`` for a category.
    path: str
    posts_per_week: float | None
    hours_per_week: float | None
    #: The outcome per week: the mean observed value over the length of a period.
    per_week: float
    per_post: float | None
    per_hour: float | None
    #: 1 for the part that does best on this metric.
    rank: int


@attrs.frozen(kw_only=True)
class FeedbackSummary:
    """The answers to one question from one voice."""

    question: str
    voice: Voice
    answers: int
    #: The mean of the answers' scores, or ``None`` when none has a score.
    mean_score: float | None
    #: The newest answers with text, newest first.
    latest: tuple[Feedback, ...]


@attrs.frozen(kw_only=True)
class Scorecard:
    """How a plan is doing on ``as_of``: its goals, other metrics, what works, feedback.

    ``findings`` are the results checks (codes ``SMS6xx``): what to change.
    """

    title: str
    #: The key of the plan's framework.
    framework: str
    as_of: dt.date
    #: The review period: the plan's own, or the guidelines'.
    review_period: Period
    goals: tuple[GoalScore, ...]
    #: Metrics the plan holds outside any goal.
    metrics: tuple[MetricScore, ...]
    working: tuple[Part, ...]
    feedback: tuple[FeedbackSummary, ...]
    #: The hours a week the plan's channels take, and the time budget, where known.
    planned_hours: float | None
    budget_hours: float | None
    findings: tuple[Finding, ...] = ()

    @property
    def scores(self) -> tuple[MetricScore, ...]:
        """Every metric's score: those of the goals first, in plan order."""
        return (*(m for g in self.goals for m in g.metrics), *self.metrics)

    @property
    def counts(self) -> dict[Status, int]:
        """How many goals have each status, every status present."""
        counts = dict.fromkeys(Status, 0)
        for goal in self.goals:
            counts[goal.status] += 1
        return counts


# --- the computation ------------------------------------------------------------------------


def resolve_as_of(caller: str, results: Results, as_of: dt.date | None) -> dt.date:
    """Return *as_of*, or the newest date in *results*; refuse anything else."""
    if as_of is None:
        latest = results.latest
        if latest is None:
            expected = "a date (the results hold no date to take it from)"
            raise InvalidFieldValueError(caller, "as_of", expected, as_of)
        return latest
    v.a_date().check(caller, "as_of", as_of)
    return as_of


def scorecard(
    plan: Framework,
    results: Results,
    *,
    as_of: dt.date | None = None,
    guidelines: Guidelines | None = None,
) -> Scorecard:
    """Hold *plan* against *results* on *as_of*; see the module's description.

    *as_of* defaults to the newest date in the results; observations after it
    do not count.  Goals are found wherever the plan holds them, so every
    framework, built-in or your own, gets a scorecard.  *guidelines* replaces
    the default thresholds.
    """
    from smstrategy.rules.engine import Context, Index, run

    if not isinstance(plan, Framework):
        raise InvalidFieldTypeError("scorecard", "plan", "a plan (a Framework instance)", plan)
    if not isinstance(results, Results):
        raise InvalidFieldTypeError("scorecard", "results", "a Results value", results)
    rules = resolve("scorecard", guidelines, plan.profile)
    when = resolve_as_of("scorecard", results, as_of)
    context = Context(plan, rules, Index(plan), results=results, as_of=when)
    card = context.scorecard
    assert card is not None  # noqa: S101  # a plan with results always has one
    findings = run(context, ("SMS6",), None).findings
    return attrs.evolve(card, findings=findings)


def measure(context: Context) -> Scorecard:
    """Compute the scorecard of the plan, results and date a check's context holds."""
    plan, index, guidelines = context.plan, context.index, context.guidelines
    results, as_of = context.results, context.as_of
    assert isinstance(plan, Framework)  # noqa: S101  # the engine passes plans only
    assert results is not None  # noqa: S101
    assert as_of is not None  # noqa: S101
    review_period = index.review_period or guidelines.review_period
    observed = _Observed(results, as_of, index)
    measured = _Measure(observed, as_of, review_period, guidelines)
    goals = []
    in_goals: set[str] = set()
    for path, goal in index.of(Goal):
        scores = []
        for i, metric in enumerate(goal.metrics):
            where = f"{path}.metrics[{i}]"
            in_goals.add(where)
            scores.append(measured.score(where, metric, goal))
        statuses = [s.status for s in scores if s.status is not None]
        status = min(statuses, key=lambda s: s.rank) if statuses else Status.NO_DATA
        goals.append(GoalScore(path=path, goal=goal, status=status, metrics=tuple(scores)))
    loose = tuple(
        measured.score(path, metric, None)
        for path, metric in index.of(Metric)
        if path not in in_goals
    )
    budgets = index.of(TimeBudget)
    channels = index.of(Channel)
    return Scorecard(
        title=plan.title,
        framework=plan.key,
        as_of=as_of,
        review_period=review_period,
        goals=tuple(goals),
        metrics=loose,
        working=_working(observed, index, review_period, guidelines),
        feedback=_feedback(results, as_of, guidelines),
        planned_hours=(
            sum(guidelines.weekly_minutes(c) for _, c in channels) / 60 if channels else None
        ),
        budget_hours=budgets[0][1].hours_per_week if budgets else None,
    )


Values = dict[dt.date, float]


class _Observed:
    """The observations up to ``as_of``, grouped once for every lookup the scorecard makes."""

    def __init__(self, results: Results, as_of: dt.date, index: Index) -> None:
        channels = index.channel_references
        #: Whole values by (metric, goal), names folded; goal "" for any goal.
        self.totals: defaultdict[tuple[str, str], Values] = defaultdict(dict)
        #: Sums of the channels' values by (metric, goal), for metrics measured only in parts.
        self.parts: defaultdict[tuple[str, str], Values] = defaultdict(dict)
        #: Values by (metric, channel path) and by (metric, category).
        self.by_channel: defaultdict[tuple[str, str], Values] = defaultdict(dict)
        self.by_category: defaultdict[tuple[str, ContentCategory], Values] = defaultdict(dict)
        self.names: dict[str, str] = {}
        #: Customers' scores by question (folded) and day, for metrics measured by a survey.
        self.scores: defaultdict[str, dict[dt.date, list[float]]] = defaultdict(dict)
        for f in results.feedback:
            if f.voice is Voice.CUSTOMERS and f.score is not None and f.on <= as_of:
                self.scores[fold(f.question)].setdefault(f.on, []).append(f.score)
        for o in results.observations:
            if o.on > as_of:
                continue
            metric, goal = fold(o.metric), fold(o.goal)
            self.names.setdefault(metric, o.metric)
            if o.category is not None:
                _add(self.by_category[metric, o.category], o)
            elif not v.blank(o.channel):
                found = channels.get(fold(o.channel))
                if found is not None:
                    _add(self.by_channel[metric, found[0]], o)
                _add(self.parts[metric, goal], o)
            else:
                self.totals[metric, goal][o.on] = o.value

    def survey(self, question: str, agree_from: int) -> list[tuple[dt.date, float]]:
        """Return the share in per cent of scores at *agree_from* or more, by day, oldest first."""
        days = self.scores.get(fold(question), {})
        return [
            (day, 100 * sum(score >= agree_from for score in scores) / len(scores))
            for day, scores in sorted(days.items())
        ]

    def values(self, metric: str, goal: str) -> list[tuple[dt.date, float]]:
        """Return the metric's values for *goal* (folded names) by date, oldest first."""
        for source in (self.totals, self.parts):
            merged = {**source.get((metric, ""), {}), **source.get((metric, goal), {})}
            if merged:
                return sorted(merged.items())
        return []


def _add(values: Values, observation: Observation) -> None:
    values[observation.on] = values.get(observation.on, 0) + observation.value


class _Measure:
    """Scores metrics with the pace model."""

    def __init__(
        self, observed: _Observed, as_of: dt.date, period: Period, guidelines: Guidelines
    ) -> None:
        self.observed = observed
        self.as_of = as_of
        self.review_days = period.days
        self.guidelines = guidelines

    def score(self, path: str, metric: Metric, goal: Goal | None) -> MetricScore:
        deadline = goal.deadline if goal is not None else None
        statement = goal.statement if goal is not None else ""
        values = (
            self.observed.survey(metric.survey_question, metric.agree_from)
            if not v.blank(metric.survey_question)
            else self.observed.values(fold(metric.name), fold(statement))
        )
        if not values:
            return MetricScore(
                path=path,
                metric=metric,
                goal=statement,
                deadline=deadline,
                start=None,
                baseline=metric.baseline,
                latest=None,
                latest_on=None,
                observations=0,
                progress=None,
                expected=None,
                status=None if metric.target is None else Status.NO_DATA,
                trend=None,
                forecast=None,
                stale=False,
            )
        start, first = values[0]
        latest_on, latest = values[-1]
        baseline = first if metric.baseline is None else metric.baseline
        trend = pace.trend(values[-self.guidelines.trend_observations :])
        forecast = (
            latest + trend * (deadline - latest_on).days / 7
            if trend is not None and deadline is not None and deadline > latest_on
            else None
        )
        over = deadline is not None and self.as_of > deadline
        progress = expected = status = None
        if metric.target is not None:
            progress = pace.progress(metric, baseline, latest)
            expected = pace.elapsed(start, deadline, self.as_of)
            status = pace.judge(
                metric,
                latest,
                progress,
                expected,
                trend,
                over=over,
                guidelines=self.guidelines,
                baseline=baseline,
            )
        return MetricScore(
            path=path,
            metric=metric,
            goal=statement,
            deadline=deadline,
            start=start,
            baseline=baseline,
            latest=latest,
            latest_on=latest_on,
            observations=len(values),
            progress=progress,
            expected=expected,
            status=status,
            trend=trend,
            forecast=forecast,
            stale=not over and (self.as_of - latest_on).days > self.review_days,
            history=tuple(values),
        )


# --- what is working ------------------------------------------------------------------------


def _per_week(values: Values, review_days: int) -> float:
    """Return the mean value per week, each value the outcome of one period."""
    days = sorted(values)
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    period = statistics.median(gaps) if gaps else review_days
    return statistics.fmean(values.values()) * 7 / period


def _figures(
    name: str, path: str, posts: float | None, hours: float | None, per_week: float
) -> dict[str, Any]:
    """Return a part's figures: its outcome a week, and per post and per hour where known."""
    return {
        "name": name,
        "path": path,
        "posts_per_week": posts,
        "hours_per_week": hours,
        "per_week": per_week,
        "per_post": None if posts is None else per_week / posts,
        "per_hour": None if hours is None else per_week / hours,
    }


def _working(
    observed: _Observed, index: Index, period: Period, guidelines: Guidelines
) -> tuple[Part, ...]:
    directions = {fold(m.name): m for _, m in index.of(Metric)}
    channels = dict(index.of(Channel))
    review_days = period.days
    rows: defaultdict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (metric, path), values in observed.by_channel.items():
        channel = channels[path]
        posts = channel.cadence or None
        hours = guidelines.weekly_minutes(channel) / 60 or None
        per_week = _per_week(values, review_days)
        rows[metric, "channel"].append(_figures(channel.name, path, posts, hours, per_week))
    mixes = index.of(ContentMix)
    cadence = sum(c.cadence or 0 for c in channels.values())
    effort = sum(guidelines.weekly_minutes(c) for c in channels.values())
    for (metric, category), values in observed.by_category.items():
        posts = hours = None
        if mixes and cadence:
            posts = cadence * mixes[0][1].share(category) / 100 or None
            hours = effort * mixes[0][1].share(category) / 100 / 60 or None
        per_week = _per_week(values, review_days)
        rows[metric, "category"].append(_figures(category.value, "", posts, hours, per_week))
    parts: list[Part] = []
    for (metric, by), made in rows.items():
        known = directions.get(metric)
        name = known.name if known is not None else observed.names[metric]
        direction = known.comparison.direction if known is not None else 1
        made.sort(
            key=lambda p: (
                p["per_hour"] is None,
                -direction * (p["per_week"] if p["per_hour"] is None else p["per_hour"]),
                p["name"],
            )
        )
        parts.extend(
            Part(metric=name, by=by, rank=rank, **fields) for rank, fields in enumerate(made, 1)
        )
    return tuple(parts)


# --- feedback -------------------------------------------------------------------------------


def _feedback(
    results: Results, as_of: dt.date, guidelines: Guidelines
) -> tuple[FeedbackSummary, ...]:
    groups: dict[tuple[Voice, str], list[Feedback]] = {}
    for item in results.feedback:
        if item.on <= as_of:
            groups.setdefault((item.voice, fold(item.question)), []).append(item)
    voices = list(Voice)
    summaries = []
    for (voice, _), items in sorted(groups.items(), key=lambda kv: voices.index(kv[0][0])):
        scores = [f.score for f in items if f.score is not None]
        answered = sorted(
            (f for f in items if not v.blank(f.answer)), key=lambda f: f.on, reverse=True
        )
        summaries.append(
            FeedbackSummary(
                question=items[0].question,
                voice=voice,
                answers=len(items),
                mean_score=statistics.fmean(scores) if scores else None,
                latest=tuple(answered[: guidelines.latest_answers]),
            )
        )
    return tuple(summaries)
