"""Customers with orders in all three channels, written to a real OMS database and served by
a real demo marketplace, for the order-page tests (and for timing a page against history).

``orders_world(counts)`` builds rows for customers given as ``{id: (web, pos, marketplace)}``;
the first order of each channel is placed at the same instant, so the merge's tie-break (the
order number) is exercised, and ``broken`` customers get one unreadable web order and one
unreadable marketplace payload.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from datasources.config import UpstreamConfig
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.databases import (
    METADATA,
    pos_receipts,
    web_fulfilments,
    web_order_items,
    web_orders,
)
from demo.upstreams.marketplace_app import create_marketplace_app
from demo.upstreams.serve import DemoServer, read_only_sqlite

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


def orders_world(counts: Mapping[str, Counts], broken: tuple[str, ...] = ()) -> OrdersWorld:
    """The rows of `counts` customers; see the module docstring."""
    world = OrdersWorld()
    for customer, (web, pos, market) in counts.items():
        tag = customer.removeprefix("cust-")
        for index in range(web):
            number = f"SO-{tag}-{index:05d}"
            world.orders.append(
                {
                    "order_no": number,
                    "customer_no": customer,
                    "status": "weird" if customer in broken and index == 1 else "delivered",
                    "is_quote": False,
                    "ordered_at": START - timedelta(hours=3 * index),
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
