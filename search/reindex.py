"""Full rebuild: every live note into a new versioned index, then one atomic alias swap.

Searches keep using the old index until the swap. The indexer keeps writing to the live alias
meanwhile, so once the new index is live, notes changed since the rebuild began are written
again (external versioning makes the replay harmless).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.progress import SILENT, Progress
from search.backend import SearchBackend, WriteStatus
from search.documents import NoteDocument, count_live_notes, iter_live_documents
from store.db import session_factory
from store.models import utcnow

DEFAULT_BATCH_SIZE = 2500
# Bulk requests in flight at once against OpenSearch (its write pool has a thread per core).
_OPENSEARCH_WRITERS = 2
# Covers commits that were in flight when the rebuild took its start time.
_CATCH_UP_MARGIN = timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class ReindexReport:
    """What a rebuild did and how fast."""

    backend: str
    index: str
    notes: int
    failed: int
    seconds: float
    caught_up: int
    retired: list[str] = field(default_factory=list)

    @property
    def notes_per_second(self) -> float:
        """Throughput of the bulk load (catch-up excluded)."""
        return self.notes / self.seconds if self.seconds > 0 else float(self.notes)

    def __str__(self) -> str:
        return (
            f"reindexed {self.notes} notes into {self.backend} index {self.index} in "
            f"{self.seconds:.2f}s ({self.notes_per_second:,.0f} notes/s); "
            f"{self.failed} failed, {self.caught_up} re-applied after the swap"
        )


TASK = "reindex"
"""The progress task a rebuild advances, one unit per note."""


async def rebuild(
    engine: AsyncEngine,
    backend: SearchBackend,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress = SILENT,
) -> ReindexReport:
    """Rebuild the live index from the store, reporting each loaded note to `progress`."""
    sessions = session_factory(engine)
    total = await count_live_notes(sessions)
    started_at = utcnow() - _CATCH_UP_MARGIN
    index = await backend.create_index()
    started = time.perf_counter()
    try:
        progress.start(TASK, total)
        loaded = await _load(
            sessions, backend, index, batch_size, lambda count: progress.advance(TASK, count)
        )
        progress.finish(TASK)
        retired = await backend.swap_alias(index)
    except BaseException:
        await backend.drop_index(index)
        raise
    seconds = time.perf_counter() - started
    caught_up = 0
    async for batch in iter_live_documents(sessions, batch_size, changed_since=started_at):
        await backend.write(batch)
        caught_up += len(batch)
    return ReindexReport(
        backend=backend.name,
        index=index,
        notes=loaded.indexed - loaded.failed,
        failed=loaded.failed,
        seconds=seconds,
        caught_up=caught_up,
        retired=retired,
    )


@dataclass(slots=True)
class _Loaded:
    indexed: int = 0
    failed: int = 0


async def _load(
    sessions: async_sessionmaker[AsyncSession],
    backend: SearchBackend,
    index: str,
    batch_size: int,
    advance: Callable[[int], object],
) -> _Loaded:
    """Store reads and bulk writes overlapped: a reader fills a short queue, writers drain it.

    Run one after the other, each side idled while the other worked; now the rebuild takes
    about as long as its slower side. OpenSearch indexes concurrent bulk requests on parallel
    threads, so it gets two writers; SQLite has one writer at a time, so one.
    """
    writers = _OPENSEARCH_WRITERS if backend.name == "opensearch" else 1
    queue: asyncio.Queue[list[NoteDocument] | None] = asyncio.Queue(maxsize=2 * writers)
    loaded = _Loaded()

    async def read() -> None:
        async for batch in iter_live_documents(sessions, batch_size):
            await queue.put(batch)
        for _ in range(writers):
            await queue.put(None)

    async def write() -> None:
        while (batch := await queue.get()) is not None:
            outcomes = await backend.write(batch, index=index)
            loaded.failed += sum(outcome.status is WriteStatus.FAILED for outcome in outcomes)
            loaded.indexed += len(batch)
            advance(len(batch))

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(read())
            for _ in range(writers):
                group.create_task(write())
    except BaseExceptionGroup as failed:
        # Callers catch SearchUnavailable and friends, not a group: surface the first cause.
        raise failed.exceptions[0] from None
    return loaded
