"""Re-driving dead letters reads them and writes their outbox rows in one write transaction
from its first statement: another writer committing between the read and the writes cannot
fail it with "database is locked" on SQLite (it waits its turn instead), on both stores."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import event, func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_only

from search.dead_letters import redrive
from store.db import create_engine
from store.enums import OutboxOp
from store.models import Customer, SearchDeadLetter, SearchOutbox
from tests.fixtures.seeded import SeededStore


@pytest.fixture
async def other_writer(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A second writer on the store, as the gateway's other requests and jobs are."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


async def test_a_writer_committing_between_the_read_and_the_writes_cannot_fail_it(
    seeded_store: SeededStore, other_writer: AsyncEngine
) -> None:
    note_id = str(uuid.uuid4())
    async with seeded_store.sessions() as session, session.begin():
        session.add(
            SearchDeadLetter(
                outbox_id=1, note_id=note_id, note_version=1, op=OutboxOp.UPSERT, error="x"
            )
        )
    interleaved: list[str] = []

    async def commit_elsewhere() -> None:
        async with other_writer.connect() as connection:
            if connection.dialect.name == "sqlite":
                # Waits briefly for the lock: it must not get in while the redrive holds it.
                await connection.exec_driver_sql("PRAGMA busy_timeout=200")
                await connection.commit()
            async with connection.begin():
                first = select(Customer.id).order_by(Customer.id).limit(1).scalar_subquery()
                await connection.execute(
                    update(Customer).where(Customer.id == first).values(name=Customer.name)
                )

    def after_the_read(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if (
            statement.startswith("SELECT")
            and "FROM search_dead_letter" in statement
            and not interleaved
        ):
            try:
                await_only(commit_elsewhere())
                interleaved.append("committed")
            except OperationalError:
                interleaved.append("waited")

    event.listen(seeded_store.engine.sync_engine, "after_cursor_execute", after_the_read)
    try:
        assert await redrive(seeded_store.sessions) == 1
    finally:
        event.remove(seeded_store.engine.sync_engine, "after_cursor_execute", after_the_read)

    assert interleaved  # the other writer tried to commit right after the read
    async with seeded_store.sessions() as session:
        queued = await session.scalar(
            select(func.count()).select_from(SearchOutbox).where(SearchOutbox.note_id == note_id)
        )
        letter = await session.scalar(
            select(SearchDeadLetter).where(SearchDeadLetter.note_id == note_id)
        )
    assert queued == 1
    assert letter is not None
    assert letter.redriven_at is not None
