"""Running the indexer: the polling loop and the gateway's background task.

The loop drains batch after batch while there is work, polls every `poll_seconds` when idle,
and backs off (up to `outage_max_seconds`) while the backend or the store is unreachable;
when idle it deletes settled rows past their retention (`Indexer.purge`). It
never gives up, so an outage ends with the outbox drained and nothing lost. An `on_report`
callback sees every committed batch (the gateway counts them in its metrics; search/ itself
stays free of the metrics module).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import structlog
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import SearchUnavailable
from search.backend import SearchBackend
from search.indexer import DrainReport, Indexer, IndexerOptions

_log = structlog.get_logger("search.worker")
STOP_TIMEOUT_SECONDS = 10.0


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


OnReport = Callable[[DrainReport], object]
"""Called with each batch that claimed rows, after its outcome was committed."""


async def run(indexer: Indexer, stop: asyncio.Event, on_report: OnReport | None = None) -> None:
    """Drain the outbox until `stop` is set; `on_report` sees every batch that claimed rows."""
    options = indexer.options
    backoff = 0.0
    # The first purge waits `purge_seconds`: a process starting up (the tests' gateways among
    # them) is busy writing, and settled rows a day old can wait a minute more.
    purged_at = asyncio.get_running_loop().time()
    while not stop.is_set():
        try:
            if backoff:
                # Probe before claiming rows again: claiming writes to the store, and an
                # outage must not add write traffic (SQLite has a single writer).
                await indexer.backend.ping()
            report = await indexer.drain_once()
            if on_report is not None and report.claimed:
                on_report(report)
        except (SearchUnavailable, SQLAlchemyError, OSError) as exc:
            backoff = min(max(backoff * 2, options.poll_seconds), options.outage_max_seconds)
            _log.warning("indexer waiting for its backend", error=str(exc), retry_in=backoff)
            await _pause(stop, backoff)
            continue
        except Exception:  # a bug must not end indexing for the life of the process
            backoff = options.outage_max_seconds
            _log.exception("indexer batch failed unexpectedly")
            await _pause(stop, backoff)
            continue
        backoff = 0.0
        if report.claimed < options.batch_size:
            purged_at = await _purge_when_due(indexer, purged_at)
            await _pause(stop, options.poll_seconds)


async def _purge_when_due(indexer: Indexer, last: float) -> float:
    """Purge settled outbox rows when idle and `purge_seconds` have passed; returns when."""
    now = asyncio.get_running_loop().time()
    if now - last < indexer.options.purge_seconds:
        return last
    try:
        purged = await indexer.purge()
    except SQLAlchemyError as exc:  # the store is busy or down: the next idle moment retries
        _log.warning("outbox purge failed", error=str(exc))
        return last
    if purged:
        _log.info("outbox purged", rows=purged)
    return now


@asynccontextmanager
async def indexing_in_background(
    engine: AsyncEngine,
    backend: SearchBackend,
    options: IndexerOptions | None = None,
    *,
    on_report: OnReport | None = None,
) -> AsyncIterator[Indexer]:
    """Run the indexer as a task for the life of the block (the gateway's lifespan)."""
    indexer = Indexer(engine, backend, options)
    stop = asyncio.Event()
    task = asyncio.create_task(run(indexer, stop, on_report), name="search-indexer")
    try:
        yield indexer
    finally:
        stop.set()
        try:
            await asyncio.wait_for(task, STOP_TIMEOUT_SECONDS)
        except TimeoutError:
            _log.warning("indexer did not stop in time; cancelled mid-batch (it will be redone)")
