"""How scorecards grow: 100 goals with 10, 100 and 1,000 observations per metric.

Each goal has one metric, measured daily, and a tenth of the days are also
measured on each of the plan's two channels, so the comparison of what works
grows with the rest.  The three sizes are timed in alternating rounds (10,
100, 1,000, then again), so that every size sees the same load on a busy
machine; for each round the time of a size is divided by the time of the size
before in that round, and the median of those ratios is printed.  Linear
growth shows as ratios near 10; the budget is 11.

    python benchmarks/scorecard_scaling.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time

import attrs
from _timing import Row, show

import smstrategy as sms

BUDGET = 11.0
GOALS = 100
SIZES = (10, 100, 1_000)
ROUNDS = 7
FIRST_DAY = dt.date(2024, 1, 1)


def plan_with_goals() -> sms.FiveStep:
    """Return the five-step example with GOALS goals of one metric each."""
    plan = sms.example("five-step")
    goals = tuple(
        sms.Goal(
            statement=f"Goal {i}",
            kind=sms.GoalKind.AWARENESS,
            metrics=(sms.Metric(name=f"reach {i}", target=10_000, baseline=100),),
            deadline=dt.date(2028, 12, 31),
        )
        for i in range(GOALS)
    )
    return attrs.evolve(plan, direction=attrs.evolve(plan.direction, goals=goals))


def results(per_metric: int) -> sms.Results:
    """Return *per_metric* daily observations of every goal's metric, and channel parts."""
    observations = []
    for i in range(GOALS):
        for day in range(per_metric):
            on = FIRST_DAY + dt.timedelta(days=day)
            observations.append(sms.Observation(metric=f"reach {i}", on=on, value=100 + day * 7))
            if day % 10 == 0:
                for channel, share in (("instagram", 0.7), ("facebook", 0.3)):
                    observations.append(
                        sms.Observation(
                            metric=f"reach {i}", on=on, value=day * share, channel=channel
                        )
                    )
    return sms.Results(observations=observations)


def rows() -> list[Row]:
    """Time the scorecard at each size in alternating rounds; return each tenfold's growth."""
    plan = plan_with_goals()
    data = {size: results(size) for size in SIZES}
    as_of = FIRST_DAY + dt.timedelta(days=max(SIZES))
    for size in SIZES:  # once each, before timing
        sms.scorecard(plan, data[size], as_of=as_of)
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    for _ in range(ROUNDS):
        for size in SIZES:
            began = time.perf_counter()
            sms.scorecard(plan, data[size], as_of=as_of)
            times[size].append(time.perf_counter() - began)
    found = []
    for before, size in itertools.pairwise(SIZES):
        ratio = statistics.median(
            now / then for now, then in zip(times[size], times[before], strict=True)
        )
        found.append(
            Row(
                f"scorecard of {GOALS} goals, {len(data[size].observations):,} observations",
                f"{len(data[before].observations):,} observations",
                ratio,
                BUDGET,
                f"{statistics.median(times[size]) * 1e3:.1f} ms against "
                f"{statistics.median(times[before]) * 1e3:.1f} ms",
            )
        )
    return found


def main() -> None:
    """Print the rows."""
    show(rows())


if __name__ == "__main__":
    main()
