"""Checks that a write's references exist for the caller: customers it reaches, real agents.

A customer the caller does not reach is reported exactly like an unknown one (NOT_FOUND), so a
write never reveals what a read would hide; the difference is only audited.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound
from policies.view import PolicyView
from store.models import Agent, Customer
from store.validation import Unreachable
from store.visibility import reachable_customers


async def require_customer(
    session: AsyncSession, view: PolicyView, customer_id: str, *, field: str = "customerId"
) -> Customer:
    """The customer if the caller reaches it; NOT_FOUND otherwise (Unreachable if it exists)."""
    customer = await session.scalar(
        select(Customer).where(Customer.id == customer_id, reachable_customers(view))
    )
    if customer is not None:
        return customer
    if await session.get(Customer, customer_id) is not None:
        raise Unreachable(f"customer {customer_id!r} not found", field=field)
    raise NotFound(f"customer {customer_id!r} not found", field=field)


async def agent_exists(session: AsyncSession, agent_id: str) -> bool:
    """True if an active agent has this id."""
    found = await session.scalar(
        select(Agent.id).where(Agent.id == agent_id, Agent.active.is_(True))
    )
    return found is not None
