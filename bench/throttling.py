"""Throttling: one principal flooding the gateway does not slow the others.

`python -m bench.throttling [--admin-dsn postgresql://…] [--seconds N] [--connections N]`
starts one gateway process (real uvicorn on loopback; the PostgreSQL store and its shared
rate-limit windows with `--admin-dsn`, else SQLite; the demo upstreams; rate limits on, a
small budget for the flooding role), then measures a well-behaved principal's Customer360
latency alone, and again while a second process floods the same gateway with the same query
from `--connections` connections under another principal, unpaced and ignoring Retry-After.
It prints the well-behaved principal's p50/p95 in both phases and their ratio, and how the
flood was answered (200s, 429s, with Retry-After). Every client runs in a process of its own;
they share the machine's cores with the gateway, so run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.environment import DataSpec, Environment, LoadShape, environment
from bench.flood import FloodConfig, FloodSummary, run_flood
from bench.gateway_process import GatewayProcess
from bench.loadgen import CUSTOMER360, LoadConfig, LoadSummary, OperationStats, run_load
from core.settings import Settings
from gateway.auth import mint_token

CUSTOMERS = 50
BUDGET = 2_000  # cost per minute for the flood: a few Customer360s, spent at once
FLOOD_WARMUP = 3.0  # seconds of flood before the polite load and the measurement start
TARGET_RATIO = 1.5


@dataclasses.dataclass(frozen=True, slots=True)
class Throttling:
    """The polite principal alone and beside the flood, and how the flood was answered."""

    alone: OperationStats
    beside: OperationStats
    flood: FloodSummary
    cores_alone: float  # the gateway's CPU seconds per second in each phase
    cores_beside: float

    @property
    def p50_ratio(self) -> float:
        """Polite p50 beside the flood over its p50 alone."""
        return self.beside.p50_ms / self.alone.p50_ms

    @property
    def p95_ratio(self) -> float:
        """Polite p95 beside the flood over its p95 alone."""
        return self.beside.p95_ms / self.alone.p95_ms


def _polite(env: Environment, url: str, token: str, seconds: float) -> LoadConfig:
    shape = LoadShape(warmup_seconds=1.0, duration_seconds=seconds, concurrency=2)
    config = env.load([url], shape)
    return dataclasses.replace(config, token=token, mix={"customer360": 1.0})


async def measure(
    seconds: float,
    *,
    connections: int = 64,
    admin_dsn: str | None = None,
    customers: int = CUSTOMERS,
    gateway_settings: dict[str, Any] | None = None,
    profile: Path | None = None,
) -> Throttling:
    """Polite alone, then polite beside a flood from another process, on one gateway."""
    async with environment(
        DataSpec(customers=customers, notes=10 * customers),
        admin_dsn=admin_dsn,
        opensearch_url=None,
    ) as env:
        # The polite principal (a manager) has budget to spare; the flood (support) has not.
        values = {
            **env.settings,
            "rate_limit_cost": BUDGET,
            "rate_limit_role_cost": {"manager": 10**12},
            **(gateway_settings or {}),
        }
        settings = Settings.model_validate(values)
        polite = mint_token(settings, subject="agent-polite", roles=("manager",))
        flooder = mint_token(settings, subject="agent-flood", roles=("support",))
        with GatewayProcess(env.directory, values, profile=profile) as gateway:
            cpu = gateway.cpu_seconds()
            alone = await run_load(_polite(env, gateway.url, polite, seconds), env.directory)
            cores_alone = (gateway.cpu_seconds() - cpu) / (seconds + 1.0)
            flood_config = FloodConfig(
                url=gateway.url,
                token=flooder,
                query=CUSTOMER360,
                variables={"id": env.dataset.customer_ids[0]},
                connections=connections,
                warmup_seconds=FLOOD_WARMUP,
                # Slack for the polite load generator's start: the flood outlasts it.
                duration_seconds=seconds + 4.0,
            )

            async def polite_beside() -> LoadSummary:
                # The flood has spent its budget before the polite load starts.
                await asyncio.sleep(FLOOD_WARMUP)
                return await run_load(_polite(env, gateway.url, polite, seconds), env.directory)

            async def cores_beside() -> float:
                # Sampled over the polite load's measured window, the flood at full speed.
                await asyncio.sleep(FLOOD_WARMUP + 1.0)
                cpu = gateway.cpu_seconds()
                await asyncio.sleep(seconds)
                return (gateway.cpu_seconds() - cpu) / seconds

            beside, flood, cores = await asyncio.gather(
                polite_beside(), run_flood(flood_config, env.directory), cores_beside()
            )
    return Throttling(
        alone.operations["customer360"],
        beside.operations["customer360"],
        flood,
        cores_alone,
        cores,
    )


def report(figures: Throttling) -> Table:
    """The figures as a table."""
    table = Table(title="Customer360 of a principal within budget, alone and beside a flood")
    for column in ("phase", "p50 ms", "p95 ms", "requests", "errors"):
        table.add_column(column)
    for name, stats in (("polite alone", figures.alone), ("polite beside", figures.beside)):
        table.add_row(
            name,
            f"{stats.p50_ms:.1f}",
            f"{stats.p95_ms:.1f}",
            str(stats.requests),
            str(stats.errors),
        )
    return table


def main() -> int:
    """Run the measurement and print it."""
    parser = argparse.ArgumentParser(prog="python -m bench.throttling", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="per phase (default 20)")
    parser.add_argument("--connections", type=int, default=64, help="the flood's (default 64)")
    parser.add_argument("--admin-dsn", help="PostgreSQL admin DSN (default: SQLite)")
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--profile", type=Path, help="write the gateway's cProfile stats here")
    args = parser.parse_args()
    console = Console()
    figures = asyncio.run(
        measure(
            args.seconds,
            connections=args.connections,
            admin_dsn=args.admin_dsn,
            customers=args.customers,
            profile=args.profile,
        )
    )
    console.print(report(figures))
    flood = figures.flood
    console.print(
        f"flood ({args.connections} connections): {flood.requests / flood.seconds:.0f} answers/s, "
        f"{flood.answered / flood.seconds:.1f}/s 200, {flood.refused / flood.seconds:.0f}/s "
        f"refused ({flood.retry_after} with Retry-After), statuses {flood.statuses}, "
        f"codes {flood.codes}, broken {flood.failures}, p50 {flood.p50_ms:.1f} ms"
    )
    console.print(
        f"gateway CPU: {figures.cores_alone:.2f} cores with the polite load alone, "
        f"{figures.cores_beside:.2f} beside the flood"
    )
    verdict = "met" if figures.p50_ratio <= TARGET_RATIO else "MISSED"
    console.print(
        f"polite beside the flood: p50 ratio {figures.p50_ratio:.2f} (target <= "
        f"{TARGET_RATIO}: {verdict}), p95 ratio {figures.p95_ratio:.2f}"
    )
    return 0 if figures.alone.errors == 0 and figures.beside.errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
