"""Batching: N customers cost the same number of upstream calls per source, whatever N."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from core.metrics import Metrics
from datasources.registry import Upstreams
from demo.upstreams.serve import DemoUpstreams
from resolvers.upstream_loaders import UpstreamLoaders
from tests.fixtures.upstreams import FAST, upstream_calls

SOURCES = ("crm", "oms", "billing", "helpdesk", "marketplace")
# crm: customers; oms: web + POS channels; billing: invoices, payments, balances;
# helpdesk: one batch lookup; marketplace: one feed query.
EXPECTED_CALLS = {"crm": 1, "oms": 2, "billing": 3, "helpdesk": 1, "marketplace": 1}


async def load_everything(loaders: UpstreamLoaders, ids: list[str]) -> tuple[list[Any], ...]:
    """Load every upstream field of ``ids`` the way resolvers do: all loaders in one tick."""
    return await asyncio.gather(
        loaders.customer_by_id.load_many(ids),
        loaders.orders_by_customer_id.load_many(ids),
        loaders.invoices_by_customer_id.load_many(ids),
        loaders.payments_by_customer_id.load_many(ids),
        loaders.balance_by_customer_id.load_many(ids),
        loaders.tickets_by_customer_id.load_many(ids),
    )


async def calls_for(demo: DemoUpstreams, n: int) -> dict[str, int]:
    """Upstream calls per source for loading ``n`` customers' 360 upstream data."""
    metrics = Metrics()
    upstreams = Upstreams(demo.config.with_resilience(FAST), metrics)
    try:
        ids = [customer["id"] for customer in demo.data.customers[:n]]
        loaders = UpstreamLoaders.create(upstreams)
        # Resolvers ask per customer, one load() each; the loaders must batch them.
        await asyncio.gather(*(load_everything(loaders, [each]) for each in ids))
    finally:
        await upstreams.aclose()
    return {source: upstream_calls(metrics, source) for source in SOURCES}


async def test_calls_per_source_do_not_grow_with_n(demo_upstreams: DemoUpstreams) -> None:
    helpdesk_before = demo_upstreams.helpdesk.behaviour.requests

    counts = {n: await calls_for(demo_upstreams, n) for n in (1, 10, 100)}

    assert counts[1] == counts[10] == counts[100] == EXPECTED_CALLS
    # The helpdesk itself saw one request per batch, not one per customer.
    assert demo_upstreams.helpdesk.behaviour.requests - helpdesk_before == 3


async def test_answers_follow_key_order_with_defaults_for_unknown_keys(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    known = [c["id"] for c in demo_upstreams.data.customers[:3]]
    ids = [known[2], "cust-99999", known[0], known[1]]
    loaders = UpstreamLoaders.create(upstreams)

    customers, orders, invoices, payments, balances, tickets = await load_everything(loaders, ids)

    assert [c.id if c else None for c in customers] == [known[2], None, known[0], known[1]]
    assert orders[1].orders == ()
    assert orders[1].failures == ()
    assert orders[1].errors == ()
    assert invoices[1] == []
    assert payments[1] == []
    assert tickets[1] == []
    assert balances[1] is None
    for position, customer_id in ((0, known[2]), (2, known[0]), (3, known[1])):
        assert all(t.customer_id == customer_id for t in tickets[position])
        assert all(o.customer_id == customer_id for o in orders[position].orders)


async def test_metrics_expose_upstream_calls(demo_upstreams: DemoUpstreams) -> None:
    metrics = Metrics()
    upstreams = Upstreams(demo_upstreams.config.with_resilience(FAST), metrics)
    try:
        await load_everything(UpstreamLoaders.create(upstreams), ["cust-00001"])
    finally:
        await upstreams.aclose()

    exposition = metrics.render().decode()

    for source in SOURCES:
        assert f'c360_upstream_calls_total{{outcome="ok",source="{source}"}}' in exposition


@pytest.mark.parametrize("page_size", [1, 3])
async def test_a_batch_spanning_pages_follows_the_cursor(
    demo_upstreams: DemoUpstreams, page_size: int
) -> None:
    ids = [c["id"] for c in demo_upstreams.data.customers[:10]]
    expected = sorted(t["id"] for t in demo_upstreams.data.tickets if t["requester_id"] in ids)
    base = demo_upstreams.config.with_resilience(FAST)
    config = base.model_copy(
        update={"helpdesk": base.helpdesk.model_copy(update={"page_size": page_size})}
    )
    metrics = Metrics()
    upstreams = Upstreams(config, metrics)
    try:
        found = await upstreams.helpdesk.tickets_by_customer_id(ids)
    finally:
        await upstreams.aclose()

    assert sorted(t.id for listed in found.values() for t in listed) == expected
    pages = -(-len(expected) // page_size)
    assert upstream_calls(metrics, "helpdesk") == pages
