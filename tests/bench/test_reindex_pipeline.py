"""The rebuild's read/write pipeline: every live note written once, and failures surface as is.

(Throughput itself is measured by ``python -m bench``; these check the overlapped pipeline's
correctness with a recording backend on a small SQLite store.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import SearchUnavailable
from demo.seed import seed
from search.backend import WriteOutcome, WriteStatus
from search.documents import NoteDocument
from search.reindex import rebuild
from search.request import NoteSearch
from search.results import SearchPage
from store.db import create_engine
from store.migrate import async_upgrade
from store.models import Note
from store.visibility import NoteVisibility


class RecordingBackend:
    """Keeps what it is sent; `fail_after` batches, it reports an outage."""

    def __init__(self, name: str, fail_after: int | None = None) -> None:
        self.name = name
        self.fail_after = fail_after
        self.batches: list[list[str]] = []
        self.live: str | None = None
        self.dropped: list[str] = []

    async def ping(self) -> str:
        return self.name

    async def close(self) -> None:
        return None

    async def ensure_index(self) -> None:
        return None

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        if self.fail_after is not None and len(self.batches) >= self.fail_after:
            raise SearchUnavailable("recording backend is down")
        self.batches.append([document.note_id for document in documents])
        return [WriteOutcome(d.note_id, WriteStatus.WRITTEN) for d in documents]

    async def search(self, search: NoteSearch, visibility: NoteVisibility) -> SearchPage:
        raise NotImplementedError

    async def refresh(self) -> None:
        return None

    async def create_index(self) -> str:
        return "rebuild-target"

    async def swap_alias(self, index: str) -> list[str]:
        self.live = index
        return []

    async def drop_index(self, index: str) -> None:
        self.dropped.append(index)


@pytest.fixture(scope="module")
async def engine(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AsyncEngine]:
    """A small seeded SQLite store."""
    url = f"sqlite+aiosqlite:///{Path(tmp_path_factory.mktemp('reindex')) / 'store.db'}"
    await async_upgrade(url)
    store = create_engine(url)
    await seed(store, customers=20, notes=300)
    yield store
    await store.dispose()


@pytest.mark.parametrize("name", ["opensearch", "embedded"])
async def test_every_live_note_is_written_exactly_once(engine: AsyncEngine, name: str) -> None:
    backend = RecordingBackend(name)
    report = await rebuild(engine, backend, batch_size=32)
    written = [note_id for batch in backend.batches for note_id in batch]
    async with engine.connect() as conn:
        live = await conn.scalar(
            select(func.count()).select_from(Note).where(Note.deleted_at.is_(None))
        )
    assert len(written) == len(set(written)) == live == report.notes
    assert backend.live == "rebuild-target"


async def test_an_outage_mid_rebuild_surfaces_and_drops_the_target(engine: AsyncEngine) -> None:
    backend = RecordingBackend("opensearch", fail_after=2)
    with pytest.raises(SearchUnavailable):
        await rebuild(engine, backend, batch_size=32)
    assert backend.dropped == ["rebuild-target"]
    assert backend.live is None
