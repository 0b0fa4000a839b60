"""Dead letters: outbox rows the indexer gave up on, listed for operators and re-driven."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import SearchDeadLetter, SearchOutbox, utcnow
from store.write_context import transaction


async def dead_letters(
    sessions: async_sessionmaker[AsyncSession], *, include_redriven: bool = False, limit: int = 100
) -> list[SearchDeadLetter]:
    """The newest dead letters (not yet re-driven unless asked)."""
    statement = select(SearchDeadLetter).order_by(SearchDeadLetter.id.desc()).limit(limit)
    if not include_redriven:
        statement = statement.where(SearchDeadLetter.redriven_at.is_(None))
    async with sessions() as session:
        return list(await session.scalars(statement))


async def redrive(
    sessions: async_sessionmaker[AsyncSession], ids: Sequence[int] | None = None
) -> int:
    """Queue dead letters (all pending ones, or `ids`) again as fresh outbox rows."""
    statement = select(SearchDeadLetter).where(SearchDeadLetter.redriven_at.is_(None))
    if ids is not None:
        statement = statement.where(SearchDeadLetter.id.in_(list(ids)))
    # A write from its first statement (BEGIN IMMEDIATE on SQLite): a read-then-write
    # transaction failed with "database is locked" when another writer committed in between.
    async with transaction(sessions) as session:
        letters = list(await session.scalars(statement.with_for_update()))
        now = utcnow()
        for letter in letters:
            session.add(
                SearchOutbox(note_id=letter.note_id, note_version=letter.note_version, op=letter.op)
            )
            letter.redriven_at = now
    return len(letters)


async def outbox_depth(sessions: async_sessionmaker[AsyncSession]) -> int:
    """How many outbox rows are still waiting for the indexer."""
    async with sessions() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(SearchOutbox)
            .where(SearchOutbox.processed_at.is_(None))
        )
    return int(count or 0)
