"""A spend of the database rate limiter is one upsert built once, outside a transaction, and
budgets still add up across spends."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from devservices.postgres import ExternalPostgres, PostgresServer
from store.db import session_factory
from store.rate_limits import Budget, DatabaseRateLimiter
from tests.fixtures.database import Backend

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the database limiter needs it."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


async def test_each_spend_is_the_one_upsert_built_once(engine: AsyncEngine) -> None:
    # Given a limiter and a listener that sees every statement sent and executed
    limiter = DatabaseRateLimiter(session_factory(engine), 60, clock=lambda: 6_000.0)
    budgets = [Budget("principal:agent-1", 10), Budget("partner:p-1", 30)]
    await limiter.spend(budgets, 1)  # the window's first spend also purges old windows
    sent: list[str] = []
    executed: list[Any] = []

    def on_cursor(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    def on_execute(_conn: Any, clause: Any, *_args: Any) -> None:
        executed.append(clause)

    event.listen(engine.sync_engine, "before_cursor_execute", on_cursor)
    event.listen(engine.sync_engine, "before_execute", on_execute)
    try:
        # When the same caller spends twice more
        second = await limiter.spend(budgets, 2)
        third = await limiter.spend(budgets, 3)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", on_cursor)
        event.remove(engine.sync_engine, "before_execute", on_execute)

    # Then the budgets add up, each spend sent one INSERT … ON CONFLICT (no BEGIN/COMMIT),
    # and both ran the statement object built once
    assert [state.used for state in second] == [3, 3]
    assert [state.used for state in third] == [6, 6]
    assert len(sent) == 2, sent
    assert all(statement.startswith("INSERT INTO rate_limit_windows") for statement in sent)
    assert len(executed) == 2
    assert executed[0] is executed[1]
