"""How calendar exports and imports grow: 1,000, 10,000 and 100,000 posts.

For each export (iCalendar, CSV, bulk-scheduler CSV, XLSX) and each import
(iCalendar, CSV, XLSX) it times the job on a calendar and on one ten times
larger in alternating rounds, and prints the median of the rounds' ratios:
linear growth shows as about 10 (the budget is 11).  It also prints the peak
memory (``tracemalloc``) of each job, and of rendering the calendar to HTML, on
the largest calendar as a multiple of the memory the calendar itself takes
(the budget is 3).

    python benchmarks/calendar_io.py          # 1,000 -> 10,000 -> 100,000 posts
    python benchmarks/calendar_io.py --quick  # 100 -> 1,000 -> 10,000 posts
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from _timing import Row, show

import smstrategy as sms

START = dt.datetime(2027, 1, 4, 9)  # noqa: DTZ001  # local times of the calendar's zone
GROWTH_BUDGET = 11.0
MEMORY_BUDGET = 3.0


def calendar(size: int) -> sms.Calendar:
    """Return *size* posts on ten channels, five minutes apart, with text and links."""
    return sms.Calendar(
        posts=[
            sms.Post(
                when=START + dt.timedelta(minutes=5 * i),
                channel=f"Instagram @fjord{i % 10}",
                topic=f"Roast of the week {i}",
                text=f"Fresh from the roaster, batch {i}: notes of peach and jasmine.",
                link=f"https://example.com/beans/{i}",
                audience="Bergen coffee lovers",
                owner="Ingrid Dahl",
            )
            for i in range(size)
        ],
        timezone="Europe/Oslo",
    )


def jobs(value: sms.Calendar) -> dict[str, Callable[[], object]]:
    """Return each export of *value*, and each import of its exports."""
    ics, table, book = sms.to_ical(value), sms.calendar_to_csv(value), sms.calendar_to_xlsx(value)
    return {
        "export ics": lambda: sms.to_ical(value),
        "export csv": lambda: sms.calendar_to_csv(value),
        "export bulk-csv": lambda: sms.to_bulk_csv(value),
        "export xlsx": lambda: sms.calendar_to_xlsx(value),
        "import ics": lambda: sms.from_ical(ics),
        "import csv": lambda: sms.read_calendar_csv(table),
        "import xlsx": lambda: sms.read_calendar_xlsx(book),
    }


def seconds(job: Callable[[], object]) -> float:
    gc.collect()
    began = time.perf_counter()
    job()
    return time.perf_counter() - began


def growth(small: Callable[[], object], large: Callable[[], object], rounds: int) -> float:
    """Return the median ratio of *large* to *small*, timed in alternating rounds."""
    small()
    return statistics.median(seconds(large) / seconds(small) for _ in range(rounds))


def own_memory(size: int) -> int:
    """Return the bytes a calendar of *size* posts takes, as tracemalloc counts them."""
    gc.collect()
    tracemalloc.start()
    value = calendar(size)
    taken = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del value
    return taken


def peak_memory(job: Callable[[], object]) -> int:
    """Return the peak bytes *job* allocates beyond what is held when it starts."""
    gc.collect()
    tracemalloc.start()
    job()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def rows(sizes: tuple[int, ...] = (1_000, 10_000, 100_000), rounds: int = 5) -> list[Row]:
    """Return the growth of each job per tenfold and its peak memory on the largest calendar."""
    made = {size: jobs(calendar(size)) for size in sizes}
    found = []
    for small, large in itertools.pairwise(sizes):
        for name in made[small]:
            ratio = growth(made[small][name], made[large][name], rounds)
            found.append(
                Row(f"calendar {name}, {large:,} posts", f"{small:,} posts", ratio, GROWTH_BUDGET)
            )
    largest = sizes[-1]
    own = own_memory(largest)
    value = calendar(largest)
    memory_jobs = {**made[largest], "render html": lambda: sms.render(value, "html")}
    for name, job in memory_jobs.items():
        peak = peak_memory(job)
        found.append(
            Row(
                f"peak memory of calendar {name}, {largest:,} posts",
                f"the calendar's own memory, {own / 2**20:.1f} MiB",
                peak / own,
                MEMORY_BUDGET,
                f"{peak / 2**20:.1f} MiB",
            )
        )
    return found


def main() -> None:
    """Print the rows."""
    show(rows((100, 1_000, 10_000)) if "--quick" in sys.argv else rows())


if __name__ == "__main__":
    main()
