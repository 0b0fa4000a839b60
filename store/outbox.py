"""The search outbox: each note change enqueues one row in the same transaction as the change."""

from __future__ import annotations

from sqlalchemy import and_, exists, select, union
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import SearchUnavailable
from store.enums import OutboxOp
from store.models import Note, SearchDeadLetter, SearchOutbox

# More unsettled notes than this and searchNotes refuses rather than filter a huge id list:
# the indexer is far behind (down, or draining a bulk re-queue) and catches up on its own.
MAX_UNSETTLED = 10_000


async def enqueue_note(session: AsyncSession, note: Note, op: OutboxOp = OutboxOp.UPSERT) -> None:
    """Queue the note's current version for the indexer (upsert, or delete from the index)."""
    session.add(SearchOutbox(note_id=note.id, note_version=note.version, op=op))
    await session.flush()


async def unsettled_note_ids(sessions: async_sessionmaker[AsyncSession]) -> frozenset[str]:
    """Notes whose latest change the search index may not hold: pending, or dead-lettered.

    Raises SearchUnavailable when there are more than MAX_UNSETTLED of them.
    """
    later = SearchOutbox.__table__.alias("later")
    written_since = exists(
        select(later.c.id).where(
            later.c.note_id == SearchDeadLetter.note_id,
            later.c.id > SearchDeadLetter.outbox_id,
            later.c.processed_at.is_not(None),
            ~exists(select(SearchDeadLetter.id).where(SearchDeadLetter.outbox_id == later.c.id)),
        )
    )
    unsettled = union(
        select(SearchOutbox.note_id).where(SearchOutbox.processed_at.is_(None)),
        select(SearchDeadLetter.note_id).where(
            and_(SearchDeadLetter.redriven_at.is_(None), ~written_since)
        ),
    ).limit(MAX_UNSETTLED + 1)
    async with sessions() as session:
        ids = frozenset((await session.scalars(select(unsettled.subquery().c.note_id))).all())
    if len(ids) > MAX_UNSETTLED:
        raise SearchUnavailable(
            f"the search index is more than {MAX_UNSETTLED} changes behind the store; "
            "searchNotes answers again once the indexer has caught up"
        )
    return ids
