"""Deterministic rows and payloads of the demo upstreams, for the demo generator's customers.

The customers are `demo.generator.DemoData`'s (same seed, same count, same ids), so the CRM,
orders, billing and helpdesk agree with the native store. Each upstream draws from its own
random stream. A few marketplace payloads are broken on purpose (unknown state, missing
currency, unreadable date), and customer ``cust-00002`` always has one, so the intake-failure
path has something to show.

``order_rounds`` scales the orders for benchmark-sized loads: each channel draws a customer's
order count that many times and sums the draws. One round is the demo's data, unchanged.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Any

from demo import vocabulary as vocab
from demo.generator import DemoData, Row

INSTALLED_PRODUCTS = {"fitted kitchen", "walk-in shower", "kitchen island", "wardrobe system"}
CARRIERS = ("DPD", "Royal Mail", "Parcelforce", "In-house van")
TICKET_SUBJECTS = (
    "Delivery of the {product} is late",
    "Damaged {product} on arrival",
    "Question about the {product} warranty",
    "Invoice query for the {product}",
    "Installation date for the {product}",
    "Missing part for the {product}",
)
TICKET_TAGS = ("delivery", "damage", "warranty", "billing", "installation", "parts", "urgent")
MALFORMED_CUSTOMER = "cust-00002"
WEB_ORDER_COUNTS = (0, 1, 1, 2, 3, 4)
POS_RECEIPT_COUNTS = (0, 0, 0, 1, 2)
MARKETPLACE_ORDER_COUNTS = (0, 0, 1, 2)
ORDERS_PER_ROUND = sum(
    sum(counts) / len(counts)
    for counts in (WEB_ORDER_COUNTS, POS_RECEIPT_COUNTS, MARKETPLACE_ORDER_COUNTS)
)
"""Expected orders per customer and round over the three channels (about 3.18)."""


def _price(rng: random.Random) -> Decimal:
    return Decimal(rng.randrange(1_500, 250_000)) / 100


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class UpstreamData:
    """All demo upstream content for one seed and customer count."""

    seed: int
    customer_count: int
    now: datetime | None = None
    order_rounds: int = 1
    """How many times each order channel draws a customer's order count (summed)."""
    directory: DemoData = field(init=False)

    def __post_init__(self) -> None:
        if self.order_rounds < 1:
            raise ValueError("order_rounds must be at least 1")
        self.directory = DemoData(
            customers=self.customer_count, notes=0, seed=self.seed, now=self.now
        )
        self.now = self.directory.now

    @property
    def customers(self) -> list[Row]:
        """The generator's customers (the ids every upstream uses)."""
        return self.directory.customers

    def rng(self, stream: str) -> random.Random:
        """The random stream of one upstream table."""
        return random.Random(f"{self.seed}:upstream:{stream}")

    def _order_count(self, rng: random.Random, choices: tuple[int, ...]) -> int:
        # One draw per round; with one round this is the single draw the data always had.
        return sum(rng.choice(choices) for _ in range(self.order_rounds))

    @property
    def order_count(self) -> int:
        """Orders across the web shop, the POS and the marketplace."""
        return len(self.web[0]) + len(self.pos_receipts) + len(self.marketplace_orders)

    # --- CRM -----------------------------------------------------------------------------

    @cached_property
    def crm_customers(self) -> list[Row]:
        """CRM rows in the demo CRM's own column names."""
        rng = self.rng("crm")
        assert self.now is not None
        return [
            {
                "customer_no": c["id"],
                "display_name": c["name"],
                "email": c["email"],
                "phone": c["phone"],
                "branch_code": c["branch_id"],
                "partner_code": c["partner_id"],
                "account_manager": c["owner_agent_id"],
                "vip_flag": c["vip"],
                "created_on": c["created_at"],
                "last_contact_at": self.now - timedelta(days=rng.uniform(0, 400)),
                "referred_by": c["referred_by_id"],
            }
            for c in self.customers
        ]

    @cached_property
    def crm_staff(self) -> list[Row]:
        """The staff table: the demo's agents (the agent directory's source), CRM column names."""
        return [
            {
                "staff_no": agent["id"],
                "full_name": agent["name"],
                "work_email": agent["email"],
                "job_role": agent["role"],
                "branch_code": agent["branch_id"],
                "is_active": agent["active"],
                "modified_at": agent["created_at"],
            }
            for agent in self.directory.agents
        ]

    # --- OMS: web shop -----------------------------------------------------------------

    @cached_property
    def web(self) -> tuple[list[Row], list[Row], list[Row]]:
        """Web-shop (orders, items, fulfilments)."""
        rng = self.rng("web")
        assert self.now is not None
        orders: list[Row] = []
        items: list[Row] = []
        fulfilments: list[Row] = []
        statuses = ("quote", "paid", "shipped", "delivered", "delivered", "installed", "cancelled")
        for customer in self.customers:
            for _ in range(self._order_count(rng, WEB_ORDER_COUNTS)):
                number = f"SO-{100_001 + len(orders):06d}"
                placed = customer["created_at"] + (self.now - customer["created_at"]) * rng.random()
                status = rng.choice(statuses)
                lines: list[Row] = []
                for _ in range(rng.randint(1, 3)):
                    product = rng.choice(vocab.PRODUCTS)
                    qty, unit = rng.randint(1, 3), _price(rng)
                    lines.append(
                        {
                            "order_no": number,
                            "sku": f"SKU-{vocab.PRODUCTS.index(product):03d}",
                            "name": product,
                            "qty": qty,
                            "unit_price": unit,
                            "line_total": unit * qty,
                        }
                    )
                subtotal = sum((line["line_total"] for line in lines), Decimal(0))
                if status == "installed" and not any(
                    line["name"] in INSTALLED_PRODUCTS for line in lines
                ):
                    status = "delivered"
                orders.append(
                    {
                        "order_no": number,
                        "customer_no": customer["id"],
                        "status": status,
                        "is_quote": status == "quote",
                        "ordered_at": placed,
                        "subtotal": subtotal,
                        "grand_total": subtotal + Decimal("9.95"),
                        "currency": "GBP",
                    }
                )
                items += lines
                fulfilments += [
                    {**row, "customer_no": customer["id"]}
                    for row in self._fulfilments(rng, number, status, placed, lines)
                ]
        return orders, items, fulfilments

    def _fulfilments(
        self, rng: random.Random, number: str, status: str, placed: datetime, lines: list[Row]
    ) -> list[Row]:
        rows: list[Row] = []
        if status in ("shipped", "delivered", "installed"):
            scheduled = placed + timedelta(days=rng.randint(2, 10))
            rows.append(
                {
                    "order_no": number,
                    "kind": "delivery",
                    "reference": f"DL-{number[3:]}",
                    "status": "in_transit" if status == "shipped" else "delivered",
                    "scheduled_for": scheduled,
                    "done_at": None if status == "shipped" else scheduled,
                    "provider": rng.choice(CARRIERS),
                }
            )
        if any(line["name"] in INSTALLED_PRODUCTS for line in lines) and status != "cancelled":
            booked = placed + timedelta(days=rng.randint(10, 30))
            rows.append(
                {
                    "order_no": number,
                    "kind": "installation",
                    "reference": f"IN-{number[3:]}",
                    "status": "completed" if status == "installed" else "booked",
                    "scheduled_for": booked,
                    "done_at": booked if status == "installed" else None,
                    "provider": rng.choice(vocab.PARTNERS)[1],
                }
            )
        return rows

    # --- OMS: point of sale ------------------------------------------------------------

    @cached_property
    def pos_receipts(self) -> list[Row]:
        """POS receipts: epoch seconds, cents, lines as a JSON string."""
        rng = self.rng("pos")
        assert self.now is not None
        rows: list[Row] = []
        for customer in self.customers:
            for _ in range(self._order_count(rng, POS_RECEIPT_COUNTS)):
                sold = customer["created_at"] + (self.now - customer["created_at"]) * rng.random()
                lines: list[Row] = [
                    {
                        "ean": f"50{rng.randrange(10**10):010d}",
                        "desc": rng.choice(vocab.PRODUCTS),
                        "qty": rng.randint(1, 2),
                        "unit_cents": rng.randrange(500, 90_000),
                    }
                    for _ in range(rng.randint(1, 3))
                ]
                rows.append(
                    {
                        "receipt_no": f"P-{customer['branch_id']}-{len(rows) + 1:06d}",
                        "customer_ref": customer["id"],
                        "store_code": customer["branch_id"],
                        "txn_type": rng.choice(("SALE", "SALE", "SALE", "LAYAWAY", "RETURN")),
                        "sold_at_epoch": int(sold.timestamp()),
                        "total_cents": sum(line["qty"] * line["unit_cents"] for line in lines),
                        "currency": "GBP",
                        "items_json": json.dumps(lines),
                    }
                )
        return rows

    # --- marketplace -------------------------------------------------------------------

    @cached_property
    def marketplace_orders(self) -> list[dict[str, Any]]:
        """Marketplace order payloads (nested JSON), a few deliberately malformed."""
        rng = self.rng("marketplace")
        assert self.now is not None
        payloads: list[dict[str, Any]] = []
        states = ("AWAITING_SHIPMENT", "SHIPPED", "DELIVERED", "DELIVERED", "CANCELED")
        for customer in self.customers:
            count = self._order_count(rng, MARKETPLACE_ORDER_COUNTS)
            broken = customer["id"] == MALFORMED_CUSTOMER
            for index in range(max(count, 2 if broken else 0)):
                created = self.now - timedelta(days=rng.uniform(1, 500))
                state = rng.choice(states)
                items: list[Row] = [
                    {
                        "sellerSku": f"MKT-{rng.randrange(10_000):04d}",
                        "title": rng.choice(vocab.PRODUCTS),
                        "qty": rng.randint(1, 2),
                        "unitPrice": str(_price(rng)),
                    }
                    for _ in range(rng.randint(1, 2))
                ]
                total = sum((Decimal(i["unitPrice"]) * i["qty"] for i in items), Decimal(0))
                shipments: list[Row] = []
                if state in ("SHIPPED", "DELIVERED"):
                    promised = created + timedelta(days=rng.randint(2, 6))
                    shipments.append(
                        {
                            "trackingNo": f"TRK{rng.randrange(10**9):09d}",
                            "carrier": rng.choice(CARRIERS),
                            "status": "DELIVERED" if state == "DELIVERED" else "IN_TRANSIT",
                            "promisedFor": _iso(promised),
                            "deliveredAt": _iso(promised) if state == "DELIVERED" else None,
                        }
                    )
                payload: dict[str, Any] = {
                    "orderId": f"MP-{len(payloads) + 1:07d}",
                    "buyer": {"externalRef": customer["id"], "nickname": customer["name"]},
                    "state": state,
                    "createdAt": _iso(created),
                    "amount": {"value": str(total), "currencyCode": "GBP"},
                    "items": items,
                    "shipments": shipments,
                }
                if (broken and index == 0) or rng.random() < 0.04:
                    self._break(rng, payload)
                payloads.append(payload)
        return payloads

    @staticmethod
    def _break(rng: random.Random, payload: dict[str, Any]) -> None:
        defect = rng.randrange(3)
        if defect == 0:
            payload["state"] = "PARTIALLY_REFUNDED"  # not in the channel's status map
        elif defect == 1:
            del payload["amount"]["currencyCode"]
        else:
            payload["createdAt"] = "last tuesday"

    # --- billing ---------------------------------------------------------------------------

    @cached_property
    def billing(self) -> tuple[list[Row], list[Row], list[Row]]:
        """Billing (invoices, payments, accounts), consistent with the web and POS orders."""
        rng = self.rng("billing")
        assert self.now is not None
        orders, _, _ = self.web
        sales = [
            (o["customer_no"], o["order_no"], o["ordered_at"], o["grand_total"])
            for o in orders
            if o["status"] not in ("quote", "cancelled")
        ] + [
            (
                r["customer_ref"],
                r["receipt_no"],
                datetime.fromtimestamp(r["sold_at_epoch"], UTC),
                Decimal(r["total_cents"]) / 100,
            )
            for r in self.pos_receipts
            if r["txn_type"] == "SALE"
        ]
        invoices: list[Row] = []
        payments: list[Row] = []
        for customer_id, order_ref, placed, amount in sorted(sales, key=lambda s: s[2]):
            number = f"INV-{len(invoices) + 1:06d}"
            due = placed + timedelta(days=30)
            paid = rng.random() < 0.85
            status = "paid" if paid else ("overdue" if due < self.now else "open")
            invoices.append(
                {
                    "invoice_no": number,
                    "account_no": customer_id,
                    "issued_on": placed,
                    "due_on": due,
                    "amount": amount,
                    "currency": "GBP",
                    "status": status,
                    "order_ref": order_ref,
                }
            )
            if paid:
                payments.append(
                    {
                        "payment_ref": f"PAY-{len(payments) + 1:06d}",
                        "account_no": customer_id,
                        "received_at": min(self.now, placed + timedelta(days=rng.randint(0, 25))),
                        "amount": amount,
                        "currency": "GBP",
                        "method": rng.choice(("card", "card", "bank_transfer", "finance")),
                        "invoice_no": number,
                    }
                )
        accounts: dict[str, Row] = {}
        for invoice in invoices:
            account = accounts.setdefault(
                invoice["account_no"],
                {
                    "account_no": invoice["account_no"],
                    "currency": "GBP",
                    "balance": Decimal(0),
                    "overdue": Decimal(0),
                    "credit_limit": Decimal(5_000) if rng.random() < 0.3 else None,
                    "updated_at": self.now,
                },
            )
            if invoice["status"] != "paid":
                account["balance"] += invoice["amount"]
            if invoice["status"] == "overdue":
                account["overdue"] += invoice["amount"]
        return invoices, payments, list(accounts.values())

    # --- helpdesk -------------------------------------------------------------------------

    @cached_property
    def tickets(self) -> list[dict[str, Any]]:
        """Helpdesk tickets as the helpdesk API serves them."""
        rng = self.rng("helpdesk")
        assert self.now is not None
        tickets: list[dict[str, Any]] = []
        for customer in self.customers:
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
                created = self.now - timedelta(days=rng.uniform(0, 400))
                status = rng.choice(("open", "pending", "solved", "closed", "closed"))
                tickets.append(
                    {
                        "id": f"TCK-{len(tickets) + 1:06d}",
                        "requester_id": customer["id"],
                        "subject": rng.choice(TICKET_SUBJECTS).format(
                            product=rng.choice(vocab.PRODUCTS)
                        ),
                        "status": status,
                        "priority": rng.choice(("low", "normal", "normal", "high", "urgent")),
                        "created_at": _iso(created),
                        "updated_at": _iso(created + timedelta(hours=rng.uniform(1, 200))),
                        "tags": sorted(rng.sample(TICKET_TAGS, rng.randint(0, 2))),
                    }
                )
        return tickets
