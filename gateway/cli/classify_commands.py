"""`classify`: label the notes and interactions the current classifier has not labelled yet."""

from __future__ import annotations

import argparse
import asyncio
import time

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console, progress_bars


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the classify command."""
    command = commands.add_parser(
        "classify",
        help="suggest sentiment and urgency for notes and interactions with no labels or labels "
        "of an older model (agents' labels are kept)",
    )
    command.add_argument(
        "--all", action="store_true", help="redo every automatic label, whatever its model"
    )
    command.add_argument("--no-progress", action="store_true", help="no progress bar")
    command.set_defaults(
        run=lambda s, a: asyncio.run(_classify(s, redo_all=a.all, progress=not a.no_progress))
    )


async def _classify(settings: Settings, *, redo_all: bool, progress: bool) -> int:
    from gateway.jobs.classify import classify

    started = time.perf_counter()
    async with command_runtime(settings) as runtime:
        with progress_bars(progress) as bars:
            report = await classify(runtime, redo_all=redo_all, progress=bars)
    console.print(f"{report} in {time.perf_counter() - started:.1f} s")
    return 0
