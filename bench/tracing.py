"""Tracing's cost: the Customer360 query with tracing off, sampled out, and exporting.

``python -m bench.tracing [--customers N] [--rounds N] [--span-calls N] [--statement-blocks N]``
(the last two size the micro-measurements of one span site and one statement; the test's
tiny run makes them small). One seeded store and the demo upstreams serve three gateway
processes side by side, driven in interleaved rounds:

- off: no ``C360_OTLP_ENDPOINT`` (the default): no store listener, no upstream hook, and every
  span site returns at `core.tracing`'s module flag (the API's no-op tracer is never called);
- sampled out: a provider installed, ``C360_TRACE_SAMPLE_RATIO=0``: every site asks, nothing
  is recorded or sent;
- exporting: every request traced and batched to a real OTLP/HTTP receiver on loopback.

Printed: each p50 and its ratio to off, the cost of one span site when off (beside the API's
own no-op tracer, which the flag saves), and of a statement with the span listeners outside a
sampled trace. The previous code path cannot run in the same build: off is compared with the
traced paths, and its own remaining cost is the span sites' (a flag check each).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy
from opentelemetry import trace
from sqlalchemy import text

from bench.gateway_process import GatewayProcess
from bench.latency import Variants
from bench.otlp_receiver import otlp_receiver
from bench.report import Figure
from core import tracing
from core.settings import Settings
from core.tracing_export import tracer_provider
from demo.seed import seed
from demo.upstreams.serve import start_demo_upstreams
from gateway.auth import mint_token
from store.db import create_engine
from store.migrate import async_upgrade
from store.statement_spans import trace_statements

SEED = 42
CUSTOMER360 = """
query Customer360($id: ID!) {
  customer(id: $id) {
    name email badges
    orders(first: 10) { totalCount edges { node { number channel status total currency } } }
    invoices { edges { node { number status total } } }
    balance { outstanding currency }
    tickets { edges { node { id subject status } } }
    notes(first: 5) { totalCount edges { node { subject importance author { name } } } }
    riskFlags { totalCount }
  }
  searchNotes(query: "delivery", first: 5) { totalCount }
}
"""
VARIANTS = ("off", "sampled out", "exporting")
SPAN_CALLS = 50_000  # per timed loop of a span site (best of 7)
STATEMENT_BLOCKS = 40  # blocks of 500 statements per engine


def _span_site_ns(calls: int, repeats: int = 7) -> tuple[float, float]:
    """Nanoseconds per `with child_span(...)` with tracing off, and per span of the API's
    own no-op tracer (what a site would cost without the module flag); best of `repeats`."""
    assert not tracing.enabled()
    noop = trace.get_tracer("bench")
    ours, api = [], []
    for _ in range(repeats):
        started = time.perf_counter_ns()
        for _ in range(calls):
            with tracing.child_span("bench", attributes={"k": 1}):
                pass
        ours.append((time.perf_counter_ns() - started) / calls)
        started = time.perf_counter_ns()
        for _ in range(calls):
            with noop.start_as_current_span("bench", attributes={"k": 1}):
                pass
        api.append((time.perf_counter_ns() - started) / calls)
    return min(ours), min(api)


def _statement_us(blocks: int = STATEMENT_BLOCKS, size: int = 500) -> tuple[float, float]:
    """Microseconds per statement (SQLite in memory, synchronous: no thread hop to blur it)
    with the span listeners, tracing on but the statement in no sampled trace, and without
    (tracing off: `store.db.create_engine` installs none): the best block of `size`
    statements, the two engines alternating block by block."""
    tracing.install(tracer_provider("bench", 0.0, None))
    try:
        return _statements_timed(blocks, size)
    finally:
        tracing.uninstall()


def _statements_timed(blocks: int, size: int) -> tuple[float, float]:
    plain = sqlalchemy.create_engine("sqlite://")
    listened = sqlalchemy.create_engine("sqlite://")
    trace_statements(listened)  # what store.db.create_engine adds to the store's engine
    timings: dict[str, list[float]] = {"plain": [], "listened": []}
    statement = text("SELECT 1")
    with plain.connect() as a, listened.connect() as b:
        for block in range(blocks):
            pair = (("plain", a), ("listened", b))
            for name, conn in pair if block % 2 else tuple(reversed(pair)):
                started = time.perf_counter()
                for _ in range(size):
                    conn.execute(statement)
                timings[name].append((time.perf_counter() - started) / size * 1e6)
    plain.dispose()
    listened.dispose()
    return min(timings["listened"]), min(timings["plain"])


async def run(
    *,
    customers: int,
    notes: int,
    rounds: int,
    progress: bool = False,
    span_calls: int = SPAN_CALLS,
    statement_blocks: int = STATEMENT_BLOCKS,
) -> list[Figure]:
    """Seed, start the three gateways and the receiver, measure; returns the figures."""
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        ours, noop = _span_site_ns(span_calls)
        with_listeners, without = _statement_us(statement_blocks)
        url = f"sqlite+aiosqlite:///{directory / 'store.db'}"
        await async_upgrade(url)
        engine = create_engine(url)
        try:
            await seed(engine, customers=customers, notes=notes, seed=SEED)
        finally:
            await engine.dispose()
        with (
            start_demo_upstreams(directory / "upstreams", seed=SEED, customers=customers) as demo,
            otlp_receiver() as receiver,
        ):
            config_path = directory / "upstreams.json"
            config_path.write_text(demo.config.model_dump_json(), encoding="utf-8")
            base: dict[str, Any] = {
                "environment": "test",
                "database_url": url,
                "opensearch_url": None,
                "search_embedded_path": str(directory / "search.db"),
                "search_indexer": False,
                "log_level": "WARNING",
                "log_json": False,
                "upstreams_file": str(config_path),
            }
            settings = {
                "off": base,
                "sampled out": {**base, "otlp_endpoint": receiver.url, "trace_sample_ratio": 0.0},
                "exporting": {**base, "otlp_endpoint": receiver.url, "trace_sample_ratio": 1.0},
            }
            token = mint_token(Settings.model_validate(base), subject="agent-2", roles=("manager",))
            gateways = [GatewayProcess(directory, settings[variant]) for variant in VARIANTS]
            for gateway in gateways:
                gateway.start()
            try:
                for gateway in gateways:
                    gateway.wait_ready()
                latencies = await _measure(
                    dict(zip(VARIANTS, (g.url for g in gateways), strict=True)),
                    token,
                    customers,
                    rounds,
                    progress,
                )
            finally:
                for gateway in gateways:
                    gateway.stop()  # the exporting one flushes to the receiver on shutdown
            exported = len(receiver.spans)
    off = latencies["off"].p50
    figures = [
        Figure(
            "tracing off: one span site (module flag), per call",
            ours,
            "ns",
            "< 1,000 ns",
            ours < 1_000,
            f"the API's no-op tracer would cost {noop:.0f} ns",
        ),
        Figure(
            "sampled out: one statement (SQLite SELECT 1) with / without the span listeners",
            with_listeners / without,
            "ratio",
            "",
            None,
            f"{with_listeners:.1f} µs / {without:.1f} µs; off, no listener is installed",
        ),
    ]
    for variant in VARIANTS[1:]:
        ratio = latencies[variant].p50 / off
        figures.append(
            Figure(
                f"Customer360 over HTTP, tracing {variant} / off, p50",
                ratio,
                "ratio",
                "",
                None,
                f"{variant} {latencies[variant].p50:.1f} ms (p95 {latencies[variant].p95:.1f}), "
                f"off {off:.1f} ms (p95 {latencies['off'].p95:.1f})"
                + (f"; {exported} spans received" if variant == "exporting" else ""),
            )
        )
    return figures


async def _measure(
    urls: dict[str, str], token: str, customers: int, rounds: int, progress: bool
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"}
    clients = {
        variant: httpx.AsyncClient(base_url=url, headers=headers, timeout=60)
        for variant, url in urls.items()
    }
    try:

        def query(variant: str) -> Any:
            async def one(customer: str) -> None:
                response = await clients[variant].post(
                    "/graphql", json={"query": CUSTOMER360, "variables": {"id": customer}}
                )
                response.raise_for_status()

            return one

        ids = [f"cust-{index:05d}" for index in range(1, customers + 1)]
        variants = Variants({variant: query(variant) for variant in urls})
        return await variants.measure(ids, rounds=rounds, warmup=3, progress=progress)
    finally:
        for client in clients.values():
            await client.aclose()


def main() -> None:
    """Parse the arguments, run, print one line per figure."""
    parser = argparse.ArgumentParser(prog="python -m bench.tracing", description=__doc__)
    parser.add_argument("--customers", type=int, default=50)
    parser.add_argument("--notes", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--span-calls", type=int, default=SPAN_CALLS)
    parser.add_argument("--statement-blocks", type=int, default=STATEMENT_BLOCKS)
    args = parser.parse_args()
    figures = asyncio.run(
        run(
            customers=args.customers,
            notes=args.notes,
            rounds=args.rounds,
            progress=True,
            span_calls=args.span_calls,
            statement_blocks=args.statement_blocks,
        )
    )
    for figure in figures:
        print(figure.line())


if __name__ == "__main__":
    main()
