"""Throttling: one principal over its rate limit does not slow the others.

`python -m bench.throttling [--seconds N]` starts a gateway process on a seeded SQLite store
and the demo upstreams (rate limits on, a small budget for the flooding role), then measures,
with the load generator in processes of its own, a well-behaved principal's Customer360
latency alone, then while a second principal floods the gateway with the same query far over
its budget (ignoring Retry-After), with rate limits on and, on a second gateway process, off.
It prints the well-behaved principal's p50/p95 in each phase, their ratios to its figures
alone, and how the flood was answered. Load generators share the machine's cores with the
gateway: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses

from rich.console import Console
from rich.table import Table

from bench.environment import DataSpec, Environment, LoadShape, environment
from bench.gateway_process import GatewayProcess
from bench.loadgen import LoadConfig, LoadSummary, run_load
from core.settings import Settings
from gateway.auth import mint_token

CUSTOMERS = 50
BUDGET = 20_000  # cost per minute for the flood: spent in its first second
FLOOD_CLIENTS = 4


def _load(env: Environment, url: str, token: str, seconds: float, concurrency: int) -> LoadConfig:
    shape = LoadShape(warmup_seconds=2.0, duration_seconds=seconds, concurrency=concurrency)
    config = env.load([url], shape)
    return dataclasses.replace(config, token=token, mix={"customer360": 1.0})


async def measure(seconds: float) -> dict[str, tuple[LoadSummary, LoadSummary | None]]:
    """Per phase: the polite principal's load and the flood's (None when alone)."""
    async with environment(
        DataSpec(customers=CUSTOMERS, notes=500), admin_dsn=None, opensearch_url=None
    ) as env:
        # The polite principal (a manager) has budget to spare; the flood (support) has not.
        limited = {
            **env.settings,
            "rate_limit_cost": BUDGET,
            "rate_limit_role_cost": {"manager": 10**12},
        }
        unlimited = {**env.settings, "rate_limit_enabled": False}
        settings = Settings.model_validate(limited)
        polite = mint_token(settings, subject="agent-polite", roles=("manager",))
        flood = mint_token(settings, subject="agent-flood", roles=("support",))
        phases: dict[str, tuple[LoadSummary, LoadSummary | None]] = {}
        for name, values in (("limits on", limited), ("limits off", unlimited)):
            with GatewayProcess(env.directory, values) as gateway:

                def load(token: str, extra: float, concurrency: int) -> LoadConfig:
                    return _load(env, gateway.url, token, seconds + extra, concurrency)

                if name == "limits on":
                    phases["alone"] = (await run_load(load(polite, 0, 2), env.directory), None)
                beside, flooding = await asyncio.gather(
                    run_load(load(polite, 0, 2), env.directory),
                    run_load(load(flood, 1, FLOOD_CLIENTS), env.directory),
                )
                phases[f"beside the flood, {name}"] = (beside, flooding)
    return phases


def main() -> int:
    """Run the measurement and print it."""
    parser = argparse.ArgumentParser(prog="python -m bench.throttling", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="per phase (default 20)")
    args = parser.parse_args()
    console = Console()
    phases = asyncio.run(measure(args.seconds))
    table = Table(title="Customer360: a principal within its budget, alone and beside a flood")
    for column in (
        "phase",
        "polite p50 ms",
        "polite p95 ms",
        "polite errors",
        "flood answers",
        "flood refused (429)",
        "flood p50 ms",
    ):
        table.add_column(column)
    for name, (polite, flood) in phases.items():
        stats = polite.operations["customer360"]
        flooded = flood.operations["customer360"] if flood else None
        table.add_row(
            name,
            f"{stats.p50_ms:.1f}",
            f"{stats.p95_ms:.1f}",
            str(stats.errors),
            str(flooded.requests) if flooded else "-",
            str(flooded.errors) if flooded else "-",
            f"{flooded.p50_ms:.1f}" if flooded else "-",
        )
    console.print(table)
    alone = phases["alone"][0].operations["customer360"]
    for name in ("beside the flood, limits on", "beside the flood, limits off"):
        stats = phases[name][0].operations["customer360"]
        console.print(
            f"{name}: polite p50 {stats.p50_ms / alone.p50_ms:.2f}x, "
            f"p95 {stats.p95_ms / alone.p95_ms:.2f}x its value alone"
        )
    errors = sum(polite.operations["customer360"].errors for polite, _ in phases.values())
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
