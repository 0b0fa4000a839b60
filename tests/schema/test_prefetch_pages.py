"""customer(id) prefetches only the first pages its fields will read.

A paged field asked for the page after a cursor reads that page itself; a prefetch of its first
page would be a whole extra read of every channel (with its counted total) that nobody uses,
and on a big account that is most of a page's upstream work. A refused cursor or page size
reads nothing at all. Counted as upstream calls on the demo upstreams (SQL databases and REST
services on loopback), in process.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest

from core.metrics import Metrics
from datasources.registry import Upstreams
from demo.upstreams.serve import DemoUpstreams
from policies.principal import Principal
from resolvers.upstream_loaders import UpstreamLoaders
from schema import build_schema
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import FAST, close_upstreams, upstream_calls

CUSTOMER = "cust-00003"  # two or more tickets, invoices, payments and orders
ADMIN = Principal(subject="admin-1", roles=("admin",))
# Each paged field and the upstream sources its page reads.
FIELDS = {
    "orders": ("oms", "marketplace"),
    "invoices": ("billing",),
    "tickets": ("helpdesk",),
    "payments": ("billing",),
}
SOURCES = ("crm", "oms", "marketplace", "billing", "helpdesk")


@pytest.fixture
async def counted(demo_upstreams_sqlite: DemoUpstreams) -> AsyncIterator[tuple[Upstreams, Metrics]]:
    metrics = Metrics()
    opened = Upstreams(demo_upstreams_sqlite.config.with_resilience(FAST), metrics)
    try:
        yield opened, metrics
    finally:
        await close_upstreams(opened)


def _query(field: str) -> str:
    return (
        "query P($id: ID!, $first: Int!, $after: String) { customer(id: $id) { "
        f"{field}(first: $first, after: $after) {{ edges {{ cursor }} "
        "pageInfo { hasNextPage endCursor } } } }"
    )


async def _calls(
    store: SeededStore, counted: tuple[Upstreams, Metrics], query: str, **variables: Any
) -> tuple[Any, dict[str, int]]:
    """The result of `query` and the upstream calls it made, by source."""
    upstreams, metrics = counted
    before = {source: upstream_calls(metrics, source) for source in SOURCES}
    context = dataclasses.replace(store.context(ADMIN), upstream=UpstreamLoaders.create(upstreams))
    result = await build_schema(store.settings).execute(
        query, variable_values=variables, context_value=context
    )
    calls = {source: upstream_calls(metrics, source) - before[source] for source in SOURCES}
    return result, {source: count for source, count in calls.items() if count}


@pytest.mark.parametrize("field", sorted(FIELDS))
async def test_the_page_after_a_cursor_costs_one_page_read(
    field: str, seeded_store: SeededStore, counted: tuple[Upstreams, Metrics]
) -> None:
    # Given the first page of one row (the customer has more) and the calls it took
    query = _query(field)
    first, first_calls = await _calls(seeded_store, counted, query, id=CUSTOMER, first=1)
    assert first.errors is None, first.errors
    page = first.data["customer"][field]
    assert page["pageInfo"]["hasNextPage"], f"{CUSTOMER} needs two {field} for this test"
    assert set(first_calls) == set(FIELDS[field])

    # When the page after its cursor is asked
    after, after_calls = await _calls(
        seeded_store, counted, query, id=CUSTOMER, first=1, after=page["pageInfo"]["endCursor"]
    )

    # Then it is read once, as the first page was: no prefetched first page beside it
    assert after.errors is None, after.errors
    assert after.data["customer"][field]["edges"][0]["cursor"] != page["edges"][0]["cursor"]
    assert after_calls == first_calls


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize(
    ("first", "after"), [(1, "bm90IGEgY3Vyc29y"), (0, None), (100_000, None)], ids=str
)
async def test_a_refused_page_reads_nothing_upstream(
    field: str,
    first: int,
    after: str | None,
    seeded_store: SeededStore,
    counted: tuple[Upstreams, Metrics],
) -> None:
    result, calls = await _calls(
        seeded_store, counted, _query(field), id=CUSTOMER, first=first, after=after
    )
    assert result.data["customer"][field] is None
    assert [error.extensions["code"] for error in result.errors] == ["INVALID"]
    assert calls == {}


async def test_a_first_page_beside_a_later_one_is_still_prefetched(
    seeded_store: SeededStore, counted: tuple[Upstreams, Metrics]
) -> None:
    # One selection of the field without a cursor: its first page is started with the
    # customer (and served from that read), the later page reads on its own.
    query = (
        "query P($id: ID!, $after: String) { customer(id: $id) { "
        "a: invoices(first: 1) { edges { cursor } pageInfo { endCursor } } "
        "b: invoices(first: 1, after: $after) { edges { cursor } } } }"
    )
    first, _ = await _calls(seeded_store, counted, _query("invoices"), id=CUSTOMER, first=1)
    cursor = first.data["customer"]["invoices"]["pageInfo"]["endCursor"]
    result, calls = await _calls(seeded_store, counted, query, id=CUSTOMER, after=cursor)
    assert result.errors is None, result.errors
    assert result.data["customer"]["a"]["edges"] == first.data["customer"]["invoices"]["edges"]
    assert result.data["customer"]["b"]["edges"][0]["cursor"] != cursor
    assert calls == {"billing": 2}
