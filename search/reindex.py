"""Full rebuild: every live note into a new versioned index, then one atomic alias swap.

Searches keep using the old index until the swap. The indexer keeps writing to the live alias
meanwhile, so once the new index is live, notes changed since the rebuild began are written
again (external versioning makes the replay harmless).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.settings import Settings
from search.backend import SearchBackend, WriteStatus
from search.client import create_search_backend
from search.documents import count_live_notes, iter_live_documents
from store.db import create_engine, session_factory
from store.models import utcnow

DEFAULT_BATCH_SIZE = 1000
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


def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("[bold]reindex[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=console is None,
    )


async def rebuild(
    engine: AsyncEngine,
    backend: SearchBackend,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    console: Console | None = None,
) -> ReindexReport:
    """Rebuild the live index from the store; shows a progress bar on `console` if given."""
    sessions = session_factory(engine)
    total = await count_live_notes(sessions)
    started_at = utcnow() - _CATCH_UP_MARGIN
    index = await backend.create_index()
    indexed = failed = 0
    started = time.perf_counter()
    try:
        with _progress(console) as progress:
            task = progress.add_task("notes", total=total)
            async for batch in iter_live_documents(sessions, batch_size):
                outcomes = await backend.write(batch, index=index)
                failed += sum(outcome.status is WriteStatus.FAILED for outcome in outcomes)
                indexed += len(batch)
                progress.advance(task, len(batch))
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
        notes=indexed - failed,
        failed=failed,
        seconds=seconds,
        caught_up=caught_up,
        retired=retired,
    )


async def reindex(
    settings: Settings, *, batch_size: int = DEFAULT_BATCH_SIZE, console: Console | None = None
) -> ReindexReport:
    """The `reindex` command: rebuild the configured backend's index from the store."""
    engine = create_engine(settings.database_url)
    backend = create_search_backend(settings)
    try:
        return await rebuild(engine, backend, batch_size=batch_size, console=console)
    finally:
        await backend.close()
        await engine.dispose()
