"""PostgreSQL reads a page of a big customer's notes as a range read of a customer-led index,
stopping after the page (no sort of the customer's notes), with custom plans on every
connection."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from devservices.postgres import ExternalPostgres, PostgresServer
from policies.principal import Principal
from store.db import session_factory
from store.models import Agent, Branch, Customer, Note
from store.note_reads import NoteFilter, notes_by_customer_ids
from store.pagination import PageRequest
from tests.fixtures.database import Backend
from tests.store.native import policy

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the plans and plan_cache_mode are PostgreSQL's."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


BIG_NOTES, SMALL_CUSTOMERS = 3_000, 300
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _notes(customer: str, count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": str(uuid.uuid4()),
            "customer_id": customer,
            "author_id": "plan-agent",
            "subject": "s",
            "body": "b",
            "category": "sales",
            "type": "interaction_log",
            "scope": ("sales", "support", "internal")[n % 3],
            "pinned": n % 100 == 0,
            "created_at": NOW - timedelta(minutes=n),
            "updated_at": NOW,
        }
        for n in range(count)
    ]


@pytest.fixture(scope="module")
async def big_customer(engine: AsyncEngine) -> str:
    """One customer with BIG_NOTES notes among SMALL_CUSTOMERS with two each, analysed."""
    async with engine.begin() as connection:
        await connection.execute(insert(Branch).values(id="plan-b", name="Plans"))
        await connection.execute(
            insert(Agent).values(id="plan-agent", name="P", email="p@example.com", role="sales")
        )
        ids = ["plan-big", *(f"plan-{i:04d}" for i in range(SMALL_CUSTOMERS))]
        await connection.execute(
            insert(Customer), [{"id": i, "name": i, "branch_id": "plan-b"} for i in ids]
        )
        rows = _notes("plan-big", BIG_NOTES)
        for customer in ids[1:]:
            rows += _notes(customer, 2)
        await connection.execute(insert(Note), rows)
    async with engine.connect() as connection:
        await (await connection.execution_options(isolation_level="AUTOCOMMIT")).execute(
            text("ANALYZE notes")
        )
    return "plan-big"


async def test_every_connection_plans_each_execution(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.scalar(text("SHOW plan_cache_mode")) == "force_custom_plan"


@pytest.mark.parametrize("role", ["admin", "sales", "support"])
async def test_a_big_customers_page_is_a_range_read(
    engine: AsyncEngine, big_customer: str, role: str
) -> None:
    view = (await policy()).compile(Principal("plan-agent", (role,)))
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "LATERAL" in statement:
            captured.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with session_factory(engine)() as session:
            [page] = await notes_by_customer_ids(
                session, view, [big_customer], NoteFilter(), PageRequest(20)
            )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    assert len(page.items) == 20
    [(statement, parameters)] = captured
    async with engine.connect() as connection:
        result = await connection.exec_driver_sql(
            f"EXPLAIN (ANALYZE, COSTS OFF) {statement}", parameters
        )
        plan = "\n".join(row[0] for row in result)
    # A range read of an index led by the customer in page order (ix_notes_customer_live, or
    # the older ix_notes_customer_keyset where the planner prices it alike) that stops after
    # first + 1 rows: no sort of the customer's notes (only the pages' rows, at most first + 1
    # per customer, are put in the parents' order above the LATERAL join).
    assert "Index Scan Backward using ix_notes_customer_" in plan, plan
    assert "Sort" not in plan[plan.index("Limit") :], plan
    assert "Limit (actual time=" in plan, plan
    assert "rows=21 loops=1" in plan, plan
