"""Persisted operations by hash: look up (cached), register (APQ), safelist (`persist`).

A document is immutable under its hash, so a found one is cached in the process for good
(bounded); a missing one is not cached, so a registration made through another gateway is
seen at once.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import PersistedOperation

CACHE_SIZE = 10_000


def sha256_of(document: str) -> str:
    """The APQ hash of a document: lowercase hex SHA-256 of its UTF-8 text."""
    return hashlib.sha256(document.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Persisted:
    """A persisted document and whether the operator safelisted it."""

    sha256: str
    document: str
    name: str | None
    safelisted: bool


def _insert(session: AsyncSession) -> postgresql.Insert | sqlite.Insert:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(PersistedOperation)


class PersistedOperations:
    """The store's persisted operations with a per-process cache of the ones found."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._cache: OrderedDict[str, Persisted] = OrderedDict()

    async def find(self, sha256: str) -> Persisted | None:
        """The document persisted under this hash, or None."""
        cached = self._cache.get(sha256)
        if cached is not None:
            return cached
        async with self._sessions() as session:
            row = await session.get(PersistedOperation, sha256)
        if row is None:
            return None
        found = Persisted(row.sha256, row.document, row.name, row.safelisted)
        self._cache[sha256] = found
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return found

    async def register(self, document: str) -> None:
        """Keep a client's document (APQ); an existing one (and its safelisting) is kept."""
        async with self._sessions() as session, session.begin():
            statement = _insert(session).values(
                sha256=sha256_of(document), document=document, safelisted=False
            )
            await session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))


async def safelist(session: AsyncSession, operations: Sequence[tuple[str | None, str]]) -> int:
    """Persist (name, document) pairs as safelisted, whether or not a client registered them
    before; returns how many."""
    unique = {sha256_of(document): (name, document) for name, document in operations}
    if not unique:
        return 0
    rows = [
        {"sha256": sha, "document": document, "name": name, "safelisted": True}
        for sha, (name, document) in unique.items()
    ]
    statement = _insert(session).values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["sha256"],
            set_={"name": statement.excluded.name, "safelisted": True},
        )
    )
    return len(rows)


async def safelisted(session: AsyncSession) -> list[Persisted]:
    """Every safelisted operation, by name."""
    rows = await session.scalars(
        select(PersistedOperation)
        .where(PersistedOperation.safelisted)
        .order_by(PersistedOperation.name, PersistedOperation.sha256)
    )
    return [Persisted(r.sha256, r.document, r.name, r.safelisted) for r in rows]
