"""How content calendars grow, in fresh processes: a year of posts on 40 and on 400 channels.

Each job (build the calendar, check the content plan that holds it, render it,
and export it as iCalendar, CSV, bulk-scheduler CSV and XLSX) runs in a fresh
interpreter with the garbage collector on, as a program would run it: the
smaller size (10,400 posts), then the larger (104,000 posts), round after
round, so both see the same load.  Each round's ratio of the larger to the
smaller is taken, and the median printed: linear growth shows as about 10
(the budget is 11).

    python benchmarks/calendar_scaling.py
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

from _timing import Row, alternating, process_seconds, show

import smstrategy as sms

START = dt.date(2027, 1, 4)
PLATFORMS = [sms.Platform.INSTAGRAM, sms.Platform.FACEBOOK, sms.Platform.LINKEDIN, sms.Platform.X]
BUDGET = 11.0
ROUNDS = 5
SIZES = (40, 400)
#: Each job's own preparation, which is not timed, and the job.
JOBS = {
    "build": ("", "sms.build_calendar(chosen, mix, START, weeks=52)"),
    "check": ("", "sms.check(plan)"),
    "render": ("", "sms.render(calendar)"),
    "export ics": ("", "sms.to_ical(calendar)"),
    "export csv": ("", "sms.calendar_to_csv(calendar)"),
    # A scheduler publishes text: the posts get some.
    "export bulk-csv": (
        (
            "calendar = attrs.evolve(calendar, posts=[attrs.evolve(p, text=p.topic) "
            "for p in calendar.posts])"
        ),
        "sms.to_bulk_csv(calendar)",
    ),
    "export xlsx": ("", "sms.calendar_to_xlsx(calendar)"),
}
#: What each fresh process runs: it builds the calendar, then times one job.
PROGRAM = """
import sys, time
import attrs
sys.path.insert(0, {here!r})
from calendar_scaling import START, channels
import smstrategy as sms
mix = sms.ContentMix(promotional=25, curated=35, engagement=40)
chosen = channels({count})
calendar = sms.build_calendar(chosen, mix, START, weeks=52)
plan = sms.ContentPlan(
    title="A year", channels=chosen, mix=mix, monitors=("Ola",), calendar=calendar
)
{setup}
began = time.perf_counter()
{job}
print(time.perf_counter() - began)
"""


def channels(count: int) -> tuple[sms.Channel, ...]:
    """Return *count* channels posting five times a week."""
    return tuple(
        sms.Channel(
            platform=PLATFORMS[i % len(PLATFORMS)],
            handle=f"@fjord{i}",
            audiences=("Bergen coffee lovers",),
            owner="Ingrid Dahl",
            cadence=5,
        )
        for i in range(count)
    )


def rows() -> list[Row]:
    """Time each job in fresh processes, the sizes in turn; return each job's growth."""
    here = str(Path(__file__).parent)
    small, large = (len(channels(count)) * 5 * 52 for count in SIZES)
    found = []
    for name, (setup, job) in JOBS.items():
        programs = [PROGRAM.format(here=here, count=count, setup=setup, job=job) for count in SIZES]
        before, after = alternating(
            [lambda code=code: process_seconds(code) for code in programs], ROUNDS
        )
        ratio = statistics.median(a / b for a, b in zip(after, before, strict=True))
        found.append(
            Row(
                f"calendar {name}, {large:,} posts, fresh processes",
                f"{small:,} posts",
                ratio,
                BUDGET,
                f"{statistics.median(after):.2f} s against {statistics.median(before):.3f} s",
            )
        )
    return found


def main() -> None:
    """Print the rows."""
    show(rows())


if __name__ == "__main__":
    main()
