"""The search outbox: each note change enqueues one row in the same transaction as the change."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from store.enums import OutboxOp
from store.models import Note, SearchOutbox


async def enqueue_note(session: AsyncSession, note: Note, op: OutboxOp = OutboxOp.UPSERT) -> None:
    """Queue the note's current version for the indexer (upsert, or delete from the index)."""
    session.add(SearchOutbox(note_id=note.id, note_version=note.version, op=op))
    await session.flush()
