"""Each datasource reads the demo upstreams into records, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC
from decimal import Decimal

from datasources.registry import Upstreams
from demo.upstreams.data import MALFORMED_CUSTOMER
from demo.upstreams.serve import DemoUpstreams


async def test_crm_customers_are_the_generators_customers(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    expected = demo_upstreams.data.customers[:20]

    found = await upstreams.crm.customers_by_id([c["id"] for c in expected])

    for row in expected:
        record = found[row["id"]]
        assert (record.name, record.email, record.branch_id, record.vip) == (
            row["name"],
            row["email"],
            row["branch_id"],
            row["vip"],
        )
        assert record.created_at.tzinfo is UTC


async def test_referrals_and_listing(upstreams: Upstreams, demo_upstreams: DemoUpstreams) -> None:
    referred = [c for c in demo_upstreams.data.customers if c["referred_by_id"]]
    referrer = referred[0]["referred_by_id"]

    referrals = await upstreams.crm.referrals_by_referrer_id([referrer])
    page = await upstreams.crm.list_customers(first=5, after="cust-00003")

    assert referred[0]["id"] in [r.id for r in referrals[referrer]]
    assert [c.id for c in page] == [f"cust-{n:05d}" for n in range(4, 9)]


async def test_orders_merge_channels_newest_first(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    ids = [c["id"] for c in demo_upstreams.data.customers]

    results = await upstreams.orders.orders_by_customer_id(ids)

    orders = [o for result in results.values() for o in result.orders]
    assert {o.channel for o in orders} == {"web", "pos", "marketplace"}
    for result in results.values():
        placed = [o.placed_at for o in result.orders]
        assert placed == sorted(placed, reverse=True)
        assert all(o.placed_at.tzinfo is UTC for o in result.orders)
    assert any(o.deliveries for o in orders)
    assert any(o.installations for o in orders)
    assert any(o.kind == "quote" for o in orders)
    web = next(o for o in orders if o.channel == "web" and o.lines)
    assert web.subtotal == sum((line.total for line in web.lines), Decimal(0))


async def test_a_malformed_payload_fails_alone_naming_its_channel(upstreams: Upstreams) -> None:
    result = (await upstreams.orders.orders_by_customer_id([MALFORMED_CUSTOMER]))[
        MALFORMED_CUSTOMER
    ]

    assert result.failures, "the demo breaks one marketplace order of this customer"
    failure = result.failures[0]
    assert failure.channel == "marketplace"
    assert failure.customer_id == MALFORMED_CUSTOMER
    assert failure.reason
    assert failure.raw["orderId"] == failure.reference
    assert result.orders, "the customer's other orders are still there"
    assert result.errors == ()


async def test_billing_invoices_payments_and_balance(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    invoices, payments, accounts = demo_upstreams.data.billing
    customer_id = next(a["account_no"] for a in accounts if a["balance"] > 0)

    found_invoices = (await upstreams.billing.invoices_by_customer_id([customer_id]))[customer_id]
    found_payments = await upstreams.billing.payments_by_customer_id([customer_id])
    balance = (await upstreams.billing.balance_by_customer_id([customer_id]))[customer_id]

    expected = {i["invoice_no"] for i in invoices if i["account_no"] == customer_id}
    assert {i.number for i in found_invoices} == expected
    issued = [i.issued_at for i in found_invoices]
    assert issued == sorted(issued, reverse=True)
    paid = {p["payment_ref"] for p in payments if p["account_no"] == customer_id}
    assert {p.reference for p in found_payments.get(customer_id, [])} == paid
    unpaid = sum(
        (i.total for i in found_invoices if i.status != "paid"),
        Decimal(0),
    )
    assert balance.outstanding == unpaid
    assert balance.currency == "GBP"


async def test_helpdesk_tickets_by_requester(
    upstreams: Upstreams, demo_upstreams: DemoUpstreams
) -> None:
    tickets = demo_upstreams.data.tickets
    customer_id = next(t["requester_id"] for t in tickets)

    found = (await upstreams.helpdesk.tickets_by_customer_id([customer_id]))[customer_id]

    assert {t.id for t in found} == {t["id"] for t in tickets if t["requester_id"] == customer_id}
    assert all(t.created_at.tzinfo is UTC for t in found)


async def test_health_checks_report_each_source_with_its_breaker(upstreams: Upstreams) -> None:
    checks = upstreams.health_checks()

    details = {name: await check() for name, check in checks.items()}

    assert set(details) == {"crm", "oms", "billing", "helpdesk", "marketplace"}
    assert all(detail and "breaker closed" in detail for detail in details.values())
