"""`rebuild-rollups`: recount the note report rollup from the notes, with a progress bar."""

from __future__ import annotations

import argparse
import asyncio
import time

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console, progress_bars


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the rollup command."""
    rebuild = commands.add_parser(
        "rebuild-rollups",
        help="recount the note report rollup from the notes (after a bulk load or a repair)",
    )
    rebuild.add_argument("--no-progress", action="store_true", help="no progress bar")
    rebuild.set_defaults(run=lambda s, a: asyncio.run(_rebuild(s, progress=not a.no_progress)))


async def _rebuild(settings: Settings, *, progress: bool) -> int:
    from store.rollup import rebuild

    started = time.perf_counter()
    async with command_runtime(settings) as runtime:
        with progress_bars(progress) as bars:
            async with runtime.engine.begin() as connection:
                rows = await rebuild(connection, bars)
    console.print(f"note rollups: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    return 0
