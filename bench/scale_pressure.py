"""One big account degrades everyone? Normal customers' Customer360 while the biggest is open.

A single client opens normal customers' Customer360 one after another, first on an idle
gateway, then while `HAMMERS` other clients (each its own subject, as separate users are)
open the biggest customer's Customer360 in a loop. The figures are the normal customers'
p50 / p95 in both phases, how many big-customer pages were served meanwhile, the errors
either side saw, and whether an upstream circuit breaker left the closed state: ``/health``
(admin token) is polled through the loaded phase, and the gateway's upstream call counter
(``c360_upstream_calls_total{outcome="error"}``) is read before and after.

The pair of phases is repeated for several rounds (an idle phase right before each loaded
one, so a machine whose load drifts compares like with like): each round's p50 and p95
ratios are kept, and the figure is their median, so one noisy sample (a p95 of 15 samples
is its second slowest) or one noisy round does not decide it. The pooled phases' ratios and
the machine's load average per round are reported beside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.loadgen import CUSTOMER360
from bench.scale import ask, client
from bench.scale_world import World

HAMMERS = 4
HEALTH_POLL_SECONDS = 0.5
_BREAKER = re.compile(r"breaker (open|half-open)")


@dataclass
class Phase:
    """Normal customers' Customer360 latencies in one phase, and their errors."""

    samples: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def p50(self) -> float:
        """Median, ms."""
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        """95th percentile (nearest rank), ms."""
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Round:
    """One idle phase and the loaded phase right after it, and the machine's load meanwhile."""

    idle: Phase
    loaded: Phase
    load_average: float
    """The 1-minute load average at the end of the round (the machine is shared)."""

    @property
    def p50_ratio(self) -> float:
        """Loaded p50 over idle p50."""
        return self.loaded.p50 / self.idle.p50

    @property
    def p95_ratio(self) -> float:
        """Loaded p95 over idle p95."""
        return self.loaded.p95 / self.idle.p95


@dataclass
class Pressure:
    """Every round's phases (pooled in `idle` and `loaded`), the big customer's load, and what
    the upstream guards saw."""

    records: int
    idle: Phase
    loaded: Phase
    rounds: list[Round] = field(default_factory=list)
    big_requests: int = 0
    big_errors: Counter[str] = field(default_factory=Counter)
    big_seconds: list[float] = field(default_factory=list)
    breakers: set[str] = field(default_factory=set)
    """Upstream sources seen with an open or half-open breaker while loaded."""
    health_polls: int = 0
    health_answers: int = 0
    """``/health`` polls made while loaded, and how many were answered (a busy gateway may not)."""
    upstream_errors: dict[str, float] = field(default_factory=dict)
    """Upstream calls that failed during the loaded phase, by source."""

    def add(self, round_: Round) -> None:
        """Keep one round, and pool its samples into `idle` and `loaded`."""
        self.rounds.append(round_)
        for pooled, phase in ((self.idle, round_.idle), (self.loaded, round_.loaded)):
            pooled.samples += phase.samples
            pooled.errors.update(phase.errors)

    @property
    def p50_ratio(self) -> float:
        """The median of the rounds' p50 ratios (the pooled ratio without rounds)."""
        if not self.rounds:
            return self.loaded.p50 / self.idle.p50
        return statistics.median(each.p50_ratio for each in self.rounds)

    @property
    def p95_ratio(self) -> float:
        """The median of the rounds' p95 ratios (the pooled ratio without rounds)."""
        if not self.rounds:
            return self.loaded.p95 / self.idle.p95
        return statistics.median(each.p95_ratio for each in self.rounds)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON of the figures."""
        return {
            "records": self.records,
            "hammers": HAMMERS,
            "idle": {"p50_ms": round(self.idle.p50, 2), "p95_ms": round(self.idle.p95, 2),
                     "samples": len(self.idle.samples), "errors": dict(self.idle.errors)},
            "loaded": {"p50_ms": round(self.loaded.p50, 2),
                       "p95_ms": round(self.loaded.p95, 2),
                       "samples": len(self.loaded.samples), "errors": dict(self.loaded.errors)},
            "p50_ratio": round(self.p50_ratio, 3),
            "p95_ratio": round(self.p95_ratio, 3),
            "pooled_p50_ratio": round(self.loaded.p50 / self.idle.p50, 3),
            "pooled_p95_ratio": round(self.loaded.p95 / self.idle.p95, 3),
            "rounds": [
                {"idle_p50_ms": round(each.idle.p50, 2), "idle_p95_ms": round(each.idle.p95, 2),
                 "loaded_p50_ms": round(each.loaded.p50, 2),
                 "loaded_p95_ms": round(each.loaded.p95, 2),
                 "p50_ratio": round(each.p50_ratio, 3), "p95_ratio": round(each.p95_ratio, 3),
                 "load_average": round(each.load_average, 2)}
                for each in self.rounds
            ],
            "big_requests": self.big_requests,
            "big_p50_ms": round(statistics.median(self.big_seconds) * 1000, 1)
            if self.big_seconds else None,
            "big_errors": dict(self.big_errors),
            "breakers_opened": sorted(self.breakers),
            "health_polls": self.health_polls,
            "health_answers": self.health_answers,
            "upstream_errors": self.upstream_errors,
        }  # fmt: skip


def _upstream_errors(metrics: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in metrics.splitlines():
        if line.startswith("c360_upstream_calls_total{") and 'outcome="error"' in line:
            source = re.search(r'source="([^"]+)"', line)
            if source:
                found[source.group(1)] = float(line.rsplit(" ", 1)[1])
    return found


async def _phase(http: httpx.AsyncClient, customers: list[str], samples: int) -> Phase:
    phase = Phase()
    for index in range(samples):
        started = time.perf_counter()
        _, errors = await ask(http, CUSTOMER360, customers[index % len(customers)])
        phase.samples.append((time.perf_counter() - started) * 1000)
        phase.errors.update(errors)
    return phase


async def measure_pressure(world: World, *, samples: int, rounds: int = 1) -> Pressure:
    """`rounds` times: an idle phase, then the same requests while `HAMMERS` clients open the
    biggest customer.

    Against a gateway of its own with the default settings (request deadline, breakers), as a
    deployment runs it; the measuring gateway's raised deadline would not be.
    """
    with world.another_gateway() as gateway:
        result = Pressure(max(world.big), Phase(), Phase())
        for _ in range(rounds):
            await _pressure(world, gateway.url, samples, result)
        return result


async def _pressure(world: World, url: str, samples: int, result: Pressure) -> None:
    big = world.big[result.records]
    normal = world.normal
    stop = asyncio.Event()
    async with contextlib.AsyncExitStack() as stack:
        http = await stack.enter_async_context(client(url, world.token()))
        admin = await stack.enter_async_context(
            client(url, world.token("admin-1", ("admin",)), timeout=10)
        )
        await _phase(http, normal, 3)  # warm: pools, compiled statements
        idle = await _phase(http, normal, samples)

        async def hammer(number: int) -> None:
            async with client(url, world.token(f"agent-{10 + number}")) as own:
                while not stop.is_set():
                    started = time.perf_counter()
                    _, errors = await ask(own, CUSTOMER360, big)
                    result.big_seconds.append(time.perf_counter() - started)
                    result.big_requests += 1
                    result.big_errors.update(errors)

        async def watch() -> None:
            while not stop.is_set():
                result.health_polls += 1
                with contextlib.suppress(httpx.HTTPError):
                    health = (await admin.get("/health")).text
                    result.health_answers += 1
                    for source, state in _health_breakers(health):
                        result.breakers.add(f"{source} ({state})")
                await asyncio.sleep(HEALTH_POLL_SECONDS)

        before = _upstream_errors((await admin.get("/metrics")).text)
        tasks = [asyncio.create_task(hammer(number)) for number in range(HAMMERS)]
        tasks.append(asyncio.create_task(watch()))
        try:
            await asyncio.sleep(1.0)  # let the big pages get under way
            loaded = await _phase(http, normal, samples)
        finally:
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
        result.add(Round(idle, loaded, os.getloadavg()[0]))
        after = _upstream_errors((await admin.get("/metrics")).text)
        for source, count in after.items():
            if count - before.get(source, 0.0) > 0:
                failed = count - before.get(source, 0.0)
                result.upstream_errors[source] = result.upstream_errors.get(source, 0.0) + failed


def _health_breakers(health: str) -> list[tuple[str, str]]:
    """(component, state) for every ``/health`` component whose detail names an unclosed breaker."""
    found: list[tuple[str, str]] = []

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            detail = node.get("detail")
            state = _BREAKER.search(detail) if isinstance(detail, str) else None
            if state:
                found.append((name, state.group(1)))
            for key, value in node.items():
                walk(value, str(key))
        elif isinstance(node, list):
            for value in node:
                walk(value, name)

    with contextlib.suppress(ValueError):
        walk(json.loads(health), "")
    return found
