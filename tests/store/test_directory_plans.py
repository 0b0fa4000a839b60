"""The directory search's PostgreSQL plan: the trigram indexes answer the folded columns."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from devservices.postgres import ExternalPostgres, PostgresServer
from store.directory import directory_filter
from store.models import Customer
from tests.fixtures.database import Backend
from tests.store.test_directory_search import _given_customers, _view

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: SQLite has no trigram indexes (it scans the folded columns)."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


async def test_postgresql_answers_with_the_trigram_indexes(session: AsyncSession) -> None:
    assert session.bind is not None
    await _given_customers(session)
    # A test table is tiny, and a scan of it is cheaper than any index; with scans priced out,
    # the plan shows which indexes the query shape can use (the bench shows it at 100,000).
    await session.execute(text("SET LOCAL enable_seqscan = off"))
    where = directory_filter(await _view(), "smith 0018")
    statement = select(Customer.id).where(*where)
    compiled = statement.compile(session.bind, compile_kwargs={"literal_binds": True})
    plan = "\n".join(await session.scalars(text(f"EXPLAIN {compiled}")))
    for index in (
        "ix_customers_name_search_trgm",
        "ix_customers_email_search_trgm",
        "ix_customers_phone_search_trgm",
    ):
        assert index in plan, plan
