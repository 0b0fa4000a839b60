"""The embedded backend's batched write path (the rebuild's fast path) keeps versioning exact.

A batch mixing new, newer and stale documents, and a batch repeating one note, must end as if
each document had been written alone, in order.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from search.backend import WriteStatus
from search.documents import NoteDocument
from search.embedded import EmbeddedSearch
from search.embedded_tables import generation


def _doc(note_id: str, version: int, *, tags: tuple[str, ...] = ("x",)) -> NoteDocument:
    return NoteDocument(
        note_id=note_id,
        version=version,
        subject=f"{note_id} v{version}",
        body="body",
        tags=tags,
        assigned_agents=("agent-1",),
    )


@pytest.fixture
async def backend(tmp_path: Path) -> AsyncIterator[EmbeddedSearch]:
    """A fresh embedded index."""
    search = EmbeddedSearch.open(tmp_path / "search.db")
    await search.ensure_index()
    yield search
    await search.close()


async def test_a_mixed_batch_ends_as_if_written_one_by_one(backend: EmbeddedSearch) -> None:
    first = await backend.write([_doc("a", 1), _doc("b", 1)])
    assert [o.status for o in first] == [WriteStatus.WRITTEN] * 2

    mixed = await backend.write([_doc("a", 1), _doc("b", 2, tags=("y", "z")), _doc("c", 1)])
    assert [o.status for o in mixed] == [
        WriteStatus.STALE,
        WriteStatus.WRITTEN,
        WriteStatus.WRITTEN,
    ]

    repeated = await backend.write([_doc("d", 2), _doc("d", 1), _doc("d", 3)])
    assert [o.status for o in repeated] == [
        WriteStatus.WRITTEN,
        WriteStatus.STALE,
        WriteStatus.WRITTEN,
    ]

    tables = generation(1)
    async with backend.engine.connect() as conn:
        versions = dict(
            (await conn.execute(select(tables.docs.c.note_id, tables.docs.c.version))).all()
        )
        fts_rows = await conn.scalar(select(func.count()).select_from(tables.fts))
        b_tags = sorted(
            (
                await conn.scalars(
                    select(tables.tags.c.tag)
                    .join(tables.docs, tables.docs.c.id == tables.tags.c.doc_id)
                    .where(tables.docs.c.note_id == "b")
                )
            ).all()
        )
    assert versions == {"a": 1, "b": 2, "c": 1, "d": 3}
    assert fts_rows == 4
    assert b_tags == ["y", "z"]
