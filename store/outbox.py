"""The search outbox: each note change enqueues one row in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, exists, func, select, union
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


async def purge_processed(session: AsyncSession, before: datetime, *, limit: int = 1000) -> int:
    """Delete up to ``limit`` rows the indexer settled before ``before``; returns how many.

    Kept: pending rows; every row of a note with a dead letter not yet re-driven (whether a
    later write settled it is read from them); and the newest row of the table, because
    SQLite hands a deleted highest id out again and documents are versioned by row id, so a
    reused id would make the next write look stale.
    """
    newest = select(func.max(SearchOutbox.id)).scalar_subquery()
    troubled = select(SearchDeadLetter.note_id).where(SearchDeadLetter.redriven_at.is_(None))
    doomed = (
        select(SearchOutbox.id)
        .where(
            SearchOutbox.processed_at.is_not(None),
            SearchOutbox.processed_at < before,
            SearchOutbox.id < newest,
            SearchOutbox.note_id.not_in(troubled),
        )
        .order_by(SearchOutbox.id)
        .limit(limit)
    )
    ids = list(await session.scalars(doomed))
    if ids:
        await session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(ids)))
    return len(ids)
