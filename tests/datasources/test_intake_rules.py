"""Per-channel and per-account intake rules, on deliberately malformed channel payloads."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from datasources.config import (
    AccountRules,
    ChannelRules,
    MarketplaceConfig,
    PosTable,
    UpstreamConfig,
    WebShopTables,
)
from datasources.orders.marketplace import marketplace_normalised
from datasources.orders.pos import pos_normalised
from datasources.orders.replay import ChannelMappings
from datasources.orders.sightings import close_collector, open_collector
from datasources.orders.web import web_normalised
from datasources.records import OrderFailure, OrderRecord
from datasources.registry import Upstreams
from demo.upstreams.data import MALFORMED_CUSTOMER
from demo.upstreams.serve import DemoUpstreams

MARKETPLACE = MarketplaceConfig(base_url="http://marketplace.test")


def web_payload(*, currency: str | None = "GBP", customer: str = "cust-00100") -> dict[str, Any]:
    """A web order in its raw form: header columns plus its item and fulfilment rows."""
    return {
        "order_no": "SO-900001",
        "customer_no": customer,
        "status": "paid",
        "is_quote": False,
        "ordered_at": "2026-03-01T10:00:00Z",
        "subtotal": "100.00",
        "grand_total": "109.95",
        "currency": currency,
        "items": [
            {
                "order_no": "SO-900001",
                "sku": "SKU-001",
                "name": "oak table",
                "qty": 1,
                "unit_price": "100.00",
                "line_total": "100.00",
            }
        ],
        "fulfilments": [],
    }


def marketplace_payload(**amount: Any) -> dict[str, Any]:
    """A marketplace order payload (nested JSON), without phone numbers, as such feeds come."""
    return {
        "orderId": "MP-9000001",
        "buyer": {"externalRef": "cust-00100", "nickname": "Ada"},
        "state": "DELIVERED",
        "createdAt": "2026-03-02T09:30:00Z",
        "amount": amount or {"value": "250.00", "currencyCode": "GBP"},
        "items": [{"sellerSku": "MKT-0001", "title": "lamp", "qty": 2, "unitPrice": "125.00"}],
        "shipments": [],
    }


def pos_row(total_cents: int, *, customer: str = "cust-00100") -> dict[str, Any]:
    """A point-of-sale receipt row, lines as a JSON string, amounts in cents."""
    lines = [{"ean": "5000000000001", "desc": "sofa", "qty": 1, "unit_cents": total_cents}]
    return {
        "receipt_no": "P-BR1-000001",
        "customer_ref": customer,
        "store_code": "BR1",
        "txn_type": "SALE",
        "sold_at_epoch": 1_772_000_000,
        "total_cents": total_cents,
        "currency": "GBP",
        "items_json": json.dumps(lines),
    }


def failure(item: OrderRecord | OrderFailure) -> OrderFailure:
    assert isinstance(item, OrderFailure), item
    return item


def test_a_currency_the_channel_does_not_take_is_an_intake_failure() -> None:
    result = failure(web_normalised(web_payload(currency="EUR"), WebShopTables()))

    assert (result.channel, result.reference, result.customer_id) == (
        "web",
        "SO-900001",
        "cust-00100",
    )
    assert result.reason == (
        "currency 'EUR' is not accepted by channel 'web' for account 'cust-00100' (allowed: GBP)"
    )
    assert result.raw["currency"] == "EUR", "the raw payload is kept for the dead-letter"


def test_an_accounts_own_currency_is_accepted_for_that_account_only() -> None:
    b2b = AccountRules(currencies=["EUR", "GBP"])
    tables = WebShopTables(rules=ChannelRules(accounts={"cust-00100": b2b}))

    accepted = web_normalised(web_payload(currency="EUR"), tables)
    refused = web_normalised(web_payload(currency="EUR", customer="cust-00101"), tables)

    assert isinstance(accepted, OrderRecord)
    assert (accepted.currency, accepted.total) == ("EUR", Decimal("109.95"))
    assert "not accepted by channel 'web' for account 'cust-00101'" in failure(refused).reason


def test_a_required_field_binds_only_the_channel_that_requires_it() -> None:
    # The web shop requires a phone on every order; the marketplace sends none and is not asked.
    tables = WebShopTables(rules=ChannelRules(required_fields=["contact_phone"]))

    web = failure(web_normalised(web_payload(), tables))
    market = marketplace_normalised(marketplace_payload(), MARKETPLACE)

    assert web.reason == (
        "required field 'contact_phone' is missing "
        "(channel 'web' for account 'cust-00100' requires it)"
    )
    assert isinstance(market, OrderRecord)
    assert market.total == Decimal("250.00")


def test_a_missing_currency_fails_unless_the_channel_has_a_default() -> None:
    payload = marketplace_payload(value="99.50")  # no currencyCode
    fixed = MARKETPLACE.model_copy(update={"rules": ChannelRules(default_currency="gbp")})

    broken = failure(marketplace_normalised(payload, MARKETPLACE))
    accepted = marketplace_normalised(payload, fixed)

    assert broken.reason == (
        "missing field 'amount.currencyCode' and channel 'marketplace' for account "
        "'cust-00100' has no default currency (set default_currency in the channel's rules, "
        'or in rules.accounts."cust-00100" for this account alone)'
    )
    assert isinstance(accepted, OrderRecord)
    assert accepted.currency == "GBP"


def test_total_bounds_with_a_per_account_ceiling() -> None:
    rules = ChannelRules(
        max_total=Decimal("5000"), accounts={"cust-00200": AccountRules(max_total=Decimal("50000"))}
    )
    table = PosTable(rules=rules)

    too_big = failure(pos_normalised(pos_row(900_000), table))
    trusted = pos_normalised(pos_row(900_000, customer="cust-00200"), table)
    refund = failure(pos_normalised(pos_row(-100), PosTable()))

    assert too_big.reason == (
        "total 9000.00 is above the maximum 5000 of channel 'pos' for account 'cust-00100'"
    )
    assert isinstance(trusted, OrderRecord)
    assert "below the minimum 0" in refund.reason


def test_an_order_without_lines_is_refused_where_lines_are_required() -> None:
    payload = {**marketplace_payload(), "items": []}
    lenient = MARKETPLACE.model_copy(update={"rules": ChannelRules(require_lines=False)})

    assert "order has no lines" in failure(marketplace_normalised(payload, MARKETPLACE)).reason
    assert isinstance(marketplace_normalised(payload, lenient), OrderRecord)


def test_every_channel_rule_can_be_overridden_per_account() -> None:
    # An intake error names the account; whatever rule it broke, the fix may be that
    # account's alone. A new channel rule without its per-account twin fails here.
    assert set(AccountRules.model_fields) == set(ChannelRules.model_fields) - {"accounts"}


def test_a_missing_currency_is_fixed_for_one_account_as_the_error_says(tmp_path: Path) -> None:
    # The README's example, loaded as an operator would deploy it: the marketplace has no
    # default currency, one foreign account's feed omits its euros, another must send lines.
    config = tmp_path / "upstreams.toml"
    config.write_text(
        """
[crm]
url = "sqlite+aiosqlite:///crm.db"
[oms]
url = "sqlite+aiosqlite:///oms.db"
[billing]
url = "sqlite+aiosqlite:///billing.db"
[helpdesk]
base_url = "http://helpdesk.test"
[marketplace]
base_url = "http://marketplace.test"
[marketplace.rules]
currencies = ["GBP", "EUR"]
[marketplace.rules.accounts."cust-00100"]
default_currency = "eur"
[marketplace.rules.accounts."cust-00200"]
require_lines = false
""",
        encoding="utf-8",
    )
    marketplace = UpstreamConfig.from_file(config).marketplace
    assert marketplace is not None
    no_currency = marketplace_payload(value="99.50")

    fixed = marketplace_normalised(no_currency, marketplace)
    other = failure(marketplace_normalised(_buyer(no_currency, "cust-00300"), marketplace))
    no_lines = {**marketplace_payload(), "items": []}
    lenient = marketplace_normalised(_buyer(no_lines, "cust-00200"), marketplace)
    strict = failure(marketplace_normalised(no_lines, marketplace))

    assert isinstance(fixed, OrderRecord)
    assert fixed.currency == "EUR"
    assert "for account 'cust-00300' has no default currency" in other.reason
    assert 'rules.accounts."cust-00300"' in other.reason
    assert isinstance(lenient, OrderRecord)
    assert "order has no lines" in strict.reason


def _buyer(payload: dict[str, Any], customer: str) -> dict[str, Any]:
    return {**payload, "buyer": {**payload["buyer"], "externalRef": customer}}


def test_a_non_object_payload_and_a_renamed_column_are_reasons_not_crashes() -> None:
    mappings = ChannelMappings.demo()
    renamed = ChannelMappings(
        WebShopTables.model_validate({"order_columns": {"total": "total_incl_vat"}}), None, None
    )

    assert failure(marketplace_normalised(["not", "an", "object"], MARKETPLACE)).reason == (
        "order payload is not an object"
    )
    assert (
        "does not fit the current mapping" in failure(renamed.replay("web", web_payload())).reason
    )
    assert "is not configured" in failure(mappings.replay("fax", {})).reason


def test_replay_applies_todays_mapping_to_a_stored_payload() -> None:
    stored = marketplace_payload(value="2553.86")
    fixed = ChannelMappings(
        None, None, MARKETPLACE.model_copy(update={"rules": ChannelRules(default_currency="GBP")})
    )

    assert isinstance(ChannelMappings.demo().replay("marketplace", stored), OrderFailure)
    replayed = fixed.replay("marketplace", stored)
    assert isinstance(replayed, OrderRecord)
    assert (replayed.number, replayed.total) == ("MP-9000001", Decimal("2553.86"))
    appraisal = fixed.appraise("marketplace", stored)
    assert (appraisal.value, appraisal.currency) == (Decimal("2553.86"), None)
    assert fixed.appraise("pos", pos_row(1234)).value is None, "pos is not configured there"
    assert ChannelMappings.demo().appraise("pos", pos_row(1234)).value == Decimal("12.34")


async def test_default_rules_accept_the_demo_data_but_its_broken_payloads(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    ids = [c["id"] for c in demo_upstreams.data.customers]
    statuses = set(MARKETPLACE.statuses)
    broken = {
        p["orderId"]
        for p in demo_upstreams.data.marketplace_orders
        if "currencyCode" not in p["amount"]
        or p["state"] not in statuses
        or p["createdAt"] == "last tuesday"
    }

    sightings = open_collector()
    try:
        results = await upstreams.orders.orders_by_customer_id(ids)
    finally:
        close_collector()

    failures = [f for result in results.values() for f in result.failures]
    assert {(f.channel, f.reference) for f in failures} == {("marketplace", b) for b in broken}
    mine = [s for s in sightings.values() if s.failure.customer_id == MALFORMED_CUSTOMER]
    assert len(mine) == 1, "the request's collector saw cust-00002's broken payload"
    assert mine[0].appraisal.value is not None
    assert len(sightings) == len(broken)
