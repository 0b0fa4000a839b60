"""Who is writing and under which request: passed into every native write.

A write runs in one transaction that holds its record, its audit row and (for notes) its
search-outbox row; `transaction` opens it and commits only if the whole block succeeds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from policies.principal import Principal
from policies.view import PolicyView
from store.db import WRITE_TRANSACTION
from store.models import utcnow


@dataclass(frozen=True, slots=True)
class WriteContext:
    """The actor (with its compiled policy), the request id and the clock of one write."""

    view: PolicyView
    request_id: str | None = None
    now: datetime = field(default_factory=utcnow)
    # Compiles another principal's view (an assignee's, from the agents table); without it a
    # write cannot check who may be given a task, so it gives none (deny by default).
    compile_view: Callable[[Principal], PolicyView] | None = None

    @property
    def actor(self) -> str:
        """The acting principal's subject (an agent id for staff)."""
        return self.view.principal.subject

    @property
    def role(self) -> str:
        """The acting principal's primary role, as recorded in the audit log."""
        return self.view.principal.role


@asynccontextmanager
async def transaction(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session inside one transaction: committed at the end, rolled back on any error."""
    async with sessions() as session, session.begin():
        # Procured inside the transaction, so the option reaches the BEGIN it emits.
        await session.connection(execution_options={WRITE_TRANSACTION: True})
        yield session
