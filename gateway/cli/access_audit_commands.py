"""`prune-access-audit`: delete access records older than the retention, with a progress bar."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console, progress_bars


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the prune command."""
    prune = commands.add_parser(
        "prune-access-audit",
        help="delete access-audit rows older than C360_ACCESS_AUDIT_RETENTION_DAYS",
    )
    prune.add_argument("--no-progress", action="store_true", help="no progress bar")
    prune.set_defaults(run=lambda s, a: asyncio.run(_prune(s, progress=not a.no_progress)))


async def _prune(settings: Settings, *, progress: bool) -> int:
    from store.access_audit import prune

    days = settings.access_audit_retention_days
    async with command_runtime(settings) as runtime:
        with progress_bars(progress) as bars:
            async with runtime.engine.begin() as connection:
                deleted = await prune(
                    connection, now=datetime.now(UTC), retention_days=days, progress=bars
                )
    console.print(f"access audit: {deleted:,} rows older than {days} days deleted")
    return 0
