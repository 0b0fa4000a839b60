"""Whole lists of a customer's interactions and risk flags (for the timeline and the
UNDER_REVIEW badge); the API's pages of every activity list are in store/activity_pages.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from policies.view import PolicyView
from store.models import Customer, Interaction, RiskFlag
from store.visibility import reachable_customers

Row = TypeVar("Row", Interaction, RiskFlag)


def _reachable(column: InstrumentedAttribute[str], view: PolicyView) -> ColumnElement[bool]:
    return column.in_(select(Customer.id).where(reachable_customers(view)))


async def _grouped(
    session: AsyncSession,
    model: type[Row],
    view: PolicyView,
    customer_ids: Sequence[str],
    *order_by: Any,
    where: ColumnElement[bool] | None = None,
) -> list[list[Row]]:
    if not customer_ids:
        return []
    column: InstrumentedAttribute[str] = model.customer_id
    statement = select(model).where(column.in_(set(customer_ids)), _reachable(column, view))
    if where is not None:
        statement = statement.where(where)
    rows = await session.scalars(statement.order_by(*order_by))
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row.customer_id].append(row)
    return [grouped.get(customer_id, []) for customer_id in customer_ids]


async def interactions_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[Interaction]]:
    """Each customer's interactions, newest first."""
    return await _grouped(
        session, Interaction, view, customer_ids, Interaction.occurred_at.desc(), Interaction.id
    )


async def risk_flags_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[RiskFlag]]:
    """Each customer's risk flags, newest first (cleared ones included, with who and when)."""
    return await _grouped(
        session, RiskFlag, view, customer_ids, RiskFlag.raised_at.desc(), RiskFlag.id
    )
