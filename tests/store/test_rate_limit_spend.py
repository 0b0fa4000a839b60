"""A rate-limit spend on PostgreSQL is counted exactly once when the server drops the
connection around its COMMIT: dropped after the server committed (the client never heard),
it is not counted again; dropped before (pg_terminate_backend while the spend's transaction
is open), the retry counts it; dropped while the server takes seconds over the COMMIT, the
retry waits for it to end and counts it only if it aborted, and past that wait answers the
caller as charged without spending again. And a spend is one upsert built once; budgets add
up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import asyncpg
import pytest
from sqlalchemy import delete, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlalchemy.util import await_only
from structlog.testing import capture_logs

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
COMMIT_LOCK = 4_242


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


class CommitGate:
    """Holds back every COMMIT of a transaction that wrote a rate-limit row: a deferred
    trigger takes a shared advisory lock at COMMIT, which the test holds exclusively. While it
    waits there, the server still shows the transaction in progress."""

    def __init__(self, admin: asyncpg.Connection) -> None:
        self.admin = admin
        self.held: list[int] = []

    async def hold(self) -> None:
        """Commits wait from now on."""
        await self.admin.execute("SELECT pg_advisory_lock($1)", COMMIT_LOCK)

    async def release(self, after: float = 0.0) -> None:
        """Commits go through (after `after` seconds)."""
        await asyncio.sleep(after)
        await self.admin.execute("SELECT pg_advisory_unlock_all()")

    async def abort_held(self, after: float) -> None:
        """End the backends held at the gate (after `after` seconds): their COMMITs abort; the
        gate then lets the others through."""
        await asyncio.sleep(after)
        for pid in self.held:
            await self.admin.execute("SELECT pg_terminate_backend($1, 5000)", pid)
        await self.release()

    async def wait_until_held(self, pid: int) -> None:
        """Return once backend `pid` waits at the gate."""
        for _ in range(500):
            waiting = await self.admin.fetchval(
                "SELECT wait_event = 'advisory' FROM pg_stat_activity WHERE pid = $1", pid
            )
            if waiting:
                self.held.append(pid)
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"backend {pid} never reached the COMMIT gate")


@pytest.fixture
async def commit_gate(engine: AsyncEngine, database_url: str) -> AsyncIterator[CommitGate]:
    """A gate on this database's rate-limit writes, removed after the test."""
    async with engine.begin() as connection:
        await connection.exec_driver_sql(
            "CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM pg_advisory_xact_lock_shared({COMMIT_LOCK}); RETURN NULL; END $$"
        )
        await connection.exec_driver_sql(
            "CREATE CONSTRAINT TRIGGER wait_at_commit AFTER INSERT OR UPDATE "
            "ON rate_limit_windows DEFERRABLE INITIALLY DEFERRED "
            "FOR EACH ROW EXECUTE FUNCTION wait_at_commit()"
        )
    admin = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        yield CommitGate(admin)
    finally:
        await admin.execute("SELECT pg_advisory_unlock_all()")
        await admin.close()
        async with engine.begin() as connection:
            await connection.exec_driver_sql("DROP TRIGGER wait_at_commit ON rate_limit_windows")
            await connection.exec_driver_sql("DROP FUNCTION wait_at_commit()")


def commit_sent_then_lost(gate: CommitGate) -> Callable[[Session], None]:
    """A `before_commit` drop: the COMMIT reaches the server, which holds it at the gate; the
    connection is then lost, so the client never hears how it ended (the server carries on)."""

    def drop(session: Session) -> None:
        connection = session.connection()
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        raw: Any = connection.connection.dbapi_connection
        driver: asyncpg.Connection = raw.driver_connection

        async def send_then_lose() -> None:
            commit = asyncio.ensure_future(driver.execute("COMMIT"))
            await gate.wait_until_held(pid)
            driver.terminate()
            await asyncio.gather(commit, return_exceptions=True)

        await_only(send_then_lose())

    return drop


async def used_once_settled(engine: AsyncEngine) -> int:
    """What the budget's row counts once the held commit has gone through."""
    for _ in range(500):
        if value := await used(engine):
            return value
        await asyncio.sleep(0.01)
    return 0


async def test_a_commit_the_server_takes_seconds_to_end_is_not_counted_again(
    engine: AsyncEngine, commit_gate: CommitGate
) -> None:
    # Given a spend whose COMMIT the server holds for 2 s, its connection lost meanwhile
    await commit_gate.hold()
    sessions = dropping_sessions(engine, "before_commit", commit_sent_then_lost(commit_gate))
    limiter = DatabaseRateLimiter(sessions, WINDOW_SECONDS)
    released = asyncio.create_task(commit_gate.release(after=2.0))

    # When it spends
    [state] = await limiter.spend([BUDGET], COST)
    await released

    # Then it waited for the outcome and counted the spend once
    assert state.used == COST
    assert await used(engine) == COST


async def test_a_commit_the_server_holds_then_aborts_is_counted_by_the_retry(
    engine: AsyncEngine, commit_gate: CommitGate
) -> None:
    # Given two budgets, already spent from, and a spend whose COMMIT the server holds for
    # 1.5 s and then aborts (its backend ended), the connection lost meanwhile
    budgets = [BUDGET, Budget("partner:p-1", 5_000)]
    await DatabaseRateLimiter(session_factory(engine), WINDOW_SECONDS).spend(budgets, 1)
    await commit_gate.hold()
    sessions = dropping_sessions(engine, "before_commit", commit_sent_then_lost(commit_gate))
    limiter = DatabaseRateLimiter(sessions, WINDOW_SECONDS)
    aborted = asyncio.create_task(commit_gate.abort_held(after=1.5))

    # When it spends
    states = await limiter.spend(budgets, COST)
    await aborted

    # Then the retry counted it, once per budget
    assert [state.used for state in states] == [1 + COST, 1 + COST]
    assert await used(engine) == 1 + COST


async def test_a_commit_unsettled_past_the_wait_is_answered_as_spent_not_spent_again(
    engine: AsyncEngine, commit_gate: CommitGate
) -> None:
    # Given a spend whose COMMIT the server holds past the limiter's wait for an outcome
    await commit_gate.hold()
    sessions = dropping_sessions(engine, "before_commit", commit_sent_then_lost(commit_gate))
    limiter = DatabaseRateLimiter(sessions, WINDOW_SECONDS, settle_seconds=0.3)

    # When it spends
    with capture_logs() as logs:
        [state] = await limiter.spend([BUDGET], COST)

    # Then the caller is answered as charged, the outcome is logged, nothing was spent again
    assert state.used == COST
    assert [(log["log_level"], log["event"]) for log in logs] == [
        ("warning", "rate-limit spend unsettled: answered as spent, not spent again")
    ]
    assert await used(engine) == 0  # still held at COMMIT
    # And once the server ends that COMMIT, the spend counted once; the next one adds to it
    await commit_gate.release()
    assert await used_once_settled(engine) == COST
    [after] = await limiter.spend([BUDGET], 1)
    assert after.used == COST + 1
