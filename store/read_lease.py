"""One pooled connection for a request's store reads, kept between reads that do not overlap.

A request's store reads mostly come one after another: `customer(id)` reads the customer,
then its fields read the notes page. Each read opened a session and checked a connection out
of the pool and back in (the session's and the pool's bookkeeping, the checkout and checkin
events), a large part of what SQLAlchemy cost the typical Customer360 beyond its
statements. A `ReadLease` keeps the connection of a read that finished and
hands it to the request's next read, with a new session each time (no identity map outlives
a read: a mutation's `StoreLoaders.forget()` still reads fresh rows). Reads in flight at the
same time (two lists of one customer) each get a connection of their own, as before: one
connection runs one statement at a time. A read that failed gives its connection back to the
pool (a dropped one is then replaced, and `retry_disconnect` reads again on a new one).

A connection is kept for the next read only `KEEP_SECONDS`: a request that then waits on an
upstream system (a CRM or order call of a few hundred milliseconds) does not hold a pooled
connection idle meanwhile, so the pool still serves about as many requests in flight as it
did. The request that opened the lease closes it (`aclose`) once it is answered; what it
kept then goes back to the pool. The sessions are the read factory's (autocommit on
PostgreSQL, see `store.db.read_session_factory`), so a kept connection holds no transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

KEEP_SECONDS = 0.05
"""How long a finished read's connection waits for the request's next read (a Customer360's
notes page follows its customer within a few event-loop turns) before going back to the pool."""

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
        self._expiry: asyncio.TimerHandle | None = None
        self._returning: set[asyncio.Task[None]] = set()
        self._closed = False
        self.checkouts = 0  # connections taken from the pool (what the lease saves, observable)

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        connection = self._take()
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
                self._expiry = asyncio.get_running_loop().call_later(KEEP_SECONDS, self._expire)
            else:
                await connection.close()

    def _take(self) -> AsyncConnection | None:
        connection, self._idle = self._idle, None
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None
        return connection

    def _expire(self) -> None:
        # No read came for it in time: back to the pool (closing is async; the task is kept
        # until done, and `aclose` waits for it).
        connection = self._take()
        if connection is not None:
            task = asyncio.ensure_future(connection.close())
            self._returning.add(task)
            task.add_done_callback(self._returning.discard)

    async def aclose(self) -> None:
        """Give the kept connection back to the pool; later reads use (and return) their own."""
        self._closed = True
        connection = self._take()
        if connection is not None:
            await connection.close()
        if self._returning:
            await asyncio.gather(*self._returning)
