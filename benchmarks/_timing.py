"""Timing helpers shared by the benchmarks: medians of repeated runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_seconds(work: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    """Return the median time of one call of *work*: *repeat* rounds of *number* calls."""
    work()
    rounds = []
    for _ in range(repeat):
        began = time.perf_counter()
        for _ in range(number):
            work()
        rounds.append((time.perf_counter() - began) / number)
    return statistics.median(rounds)


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


def verdict(ratio: float, budget: float) -> str:
    """Say whether a ratio keeps to its budget."""
    return (
        f"within the budget of {budget:g}x" if ratio <= budget else f"OVER the {budget:g}x budget"
    )


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
