"""How check() grows with the size of a plan.

Builds the five-step example at 1x, 10x and 100x its size (audiences,
channels, goals) and prints the median time of check() at each size, and the
ratio of each size to the one before.  Linear growth shows as ratios near 10.

    python benchmarks/scaling.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import attrs

import smstrategy as sms


def scaled(factor: int) -> sms.FiveStep:
    """Return the five-step example with every collection *factor* times as long."""
    plan = sms.example("five-step")
    audiences = tuple(
        attrs.evolve(a, name=f"{a.name} {i}", priority=i * 2 + n + 1)
        for i in range(factor)
        for n, a in enumerate(plan.target.audiences)
    )
    goals = tuple(
        attrs.evolve(g, statement=f"{g.statement} {i}")
        for i in range(factor)
        for g in plan.direction.goals
    )
    channels = tuple(
        attrs.evolve(
            c,
            handle=f"{c.handle} {i}",
            audiences=tuple(f"{name} {i}" for name in c.audiences),
            goals=tuple(f"{name} {i}" for name in c.goals),
        )
        for i in range(factor)
        for c in plan.technology.channels
    )
    return attrs.evolve(
        plan,
        direction=attrs.evolve(plan.direction, goals=goals),
        target=attrs.evolve(plan.target, audiences=audiences),
        technology=attrs.evolve(plan.technology, channels=channels),
        assessment=attrs.evolve(plan.assessment, reviewed_goals=tuple(g.statement for g in goals)),
    )


def median_seconds(work: Callable[[], object], repeat: int = 7) -> float:
    """Return the median wall time of *work* over *repeat* runs, after one warm-up."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    previous = None
    for factor in (1, 10, 100):
        plan = scaled(factor)
        seconds = median_seconds(lambda plan=plan: sms.check(plan))
        ratio = "" if previous is None else f"  x{seconds / previous:.1f} for 10x the size"
        print(f"check  {factor:>3}x: {seconds * 1000:8.2f} ms{ratio}")
        previous = seconds


if __name__ == "__main__":
    main()
