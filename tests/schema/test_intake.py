"""Order intake governance through HTTP: failures recorded by reads, listed by impact, redriven.

Two gateways share one seeded store and the demo upstreams: ``broken`` runs the default
mapping (the marketplace payloads without a currency fail), ``fixed`` the same mapping with
the fix an operator would deploy (the marketplace's default currency is GBP).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from core.settings import Settings
from datasources.config import ChannelRules, UpstreamConfig
from demo.upstreams.data import MALFORMED_CUSTOMER
from demo.upstreams.serve import DemoUpstreams
from gateway.jobs.intake_redrive import redrive
from gateway.jobs.intake_scan import scan
from gateway.runtime import open_runtime
from tests.fixtures.app import TokenFactory, serve_in_thread
from tests.fixtures.served_gateways import on_demo_store
from tests.fixtures.upstreams import DEMO_CUSTOMERS, FAST
from tests.schema.native_gateway import gql

BROKEN_REFERENCE = "MP-0000002"  # cust-00002's marketplace order without a currency code

CUSTOMER_ORDERS = """
query Orders($id: ID!) {
  customer(id: $id) { id orders(first: 100) { edges { node { number channel } } } }
}
"""
EVERYONE_ORDERS = """
query Everyone { customers(first: 100) { edges { node { id orders { totalCount } } } } }
"""
FAILURES = """
query Failures($first: Int!, $after: String, $channel: String, $includeResolved: Boolean!) {
  intakeFailures(first: $first, after: $after, channel: $channel,
                 includeResolved: $includeResolved) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id channel reference customerId vipCustomer reason orderValue currency
      occurrences redriveAttempts lastError resolvedAt resolvedBy raw
    } }
  }
}
"""
REDRIVE = """
mutation Redrive($ids: [ID!]!) {
  redriveIntakeFailures(ids: $ids) {
    results { resolved failure { id reference reason redriveAttempts lastError resolvedBy } }
    errors { field code message }
  }
}
"""


store_url, gateway_settings = on_demo_store("intake", notes=50)


@pytest.fixture(scope="module")
def broken_config(demo_upstreams_sqlite: DemoUpstreams) -> UpstreamConfig:
    return demo_upstreams_sqlite.config.with_resilience(FAST)


@pytest.fixture(scope="module")
def fixed_config(broken_config: UpstreamConfig) -> UpstreamConfig:
    assert broken_config.marketplace is not None
    rules = ChannelRules(default_currency="GBP")
    marketplace = broken_config.marketplace.model_copy(update={"rules": rules})
    return broken_config.model_copy(update={"marketplace": marketplace})


@pytest.fixture(scope="module")
def broken_url(gateway_settings: Settings, broken_config: UpstreamConfig) -> Iterator[str]:
    with serve_in_thread(gateway_settings, broken_config) as url:
        yield url


@pytest.fixture(scope="module")
def fixed_url(gateway_settings: Settings, fixed_config: UpstreamConfig) -> Iterator[str]:
    with serve_in_thread(gateway_settings, fixed_config) as url:
        yield url


@pytest.fixture
async def broken(broken_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=broken_url, timeout=20) as client:
        yield client


@pytest.fixture
async def fixed(fixed_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=fixed_url, timeout=20) as client:
        yield client


async def _failures(http: httpx.AsyncClient, token: str, **options: Any) -> Any:
    variables = {"first": 50, "includeResolved": False, **options}
    body = await gql(http, token, FAILURES, **variables)
    assert body.get("errors") is None, body["errors"]
    return body["data"]["intakeFailures"]


def _node(connection: Any, reference: str) -> Any:
    return next(e["node"] for e in connection["edges"] if e["node"]["reference"] == reference)


async def test_a_read_records_the_failure_and_operations_see_it_by_impact(
    broken: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # given: the 360 of the customer with a broken marketplace payload (read twice), and a list
    for _ in range(2):
        body = await gql(broken, token_for("manager"), CUSTOMER_ORDERS, id=MALFORMED_CUSTOMER)
    assert body["data"]["customer"]["orders"]["edges"], "the other orders still resolve"
    assert [e["extensions"]["source"] for e in body["errors"]] == ["marketplace"]
    everyone = await gql(broken, token_for("manager"), EVERYONE_ORDERS)
    assert everyone["data"]["customers"]["edges"]

    # when: operations staff list the dead-letter
    listed = await _failures(broken, token_for("fulfillment", sub="agent-7"))

    # then: every failure seen is there, highest order value first (unknown values last)
    failure = _node(listed, BROKEN_REFERENCE)
    assert (failure["channel"], failure["customerId"]) == ("marketplace", MALFORMED_CUSTOMER)
    assert "amount.currencyCode" in failure["reason"]
    assert (Decimal(failure["orderValue"]), failure["currency"]) == (Decimal("2553.86"), None)
    assert failure["raw"]["orderId"] == BROKEN_REFERENCE
    assert failure["occurrences"] == 2, "seen by both reads of the 360, kept as one row"
    values = [e["node"]["orderValue"] for e in listed["edges"]]
    known = [Decimal(v) for v in values if v is not None]
    assert known == sorted(known, reverse=True)
    assert values[: len(known)] == [v for v in values if v is not None]
    assert listed["totalCount"] == len(listed["edges"]) >= 2


async def test_pages_follow_the_impact_order(
    broken: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager")
    everything = await _failures(broken, token)

    first = await _failures(broken, token, first=1)
    second = await _failures(broken, token, first=1, after=first["pageInfo"]["endCursor"])

    refs = [e["node"]["reference"] for e in everything["edges"]]
    assert [e["node"]["reference"] for e in first["edges"] + second["edges"]] == refs[:2]
    assert first["pageInfo"]["hasNextPage"]
    only_web = await _failures(broken, token, channel="web")
    assert only_web["totalCount"] == 0


async def test_sales_may_neither_list_nor_redrive(
    broken: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    listed = await gql(broken, token_for("sales"), FAILURES, first=5, includeResolved=False)
    redriven = await gql(broken, token_for("sales"), REDRIVE, ids=["anything"])

    assert listed["data"] == {"intakeFailures": None}
    assert [e["extensions"]["code"] for e in listed["errors"]] == ["FORBIDDEN"]
    assert [e["extensions"]["code"] for e in redriven["errors"]] == ["FORBIDDEN"]


async def test_redrive_input_errors_are_typed(
    broken: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("fulfillment", sub="agent-7")

    unknown = await gql(broken, token, REDRIVE, ids=["no-such-id"])
    empty = await gql(broken, token, REDRIVE, ids=[])

    assert unknown["data"]["redriveIntakeFailures"]["errors"] == [
        {"field": "ids", "code": "NOT_FOUND", "message": "no intake failure 'no-such-id'"}
    ]
    assert empty["data"]["redriveIntakeFailures"]["errors"][0]["code"] == "REQUIRED"


async def test_redrive_fails_until_the_mapping_is_fixed_then_resolves(
    broken: httpx.AsyncClient, fixed: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    ops = token_for("fulfillment", sub="agent-7")
    failure_id = _node(await _failures(broken, ops), BROKEN_REFERENCE)["id"]

    # when: redriven under the old mapping, it still fails and says why
    before = (await gql(broken, ops, REDRIVE, ids=[failure_id]))["data"]
    (result,) = before["redriveIntakeFailures"]["results"]
    assert result["resolved"] is False
    assert result["failure"]["redriveAttempts"] == 1
    assert "no default currency" in result["failure"]["lastError"]

    # when: redriven by the gateway running the fixed mapping
    after = (await gql(fixed, ops, REDRIVE, ids=[failure_id]))["data"]
    (result,) = after["redriveIntakeFailures"]["results"]

    # then: it is resolved, off the open list, and the order shows in the 360
    assert (result["resolved"], result["failure"]["resolvedBy"]) == (True, "agent-7")
    assert result["failure"]["redriveAttempts"] == 2
    still_open = await _failures(fixed, ops)
    assert BROKEN_REFERENCE not in [e["node"]["reference"] for e in still_open["edges"]]
    resolved = _node(await _failures(fixed, ops, includeResolved=True), BROKEN_REFERENCE)
    assert resolved["resolvedAt"] is not None
    body = await gql(fixed, token_for("manager"), CUSTOMER_ORDERS, id=MALFORMED_CUSTOMER)
    assert body.get("errors") is None
    orders = body["data"]["customer"]["orders"]["edges"]
    assert BROKEN_REFERENCE in [edge["node"]["number"] for edge in orders]
    again = await gql(fixed, ops, REDRIVE, ids=[failure_id])
    assert again["data"]["redriveIntakeFailures"]["errors"][0]["code"] == "CONFLICT"


async def test_the_sweep_and_the_cli_redrive(
    gateway_settings: Settings,
    broken_config: UpstreamConfig,
    fixed_config: UpstreamConfig,
    demo_upstreams_sqlite: DemoUpstreams,
) -> None:
    payloads = demo_upstreams_sqlite.data.marketplace_orders
    missing_currency = {p["orderId"] for p in payloads if "currencyCode" not in p["amount"]}

    async with open_runtime(gateway_settings, broken_config) as runtime:
        swept = await scan(runtime, batch_size=50)
    async with open_runtime(gateway_settings, fixed_config, connect_upstreams=False) as runtime:
        replayed = await redrive(runtime)
        repeated = await redrive(runtime)

    assert swept.customers == DEMO_CUSTOMERS
    assert swept.failures >= len(missing_currency)
    assert replayed.resolved == len(missing_currency)
    assert replayed.attempted == swept.failures
    assert repeated.resolved == 0, "what the fix cannot mend stays open"
    assert repeated.attempted == replayed.still_failing
