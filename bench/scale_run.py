"""``python -m bench scale [--quick]``: the scale benchmark's command line, table, JSON and plot.

Needs PostgreSQL (``--database-url`` admin URL, else a throwaway server is started). Writes
``bench/scale_results.json`` and ``docs/scale-latency.png`` (``--no-write`` to leave them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.scale import Timings, counts, measure, ratios
from bench.scale import as_json as timings_json
from bench.scale_plot import scale_chart
from bench.scale_pressure import HAMMERS, Pressure, measure_pressure
from bench.scale_world import scale_world
from bench.services import services
from core.settings import REPO_ROOT

SIZES = (10, 1_000, 10_000, 50_000)
RESULTS = REPO_ROOT / "bench" / "scale_results.json"
PLOT = "docs/scale-latency.png"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench scale", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 rounds; 3 pressure rounds of 20 samples (else 7 rounds; 5 of 40)",
    )
    parser.add_argument("--rounds", type=int, help="rounds per size (default 7; quick 3)")
    parser.add_argument(
        "--samples", type=int, help="normal Customer360s per pressure phase (40; quick 20)"
    )
    parser.add_argument(
        "--pressure-rounds", type=int, help="idle + loaded pressure rounds (5; quick 3)"
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="records per source"
    )
    parser.add_argument("--database-url", help="PostgreSQL admin URL (default: start one)")
    parser.add_argument("--no-pressure", action="store_true", help="skip the big-account load")
    parser.add_argument("--no-write", action="store_true", help="print only (no JSON, no plot)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, build the world, measure, print, and write the results."""
    args = _parser().parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 7)
    samples = args.samples or (20 if args.quick else 40)
    pressure_rounds = args.pressure_rounds or (3 if args.quick else 5)
    console = Console(width=120)
    with services(postgres=args.database_url, opensearch=None, start=True) as servers:
        assert servers.postgres_admin is not None
        results = asyncio.run(
            _run(
                servers.postgres_admin,
                sorted(set(args.sizes)),
                rounds=rounds,
                samples=None if args.no_pressure else samples,
                pressure_rounds=pressure_rounds,
                console=console,
            )
        )
    results["quick"] = args.quick
    if not args.no_write:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        series = {
            name: [(int(size), figure["p50_ms"]) for size, figure in by_size.items()]
            for name, by_size in results["fields"].items()
        }
        scale_chart(series, REPO_ROOT / PLOT)
        console.print(f"wrote {RESULTS.relative_to(REPO_ROOT)} and {PLOT}")
    return 0


async def _run(
    admin_dsn: str,
    sizes: list[int],
    *,
    rounds: int,
    samples: int | None,
    pressure_rounds: int,
    console: Console,
) -> dict[str, Any]:
    async with scale_world(admin_dsn, sizes) as world:
        loaded = world.loaded
        console.print(
            f"loaded {loaded.rows:,} rows for {len(sizes)} customers in {loaded.seconds:.1f} s"
        )
        found = await counts(world)
        for size, totals in found.items():
            console.print(f"  {size:>6,} records: gateway counts {totals}")
        timings = await measure(world, rounds=rounds, progress=True)
        console.print(_table(timings, rounds))
        pressure = None
        if samples is not None:
            pressure = await measure_pressure(world, samples=samples, rounds=pressure_rounds)
            console.print(_pressure_rounds(pressure))
            console.print(_pressure_line(pressure))
    return {
        "measured_at": datetime.now(UTC).isoformat(timespec="minutes"),
        "rounds": rounds,
        "sizes": sizes,
        "load_seconds": round(loaded.seconds, 2),
        "load_rows": loaded.rows,
        "counts": {str(size): totals for size, totals in found.items()},
        "fields": timings_json(timings),
        "pressure": pressure.as_json() if pressure else None,
    }


def _table(timings: Timings, rounds: int) -> Table:
    sizes = sorted(next(iter(timings.values())))
    scaled = ratios(timings)
    table = Table(title=f"p50 over {rounds} interleaved rounds (ratio to {sizes[0]:,} records)")
    table.add_column("field")
    for size in sizes:
        table.add_column(f"{size:,}", justify="right")
    table.add_column("errors")
    for name, by_size in timings.items():
        errors = {f"{size:,}": dict(t.errors) for size, t in by_size.items() if t.errors}
        table.add_row(
            name,
            *(f"{by_size[size].p50:,.1f} ms ({scaled[name][size]:.1f}x)" for size in sizes),
            str(errors) if errors else "",
        )
    return table


def _pressure_rounds(pressure: Pressure) -> Table:
    samples = len(pressure.rounds[0].idle.samples) if pressure.rounds else 0
    table = Table(
        title=f"normal Customer360 idle, then while {HAMMERS} clients open the "
        f"{pressure.records:,}-record customer ({samples} samples a phase)"
    )
    for column in ("round", "idle p50", "loaded p50", "p50 ratio", "idle p95", "loaded p95"):
        table.add_column(column, justify="right")
    table.add_column("p95 ratio", justify="right")
    table.add_column("load avg", justify="right")
    for number, each in enumerate(pressure.rounds, 1):
        table.add_row(
            str(number),
            f"{each.idle.p50:,.1f} ms",
            f"{each.loaded.p50:,.1f} ms",
            f"{each.p50_ratio:.2f}x",
            f"{each.idle.p95:,.1f} ms",
            f"{each.loaded.p95:,.1f} ms",
            f"{each.p95_ratio:.2f}x",
            f"{each.load_average:.1f}",
        )
    table.add_row(
        "median", "", "", f"{pressure.p50_ratio:.2f}x", "", "", f"{pressure.p95_ratio:.2f}x", ""
    )
    return table


def _pressure_line(pressure: Pressure) -> str:
    figures = pressure.as_json()
    return (
        f"normal Customer360 while {HAMMERS} clients open the {pressure.records:,}-record "
        f"customer: median of {len(pressure.rounds)} rounds' ratios p50 "
        f"{figures['p50_ratio']:.2f}x, p95 {figures['p95_ratio']:.2f}x; pooled p50 "
        f"{pressure.idle.p50:.1f} -> {pressure.loaded.p50:.1f} ms "
        f"({figures['pooled_p50_ratio']:.2f}x), p95 {pressure.idle.p95:.1f} -> "
        f"{pressure.loaded.p95:.1f} ms ({figures['pooled_p95_ratio']:.2f}x); errors idle "
        f"{dict(pressure.idle.errors)}, loaded {dict(pressure.loaded.errors)}; big customer "
        f"{pressure.big_requests} pages (p50 {figures['big_p50_ms']} ms, errors "
        f"{dict(pressure.big_errors)}); breakers not closed: "
        f"{sorted(pressure.breakers) or 'none'} ({pressure.health_answers} of "
        f"{pressure.health_polls} /health polls answered); upstream calls ended in error: "
        f"{pressure.upstream_errors or 'none'}"
    )


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
