"""Jobs that read the upstream systems: sync-customers, sync-agents, summarise-orders,
intake-scan, redrive."""

from __future__ import annotations

import argparse
import asyncio

from core.settings import Settings
from gateway.cli.context import command_runtime, upstream_job
from gateway.cli.draw import console, progress_bars


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the upstream jobs (each takes --no-progress)."""
    jobs = {
        "sync-customers": (
            "copy the CRM's customer directory into the store's references",
            _sync_customers,
        ),
        "sync-agents": (
            "copy the staff directory into the agent directory (changed rows; leavers off)",
            _sync_agents,
        ),
        "redrive": (
            "replay failed order-intake payloads through the current mapping",
            _redrive_job,
        ),
        "summarise-orders": (
            "keep each customer's order figures (lifetime value, repurchase, dormancy)",
            _summarise_orders,
        ),
        "intake-scan": (
            "read every customer's orders and record intake failures",
            _intake_scan,
        ),
    }
    for name, (text, job) in jobs.items():
        command = commands.add_parser(name, help=text)
        command.add_argument("--no-progress", action="store_true", help="no progress bars")
        command.set_defaults(run=lambda s, a, job=job: job(s, progress=not a.no_progress))


def _redrive_job(settings: Settings, *, progress: bool) -> int:
    return asyncio.run(_redrive(settings, progress=progress))


async def _redrive(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.intake_redrive import redrive

    # The redrive replays stored payloads offline: the mapping, not the upstream clients.
    async with command_runtime(settings) as runtime:
        with progress_bars(progress) as bars:
            report = await redrive(runtime, progress=bars)
    console.print(
        f"redrive: {report.attempted} attempted, {report.resolved} resolved, "
        f"{report.still_failing} still failing"
    )
    return 0 if report.still_failing == 0 else 1


def _sync_customers(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.customer_sync import sync_customers

    report = upstream_job(settings, sync_customers, progress)
    console.print(str(report))
    return 0


def _sync_agents(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.agent_sync import NoStaffDirectory, sync_agents

    try:
        report = upstream_job(settings, sync_agents, progress)
    except NoStaffDirectory as missing:
        console.print(f"[red]{missing}[/]")
        return 2
    console.print(str(report))
    return 0


def _intake_scan(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.intake_scan import scan

    report = upstream_job(settings, scan, progress)
    console.print(f"intake scan: {report.customers} customers, {report.failures} failures")
    return 0


def _summarise_orders(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.order_summaries import summarise_orders

    report = upstream_job(settings, summarise_orders, progress)
    console.print(str(report))
    return 1 if report.kept else 0  # customers left live-computed: let the scheduler see it
