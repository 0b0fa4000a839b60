"""The customer a mutation changed, for its payload: read back the way `customer(id:)` reads it.

A payload that names the customer whose tags, risk flags, notes or note count it changed lets
a normalised cache update every cached view of that customer with no refetch. It goes through
the ordinary customer path, so reach and field-group trimming (`tags`, `riskFlags`, `badges`)
are what the caller would get from `customer(id:)`, and it reads after the write: the
request's cached reads are dropped first, since an earlier field may have loaded the old state.
"""

from __future__ import annotations

from typing import Any

import strawberry

from resolvers.context import Info
from resolvers.customers import resolve_customer
from schema.customer import Customer360

CUSTOMER_AFTER = (
    "The customer after the change (its lists, counts and badges as the caller reads them); "
    "null when nothing changed."
)


async def changed_customer(info: Info, customer_id: str | None) -> Customer360 | None:
    """The customer `customer_id` as the caller now reads it; None when there is none."""
    if customer_id is None:
        return None
    info.context.store.forget()
    return Customer360.from_record(await resolve_customer(info, customer_id))


def customer_field() -> Any:
    """The `customer` field of a payload whose private `changed_customer_id` names it."""

    async def resolve(root: object, info: Info) -> Customer360 | None:
        return await changed_customer(info, getattr(root, "changed_customer_id", None))

    return strawberry.field(resolver=resolve, description=CUSTOMER_AFTER)
