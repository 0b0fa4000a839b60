"""Capacity: the gateway's memory under sustained load, and two instances against one.

Both measurements drive gateways in processes of their own (`bench.gateway_process`) with
the load generator in a third (`bench.loadgen`), over one data set: a seeded store, its notes
indexed, and the demo upstreams built from the same seed (`demo_dataset`; any `DataLoader`
can replace it).

- **capacity**: one gateway, background indexer on, under the load for the duration. The
  parent samples the gateway's VmRSS every half second; reported: peak RSS (VmHWM), RSS right
  after the warm-up, the growth of the last quarter's mean RSS over the first quarter's (a
  leak shows as growth), the throughput and the errors.
- **scaleout**: the same load (same concurrency and duration) first against one gateway, then
  spread round-robin over two, both with their background indexer on against the same
  PostgreSQL outbox and OpenSearch alias. Reported: throughput(2) / throughput(1) and the
  p50s, and the proof that the two indexers neither double-index nor lose a note
  (`IndexingEvidence`, checked by `verify`; a violated proof raises `ProofViolated`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from bench.environment import (
    DataLoader,
    DataSpec,
    Environment,
    LoadShape,
    demo_dataset,
    environment,
)
from bench.gateway_process import GatewayProcess
from bench.indexing_proof import (
    IndexingEvidence,
    count_rows,
    gather_evidence,
    indexer_counts,
    verify,
)
from bench.loadgen import LoadSummary, run_load
from bench.report import Figure
from store.db import create_engine, session_factory
from store.models import SearchOutbox

SAMPLE_SECONDS = 0.5
PEAK_RSS_TARGET_MIB = 400.0
GROWTH_TARGET = 1.10


@dataclass(frozen=True, slots=True)
class Sample:
    """The gateways' memory and CPU, and the machine's CPU, at one moment."""

    at: float  # wall clock, comparable with LoadSummary.measured_from / measured_to
    rss_mib: tuple[float, ...]  # per gateway
    cpu_seconds: tuple[float, ...]  # per gateway, used so far
    machine_seconds: float  # CPU time used so far by every process on the machine


def _machine_cpu_seconds() -> float:
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Sampled:
    """A load's summary and what the gateways did while it ran."""

    load: LoadSummary
    samples: list[Sample]

    @property
    def window(self) -> list[Sample]:
        """The samples inside the measured window (after the warm-up)."""
        load = self.load
        return [s for s in self.samples if load.measured_from <= s.at <= load.measured_to]

    @property
    def cpu(self) -> tuple[tuple[float, ...], float]:
        """Over the window: each gateway's CPU and the machine's, in cores busy."""
        first, last = self.window[0], self.window[-1]
        seconds = last.at - first.at
        per_gateway = tuple(
            (b - a) / seconds for a, b in zip(first.cpu_seconds, last.cpu_seconds, strict=True)
        )
        return per_gateway, (last.machine_seconds - first.machine_seconds) / seconds

    def cpu_line(self) -> str:
        """E.g. "gateway CPU 0.92 cores; machine 1.95 of 2 cores busy"."""
        gateways, machine = self.cpu
        each = " + ".join(f"{share:.2f}" for share in gateways)
        return f"gateway CPU {each} cores; machine {machine:.2f} of {os.cpu_count()} cores busy"


async def sampled_load(
    env: Environment, gateways: list[GatewayProcess], shape: LoadShape
) -> Sampled:
    """Run the load over `gateways`, sampling them every `SAMPLE_SECONDS` meanwhile."""
    task = asyncio.create_task(
        run_load(env.load([gateway.url for gateway in gateways], shape), env.directory)
    )
    samples: list[Sample] = []
    while not task.done():
        samples.append(
            Sample(
                time.time(),
                tuple(gateway.rss_mib() for gateway in gateways),
                tuple(gateway.cpu_seconds() for gateway in gateways),
                _machine_cpu_seconds(),
            )
        )
        await asyncio.wait({task}, timeout=SAMPLE_SECONDS)
    return Sampled(task.result(), samples)


@dataclass(frozen=True, slots=True)
class MemoryRun:
    """One gateway's load and memory."""

    sampled: Sampled
    peak_mib: float

    @property
    def measured(self) -> list[float]:
        """RSS samples inside the measured window (after the warm-up)."""
        return [sample.rss_mib[0] for sample in self.sampled.window]

    @property
    def growth(self) -> float:
        """Mean RSS of the last quarter of the window over the first quarter's."""
        window = self.measured
        quarter = max(1, len(window) // 4)
        return statistics.fmean(window[-quarter:]) / statistics.fmean(window[:quarter])


async def measure_memory(env: Environment, shape: LoadShape) -> MemoryRun:
    """One gateway under the load; its VmRSS sampled from here every `SAMPLE_SECONDS`."""
    with GatewayProcess(env.directory, env.settings) as gateway:
        sampled = await sampled_load(env, [gateway], shape)
        return MemoryRun(sampled, gateway.peak_rss_mib())


def memory_figures(run: MemoryRun, shape: LoadShape) -> list[Figure]:
    """Peak RSS, growth, throughput and errors of a `MemoryRun`."""
    load, window = run.sampled.load, run.measured
    errors = load.errors + load.warmup_errors
    return [
        Figure(
            f"gateway peak RSS under sustained load ({shape.concurrency} clients, "
            f"{shape.duration_seconds:.0f} s)",
            run.peak_mib,
            "MiB",
            f"<= {PEAK_RSS_TARGET_MIB:.0f} MiB",
            run.peak_mib <= PEAK_RSS_TARGET_MIB,
            f"VmHWM; RSS right after warm-up {window[0]:.0f} MiB, at the end {window[-1]:.0f} MiB"
            f" ({len(window)} samples)",
        ),
        Figure(
            "gateway RSS growth under load (last-quarter mean / first-quarter mean)",
            run.growth,
            "ratio",
            f"<= {GROWTH_TARGET:.2f}",
            run.growth <= GROWTH_TARGET,
            "leak check over the measured window",
        ),
        Figure(
            "sustained load on one gateway: throughput",
            load.requests_per_second,
            "req/s",
            detail=f"{load.requests} requests; p50 {_p50s(load)}; {run.sampled.cpu_line()}",
        ),
        Figure(
            "sustained load: errors",
            errors,
            "errors",
            "0",
            errors == 0,
            "; ".join(load.error_examples) or "warm-up included",
        ),
    ]


def _p50s(load: LoadSummary) -> str:
    return ", ".join(f"{name} {stats.p50_ms:.0f} ms" for name, stats in load.operations.items())


@dataclass(frozen=True, slots=True)
class Phase:
    """One scale-out phase: the load over N gateways, and the indexing evidence after it."""

    processes: int
    sampled: Sampled
    evidence: IndexingEvidence

    @property
    def load(self) -> LoadSummary:
        """The load generator's summary."""
        return self.sampled.load


async def run_phase(env: Environment, gateways: list[GatewayProcess], shape: LoadShape) -> Phase:
    """The load over `gateways`; the outbox drained; the indexing proof checked."""
    engine = create_engine(env.dataset.store_url)
    sessions = session_factory(engine)
    urls = [gateway.url for gateway in gateways]
    try:
        first_row = await count_rows(sessions, select(func.max(SearchOutbox.id)))
        before = [await indexer_counts(url) for url in urls]
        sampled = await sampled_load(env, gateways, shape)
        evidence = await gather_evidence(sessions, env, urls, first_row, before, sampled.load)
    finally:
        await engine.dispose()
    verify(evidence)
    return Phase(len(gateways), sampled, evidence)


async def scaleout(env: Environment, shape: LoadShape) -> tuple[Phase, Phase]:
    """The same load against one gateway, then against it and a second one.

    The second process starts only after the first phase: an idle indexer would otherwise
    claim rows of the one-process phase.
    """
    with contextlib.ExitStack() as stack:
        first = stack.enter_context(GatewayProcess(env.directory, env.settings))
        one = await run_phase(env, [first], shape)
        second = stack.enter_context(GatewayProcess(env.directory, env.settings))
        two = await run_phase(env, [first, second], shape)
    return one, two


def scaleout_figures(one: Phase, two: Phase) -> list[Figure]:
    """Throughput ratio, p50s, the proof's counts, errors."""
    ratio = two.load.requests_per_second / one.load.requests_per_second
    c360 = two.load.operations["customer360"].p50_ms / one.load.operations["customer360"].p50_ms
    proof = two.evidence
    errors = sum(p.load.errors + p.load.warmup_errors for p in (one, two))
    split = " / ".join(f"{count:,}" for count in proof.claimed)
    return [
        Figure(
            "scale-out: throughput, 2 gateway processes / 1 (same load)",
            ratio,
            "ratio",
            detail=f"{one.load.requests_per_second:.0f} vs {two.load.requests_per_second:.0f} "
            f"req/s; requests per process {_split(two.load)}; 1 process: "
            f"{one.sampled.cpu_line()}; 2 processes: {two.sampled.cpu_line()}",
        ),
        Figure(
            "scale-out: Customer360 p50, 2 processes / 1",
            c360,
            "ratio",
            detail=f"1 process: {_p50s(one.load)}; 2 processes: {_p50s(two.load)}",
        ),
        Figure(
            "scale-out: outbox rows indexed once by two indexers",
            proof.outbox_rows,
            "rows",
            "claimed = created, both indexers > 0",
            True,
            f"claimed {split} (sum {sum(proof.claimed):,}); written {proof.written:,}, "
            f"stale {proof.stale}, retried {proof.retried}, dead letters {proof.dead_letters}",
        ),
        Figure(
            "scale-out: notes created under load, in OpenSearch at the store's version",
            proof.notes_checked,
            "notes",
            "all; index live docs = store live notes",
            True,
            f"missing or wrong version 0; live documents {proof.index_live:,} = live notes "
            f"{proof.store_live:,}; 1-process phase: {one.evidence.outbox_rows:,} rows claimed "
            f"once, {one.evidence.notes_checked:,} notes checked",
        ),
        Figure(
            "scale-out: errors under load (both phases)",
            errors,
            "errors",
            "0",
            errors == 0,
            "; ".join(one.load.error_examples + two.load.error_examples) or "warm-up included",
        ),
    ]


def _split(load: LoadSummary) -> str:
    return " / ".join(f"{count:,}" for count in load.per_target.values())


async def run_capacity(
    spec: DataSpec,
    shape: LoadShape,
    *,
    admin_dsn: str | None,
    opensearch_url: str | None,
    loader: DataLoader = demo_dataset,
) -> list[Figure]:
    """The `capacity` benchmark: load the data, measure one gateway's memory under load."""
    async with environment(
        spec, admin_dsn=admin_dsn, opensearch_url=opensearch_url, loader=loader
    ) as env:
        return memory_figures(await measure_memory(env, shape), shape)


async def run_scaleout(
    spec: DataSpec,
    shape: LoadShape,
    *,
    admin_dsn: str,
    opensearch_url: str,
    loader: DataLoader = demo_dataset,
) -> list[Figure]:
    """The `scaleout` benchmark: one gateway then two, the indexing proof after each."""
    async with environment(
        spec, admin_dsn=admin_dsn, opensearch_url=opensearch_url, loader=loader
    ) as env:
        return scaleout_figures(*await scaleout(env, shape))
