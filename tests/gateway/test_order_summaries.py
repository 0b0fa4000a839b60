"""`summarise-orders`: order figures from one stored row per customer, equal to the live ones.

Lifetime value, the repurchase signal and the DORMANT badge needed each customer's whole
order history on every request. After the job, a page of customers reads one summary row
each and no order at all (the marketplace feed counts zero requests); before it, and for a
customer the job has not reached, the same figures are computed live.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import delete, func, select, update

from datasources.registry import Upstreams
from demo.upstreams.serve import DemoUpstreams
from gateway.jobs.order_summaries import summarise_orders
from gateway.runtime import open_runtime
from policies.principal import Principal
from resolvers.upstream_loaders import UpstreamLoaders
from schema import build_schema
from store.models import Customer, OrderSummary
from store.order_summaries import order_summaries_by_customer_id
from store.write_context import transaction
from tests.fixtures.seeded import TINY_CUSTOMERS, SeededStore
from tests.fixtures.upstreams import FAST

ADMIN = Principal(subject="admin-1", roles=("admin",))
FIGURES = """
{ customers(first: 50) { edges { node {
    customerId lifetimeValue { amount currency }
    repurchaseSignal { daysSinceLastOrder usualIntervalDays overdue }
    badges orderFiguresAsOf } } } }
"""


async def _figures(store: SeededStore, upstreams: Upstreams) -> dict[str, dict[str, Any]]:
    summaries = partial(order_summaries_by_customer_id, store.sessions)
    context = dataclasses.replace(
        store.context(ADMIN), upstream=UpstreamLoaders.create(upstreams, summaries)
    )
    result = await build_schema(store.settings).execute(FIGURES, context_value=context)
    assert result.errors is None, result.errors
    assert result.data is not None
    return {edge["node"]["customerId"]: edge["node"] for edge in result.data["customers"]["edges"]}


def _without_as_of(figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        key: {name: value for name, value in node.items() if name != "orderFiguresAsOf"}
        for key, node in figures.items()
    }


async def _run_job(store: SeededStore, demo: DemoUpstreams) -> Any:
    async with open_runtime(store.settings, demo.config.with_resilience(FAST)) as runtime:
        return await summarise_orders(runtime, batch_size=7)


async def test_stored_figures_equal_live_ones_and_read_no_orders(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, demo_upstreams_sqlite: DemoUpstreams
) -> None:
    marketplace = demo_upstreams_sqlite.marketplace.behaviour
    # Given figures computed live (no summary yet): they read the order feeds
    before = marketplace.requests
    live = await _figures(seeded_store, sqlite_upstreams)
    assert marketplace.requests > before
    assert {node["orderFiguresAsOf"] for node in live.values()} == {None}
    assert any(node["lifetimeValue"] for node in live.values()), "the demo has revenue"

    # When the job summarises every customer (in batches smaller than the directory)
    report = await _run_job(seeded_store, demo_upstreams_sqlite)

    # Then every customer has a row, the figures are the same, and no order was read for them
    assert (report.summarised, report.kept) == (TINY_CUSTOMERS, 0)
    before = marketplace.requests
    stored = await _figures(seeded_store, sqlite_upstreams)
    assert marketplace.requests == before, "stored figures must not read the order feeds"
    assert _without_as_of(stored) == _without_as_of(live)
    as_of = {datetime.fromisoformat(node["orderFiguresAsOf"]) for node in stored.values()}
    assert all(datetime.now(UTC) - at < timedelta(minutes=5) for at in as_of)

    # And a second run within the age limit has nothing to do
    again = await _run_job(seeded_store, demo_upstreams_sqlite)
    assert (again.summarised, again.kept) == (0, 0)


async def test_an_old_summary_is_refreshed_and_a_customer_without_one_is_live(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, demo_upstreams_sqlite: DemoUpstreams
) -> None:
    await _run_job(seeded_store, demo_upstreams_sqlite)
    first, second = "cust-00001", "cust-00002"
    # Given one summary made stale (two days old, wrong revenue) and one removed
    stale = datetime.now(UTC) - timedelta(days=2)
    async with transaction(seeded_store.sessions) as session:
        await session.execute(
            update(OrderSummary)
            .where(OrderSummary.customer_id == first)
            .values(computed_at=stale, revenue=[{"currency": "XXX", "amount": "1"}])
        )
        await session.execute(delete(OrderSummary).where(OrderSummary.customer_id == second))
    figures = await _figures(seeded_store, sqlite_upstreams)
    # Then the stale one is shown as stored, with its time; the missing one is live
    assert figures[first]["lifetimeValue"] == [{"amount": "1", "currency": "XXX"}]
    assert datetime.fromisoformat(figures[first]["orderFiguresAsOf"]) == stale
    assert figures[second]["orderFiguresAsOf"] is None

    # When the job runs: exactly those two are recomputed, and the wrong revenue is gone
    report = await _run_job(seeded_store, demo_upstreams_sqlite)
    assert (report.summarised, report.kept) == (2, 0)
    refreshed = await _figures(seeded_store, sqlite_upstreams)
    assert refreshed[first]["lifetimeValue"] != [{"amount": "1", "currency": "XXX"}]
    assert refreshed[second]["orderFiguresAsOf"] is not None
    async with seeded_store.sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(OrderSummary))
        customers = await session.scalar(select(func.count()).select_from(Customer))
    assert rows == customers
