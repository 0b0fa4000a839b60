"""The `worker` job: drain the search outbox until SIGINT/SIGTERM (or a stop event)."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from gateway.runtime import Runtime
from search.indexer import Indexer, IndexerOptions
from search.worker import run


async def run_worker(
    runtime: Runtime, *, stop: asyncio.Event | None = None, options: IndexerOptions | None = None
) -> None:
    """Run the indexer on the runtime's store and search until `stop` or a signal.

    `options` default to the settings' (`Runtime.indexer_options`), like the gateway's own.
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    handled = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    indexer = Indexer(runtime.engine, runtime.search, options or runtime.indexer_options)
    try:
        await run(indexer, stop)
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
