"""The `order_summaries` read model: read by customer, written in batches by the job.

What a summary means lives with the figures (resolvers/insights.py); this module only moves
rows. A summary is replaced whole, so a reader sees either the old or the new figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Customer, OrderSummary


async def order_summaries_by_customer_id(
    sessions: async_sessionmaker[AsyncSession], ids: Sequence[str]
) -> dict[str, OrderSummary]:
    """The stored summaries of these customers (absent: never summarised); one query."""
    if not ids:
        return {}
    async with sessions() as session:
        rows = await session.scalars(
            select(OrderSummary).where(OrderSummary.customer_id.in_(set(ids)))
        )
        return {row.customer_id: row for row in rows}


async def save_order_summaries(
    session: AsyncSession, summaries: Sequence[Mapping[str, Any]]
) -> None:
    """Replace the summaries of these customers (each mapping: OrderSummary's columns)."""
    if not summaries:
        return
    await session.execute(
        delete(OrderSummary).where(
            OrderSummary.customer_id.in_([summary["customer_id"] for summary in summaries])
        )
    )
    session.add_all(OrderSummary(**summary) for summary in summaries)


async def customers_due(
    session: AsyncSession, *, computed_before: datetime, after: str | None, limit: int
) -> list[str]:
    """Customer ids (ascending, after `after`) with no summary or one older than
    `computed_before`: what one pass of the job refreshes."""
    statement = (
        select(Customer.id)
        .outerjoin(OrderSummary, OrderSummary.customer_id == Customer.id)
        .where(
            or_(
                OrderSummary.customer_id.is_(None),
                OrderSummary.computed_at < computed_before,
            )
        )
        .order_by(Customer.id)
        .limit(limit)
    )
    if after is not None:
        statement = statement.where(Customer.id > after)
    return list(await session.scalars(statement))
