"""Reads of customer tags, interactions, follow-ups and risk flags for reachable customers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from policies.view import PolicyView
from store.follow_up_reads import follow_up_source_readable
from store.models import Attachment, Customer, CustomerTag, FollowUp, Interaction, Note, RiskFlag
from store.visibility import reachable_customers, readable_notes

Row = TypeVar("Row", CustomerTag, Interaction, FollowUp, RiskFlag, Attachment)


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


async def customer_tags_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[CustomerTag]]:
    """Each customer's tags, alphabetically."""
    return await _grouped(session, CustomerTag, view, customer_ids, CustomerTag.tag)


async def interactions_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[Interaction]]:
    """Each customer's interactions, newest first."""
    return await _grouped(
        session, Interaction, view, customer_ids, Interaction.occurred_at.desc(), Interaction.id
    )


async def follow_ups_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[FollowUp]]:
    """Each customer's follow-ups, soonest due first; one made from a note only if the caller
    reads that note (a follow-up is derived from its note)."""
    return await _grouped(
        session,
        FollowUp,
        view,
        customer_ids,
        FollowUp.due_at,
        FollowUp.id,
        where=follow_up_source_readable(view),
    )


async def attachments_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[Attachment]]:
    """Each customer's attachment metadata, newest first; one on a note only if the caller
    reads that note."""
    readable = select(Note.id).where(readable_notes(view))
    return await _grouped(
        session,
        Attachment,
        view,
        customer_ids,
        Attachment.uploaded_at.desc(),
        Attachment.id,
        where=or_(Attachment.note_id.is_(None), Attachment.note_id.in_(readable)),
    )


async def risk_flags_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[list[RiskFlag]]:
    """Each customer's risk flags, newest first (cleared ones included, with who and when)."""
    return await _grouped(
        session, RiskFlag, view, customer_ids, RiskFlag.raised_at.desc(), RiskFlag.id
    )
