"""Side-by-side timing: alternate two variants in one run and report their ratio.

Machines here are shared and noisy, so a figure is never an absolute time: both variants run
interleaved, round after round, and the report is the ratio of their medians.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from rich.progress import Progress


@dataclass(frozen=True, slots=True)
class Comparison:
    """Medians of a variant and its baseline, and their ratio."""

    name: str
    baseline_ms: float
    variant_ms: float
    rounds: int

    @property
    def ratio(self) -> float:
        """variant / baseline (1.0 = no overhead)."""
        return self.variant_ms / self.baseline_ms if self.baseline_ms else float("nan")

    def line(self) -> str:
        """One printable line."""
        return (
            f"{self.name}: baseline {self.baseline_ms:.2f} ms, variant {self.variant_ms:.2f} ms, "
            f"ratio {self.ratio:.3f} over {self.rounds} rounds"
        )


async def compare(
    name: str,
    baseline: Callable[[], Awaitable[object]],
    variant: Callable[[], Awaitable[object]],
    *,
    rounds: int,
    warmup: int = 3,
    progress: bool = True,
) -> Comparison:
    """Run both callables alternately `rounds` times after a warm-up; compare medians."""
    for _ in range(warmup):
        await baseline()
        await variant()
    base_times: list[float] = []
    variant_times: list[float] = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task(name, total=rounds)
        for index in range(rounds):
            # Alternate which goes first so neither always gets the warmer cache.
            order = (
                ((baseline, base_times), (variant, variant_times))
                if index % 2 == 0
                else ((variant, variant_times), (baseline, base_times))
            )
            for function, times in order:
                started = time.perf_counter()
                await function()
                times.append((time.perf_counter() - started) * 1000)
            bar.advance(task)
    return Comparison(name, statistics.median(base_times), statistics.median(variant_times), rounds)
