"""Customers with orders in all three channels, written to a real OMS database and served by
a real demo marketplace, for the order-page tests (and for timing a page against history).

``orders_world(counts)`` builds rows for customers given as ``{id: (web, pos, marketplace)}``;
the first order of each channel is placed at the same instant, so the merge's tie-break (the
order number) is exercised, and ``broken`` customers get one unreadable web order and one
unreadable marketplace payload. `world_fixtures` gives a test module the fixtures that serve
a world: its OMS database on each backend, its marketplace, and `Upstreams` on both.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from core.metrics import Metrics
from datasources.config import UpstreamConfig
from datasources.registry import Upstreams
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.databases import (
    METADATA,
    pos_receipts,
    web_fulfilments,
    web_order_items,
    web_orders,
)
from demo.upstreams.marketplace_app import create_marketplace_app
from demo.upstreams.serve import DemoServer, DemoUpstreams, read_only_sqlite
from devservices.ports import free_port
from tests.fixtures.upstreams import FAST, close_upstreams, database_on

START = datetime(2026, 1, 1, 12, tzinfo=UTC)
Counts = tuple[int, int, int]


@dataclass
class OrdersWorld:
    """Rows of the OMS tables and the marketplace's payloads."""

    orders: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    fulfilments: list[dict[str, Any]] = field(default_factory=list)
    receipts: list[dict[str, Any]] = field(default_factory=list)
    payloads: list[dict[str, Any]] = field(default_factory=list)

    def rows(self, customer: str) -> int:
        """Every row or payload the sources hold for `customer` (readable or not)."""
        owners = [row["customer_no"] for row in self.orders]
        owners += [row["customer_ref"] for row in self.receipts]
        owners += [payload["buyer"]["externalRef"] for payload in self.payloads]
        return owners.count(customer)


def add_web_order(
    world: OrdersWorld, customer: str, number: str, placed: datetime, status: str = "delivered"
) -> None:
    """A web order of one 10.00 kettle (19.95 with delivery) placed at `placed`."""
    world.orders.append(
        {
            "order_no": number,
            "customer_no": customer,
            "status": status,
            "is_quote": False,
            "ordered_at": placed,
            "subtotal": Decimal("10.00"),
            "grand_total": Decimal("19.95"),
            "currency": "GBP",
        }
    )
    world.items.append(
        {
            "order_no": number,
            "sku": "SKU-1",
            "name": "Kettle",
            "qty": 1,
            "unit_price": Decimal("10.00"),
            "line_total": Decimal("10.00"),
        }
    )


def orders_world(counts: Mapping[str, Counts], broken: tuple[str, ...] = ()) -> OrdersWorld:
    """The rows of `counts` customers; see the module docstring."""
    world = OrdersWorld()
    for customer, (web, pos, market) in counts.items():
        tag = customer.removeprefix("cust-")
        for index in range(web):
            number = f"SO-{tag}-{index:05d}"
            status = "weird" if customer in broken and index == 1 else "delivered"
            add_web_order(world, customer, number, START - timedelta(hours=3 * index), status)
            world.fulfilments.append(
                {
                    "order_no": number,
                    "customer_no": customer,
                    "kind": "delivery",
                    "reference": f"DL-{tag}-{index:05d}",
                    "status": "delivered",
                    "scheduled_for": START - timedelta(hours=3 * index - 48),
                    "done_at": START - timedelta(hours=3 * index - 48),
                    "provider": "DHL",
                }
            )
        for index in range(pos):
            world.receipts.append(
                {
                    "receipt_no": f"P-{tag}-{index:05d}",
                    "customer_ref": customer,
                    "store_code": "BR1",
                    "txn_type": "SALE",
                    "sold_at_epoch": int((START - timedelta(hours=5 * index)).timestamp()),
                    "total_cents": 1_250,
                    "currency": "GBP",
                    "items_json": json.dumps(
                        [{"ean": "5012345678900", "desc": "Mug", "qty": 1, "unit_cents": 1_250}]
                    ),
                }
            )
        for index in range(market):
            world.payloads.append(
                {
                    "orderId": f"MP-{tag}-{index:05d}",
                    "buyer": {"externalRef": customer},
                    "state": "PARTIALLY_REFUNDED"
                    if customer in broken and index == 2
                    else "DELIVERED",
                    "createdAt": (START - timedelta(hours=7 * index)).isoformat(),
                    "amount": {"value": "30.00", "currencyCode": "GBP"},
                    "items": [{"sellerSku": "MKT-1", "title": "Lamp", "qty": 1, "unitPrice": "30"}],
                    "shipments": [],
                }
            )
    return world


async def write_oms(url: str, world: OrdersWorld) -> None:
    """Create the demo OMS tables (with their indexes) at `url` and fill them from `world`."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(METADATA["oms"].create_all)
            for table, rows in (
                (web_orders, world.orders),
                (web_order_items, world.items),
                (web_fulfilments, world.fulfilments),
                (pos_receipts, world.receipts),
            ):
                if rows:
                    await connection.execute(table.insert(), rows)
    finally:
        await engine.dispose()


@contextmanager
def marketplace(world: OrdersWorld) -> Iterator[DemoServer]:
    """The demo marketplace over the world's payloads, on a loopback port."""
    behaviour = Behaviour()
    server = DemoServer(create_marketplace_app(world.payloads, behaviour), behaviour)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def world_config(base: UpstreamConfig, oms_url: str, marketplace_url: str) -> UpstreamConfig:
    """`base` with its OMS and marketplace pointed at the world's."""
    assert base.marketplace is not None
    return base.model_copy(
        update={
            "oms": base.oms.model_copy(update={"url": read_only_sqlite(oms_url)}),
            "marketplace": base.marketplace.model_copy(update={"base_url": marketplace_url}),
        }
    )


def world_fixtures(world: OrdersWorld, name: str, *, postgres: bool = True) -> tuple[Any, ...]:
    """The module fixtures ``oms_url`` (the world's OMS database on SQLite and, unless
    `postgres` is false, on PostgreSQL), ``market`` (its marketplace) and ``upstreams`` (a
    fresh `Upstreams` per test on both, the other sources the SQLite demo's). Assign them at
    module level: ``oms_url, market, upstreams = world_fixtures(WORLD, "order-pages")``."""
    backends = [pytest.param("sqlite", id="oms-sqlite")]
    if postgres:
        backends.append(pytest.param("postgres", id="oms-postgres", marks=pytest.mark.postgres))

    @pytest.fixture(scope="module", params=backends, name="oms_url")
    def oms_url(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[str]:
        directory = tmp_path_factory.mktemp(name)
        with database_on(request, request.param, directory, lambda u: write_oms(u, world)) as url:
            yield url

    @pytest.fixture(scope="module", name="market")
    def market() -> Iterator[DemoServer]:
        with marketplace(world) as server:
            yield server

    @pytest.fixture(name="upstreams")
    async def upstreams(
        oms_url: str, market: DemoServer, demo_upstreams_sqlite: DemoUpstreams
    ) -> AsyncIterator[Upstreams]:
        async with world_upstreams(demo_upstreams_sqlite, oms_url, market.url) as opened:
            yield opened

    return oms_url, market, upstreams


@asynccontextmanager
async def world_upstreams(
    demo: DemoUpstreams, oms_url: str, marketplace_url: str | None
) -> AsyncIterator[Upstreams]:
    """A fresh `Upstreams` (fast settings) on the world's OMS database and marketplace (None:
    one that is down, a loopback port nothing listens on), the other sources the demo's."""
    market = marketplace_url or f"http://127.0.0.1:{free_port()}"
    opened = Upstreams(world_config(demo.config.with_resilience(FAST), oms_url, market), Metrics())
    try:
        yield opened
    finally:
        await close_upstreams(opened)
