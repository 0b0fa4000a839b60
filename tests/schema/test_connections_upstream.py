"""The connections below upstream records page like every other (see test_connections.py):
a customer's orders, invoices, payments, tickets and timeline, and the notes about an order
or a ticket, read from the demo upstreams (real SQLite databases and HTTP services)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from core.settings import Settings
from gateway.auth import mint_token
from tests.fixtures.served_gateways import on_demo_store, with_demo_upstreams
from tests.schema.connection_walk import ConnectionField, Route, connection_fields, introspect, walk
from tests.schema.native_gateway import gql
from tests.schema.test_connections import UPSTREAM

CUSTOMER = "cust-00001"
# A customer who referred others (demo data); its referrals are walked instead.
REFERRER_QUERY = """{ customers(first: 100) { edges { node { id referredById } } } }"""
CANARY = "canary-upstream-3c9e"


store_url, gateway_settings = on_demo_store("paging", notes=300)
gateway_url = with_demo_upstreams()


@pytest.fixture(scope="module")
async def client_http(gateway_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as client:
        yield client


def poster(http: httpx.AsyncClient, settings: Settings, role: str, sub: str) -> Any:
    token = mint_token(settings, subject=sub, roles=(role,))

    async def post(query: str, **variables: Any) -> dict[str, Any]:
        return await gql(http, token, query, **variables)

    return post


@dataclass(frozen=True)
class Records:
    order: str
    ticket: str
    referrer: str


CREATE = """mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id } errors { field code message } } }"""
RECORDS = """query R($c: ID!) { customer(id: $c) {
  orders(first: 1) { edges { node { number } } } tickets(first: 1) { edges { node { id } } } } }"""


@pytest.fixture(scope="module")
async def records(client_http: httpx.AsyncClient, gateway_settings: Settings) -> Records:
    """An order and a ticket with notes about each, some of them canaries in the restricted
    scope (which the support role does not read)."""
    admin = poster(client_http, gateway_settings, "admin", "agent-1")
    customer = (await admin(RECORDS, c=CUSTOMER))["data"]["customer"]
    order = customer["orders"]["edges"][0]["node"]["number"]
    ticket = customer["tickets"]["edges"][0]["node"]["id"]
    for kind, ref in (("order", order), ("ticket", ticket)):
        for i in range(7):
            restricted = i >= 5
            note = {
                "customerId": CUSTOMER,
                "subject": f"{CANARY} {kind} {i}" if restricted else f"about the {kind} {i}",
                "body": "text",
                "category": "SUPPORT",
                "type": "TECHNICAL",
                "scope": "RESTRICTED" if restricted else "SUPPORT",
                "refKind": kind.upper(),
                "refId": ref,
            }
            body = await admin(CREATE, input=note)
            assert body["data"]["createNote"]["errors"] == [], body
    everyone = (await admin(REFERRER_QUERY))["data"]["customers"]["edges"]
    referrers = [e["node"]["referredById"] for e in everyone if e["node"]["referredById"]]
    referrer = max(sorted(set(referrers)), key=referrers.count)
    return Records(order, ticket, referrer)


def _route(target: ConnectionField, records: Records) -> Route:
    name = target.name
    customer = json.dumps(records.referrer if target.key == "Customer360.referrals" else CUSTOMER)
    if target.owner == "Query":
        return Route(lambda s: f"{{ {s} }}", lambda data: data[name])
    if target.owner == "Customer360":
        return Route(
            lambda s: f"{{ customer(id: {customer}) {{ {s} }} }}",
            lambda data: data["customer"][name],
        )
    parent, key, wanted = {
        "Order": ("orders", "number", records.order),
        "Ticket": ("tickets", "id", records.ticket),
    }[target.owner]

    def pick(data: dict[str, Any]) -> Any:
        edges = data["customer"][parent]["edges"]
        return next(e["node"][name] for e in edges if e["node"][key] == wanted)

    return Route(
        lambda s: (
            f"{{ customer(id: {customer}) {{ {parent}(first: 100) "
            f"{{ edges {{ node {{ {key} {s} }} }} }} }} }}"
        ),
        pick,
    )


@pytest.mark.parametrize(("role", "sub"), [("admin", "agent-1"), ("support", "agent-4")])
async def test_every_upstream_connection_pages_both_ways(
    client_http: httpx.AsyncClient,
    gateway_settings: Settings,
    records: Records,
    role: str,
    sub: str,
) -> None:
    post = poster(client_http, gateway_settings, role, sub)
    fields = {f.key: f for f in connection_fields(await introspect(post))}
    assert set(UPSTREAM) <= set(fields), set(UPSTREAM) - set(fields)
    results = {}
    for key in sorted(UPSTREAM):
        results[key] = await walk(post, _route(fields[key], records), fields[key], full=True)

    notes = {key: results[key].total for key in ("Order.notes", "Ticket.notes")}
    assert notes == ({k: 7 for k in notes} if role == "admin" else {k: 5 for k in notes}), notes
    assert results["Customer360.orders"].total >= 1
    if role == "admin":
        assert results["Customer360.referrals"].total >= 1
    seen = "".join(b for walked in results.values() for b in walked.bodies)
    assert (CANARY in seen) == (role == "admin")
