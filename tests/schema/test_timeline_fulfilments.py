"""The timeline's deliveries and installations are paged at their sources: a real OMS database
(SQLite and PostgreSQL) and a real demo marketplace over HTTP.

A walk of any page size yields every fulfilment once, newest first by its own time, exactly
as the former whole-list merge ordered them (recomputed here from the upstream rows);
``totalCount`` adds the sources' fulfilment totals; every edge's cursor resumes there; the
former fulfilment position is INVALID; a failed marketplace is reported once beside the page;
and a page reads at most ``first + 1`` fulfilments per channel, in one batch for several
customers, however long their history.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import create_async_engine

from datasources.registry import Upstreams
from demo.upstreams.serve import DemoUpstreams
from resolvers.upstream_loaders import PREFETCH_PAGE_SIZE
from tests.datasources.order_pages_world import (
    START,
    OrdersWorld,
    add_web_order,
    world_fixtures,
    world_upstreams,
)
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import run_as_admin
from tests.schema.timeline_walk import TIMELINE, Entry, walk_timeline

SMALL, OTHER, BIG = "cust-00011", "cust-00012", "cust-00013"
BIG_ORDERS = 1_500
TOTALS = """query S($id: ID!) { customer(id: $id) { orders { totalCount }
  tickets { totalCount } notes { totalCount } interactions { totalCount } } }"""


def _web(world: OrdersWorld, customer: str, count: int) -> None:
    """`count` web orders, each delivered or due; every third with an installation."""
    tag = customer.removeprefix("cust-")
    for index in range(count):
        number = f"SO-{tag}-{index:05d}"
        placed = START - timedelta(hours=3 * index)
        add_web_order(world, customer, number, placed)
        due = placed + timedelta(hours=48, minutes=1)
        world.fulfilments.append(
            {
                "order_no": number,
                "customer_no": customer,
                "kind": "delivery",
                "reference": f"DL-{tag}-{index:05d}",
                "status": "delivered" if index % 2 == 0 else "in_transit",
                "scheduled_for": due,
                "done_at": due - timedelta(hours=5) if index % 2 == 0 else None,
                "provider": "DHL",
            }
        )
        if index % 3 == 0:
            booked = placed + timedelta(hours=100, minutes=2)
            world.fulfilments.append(
                {
                    "order_no": number,
                    "customer_no": customer,
                    "kind": "installation",
                    "reference": f"IN-{tag}-{index:05d}",
                    "status": "completed" if index % 2 == 0 else "booked",
                    "scheduled_for": booked,
                    "done_at": booked if index % 2 == 0 else None,
                    "provider": "Fitters Ltd",
                }
            )


def _market(world: OrdersWorld, customer: str, count: int) -> None:
    """`count` marketplace orders, each with a shipment (the last one without any time)."""
    tag = customer.removeprefix("cust-")
    for index in range(count):
        placed = START - timedelta(hours=7 * index)
        promised = placed + timedelta(hours=20, minutes=3)
        shipment: dict[str, Any] = {
            "trackingNo": f"TRK-{tag}-{index:05d}",
            "carrier": "DPD",
            "status": "DELIVERED" if index % 2 == 0 else "IN_TRANSIT",
            "promisedFor": promised.isoformat(),
            "deliveredAt": (promised + timedelta(minutes=4)).isoformat()
            if index % 2 == 0
            else None,
        }
        if index == count - 1:
            shipment["promisedFor"] = None  # no time: never in a timeline
        world.payloads.append(
            {
                "orderId": f"MP-{tag}-{index:05d}",
                "buyer": {"externalRef": customer},
                "state": "DELIVERED",
                "createdAt": placed.isoformat(),
                "amount": {"value": "30.00", "currencyCode": "GBP"},
                "items": [{"sellerSku": "MKT-1", "title": "Lamp", "qty": 1, "unitPrice": "30"}],
                "shipments": [shipment],
            }
        )


def _world() -> OrdersWorld:
    world = OrdersWorld()
    for customer, web, market in ((SMALL, 9, 7), (OTHER, 3, 4), (BIG, BIG_ORDERS, BIG_ORDERS)):
        _web(world, customer, web)
        _market(world, customer, market)
    return world


WORLD = _world()


def _expected(customer: str) -> list[Entry]:
    """The former whole-list order of the customer's fulfilments: by their own time (done,
    else scheduled), then kind:reference, newest first; untimed ones left out."""
    keyed: list[tuple[datetime, str, Entry]] = []
    for row in WORLD.fulfilments:
        if row["customer_no"] == customer:
            at = row["done_at"] or row["scheduled_for"]
            keyed.append((at, f"{row['kind']}:{row['reference']}", (row["kind"], row["reference"])))
    for payload in WORLD.payloads:
        if payload["buyer"]["externalRef"] == customer:
            for shipment in payload["shipments"]:
                at_text = shipment["deliveredAt"] or shipment["promisedFor"]
                if at_text is not None:
                    reference = shipment["trackingNo"]
                    keyed.append(
                        (
                            datetime.fromisoformat(at_text),
                            f"delivery:{reference}",
                            ("delivery", reference),
                        )
                    )
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(kind.upper(), reference) for _, _, (kind, reference) in keyed]


oms_url, market, upstreams = world_fixtures(WORLD, "timeline-fulfilments")


@pytest.mark.parametrize("first", [1, 3, 7])
async def test_a_walk_yields_every_fulfilment_once_by_its_own_time(
    seeded_store: SeededStore, upstreams: Upstreams, first: int
) -> None:
    expected = _expected(SMALL)
    assert {kind for kind, _ in expected} == {"DELIVERY", "INSTALLATION"}
    assert {ref[:2] for _, ref in expected} == {"DL", "IN", "TR"}

    walked, _, totals = await walk_timeline(seeded_store, upstreams, SMALL, first)

    fulfilments = [entry for entry in walked if entry[0] in ("DELIVERY", "INSTALLATION")]
    assert fulfilments == expected
    assert len(set(walked)) == len(walked)
    others = (await run_as_admin(seeded_store, upstreams, TOTALS, id=SMALL)).data["customer"]
    assert totals == {sum(each["totalCount"] for each in others.values()) + len(expected)}
    assert len(walked) == len(expected) + sum(each["totalCount"] for each in others.values())


async def test_every_edge_cursor_resumes_there(
    seeded_store: SeededStore, upstreams: Upstreams
) -> None:
    walked, cursors, _ = await walk_timeline(seeded_store, upstreams, SMALL, 50)
    for index, cursor in enumerate(cursors):
        result = await run_as_admin(
            seeded_store, upstreams, TIMELINE, id=SMALL, first=3, after=cursor
        )
        assert result.errors is None, result.errors
        edges = result.data["customer"]["timeline"]["edges"]
        shown = [(edge["node"]["kind"], edge["node"]["reference"]) for edge in edges]
        assert shown == walked[index + 1 : index + 4]


def _timeline_cursor(positions: Any) -> str:
    text = json.dumps({"timeline": positions})
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "fulfilments",
    [
        ["2026-01-01T00:00:00+00:00", "delivery:DL-00011-00000"],  # the former position
        {"pos": [1, "P-1"]},  # receipts have no fulfilments
        {"web": [1, True]},
        {"web": ["not a time", "DL-1"]},
        {"marketplace": 5},
        {"marketplace": "x" * 300},
        "web",
    ],
)
async def test_a_former_or_foreign_fulfilment_position_is_invalid(
    seeded_store: SeededStore, upstreams: Upstreams, fulfilments: Any
) -> None:
    cursor = _timeline_cursor({"fulfilments": fulfilments})
    result = await run_as_admin(seeded_store, upstreams, TIMELINE, id=SMALL, first=2, after=cursor)
    assert result.data["customer"]["timeline"] is None
    assert [e.extensions["code"] for e in result.errors] == ["INVALID"]


async def test_a_failed_marketplace_is_reported_once_beside_the_page(
    seeded_store: SeededStore, demo_upstreams_sqlite: DemoUpstreams, oms_url: str
) -> None:
    async with world_upstreams(demo_upstreams_sqlite, oms_url, None) as broken:
        result = await run_as_admin(seeded_store, broken, TIMELINE, id=SMALL, first=100)

    page = result.data["customer"]["timeline"]
    shown = [(e["node"]["kind"], e["node"]["reference"]) for e in page["edges"]]
    web_only = [entry for entry in _expected(SMALL) if not entry[1].startswith("TRK")]
    assert [entry for entry in shown if entry[0] in ("DELIVERY", "INSTALLATION")] == web_only
    errors = [e for e in result.errors or [] if e.path == ["customer", "timeline"]]
    assert [e.extensions["source"] for e in errors] == ["marketplace"]


async def test_a_page_reads_a_page_of_fulfilments_per_channel_in_one_batch(
    seeded_store: SeededStore, upstreams: Upstreams, oms_url: str
) -> None:
    first = 5
    statements: list[tuple[str, Any]] = []
    shipments: list[list[int]] = []
    marketplace_requests: list[str] = []

    def sql(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "web_fulfilments" in statement and "coalesce(" in statement.lower():
            statements.append((statement, parameters))

    async def http(response: httpx.Response) -> None:
        await response.aread()
        marketplace_requests.append(response.request.url.path)
        if response.request.url.path.startswith("/v1/shipments"):
            shipments.append([len(buyer["results"]) for buyer in response.json()["buyers"]])

    event.listen(upstreams.engines["oms"].sync_engine, "before_cursor_execute", sql)
    upstreams.clients["marketplace"].event_hooks["response"].append(http)
    query = """query T($big: ID!, $small: ID!, $first: Int!) {
      big: customer(id: $big) { timeline(first: $first) { totalCount
        edges { node { kind reference } } } }
      small: customer(id: $small) { timeline(first: $first) { totalCount
        edges { node { kind reference } } } } }"""
    result = await run_as_admin(seeded_store, upstreams, query, big=BIG, small=OTHER, first=first)
    assert result.errors is None, result.errors

    big = result.data["big"]["timeline"]
    expected = _expected(BIG)
    assert len(expected) == BIG_ORDERS + BIG_ORDERS // 3 + BIG_ORDERS - 1
    shown = [(e["node"]["kind"], e["node"]["reference"]) for e in big["edges"]]
    fulfilments = [entry for entry in shown if entry[0] in ("DELIVERY", "INSTALLATION")]
    assert fulfilments == expected[: len(fulfilments)]
    others = (await run_as_admin(seeded_store, upstreams, TOTALS, id=BIG)).data["customer"]
    assert big["totalCount"] == sum(e["totalCount"] for e in others.values()) + len(expected)
    # The marketplace: one shipments request for both customers (the first page their
    # prefetch started, which serves any smaller one), a page and one per buyer; no request
    # to the whole order feed.
    assert shipments == [[PREFETCH_PAGE_SIZE + 1, 3]]  # the other has 3 timed shipments
    assert "/v1/orders" not in marketplace_requests
    # The web shop: one page statement and one count for both customers, the page reading
    # at most a page and one per customer.
    pages = [(s, p) for s, p in statements if "count(" not in s.lower()]
    assert len(pages) == 1, statements
    assert len(statements) == 2, statements
    assert await _rerun(oms_url, pages) <= 2 * (PREFETCH_PAGE_SIZE + 1)


async def _rerun(url: str, statements: list[tuple[str, Any]]) -> int:
    """The rows the captured statements return, run again."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            found = 0
            for statement, params in statements:
                found += len((await connection.exec_driver_sql(statement, params)).all())
            return found
    finally:
        await engine.dispose()
