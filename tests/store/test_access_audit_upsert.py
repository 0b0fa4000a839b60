"""On PostgreSQL a request's sensitive reads are recorded by one statement built once: no
locking read before it, no transaction around it, and concurrent requests adding note ids to
one row keep every id (the merge happens in SQL, under the row lock of ON CONFLICT)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from devservices.postgres import ExternalPostgres, PostgresServer
from store.access_audit import NOTE_ID_CAP, AccessGroup, record
from store.db import session_factory
from store.models import AccessRead
from tests.fixtures.database import Backend
from tests.fixtures.statements import recorded_statements

pytestmark = [pytest.mark.postgres]

NOW = datetime(2026, 11, 21, 9, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: SQLite keeps its write transaction (it has no row locks)."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


async def test_one_statement_built_once_records_a_request(engine: AsyncEngine) -> None:
    # Given a recorder of every statement sent and every statement object executed
    sessions = session_factory(engine)
    with recorded_statements(engine) as recorded:
        # When two requests that showed restricted notes and financials are recorded
        for principal in ("agent-a", "agent-b"):
            reads = {
                ("c-9", AccessGroup.RESTRICTED_NOTES): {"n-2", "n-1"},
                ("c-9", AccessGroup.FINANCIALS): set[str](),
            }
            await record(sessions, principal=principal, role="manager", reads=reads, now=NOW)

    # Then each was one INSERT … ON CONFLICT (no SELECT … FOR UPDATE, no BEGIN/COMMIT), and
    # both ran the very statement object built once
    assert len(recorded.sent) == 2, recorded.sent
    assert all(s.startswith("INSERT INTO access_audit") for s in recorded.sent)
    assert len(recorded.executed) == 2
    assert recorded.executed[0] is recorded.executed[1]


async def test_concurrent_requests_keep_every_id_on_one_row(engine: AsyncEngine) -> None:
    # Given one reader shown overlapping sets of restricted notes by concurrent requests
    sessions = session_factory(engine)
    batches = [{f"n-{i:03}" for i in range(start, start + 30)} for start in range(0, 60, 12)]

    # When they are recorded at the same time, in the same hour
    await asyncio.gather(
        *(
            record(
                sessions,
                principal="agent-c",
                role="qa",
                reads={("c-7", AccessGroup.RESTRICTED_NOTES): ids},
                now=NOW,
            )
            for ids in batches
        )
    )

    # Then one row counts them all and keeps the union, sorted, with nothing lost
    async with sessions() as session:
        [row] = await session.scalars(select(AccessRead).where(AccessRead.principal == "agent-c"))
    union = sorted(set().union(*batches))
    assert len(union) < NOTE_ID_CAP
    assert row.read_count == len(batches)
    assert row.note_ids == union
    assert row.note_ids_truncated is False
