"""The gateway's model of upstream data: frozen records every datasource returns.

Records are the boundary between "their" shapes (tables, JSON payloads, per-channel quirks) and
ours: datasources build them from mapped columns or fields, resolvers and schema types read
them. Money is `Decimal`, instants are timezone-aware UTC `datetime`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from core.errors import UpstreamError


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    """One customer of the CRM's directory."""

    id: str
    name: str
    email: str | None
    phone: str | None
    branch_id: str | None
    partner_id: str | None
    owner_agent_id: str | None
    vip: bool
    created_at: datetime
    last_activity_at: datetime | None
    referred_by_id: str | None


@dataclass(frozen=True, slots=True)
class StaffRecord:
    """One member of staff in the staff directory (an agent of ours once synced)."""

    id: str
    name: str
    email: str
    role: str | None
    branch_id: str | None
    active: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of an order: what, how many, at what price."""

    sku: str | None
    description: str
    quantity: int
    unit_price: Decimal
    total: Decimal


@dataclass(frozen=True, slots=True)
class Delivery:
    """A shipment of (part of) an order."""

    reference: str
    status: str
    scheduled_for: datetime | None
    delivered_at: datetime | None
    carrier: str | None = None


@dataclass(frozen=True, slots=True)
class Installation:
    """An on-site installation booked with an order."""

    reference: str
    status: str
    scheduled_for: datetime | None
    completed_at: datetime | None
    installer: str | None = None


@dataclass(frozen=True, slots=True)
class OrderRecord:
    """An order or quote from any sales channel, normalised to one shape."""

    number: str
    customer_id: str
    channel: str
    kind: str  # "order" or "quote"
    status: str
    placed_at: datetime
    total: Decimal
    currency: str
    lines: tuple[OrderLine, ...] = ()
    deliveries: tuple[Delivery, ...] = ()
    installations: tuple[Installation, ...] = ()
    subtotal: Decimal | None = None


@dataclass(frozen=True, slots=True)
class OrderFailure:
    """A channel payload that could not be normalised: kept, never dropped silently."""

    channel: str
    reference: str
    customer_id: str
    reason: str
    raw: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class OrdersResult:
    """A customer's orders newest first, plus what could not be read.

    ``failures`` are single payloads that failed normalisation; ``errors`` are whole channels
    that did not answer. Either way the other orders are still here.
    """

    orders: tuple[OrderRecord, ...] = ()
    failures: tuple[OrderFailure, ...] = ()
    errors: tuple[UpstreamError, ...] = ()


@dataclass(frozen=True, slots=True)
class InvoiceRecord:
    """An invoice issued by billing."""

    number: str
    customer_id: str
    issued_at: datetime
    due_at: datetime | None
    total: Decimal
    currency: str
    status: str
    order_number: str | None = None


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    """One entry of the payment ledger (negative amounts are refunds)."""

    reference: str
    customer_id: str
    received_at: datetime
    amount: Decimal
    currency: str
    method: str
    invoice_number: str | None = None


@dataclass(frozen=True, slots=True)
class BalanceRecord:
    """A customer's account balance as billing reports it."""

    customer_id: str
    currency: str
    outstanding: Decimal
    overdue: Decimal
    credit_limit: Decimal | None
    as_of: datetime


@dataclass(frozen=True, slots=True)
class TicketRecord:
    """A helpdesk service case."""

    id: str
    customer_id: str
    subject: str
    status: str
    priority: str
    created_at: datetime
    updated_at: datetime | None
    tags: tuple[str, ...] = ()
