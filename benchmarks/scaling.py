"""How check() and render() grow with the size of a plan.

Builds the five-step example at 1x, 10x and 100x its size (audiences,
channels, goals, and a calendar of posts) and prints the median time of
check() and render() at each size, with the ratio to the size before.
Budget: each 10x growth in size at most 11x the time.

    python benchmarks/scaling.py
"""

from __future__ import annotations

import datetime as dt

import attrs
from _timing import median_seconds, verdict

import smstrategy as sms

BUDGET = 11.0


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


def main() -> None:
    """Time check() and render() at each size and print the ratios."""
    previous: dict[str, float] = {}
    for factor, number in ((1, 50), (10, 5), (100, 1)):
        plan = scaled(factor)
        for name, job in (("check", sms.check), ("render", sms.render)):
            seconds = median_seconds(lambda plan=plan, job=job: job(plan), repeat=9, number=number)
            if name in previous:
                ratio = seconds / previous[name]
                note = f"  x{ratio:.1f} for 10x the size, {verdict(ratio, BUDGET)}"
            else:
                note = ""
            print(f"{name:<6} {factor:>3}x: {seconds * 1000:8.2f} ms{note}")
            previous[name] = seconds


if __name__ == "__main__":
    main()
