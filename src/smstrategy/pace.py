"""The pace model: how far a metric has come, how far it should have, and what that says.

A straight line runs from where a metric stood at the start of measurement
(its baseline) to its target on the deadline.  These functions hold a value
against that line; :mod:`smstrategy.scorecards` applies them to a plan::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> from smstrategy import pace
    >>> cost = sms.Metric(name="cost per lead", target=50, comparison=sms.Comparison.AT_MOST)
    >>> pace.progress(cost, baseline=80, latest=65)
    0.5
    >>> pace.elapsed(dt.date(2027, 1, 1), dt.date(2027, 12, 31), as_of=dt.date(2027, 7, 2))
    0.5
"""

from __future__ import annotations

import datetime as dt
import enum
import statistics
from typing import TYPE_CHECKING

from smstrategy.elements import Comparison, Metric

if TYPE_CHECKING:
    from smstrategy.rules.guidelines import Guidelines

__all__ = ["Status", "direction", "elapsed", "judge", "progress", "trend"]


class Status(enum.StrEnum):
    """How a metric or a goal stands against its target and its pace."""

    MET = "met"
    AHEAD = "ahead"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    BEHIND = "behind"
    MISSED = "missed"
    NO_DATA = "no data"

    @property
    def rank(self) -> int:
        """0 for the worst status (missed) up to 6 for the best (met)."""
        return _WORST_FIRST.index(self)


_WORST_FIRST = (
    Status.MISSED,
    Status.BEHIND,
    Status.AT_RISK,
    Status.NO_DATA,
    Status.ON_TRACK,
    Status.AHEAD,
    Status.MET,
)


def direction(metric: Metric, baseline: float) -> int:
    """Return ``1`` where the path from *baseline* to the target goes up, ``-1`` where down.

    A floor is reached going up and a ceiling going down; one value or a
    range is reached from whichever side the baseline lies.
    """
    aim = metric.aim(baseline)
    if metric.comparison in (Comparison.AT_LEAST, Comparison.AT_MOST) or aim is None:
        return metric.comparison.direction
    return -1 if aim < baseline else 1


def progress(metric: Metric, baseline: float, latest: float) -> float:
    """Return the share of the way from *baseline* to the target that *latest* has come.

    A relative target counts from *baseline*; a range is reached at its near end.
    """
    aim = metric.aim(baseline)
    assert aim is not None  # noqa: S101  # a target, with a baseline to count from
    way = direction(metric, baseline)
    gap = way * (aim - baseline)
    if gap <= 0:  # the target was met from the start, or lies behind the baseline
        return 1.0 if metric.met(latest, baseline) else 0.0
    return way * (latest - baseline) / gap


def elapsed(start: dt.date, deadline: dt.date | None, as_of: dt.date) -> float | None:
    """Return the share of the time from *start* to *deadline* passed by *as_of*."""
    if deadline is None:
        return None
    if deadline <= start:
        return 1.0
    share = (as_of - start).days / (deadline - start).days
    return min(1.0, max(0.0, share))


def trend(values: list[tuple[dt.date, float]]) -> float | None:
    """Return the least-squares change per week of *values*, or ``None`` for fewer than two."""
    if len(values) < 2:  # noqa: PLR2004  # a line needs two points
        return None
    first = values[0][0]
    days = [(day - first).days for day, _ in values]
    slope, _ = statistics.linear_regression(days, [value for _, value in values])
    return slope * 7


def judge(
    metric: Metric,
    latest: float,
    progress: float,
    expected: float | None,
    trend: float | None,
    *,
    over: bool,
    guidelines: Guidelines,
    baseline: float | None = None,
) -> Status:
    """Return the status of *metric* at *latest*; *over* says the deadline has passed.

    *expected* is ``None`` for a metric without a deadline, which is then
    judged by the direction of its *trend* alone.  *baseline* is what a
    relative target counts from.  A value that has gone past one value or a
    range it should hold is at risk.
    """
    assert metric.target is not None  # noqa: S101  # judged only with a target
    if metric.met(latest, baseline):
        return Status.MET
    if over:
        return Status.MISSED
    if progress > 1:  # past the value or range it should have stopped at
        return Status.AT_RISK
    if expected is None:
        way = metric.comparison.direction if baseline is None else direction(metric, baseline)
        moving_away = trend is not None and trend * way < 0
        return Status.AT_RISK if moving_away else Status.ON_TRACK
    behind_by = expected - progress
    for limit, status in (
        (-guidelines.pace_ahead, Status.AHEAD),
        (guidelines.pace_tolerance, Status.ON_TRACK),
        (guidelines.pace_at_risk, Status.AT_RISK),
    ):
        if behind_by <= limit:
            return status
    return Status.BEHIND
