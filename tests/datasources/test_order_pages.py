"""`orders(first, after)` reads a page per channel: real OMS databases (SQLite and PostgreSQL)
and a real demo marketplace over HTTP.

Paging through a customer with orders in all three channels yields exactly the newest-first
list the whole-history read gives; page 1 of a 2,000-orders-per-channel customer reads at most
``first + 1`` headers per channel, in one batch per channel whatever the number of customers.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import create_async_engine

from core.errors import Invalid, UpstreamUnavailable
from datasources.registry import Upstreams
from datasources.source_pages import TOTAL_CAP
from demo.upstreams.serve import DemoUpstreams
from resolvers.capped_pages import CappedPage
from resolvers.order_pages import OrderPage, read_order_page
from resolvers.upstream_loaders import OrderPagesLoader
from store.pagination import encode_cursor
from tests.datasources.order_pages_world import (
    OrdersWorld,
    orders_world,
    world_fixtures,
    world_upstreams,
)

MIXED = "cust-mix01"  # 9 web (one unreadable), 8 pos, 7 marketplace (one unreadable)
OTHER = "cust-mix02"
BIG = "cust-big01"  # 2,000 orders in each channel
WORLD = orders_world(
    {MIXED: (9, 8, 7), OTHER: (3, 2, 4), BIG: (2_000, 2_000, 2_000)}, broken=(MIXED,)
)


oms_url, market, upstreams = world_fixtures(WORLD, "order-pages")


async def page(
    upstreams: Upstreams, customer: str, first: int, after: str | None = None
) -> OrderPage:
    """One page as a request reads it (a fresh loader, as each request has)."""
    return await read_order_page(OrderPagesLoader(upstreams), customer, first=first, after=after)


async def whole_history(upstreams: Upstreams, customer: str) -> list[str]:
    """The order numbers the whole-history read gives, newest first (the reference)."""
    result = (await upstreams.orders.orders_by_customer_id([customer]))[customer]
    return [order.number for order in result.orders]


@pytest.mark.parametrize("first", range(1, 8))
async def test_paging_yields_the_whole_list_in_order(upstreams: Upstreams, first: int) -> None:
    expected = await whole_history(upstreams, MIXED)
    assert {number[:2] for number in expected} == {"SO", "P-", "MP"}
    seen: list[str] = []
    failures: set[tuple[str, str]] = set()
    after: str | None = None
    for _ in range(len(expected) + 2):
        read = await page(upstreams, MIXED, first, after)
        assert read.errors == []
        assert read.page.total_count == WORLD.rows(MIXED) == 24
        assert read.page.has_previous_page is (after is not None)
        assert 0 < len(read.page.items) <= first
        seen += [order.number for order in read.page.items]
        failures |= {(f.channel, f.reference) for f in read.failures}
        if not read.page.has_next_page:
            break
        after = read.page.cursors[-1]
    assert seen == expected
    assert failures == {("web", "SO-mix01-00001"), ("marketplace", "MP-mix01-00002")}


async def test_a_page_resumes_from_any_edge(upstreams: Upstreams) -> None:
    expected = await whole_history(upstreams, MIXED)
    first_page = await page(upstreams, MIXED, 10)
    for index, cursor in enumerate(first_page.page.cursors):
        following = await page(upstreams, MIXED, 3, cursor)
        assert [order.number for order in following.page.items] == expected[index + 1 : index + 4]


async def test_a_failed_channel_is_reported_beside_the_others(
    upstreams: Upstreams, demo_upstreams_sqlite: DemoUpstreams, oms_url: str
) -> None:
    async with world_upstreams(demo_upstreams_sqlite, oms_url, None) as broken:
        read = await page(broken, OTHER, 20)
    assert [type(error) for error in read.errors] == [UpstreamUnavailable]
    assert read.errors[0].source == "marketplace"
    expected = [n for n in await whole_history(upstreams, OTHER) if not n.startswith("MP")]
    assert [order.number for order in read.page.items] == expected
    assert read.page.total_count == 5  # the channels that answered


def _cursor(positions: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps({"orders": positions}).encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        encode_cursor("2026-01-01T12:00:00+00:00", "SO-mix01-00000"),  # the former format
        encode_cursor("orders", "x"),
        _cursor({"web": [1, True]}),
        _cursor({"web": ["not a time", "SO-1"]}),  # would fail in PostgreSQL, not here
        _cursor({"web": [{"dt": "2026-01-01T00:00:00+00:00"}, {"a": 1}]}),
        _cursor({"pos": ["2026-01-01T00:00:00+00:00", "P-1"]}),  # pos positions are epochs
        _cursor({"pos": [2**70, "P-1"]}),
        _cursor({"marketplace": 5}),
        _cursor({"marketplace": "x" * 300}),
        _cursor([]),
        "not base64!",
    ],
)
async def test_a_foreign_or_old_cursor_is_invalid(upstreams: Upstreams, cursor: str) -> None:
    with pytest.raises(Invalid) as caught:
        await page(upstreams, MIXED, 5, cursor)
    assert caught.value.code == "INVALID"


async def test_a_forged_but_well_formed_cursor_reads_from_there(upstreams: Upstreams) -> None:
    expected = await whole_history(upstreams, MIXED)
    everyone_before_now = _cursor(
        {"web": [{"dt": "2100-01-01T00:00:00+00:00"}, "SO"], "pos": [4_102_444_800, "P"]}
    )
    read = await page(upstreams, MIXED, 50, everyone_before_now)
    assert [order.number for order in read.page.items] == expected
    assert read.errors == []


async def test_page_one_of_a_long_history_reads_only_the_page(
    upstreams: Upstreams, oms_url: str
) -> None:
    first = 20
    statements: list[tuple[str, Any]] = []
    responses: list[list[int]] = []

    def sql(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    async def http(response: httpx.Response) -> None:
        await response.aread()
        responses.append([len(buyer["results"]) for buyer in response.json()["buyers"]])

    event.listen(upstreams.engines["oms"].sync_engine, "before_cursor_execute", sql)
    upstreams.clients["marketplace"].event_hooks["response"].append(http)
    loader = OrderPagesLoader(upstreams)
    reads = [read_order_page(loader, who, first=first, after=None) for who in (BIG, MIXED, OTHER)]
    big, *_ = await asyncio.gather(*reads)

    # web and pos count up to the cap (the sum is then a lower bound); the marketplace
    # reports its own total
    assert big.page.total_count == 2 * TOTAL_CAP + 2_000
    assert isinstance(big.page, CappedPage)
    assert big.page.total_capped
    assert len(big.page.items) == first
    assert big.page.has_next_page
    # One batch for the three customers: web reads headers (each with its customer's count),
    # lines and fulfilments; pos reads receipts (with their counts); the marketplace answers
    # one request for all buyers. No count statement of its own: a page's total comes with
    # its rows.
    assert len(statements) == 4
    assert not [s for s, _ in statements if _is_count(s)]
    assert responses == [[first + 1, 7, 4]]
    rows = await _rerun(oms_url, statements)
    headers = [n for s, n in rows if "FROM web_orders" in s or "FROM pos_receipts" in s]
    # Headers: first + 1 for the long history, the whole (short) list of the others.
    assert sorted(headers) == [first + 1 + 8 + 2, first + 1 + 9 + 3], rows
    lines = [n for s, n in rows if "web_order_items" in s or "web_fulfilments" in s]
    assert lines == [first + 1 + 9 + 3] * 2


def _is_count(statement: str) -> bool:
    """Whether `statement` is a count statement of its own (not a page carrying counts)."""
    return "count(*) as n" in statement.lower()


async def _rerun(url: str, statements: list[tuple[str, Any]]) -> list[tuple[str, int]]:
    """Each captured statement (but the counts) with the rows it returns, run again."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return [
                (statement, len((await connection.exec_driver_sql(statement, params)).all()))
                for statement, params in statements
                if not _is_count(statement)
            ]
    finally:
        await engine.dispose()


def test_world_is_what_the_tests_assume() -> None:
    assert isinstance(WORLD, OrdersWorld)
    assert WORLD.rows(BIG) == 6_000
