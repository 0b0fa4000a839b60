"""`python -m bench [--size smoke|medium|large] [--only NAME ...]`: run benchmarks, print figures.

`python -m bench scale [--quick]` is the scale benchmark (one customer at 10 … 50,000 records).
`python -m bench notes load|time|drop --admin-dsn URL` loads a 10M-note store and times the
notes page and noteReport on it (BENCHMARKS.md "Notes and reports at 10M notes").

Every figure is printed with its target. `--smoke` (= `--size smoke`) is the quick CI run on
SQLite and the embedded search index; `medium` and `large` need PostgreSQL and OpenSearch,
given by URL or started as throwaway servers. `--markdown` rewrites BENCHMARKS.md and the plot.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import sys
import tempfile
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from rich.console import Console

from bench import access_audit, authz, capacity, environment, reindex, search, stitching, writes
from bench.markdown import render
from bench.plot import latency_chart
from bench.report import Figure
from bench.services import Services, scratch_database, services
from core.settings import REPO_ROOT
from demo.upstreams.databases import DATABASES
from store.migrate import async_upgrade

BENCHMARKS = (
    "authz",
    "accessaudit",
    "reindex",
    "stitching",
    "search",
    "writes",
    "capacity",
    "scaleout",
)
PLOT = "docs/search-latency.png"
RESULTS = REPO_ROOT / "bench" / "results.json"


@dataclasses.dataclass(frozen=True, slots=True)
class Size:
    """How big each benchmark runs."""

    authz: tuple[int, int, int]  # customers, notes, rounds
    reindex_notes: int
    stitching: tuple[int, int, int]  # customers, notes, rounds
    search_sizes: tuple[int, ...]
    search_rounds: int
    writes: tuple[int, int, int]  # creates, concurrency, freshness samples
    # capacity and scaleout: the data, and the load (same for one and for two gateways)
    capacity_data: environment.DataSpec
    capacity_load: environment.LoadShape


# Capacity loads run 60 s after a 10 s warm-up at 16 concurrent clients: enough requests in
# flight to keep one gateway (and then two) busy on a 2-core machine, so throughput is bounded
# by the server side rather than by the client's think time, and long enough for a slow leak
# to show in the last quarter against the first.
SIZES = {
    "smoke": Size((20, 200, 5), 500, (20, 200, 3), (), 0, (20, 4, 3),
                  environment.DataSpec(20, 200), environment.LoadShape(1.0, 3.0, 4)),
    "medium": Size((2_000, 50_000, 60), 50_000, (1_000, 20_000, 60), (10_000, 100_000), 60,
                   (1_000, 8, 20),
                   environment.DataSpec(1_000, 20_000), environment.LoadShape(10.0, 60.0, 16)),
    "large": Size((2_000, 50_000, 60), 50_000, (10_000, 100_000, 60),
                  (10_000, 100_000, 1_000_000), 60, (2_000, 8, 30),
                  environment.DataSpec(2_000, 50_000), environment.LoadShape(10.0, 60.0, 16)),
}  # fmt: skip


@dataclasses.dataclass
class Run:
    """One invocation: its size, servers, and the figures gathered so far."""

    size: Size
    name: str
    servers: Services
    progress: bool
    console: Console
    latency_series: dict[str, list[tuple[int, float]]]
    current: str = ""
    by_benchmark: dict[str, list[Figure]] = dataclasses.field(default_factory=dict)

    def add(self, figures: list[Figure]) -> None:
        """Keep and print figures as they arrive."""
        for figure in figures:
            self.by_benchmark.setdefault(self.current, []).append(figure)
            self.console.print(figure.line(), soft_wrap=True)


async def _authz(run: Run) -> None:
    customers, notes, rounds = run.size.authz
    page = 20 if run.name == "smoke" else 100
    results = await authz.run(
        customers=customers, notes=notes, rounds=rounds, page=page, progress=run.progress
    )
    for result in results:
        run.console.print(result.line(), soft_wrap=True)
        run.by_benchmark.setdefault(run.current, []).append(
            Figure(
                result.name,
                result.ratio,
                "ratio",
                "<= 1.10",
                result.ratio <= 1.10,
                f"{result.variant_ms:.1f} ms vs {result.baseline_ms:.1f} ms",
            )
        )


async def _access_audit(run: Run) -> None:
    customers, notes, rounds = run.size.authz
    page = 20 if run.name == "smoke" else 100
    admin = run.servers.postgres_admin
    stores: list[tuple[str, str | None]] = [("SQLite", None)]
    async with contextlib.AsyncExitStack() as stack:
        if admin is not None:
            stores.append(
                (
                    "PostgreSQL",
                    await stack.enter_async_context(
                        scratch_database(admin, "access", migrate=False)
                    ),
                )
            )
        for label, url in stores:
            results = await access_audit.run(
                customers=customers,
                notes=notes,
                rounds=rounds,
                page=page,
                progress=run.progress,
                url=url,
            )
            for result in results:
                run.add(
                    [
                        Figure(
                            f"{result.name} ({label})",
                            result.ratio,
                            "ratio",
                            "<= 1.25",
                            result.ratio <= 1.25,
                            f"{result.variant_ms:.1f} ms vs {result.baseline_ms:.1f} ms",
                        )
                    ]
                )


async def _reindex(run: Run) -> None:
    notes = run.size.reindex_notes
    customers = max(20, notes // 25)
    admin = run.servers.postgres_admin
    if admin is None:
        with tempfile.TemporaryDirectory() as directory:
            url = f"sqlite+aiosqlite:///{directory}/store.db"
            await async_upgrade(url)
            run.add(
                await reindex.run(
                    store_url=url,
                    customers=customers,
                    notes=notes,
                    opensearch_url=run.servers.opensearch_url,
                    progress=run.progress,
                )
            )
        return
    async with scratch_database(admin, "reindex") as url:
        run.add(
            await reindex.run(
                store_url=url,
                customers=customers,
                notes=notes,
                opensearch_url=run.servers.opensearch_url,
                progress=run.progress,
            )
        )


async def _stitching(run: Run) -> None:
    customers, notes, rounds = run.size.stitching
    admin = run.servers.postgres_admin
    if admin is None:
        run.add(
            await stitching.run(
                customers=customers, notes=notes, rounds=rounds, progress=run.progress
            )
        )
        return
    async with contextlib.AsyncExitStack() as stack:
        store = await stack.enter_async_context(scratch_database(admin, "store"))
        upstreams = {
            name: await stack.enter_async_context(scratch_database(admin, name, migrate=False))
            for name in DATABASES
        }
        run.add(
            await stitching.run(
                customers=customers,
                notes=notes,
                rounds=rounds,
                progress=run.progress,
                store_url=store,
                upstream_urls=upstreams,
            )
        )


async def _search(run: Run) -> None:
    admin, opensearch = run.servers.postgres_admin, run.servers.opensearch_url
    if not run.size.search_sizes or admin is None or opensearch is None:
        run.console.print("searchNotes comparison skipped (needs PostgreSQL and OpenSearch)")
        return
    results = []
    for notes in run.size.search_sizes:
        result = await search.measure_size(
            admin, opensearch, notes=notes, rounds=run.size.search_rounds, progress=run.progress
        )
        results.append(result)
        for engine, latencies in result.latencies.items():
            run.latency_series.setdefault(engine, []).append((notes, latencies.p50))
    run.add(search.figures(results))


async def _writes(run: Run) -> None:
    creates, concurrency, samples = run.size.writes
    admin = run.servers.postgres_admin
    if admin is None:
        run.add(
            await writes.run(
                store_url=None,
                opensearch_url=run.servers.opensearch_url,
                notes=200,
                creates=creates,
                concurrency=concurrency,
                freshness_samples=samples,
            )
        )
        return
    async with scratch_database(admin, "writes") as url:
        run.add(
            await writes.run(
                store_url=url,
                opensearch_url=run.servers.opensearch_url,
                notes=500,
                creates=creates,
                concurrency=concurrency,
                freshness_samples=samples,
            )
        )


async def _capacity(run: Run) -> None:
    run.add(
        await capacity.run_capacity(
            run.size.capacity_data,
            run.size.capacity_load,
            admin_dsn=run.servers.postgres_admin,
            opensearch_url=run.servers.opensearch_url,
        )
    )


async def _scaleout(run: Run) -> None:
    admin, opensearch = run.servers.postgres_admin, run.servers.opensearch_url
    if admin is None or opensearch is None:
        run.console.print("scale-out skipped (needs PostgreSQL and OpenSearch)")
        return
    run.add(
        await capacity.run_scaleout(
            run.size.capacity_data,
            run.size.capacity_load,
            admin_dsn=admin,
            opensearch_url=opensearch,
        )
    )


RUNNERS: dict[str, Callable[[Run], Coroutine[Any, Any, None]]] = {
    "authz": _authz,
    "accessaudit": _access_audit,
    "reindex": _reindex,
    "stitching": _stitching,
    "search": _search,
    "writes": _writes,
    "capacity": _capacity,
    "scaleout": _scaleout,
}


def main() -> int:
    """Parse arguments, obtain servers, run the selected benchmarks."""
    if sys.argv[1:2] == ["scale"]:  # its own command line: python -m bench scale --help
        from bench.scale_run import main as scale

        return scale(sys.argv[2:])
    if sys.argv[1:2] == ["notes"]:  # python -m bench notes load|time|drop --admin-dsn …
        from bench.notes_at_scale import main as notes

        return notes(sys.argv[2:])
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="medium")
    parser.add_argument("--smoke", action="store_true", help="same as --size smoke (CI)")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default: start one)")
    parser.add_argument("--opensearch-url", help="OpenSearch URL (default: start one)")
    parser.add_argument("--markdown", action="store_true", help="rewrite BENCHMARKS.md + plot")
    parser.add_argument(
        "--render", action="store_true", help="only re-render BENCHMARKS.md from results.json"
    )
    args = parser.parse_args()
    name = "smoke" if args.smoke else args.size
    if args.render:
        _write_markdown(Run(SIZES[name], name, Services(None, None), False, Console(), {}), name)
        return 0
    console = Console()
    # The smoke run is SQLite + embedded unless servers are given; full runs start their own.
    with services(
        postgres=args.database_url, opensearch=args.opensearch_url, start=name != "smoke"
    ) as servers:
        run = Run(SIZES[name], name, servers, name != "smoke", console, {})
        for benchmark in args.only or BENCHMARKS:
            run.current = benchmark
            asyncio.run(RUNNERS[benchmark](run))
    if args.markdown:
        _write_markdown(run, name)
    return 0


def _write_markdown(run: Run, name: str) -> None:
    """Merge this run's figures into bench/results.json, then render BENCHMARKS.md from it.

    Figures are kept per benchmark, so a long run of one benchmark (e.g. ``--size large
    --only search``) replaces only that benchmark's rows.
    """
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for benchmark, figures in run.by_benchmark.items():
        results[benchmark] = {
            "size": name,
            "measured_at": datetime.now(UTC).isoformat(timespec="minutes"),
            "figures": [dataclasses.asdict(figure) for figure in figures],
        }
    if run.latency_series:
        results["search"]["latency_series"] = run.latency_series
    if not results:
        return
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    ordered = [results[b] for b in BENCHMARKS if b in results]
    figures = [Figure(**figure) for entry in ordered for figure in entry["figures"]]
    by_size: dict[str, list[str]] = {}
    for benchmark in BENCHMARKS:
        if benchmark in results:
            by_size.setdefault(results[benchmark].get("size", "medium"), []).append(benchmark)
    commands = [
        f"python -m bench --size {size} --markdown --only {' '.join(names)}"
        for size, names in by_size.items()
    ]
    series = results.get("search", {}).get("latency_series")
    plot = None
    if series:
        points = {key: [(int(n), float(ms)) for n, ms in value] for key, value in series.items()}
        latency_chart(points, REPO_ROOT / PLOT)
        plot = PLOT
    notes_path = REPO_ROOT / "bench" / "NOTES.md"
    notes = notes_path.read_text(encoding="utf-8") if notes_path.exists() else ""
    servers = "PostgreSQL 15 and OpenSearch 2.19.1 (single node) on loopback; SQLite for smoke"
    dates = sorted(entry.get("measured_at", "") for entry in ordered)
    text = render(
        figures,
        command="; ".join(commands),
        notes=notes,
        plot=plot,
        services=servers,
        measured=f"{dates[0]} to {dates[-1]}".replace("T", " "),
    )
    (REPO_ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")


sys.exit(main())
