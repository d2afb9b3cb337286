"""Timing helpers shared by the benchmarks: medians of repeated runs."""

from __future__ import annotations

import dataclasses
import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_process_seconds(code: str, repeat: int = 21) -> float:
    """Return the median wall time of a fresh interpreter running *code*."""
    command = [sys.executable, "-c", code]
    subprocess.run(command, check=True)
    rounds = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(command, check=True)
        rounds.append(time.perf_counter() - began)
    return statistics.median(rounds)


def paired(
    ours: Callable[[], object], baseline: Callable[[], object], rounds: int = 21, number: int = 100
) -> tuple[float, float, float]:
    """Time two jobs in alternating rounds; return their medians and the median ratio.

    Alternating rounds see the same load on a busy machine, so the median of
    the per-round ratios is steadier than a ratio of two separate medians.
    """
    ours()
    baseline()
    ours_times, base_times, ratios = [], [], []
    for _ in range(rounds):
        began = time.perf_counter()
        for _ in range(number):
            baseline()
        base = (time.perf_counter() - began) / number
        began = time.perf_counter()
        for _ in range(number):
            ours()
        mine = (time.perf_counter() - began) / number
        base_times.append(base)
        ours_times.append(mine)
        ratios.append(mine / base)
    return statistics.median(ours_times), statistics.median(base_times), statistics.median(ratios)


@dataclasses.dataclass(frozen=True)
class Row:
    """One figure a benchmark measured: a ratio against a baseline, and its budget if any."""

    figure: str
    baseline: str
    ratio: float
    budget: float | None
    detail: str = ""

    @property
    def verdict(self) -> str:
        """``met``, ``OVER``, or ``for information`` when there is no budget."""
        if self.budget is None:
            return "for information"
        return "met" if self.ratio <= self.budget else "OVER"


def show(rows: list[Row]) -> None:
    """Print each row on a line of its own."""
    for row in rows:
        budget = "" if row.budget is None else f", budget {row.budget:g}x: {row.verdict}"
        detail = f" ({row.detail})" if row.detail else ""
        print(f"{row.figure}: {row.ratio:.2f}x against {row.baseline}{detail}{budget}")


def table(rows: list[Row]) -> str:
    """Return the rows as one Markdown table."""
    lines = [
        "| figure | against | ratio | budget | verdict | measured |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        budget = "none" if row.budget is None else f"{row.budget:g}x"
        lines.append(
            f"| {row.figure} | {row.baseline} | {row.ratio:.2f}x | {budget} | {row.verdict} "
            f"| {row.detail} |"
        )
    return "\n".join(lines)


def alternating(jobs: list[Callable[[], float]], rounds: int) -> list[list[float]]:
    """Run each job once per round, in turn, for *rounds* rounds; return each job's results."""
    found: list[list[float]] = [[] for _ in jobs]
    for _ in range(rounds):
        for index, job in enumerate(jobs):
            found[index].append(job())
    return found


def process_seconds(code: str) -> float:
    """Run *code* in a fresh interpreter; it prints the seconds it timed, which are returned."""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])
