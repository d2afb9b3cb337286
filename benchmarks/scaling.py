"""How check() and render() grow with the size of a plan.

Builds the five-step example at 1x, 10x and 100x its size (audiences,
channels, goals, and a calendar of posts) and prints the median time of
check() and render() at each size, timed in alternating rounds, with the
median ratio to the size before.  Budget: each 10x growth in size at most 11x
the time.

    python benchmarks/scaling.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time
from collections.abc import Callable

import attrs
from _timing import Row, alternating, show

import smstrategy as sms

BUDGET = 11.0
ROUNDS = 7


def scaled(factor: int) -> sms.Roadmap:
    """Return the roadmap example with its audiences, channels, goals and posts times *factor*."""
    plan = sms.example("roadmap")
    audiences = tuple(
        attrs.evolve(a, name=f"{a.name} {i}", priority=i * 2 + n + 1)
        for i in range(factor)
        for n, a in enumerate(plan.reach.audiences)
    )
    goals = tuple(
        attrs.evolve(g, statement=f"{g.statement} {i}")
        for i in range(factor)
        for g in plan.success.goals
    )
    channels = tuple(
        attrs.evolve(
            c,
            handle=f"{c.handle} {i}",
            audiences=tuple(f"{name} {i}" for name in c.audiences),
            goals=tuple(f"{name} {i}" for name in c.goals),
        )
        for i in range(factor)
        for c in plan.action_plan.channels
    )
    posts = tuple(
        attrs.evolve(p, when=p.when + dt.timedelta(minutes=i), channel=f"{p.channel} {i}")
        for i in range(factor)
        for p in plan.action_plan.calendar.posts
    )
    return attrs.evolve(
        plan,
        reach=sms.Reach(audiences=audiences),
        success=sms.SuccessDefinition(goals=goals),
        action_plan=attrs.evolve(
            plan.action_plan, channels=channels, calendar=sms.Calendar(posts=posts)
        ),
    )


def rows() -> list[Row]:
    """Time check() and render() at each size in turn, round after round; return the growth."""
    sizes = (1, 10, 100)
    plans = {factor: scaled(factor) for factor in sizes}
    found = []
    for name, job in (("check", sms.check), ("render", sms.render)):
        for factor in sizes:  # once each, before timing
            job(plans[factor])
        times = alternating(
            [lambda plan=plans[factor], job=job: _seconds(job, plan) for factor in sizes], ROUNDS
        )
        for (small, large), (before, after) in zip(
            itertools.pairwise(sizes), itertools.pairwise(times), strict=True
        ):
            ratio = statistics.median(a / b for a, b in zip(after, before, strict=True))
            found.append(
                Row(
                    f"`{name}` of the roadmap example at {large}x its size",
                    f"at {small}x",
                    ratio,
                    BUDGET,
                    f"{statistics.median(after) * 1e3:.1f} ms against "
                    f"{statistics.median(before) * 1e3:.1f} ms",
                )
            )
    return found


def _seconds(job: Callable[[sms.Roadmap], object], plan: sms.Roadmap) -> float:
    began = time.perf_counter()
    job(plan)
    return time.perf_counter() - began


def main() -> None:
    """Print the rows."""
    show(rows())


if __name__ == "__main__":
    main()
