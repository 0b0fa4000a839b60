"""Resolvers for customers: one by id, the directory, and a customer's native lists."""

from __future__ import annotations

from datetime import datetime

from core.errors import NotFound
from policies.decisions import can_read_orders
from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.customer_gate import admit
from resolvers.guards import require_authenticated
from resolvers.insights import is_dormant
from resolvers.prefetch import prefetch_customer
from resolvers.upstream import figures_quietly, now
from store.audit import Target
from store.customer_records import StoredCustomer
from store.directory import DirectoryPage, customer_exists, search_customers


async def resolve_customer(info: Info, customer_id: str) -> StoredCustomer:
    """A customer the caller reaches; unknown and out-of-reach alike are NOT_FOUND."""
    require_authenticated(info)
    # Opening one customer takes that customer's turn for the whole answer (its store reads
    # too), not only at its first upstream read: see resolvers/customer_gate.py.
    await admit([customer_id])
    prefetch_customer(info, customer_id)
    customer = await info.context.store.customer_by_id.load(customer_id)
    if customer is None:
        async with info.context.sessions() as session:
            if await customer_exists(session, customer_id):
                info.context.denials.add(
                    "read:customer",
                    Target(type="Customer", id=customer_id, customer_id=customer_id),
                    "customer out of the caller's reach",
                )
        raise NotFound(f"customer {customer_id!r} not found")
    return customer


async def resolve_customers(
    info: Info, *, query: str | None, first: int, after: str | None
) -> DirectoryPage:
    """The directory within the caller's reach."""
    require_authenticated(info)
    async with info.context.store.sessions() as session:
        return await search_customers(
            session, info.context.policy, query=query, first=first, after=after
        )


async def resolve_badges(info: Info, customer_id: str, *, vip: bool, since: datetime) -> list[str]:
    """Badge names; a source that cannot be read only drops the badge it would decide."""
    badges = ["VIP"] if vip else []
    # DORMANT is derived from orders: only for readers of orders (the caller's field groups).
    if can_read_orders(info.context.policy):
        figures = await figures_quietly(info, customer_id)
        if figures is not None and is_dormant(figures, since, now()):
            badges.append("DORMANT")
    if info.context.policy.sees(FieldGroup.RISK_FLAGS):
        flags = await info.context.store.risk_flags_by_customer_id.load(customer_id)
        if any(flag.cleared_at is None for flag in flags):
            badges.append("UNDER_REVIEW")
    return badges


async def resolve_note_count(info: Info, customer_id: str) -> int:
    """How many of the customer's notes the caller can see."""
    return await info.context.store.note_count_by_customer_id.load(customer_id)
