"""One pooled connection for a request's store reads, kept between reads that do not overlap.

A request's store reads mostly come one after another: `customer(id)` reads the customer,
then its fields read the notes page. Each read opened a session and checked a connection out
of the pool and back in (the session's and the pool's bookkeeping, the checkout and checkin
events): measured on the typical Customer360, that opening and closing was most of what
SQLAlchemy cost the request. A `ReadLease` keeps the connection of a read that finished and
hands it to the request's next read, with a new session each time (no identity map outlives
a read: a mutation's `StoreLoaders.forget()` still reads fresh rows). Reads in flight at the
same time (two lists of one customer) each get a connection of their own, as before: one
connection runs one statement at a time. A read that failed gives its connection back to the
pool (a dropped one is then replaced, and `retry_disconnect` reads again on a new one).

The request that opened the lease closes it (`aclose`) once it is answered; the kept
connection then goes back to the pool. The sessions are the read factory's (autocommit on
PostgreSQL, see `store.db.read_session_factory`), so a kept connection holds no transaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

SessionSource = Callable[[], AbstractAsyncContextManager[AsyncSession]]
"""Where a read gets its session: a session factory, or a request's `ReadLease`."""


class ReadLease:
    """Sessions for one request's reads; called as `async with lease() as session`, like the
    session factory it stands in for."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        bind: Any = sessions.kw.get("bind")
        if not isinstance(bind, AsyncEngine):
            raise TypeError("a read lease needs a session factory bound to an engine")
        self._sessions = sessions
        self._engine = bind
        self._idle: AsyncConnection | None = None
        self._closed = False
        self.checkouts = 0  # connections taken from the pool (what the lease saves, observable)

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        connection, self._idle = self._idle, None
        if connection is None:
            connection = await self._engine.connect()
            self.checkouts += 1
        keep = False
        try:
            async with self._sessions(bind=connection) as session:
                yield session
            # Kept only after a clean read, and only one: a concurrent read's connection that
            # finishes second goes back to the pool.
            keep = not self._closed and self._idle is None and not connection.invalidated
        finally:
            if keep:
                self._idle = connection
            else:
                await connection.close()

    async def aclose(self) -> None:
        """Give the kept connection back to the pool; later reads use (and return) their own."""
        self._closed = True
        connection, self._idle = self._idle, None
        if connection is not None:
            await connection.close()
