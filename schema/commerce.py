"""Orders, invoices, payments and balance from the upstream order and billing systems."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Self

import strawberry

from datasources.records import (
    BalanceRecord,
    InvoiceRecord,
    OrderFailure,
    OrderRecord,
    PaymentRecord,
)
from datasources.records import (
    Delivery as DeliveryRecord,
)
from datasources.records import (
    Installation as InstallationRecord,
)
from datasources.records import (
    OrderLine as OrderLineRecord,
)
from resolvers.context import Info
from schema.closed_sets import (
    DeliveryStatus,
    InstallationStatus,
    InvoiceStatus,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    or_other,
    source_text,
)
from schema.connections import PAGE_ARGUMENTS
from schema.node import Node, NodeID, compose_key
from schema.note_filter import NoteFilter, parse_note_filter
from schema.notes import NoteConnection, notes_about


@strawberry.type
class OrderLine:
    sku: str | None
    description: str
    quantity: int
    unit_price: Decimal
    total: Decimal

    @classmethod
    def from_record(cls, row: OrderLineRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            sku=row.sku,
            description=row.description,
            quantity=row.quantity,
            unit_price=row.unit_price,
            total=row.total,
        )


@strawberry.type
class Delivery(Node):
    id: NodeID[str]  # composite: the customer id, the order number and the reference
    reference: str
    status: DeliveryStatus
    status_text: str | None = strawberry.field(description=source_text("status"))
    scheduled_for: datetime | None
    delivered_at: datetime | None
    carrier: str | None

    @classmethod
    def from_record(cls, row: DeliveryRecord, order: OrderRecord) -> Self:
        """Build from an upstream record of `order`."""
        return cls(
            id=compose_key(order.customer_id, order.number, row.reference),
            reference=row.reference,
            status=or_other(DeliveryStatus, row.status),
            status_text=row.status,
            scheduled_for=row.scheduled_for,
            delivered_at=row.delivered_at,
            carrier=row.carrier,
        )


@strawberry.type
class Installation(Node):
    id: NodeID[str]  # composite: the customer id, the order number and the reference
    reference: str
    status: InstallationStatus
    status_text: str | None = strawberry.field(description=source_text("status"))
    scheduled_for: datetime | None
    completed_at: datetime | None
    installer: str | None

    @classmethod
    def from_record(cls, row: InstallationRecord, order: OrderRecord) -> Self:
        """Build from an upstream record of `order`."""
        return cls(
            id=compose_key(order.customer_id, order.number, row.reference),
            reference=row.reference,
            status=or_other(InstallationStatus, row.status),
            status_text=row.status,
            scheduled_for=row.scheduled_for,
            completed_at=row.completed_at,
            installer=row.installer,
        )


@strawberry.type(description="An order or quote from any sales channel, in one shape.")
class Order(Node):
    id: NodeID[str]  # composite: the customer id and the order number
    number: str
    channel: str = strawberry.field(description="web, pos, marketplace, …")
    kind: OrderKind = strawberry.field(description="ORDER or QUOTE.")
    status: OrderStatus
    status_text: str | None = strawberry.field(
        description=source_text("status", " (after the channel's status map)")
    )
    placed_at: datetime
    total: Decimal
    subtotal: Decimal | None
    currency: str
    lines: list[OrderLine]
    deliveries: list[Delivery]
    installations: list[Installation]

    @strawberry.field(
        description="Notes about this order the caller may read, newest first. " + PAGE_ARGUMENTS
    )
    async def notes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: NoteFilter | None = None,
    ) -> NoteConnection:
        note_filter = parse_note_filter(filter)
        return await notes_about(
            info, "order", self.number, first, after, last, before, note_filter
        )

    @classmethod
    def from_record(cls, row: OrderRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            id=compose_key(row.customer_id, row.number),
            number=row.number,
            channel=row.channel,
            kind=or_other(OrderKind, row.kind),
            status=or_other(OrderStatus, row.status),
            status_text=row.status,
            placed_at=row.placed_at,
            total=row.total,
            subtotal=row.subtotal,
            currency=row.currency,
            lines=[OrderLine.from_record(line) for line in row.lines],
            deliveries=[Delivery.from_record(d, row) for d in row.deliveries],
            installations=[Installation.from_record(i, row) for i in row.installations],
        )


@strawberry.type(description="A channel payload that failed normalisation; kept, not dropped.")
class OrderIntakeFailure:
    channel: str
    reference: str
    reason: str

    @classmethod
    def from_record(cls, row: OrderFailure) -> Self:
        """Build from an upstream failure record."""
        return cls(channel=row.channel, reference=row.reference, reason=row.reason)


@strawberry.type
class Invoice(Node):
    id: NodeID[str]  # composite: the customer id and the invoice number
    number: str
    issued_at: datetime
    due_at: datetime | None
    total: Decimal
    currency: str
    status: InvoiceStatus
    status_text: str | None = strawberry.field(description=source_text("status"))
    order_number: str | None

    @classmethod
    def from_record(cls, row: InvoiceRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            id=compose_key(row.customer_id, row.number),
            number=row.number,
            issued_at=row.issued_at,
            due_at=row.due_at,
            total=row.total,
            currency=row.currency,
            status=or_other(InvoiceStatus, row.status),
            status_text=row.status,
            order_number=row.order_number,
        )


@strawberry.type(description="One ledger entry; negative amounts are refunds.")
class Payment(Node):
    id: NodeID[str]  # composite: the customer id and the ledger reference
    reference: str
    received_at: datetime
    amount: Decimal
    currency: str
    method: PaymentMethod
    method_text: str | None = strawberry.field(description=source_text("method"))
    invoice_number: str | None

    @classmethod
    def from_record(cls, row: PaymentRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            id=compose_key(row.customer_id, row.reference),
            reference=row.reference,
            received_at=row.received_at,
            amount=row.amount,
            currency=row.currency,
            method=or_other(PaymentMethod, row.method),
            method_text=row.method,
            invoice_number=row.invoice_number,
        )


@strawberry.type
class Balance:
    currency: str
    outstanding: Decimal
    overdue: Decimal
    credit_limit: Decimal | None
    as_of: datetime

    @classmethod
    def from_record(cls, row: BalanceRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            currency=row.currency,
            outstanding=row.outstanding,
            overdue=row.overdue,
            credit_limit=row.credit_limit,
            as_of=row.as_of,
        )
