"""Closed sets whose values come from outside the gateway's control, as GraphQL enums.

Upstream statuses, kinds, priorities and methods, and the role names tokens, the agent
directory and the audit log carry, are text the gateway does not write. Each set is an enum
with an `OTHER` member: a value outside the set is `OTHER` (never an error, never a null
parent), and the upstream types show the source's own text beside it (`statusText`).
Members keep the source's lower-case text as their value; GraphQL shows their names.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=StrEnum)


def or_other(enum: type[E], text: str | None) -> E:
    """The member whose value is `text` (case and surrounding space ignored), else `OTHER`."""
    try:
        return enum((text or "").strip().lower())
    except ValueError:
        return enum["OTHER"]


@strawberry.enum(
    description="A role of the access policy (policies/token_roles.csv lists the roles a "
    "token may carry). OTHER: a role name the policy does not know, which grants nothing."
)
class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MANAGER = "manager"
    EXECUTIVE = "executive"
    SUPPORT = "support"
    FINANCE = "finance"
    SALES = "sales"
    BRANCH = "branch"
    FULFILLMENT = "fulfillment"
    FIELD = "field"
    QA = "qa"
    PARTNER = "partner"
    CUSTOMER = "customer"
    OTHER = "other"


def role_of(name: str) -> Role:
    """A role name as the policy reads it: exactly (`SALES` is not `sales`), else OTHER."""
    try:
        return Role(name)
    except ValueError:
        return Role.OTHER


def roles_of(names: Iterable[str]) -> list[Role]:
    """Role names as enum members in the order given, each once (unknown ones as one OTHER)."""
    return list(dict.fromkeys(role_of(name) for name in names))


def role_or_none(name: str | None) -> Role | None:
    """A stored role name as a member; None stays None (not shown, or no role)."""
    return role_of(name) if name else None


@strawberry.enum(description="Whether an upstream record is an order or a quote.")
class OrderKind(StrEnum):
    ORDER = "order"
    QUOTE = "quote"
    OTHER = "other"


@strawberry.enum(description="An order's status, after its channel's configured status map.")
class OrderStatus(StrEnum):
    QUOTE = "quote"
    PLACED = "placed"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    INSTALLED = "installed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    OTHER = "other"


@strawberry.enum(description="Where a delivery is.")
class DeliveryStatus(StrEnum):
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    OTHER = "other"


@strawberry.enum(description="Where an installation is.")
class InstallationStatus(StrEnum):
    BOOKED = "booked"
    COMPLETED = "completed"
    OTHER = "other"


@strawberry.enum(description="An invoice's status in billing.")
class InvoiceStatus(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    PAID = "paid"
    OTHER = "other"


@strawberry.enum(description="How a payment was made.")
class PaymentMethod(StrEnum):
    CARD = "card"
    BANK_TRANSFER = "bank_transfer"
    FINANCE = "finance"
    OTHER = "other"


@strawberry.enum(description="A helpdesk case's status.")
class TicketStatus(StrEnum):
    OPEN = "open"
    PENDING = "pending"
    SOLVED = "solved"
    CLOSED = "closed"
    OTHER = "other"


@strawberry.enum(description="A helpdesk case's priority.")
class TicketPriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"
    OTHER = "other"


@strawberry.enum(description="What a timeline entry is.")
class TimelineEntryKind(StrEnum):
    ORDER = "order"
    QUOTE = "quote"
    DELIVERY = "delivery"
    INSTALLATION = "installation"
    TICKET = "ticket"
    NOTE = "note"
    INTERACTION = "interaction"
    OTHER = "other"


def source_text(field: str, how: str = "") -> str:
    """The description of the `…Text` field beside an enum field read from an upstream."""
    return f"The source's own text of `{field}`{how}; read it when `{field}` is OTHER."
