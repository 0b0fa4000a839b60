"""Upstream statuses as enums through HTTP: the demo upstreams' values come back as enum
names, and a value outside the set (planted in the helpdesk and the marketplace feed) is OTHER
with the source's own text, never an error or a null parent."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from datasources.config import MARKETPLACE_STATUSES
from demo.upstreams.serve import DemoUpstreams, serve_services, upstream_config
from tests.fixtures.app import TokenFactory, serve_in_thread
from tests.fixtures.served_gateways import on_demo_store
from tests.fixtures.upstreams import FAST
from tests.schema.native_gateway import gql, nodes

CUSTOMER = "cust-00001"
PLANTED_TICKET = "TCK-999999"
PLANTED_ORDER = "MP-9999999"
QUERY = """
query Q($id: ID!) {
  customer(id: $id) {
    orders(first: 100) { edges { node { number kind status statusText
      deliveries { reference status statusText } installations { status statusText } } } }
    invoices(first: 100) { edges { node { status statusText } } }
    payments(first: 100) { edges { node { method methodText } } }
    tickets(first: 100) { edges { node { ticketId status statusText priority priorityText } } }
    timeline(first: 100) { edges { node { kind } } }
  }
}
"""


def _planted(demo: DemoUpstreams) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The demo's tickets and marketplace orders plus one of each with values outside the sets."""
    tickets = copy.deepcopy(demo.data.tickets)
    ticket = next(t for t in tickets if t["requester_id"] == CUSTOMER)
    tickets.append(ticket | {"id": PLANTED_TICKET, "status": "on_hold", "priority": "P1"})
    orders = copy.deepcopy(demo.data.marketplace_orders)
    order = copy.deepcopy(next(o for o in orders if o["buyer"]["externalRef"] == CUSTOMER))
    order |= {
        "orderId": PLANTED_ORDER,
        "state": "PARTIALLY_REFUNDED",
        "shipments": [
            {
                "trackingNo": "TRK-LOST",
                "carrier": "Courier",
                "status": "LOST_IN_TRANSIT",
                "promisedFor": order["createdAt"],
                "deliveredAt": None,
            }
        ],
    }
    orders.append(order)
    return tickets, orders


store_url, gateway_settings = on_demo_store("enums-store", notes=200)


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings, demo_upstreams_sqlite: DemoUpstreams) -> Iterator[str]:
    tickets, orders = _planted(demo_upstreams_sqlite)
    with serve_services(tickets, orders) as (helpdesk, marketplace):
        config = upstream_config(
            demo_upstreams_sqlite.database_urls,
            helpdesk_url=helpdesk.url,
            marketplace_url=marketplace.url,
        )
        # This deployment maps a marketplace status onto a text outside OrderStatus.
        statuses = MARKETPLACE_STATUSES | {"PARTIALLY_REFUNDED": "partially_refunded"}
        assert config.marketplace is not None
        marketplace_config = config.marketplace.model_copy(update={"statuses": statuses})
        config = config.model_copy(update={"marketplace": marketplace_config})
        with serve_in_thread(gateway_settings, config.with_resilience(FAST)) as url:
            yield url


async def _customer(http: httpx.AsyncClient, token: str) -> dict[str, Any]:
    body = await gql(http, token, QUERY, id=CUSTOMER)
    assert body.get("errors") is None, body.get("errors")
    customer: dict[str, Any] = body["data"]["customer"]
    return customer


async def test_upstream_statuses_come_back_as_enum_names(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    customer = await _customer(http, token_for("manager", sub="agent-2"))

    orders = [o for o in nodes(customer["orders"]) if o["number"] != PLANTED_ORDER]
    deliveries = [d for o in orders for d in o["deliveries"]]
    installations = [i for o in orders for i in o["installations"]]
    tickets = [t for t in nodes(customer["tickets"]) if t["ticketId"] != PLANTED_TICKET]
    assert orders
    assert tickets
    assert nodes(customer["invoices"])
    assert nodes(customer["payments"])
    assert {o["kind"] for o in orders} <= {"ORDER", "QUOTE"}
    for record, field in [
        *((o, "status") for o in orders),
        *((d, "status") for d in deliveries),
        *((i, "status") for i in installations),
        *((i, "status") for i in nodes(customer["invoices"])),
        *((p, "method") for p in nodes(customer["payments"])),
        *((t, "status") for t in tickets),
        *((t, "priority") for t in tickets),
    ]:
        # A demo value is in its set: the enum name is the source's text upper-cased.
        assert record[field] == record[f"{field}Text"].upper() != "OTHER", record
    kinds = {entry["kind"] for entry in nodes(customer["timeline"])}
    assert {"ORDER", "TICKET", "NOTE"} <= kinds
    assert all(kind == kind.upper() for kind in kinds)


async def test_an_upstream_value_outside_the_set_is_other_with_the_source_s_text(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    customer = await _customer(http, token_for("manager", sub="agent-2"))

    order = next(o for o in nodes(customer["orders"]) if o["number"] == PLANTED_ORDER)
    ticket = next(t for t in nodes(customer["tickets"]) if t["ticketId"] == PLANTED_TICKET)
    assert (order["kind"], order["status"], order["statusText"]) == (
        "ORDER",
        "OTHER",
        "partially_refunded",
    )
    assert order["deliveries"] == [
        {"reference": "TRK-LOST", "status": "OTHER", "statusText": "lost_in_transit"}
    ]
    assert (ticket["status"], ticket["statusText"]) == ("OTHER", "on_hold")
    assert (ticket["priority"], ticket["priorityText"]) == ("OTHER", "p1")
