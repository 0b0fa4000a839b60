"""Latency distributions of several variants, interleaved round by round on the same inputs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.progress import Progress

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Latencies:
    """Milliseconds of one variant over every round."""

    samples: tuple[float, ...]

    @property
    def p50(self) -> float:
        """Median."""
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        """95th percentile (nearest rank)."""
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Variants(Generic[T]):
    """Named async callables taking the same input."""

    functions: Mapping[str, Callable[[T], Awaitable[object]]]

    async def measure(
        self, inputs: Sequence[T], *, rounds: int, warmup: int = 2, progress: bool = False
    ) -> dict[str, Latencies]:
        """Each round runs every variant once on the round's input, in a rotating order."""
        names = list(self.functions)
        for index in range(warmup):
            for name in names:
                await self.functions[name](inputs[index % len(inputs)])
        samples: dict[str, list[float]] = {name: [] for name in names}
        with Progress(disable=not progress, transient=True) as bar:
            task = bar.add_task(" vs ".join(names), total=rounds)
            for index in range(rounds):
                shift = index % len(names)
                for name in names[shift:] + names[:shift]:
                    started = time.perf_counter()
                    await self.functions[name](inputs[index % len(inputs)])
                    samples[name].append((time.perf_counter() - started) * 1000)
                bar.advance(task)
        return {name: Latencies(tuple(values)) for name, values in samples.items()}
