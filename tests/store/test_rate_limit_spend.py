"""A rate-limit spend on PostgreSQL is counted exactly once when the server drops the
connection around its COMMIT: dropped after the server committed (the client never heard),
it is not counted again; dropped before (pg_terminate_backend while the spend's transaction
is open), the retry counts it. And a spend is one upsert built once; budgets add up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import asyncpg
import pytest
from sqlalchemy import delete, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.util import await_only

from devservices.postgres import ExternalPostgres, PostgresServer
from store.db import create_engine, session_factory
from store.models import RateLimitWindow
from store.rate_limits import Budget, DatabaseRateLimiter
from tests.fixtures.database import Backend
from tests.fixtures.statements import recorded_statements

pytestmark = [pytest.mark.postgres]

BUDGET = Budget("principal:agent-2", 1_000)
COST = 7
WINDOW_SECONDS = 3_600


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the database limiter, and its dropped connections, are PostgreSQL's."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A fresh engine per test: a test leaves a dropped connection in its pool."""
    opened = create_engine(database_url)
    try:
        async with opened.begin() as connection:
            await connection.execute(delete(RateLimitWindow))
        yield opened
    finally:
        await opened.dispose()


def dropping_sessions(
    engine: AsyncEngine, moment: str, drop: Callable[[Session], None]
) -> async_sessionmaker[AsyncSession]:
    """Sessions on `engine` whose first transaction runs `drop(session)` at `moment` (the
    Session event ``before_commit`` or ``after_commit``); later ones commit as usual."""

    class Dropping(Session):
        """This test's sessions: the listener below is theirs alone."""

    done: list[Session] = []

    def once(session: Session) -> None:
        if not done:
            done.append(session)
            drop(session)

    event.listen(Dropping, moment, once)
    return async_sessionmaker(engine, sync_session_class=Dropping, expire_on_commit=False)


async def used(engine: AsyncEngine) -> int:
    """What the budget's row of the current window counts."""
    async with engine.connect() as connection:
        value = await connection.scalar(
            select(RateLimitWindow.used).where(RateLimitWindow.key == BUDGET.key)
        )
    return int(value or 0)


async def test_a_spend_committed_before_the_connection_dropped_is_not_counted_again(
    engine: AsyncEngine,
) -> None:
    def dropped_after_commit(_session: Session) -> None:
        # The server committed; the connection is then lost before the client hears it.
        lost = ConnectionError("connection lost")
        raise DBAPIError("COMMIT", None, lost, connection_invalidated=True)

    sessions = dropping_sessions(engine, "after_commit", dropped_after_commit)
    limiter = DatabaseRateLimiter(sessions, WINDOW_SECONDS)

    [state] = await limiter.spend([BUDGET], COST)

    assert state.used == COST
    assert await used(engine) == COST


async def test_a_spend_dropped_before_its_commit_is_counted_by_the_retry(
    engine: AsyncEngine, database_url: str
) -> None:
    plain = database_url.replace("postgresql+asyncpg://", "postgresql://", 1)

    def terminated(session: Session) -> None:
        pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar_one()

        async def terminate() -> None:
            admin = await asyncpg.connect(plain)
            try:
                # Waits (up to 5 s) until the backend is gone: the COMMIT meets a dead socket.
                await admin.execute("SELECT pg_terminate_backend($1, 5000)", pid)
            finally:
                await admin.close()

        await_only(terminate())

    limiter = DatabaseRateLimiter(
        dropping_sessions(engine, "before_commit", terminated), WINDOW_SECONDS
    )

    [state] = await limiter.spend([BUDGET], COST)

    assert state.used == COST
    assert await used(engine) == COST


async def test_each_spend_is_the_one_upsert_built_once(engine: AsyncEngine) -> None:
    # Given a limiter and a recorder of every statement sent and executed
    limiter = DatabaseRateLimiter(session_factory(engine), 60, clock=lambda: 6_000.0)
    budgets = [Budget("principal:agent-1", 10), Budget("partner:p-1", 30)]
    await limiter.spend(budgets, 1)  # the window's first spend also purges old windows
    with recorded_statements(engine) as recorded:
        # When the same caller spends twice more
        second = await limiter.spend(budgets, 2)
        third = await limiter.spend(budgets, 3)

    # Then the budgets add up, each spend sent one INSERT … ON CONFLICT, and both ran the
    # statement object built once
    assert [state.used for state in second] == [3, 3]
    assert [state.used for state in third] == [6, 6]
    assert len(recorded.sent) == 2, recorded.sent
    assert all(s.startswith("INSERT INTO rate_limit_windows") for s in recorded.sent)
    assert len(recorded.executed) == 2
    assert recorded.executed[0] is recorded.executed[1]
