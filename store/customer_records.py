"""A customer as a read shows it: a frozen record built from a Core row.

`customer(id:)` reads one customer per request, and every upstream field of it checks the
caller's reach through the same read. An ORM `Customer` entity (instance state, identity map)
cost more CPU than the row; a read changes nothing, so the customers-by-id read builds a
`StoredCustomer` with every column of `Customer` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement

from store.models import Customer


@dataclass(frozen=True, slots=True)
class StoredCustomer:
    """Every column of a stored customer, read-only."""

    id: str
    name: str
    email: str | None
    phone: str | None
    branch_id: str
    partner_id: str | None
    owner_agent_id: str | None
    vip: bool
    created_at: datetime
    referred_by_id: str | None
    last_activity_at: datetime | None
    name_search: str
    email_search: str | None
    phone_search: str | None


CUSTOMER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(StoredCustomer))
"""The record's columns in its constructor's order: what a statement selects, in that order."""


def customer_columns() -> list[ColumnElement[Any]]:
    """The columns of `Customer` a record is built from, in order."""
    return [getattr(Customer, name) for name in CUSTOMER_FIELDS]
