"""`sync-customers`: the CRM's directory becomes the store's customer references, idempotently."""

from __future__ import annotations

from sqlalchemy import func, select

from core.settings import Settings
from demo.upstreams.serve import DemoUpstreams
from gateway.jobs.customer_sync import sync_customers
from gateway.runtime import open_runtime
from store.db import create_engine
from store.models import Branch, Customer
from tests.fixtures.upstreams import DEMO_CUSTOMERS, FAST


async def test_sync_fills_an_empty_store_and_repeats_harmlessly(
    database_url: str, demo_upstreams_sqlite: DemoUpstreams
) -> None:
    # Given an empty, migrated store and the demo CRM
    settings = Settings(environment="test", database_url=database_url)
    config = demo_upstreams_sqlite.config.with_resilience(FAST)

    # When the directory is synced twice
    async with open_runtime(settings, config) as runtime:
        first = await sync_customers(runtime)
        second = await sync_customers(runtime)

    # Then every CRM customer has a reference, with its branch, and referrals are linked
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            count = await connection.scalar(select(func.count()).select_from(Customer))
            branches = set(await connection.scalars(select(Branch.id)))
            referred = await connection.scalar(
                select(func.count())
                .select_from(Customer)
                .where(Customer.referred_by_id.is_not(None))
            )
            one = (
                await connection.execute(select(Customer).where(Customer.id == "cust-00001"))
            ).one()
    finally:
        await engine.dispose()
    crm = {row["id"]: row for row in demo_upstreams_sqlite.data.directory.customers}
    assert first.customers == second.customers == DEMO_CUSTOMERS
    assert count == DEMO_CUSTOMERS
    assert first.referrals == second.referrals == referred
    assert referred
    assert one.branch_id in branches
    assert one.name == crm["cust-00001"]["name"]
    assert one.branch_id == crm["cust-00001"]["branch_id"]
