"""The `reindex` job: rebuild the runtime's search index from the store (search/reindex.py)."""

from __future__ import annotations

from core.progress import SILENT, Progress
from gateway.runtime import Runtime
from search.reindex import DEFAULT_BATCH_SIZE, ReindexReport, rebuild


async def reindex(
    runtime: Runtime, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress = SILENT
) -> ReindexReport:
    """Rebuild the configured backend's note index into a new index, then swap the alias."""
    return await rebuild(runtime.engine, runtime.search, batch_size=batch_size, progress=progress)
