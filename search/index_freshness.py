"""Whether the search index holds the store's notes closely enough to count them from it.

The indexer settles a note change within its poll and a refresh (about a second). Counting
from the index is only as good as that: a pending change older than the allowed lag (the
indexer is down or far behind) or a dead-lettered one (a document the engine refused, not yet
re-driven) means the index is not the store, and the caller counts from the store instead.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import SearchDeadLetter, SearchOutbox, utcnow


async def index_lag_problem(
    sessions: async_sessionmaker[AsyncSession], max_lag: timedelta
) -> str | None:
    """Why the index may miss note changes (for the log), or None when it is current."""
    # Pending rows are few and read through ix_search_outbox_pending; both tests stop early.
    behind = exists(
        select(SearchOutbox.id).where(
            SearchOutbox.processed_at.is_(None), SearchOutbox.enqueued_at < utcnow() - max_lag
        )
    )
    refused = exists(select(SearchDeadLetter.id).where(SearchDeadLetter.redriven_at.is_(None)))
    async with sessions() as session:
        lagging, dead = (await session.execute(select(behind, refused))).one()
    if lagging:
        return f"a note change has waited for the indexer over {max_lag.total_seconds():g} s"
    if dead:
        return "a note change is dead-lettered (not in the index until re-driven)"
    return None
