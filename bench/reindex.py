"""Reindex throughput: a full rebuild of a seeded store into each search backend, notes/s.

The figure is a count, not a ratio: the target (thousands of notes per second) is absolute,
so it is printed with the store, backend and size it was measured on.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from bench.report import Figure
from demo.seed import seed
from gateway.cli import progress_bars
from search.backend import SearchBackend
from search.embedded import EmbeddedSearch
from search.opensearch_backend import OpenSearchBackend
from search.reindex import rebuild
from store.db import create_engine

TARGET_NOTES_PER_SECOND = 2_000


async def run(
    *,
    store_url: str,
    customers: int,
    notes: int,
    opensearch_url: str | None,
    progress: bool,
) -> list[Figure]:
    """Seed `store_url` (migrated, empty), then rebuild it into each available backend."""
    engine = create_engine(store_url)
    try:
        with progress_bars(progress) as bars:
            await seed(engine, customers=customers, notes=notes, progress=bars)
        figures = []
        with tempfile.TemporaryDirectory() as directory:
            backends: list[SearchBackend] = [EmbeddedSearch.open(Path(directory) / "search.db")]
            if opensearch_url:
                backends.append(OpenSearchBackend(opensearch_url, f"bench-{uuid.uuid4().hex[:8]}"))
            for backend in backends:
                try:
                    report = await rebuild(engine, backend)
                    if isinstance(backend, OpenSearchBackend):
                        await backend.drop_index(report.index)
                finally:
                    await backend.close()
                figures.append(
                    Figure(
                        f"reindex into {backend.name} ({engine.dialect.name} store)",
                        report.notes_per_second,
                        "notes/s",
                        f">= {TARGET_NOTES_PER_SECOND:,} notes/s",
                        report.notes_per_second >= TARGET_NOTES_PER_SECOND,
                        f"{report.notes:,} notes in {report.seconds:.1f} s",
                    )
                )
        return figures
    finally:
        await engine.dispose()
