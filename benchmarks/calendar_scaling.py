"""How content calendars grow: a year of posts on 4, 40 and 400 channels.

For each size it builds the calendar, checks it and renders it (Markdown and
iCalendar), and prints the median time of each and its ratio to the size
before.  Each size has ten times the posts of the one before, so linear growth
shows as ratios near 10.  The middle size has over 10,000 posts.

    python benchmarks/calendar_scaling.py
"""

from __future__ import annotations

import datetime as dt

from _timing import median_seconds

import smstrategy as sms

START = dt.date(2027, 1, 4)
PLATFORMS = [sms.Platform.INSTAGRAM, sms.Platform.FACEBOOK, sms.Platform.LINKEDIN, sms.Platform.X]


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


def main() -> None:
    """Time each stage at each size and print the ratios."""
    mix = sms.ContentMix(promotional=25, curated=35, engagement=40)
    previous: dict[str, float] = {}
    for count, repeat in ((4, 9), (40, 5), (400, 3)):
        chosen = channels(count)
        calendar = sms.build_calendar(chosen, mix, START, weeks=52)
        plan = sms.ContentPlan(
            title="A year", channels=chosen, mix=mix, monitors=("Ola",), calendar=calendar
        )
        work = {
            "build": lambda chosen=chosen: sms.build_calendar(chosen, mix, START, weeks=52),
            "check": lambda plan=plan: sms.check(plan),
            "render": lambda calendar=calendar: sms.render(calendar),
            "ical": lambda calendar=calendar: sms.to_ical(calendar),
        }
        for name, job in work.items():
            seconds = median_seconds(job, repeat=repeat)
            ratio = f"  x{seconds / previous[name]:.1f}" if name in previous else ""
            print(
                f"{name:<6} {count:>3} channels, {len(calendar.posts):>6} posts: "
                f"{seconds * 1000:9.1f} ms{ratio}"
            )
            previous[name] = seconds


if __name__ == "__main__":
    main()
