"""Pages of a customer's activity lists (tags, interactions, follow-ups, risk flags,
attachments) and of an agent's follow-ups: keyset pages in SQL, visibility in the WHERE clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.attachment_reads import attachment_readable
from store.follow_up_reads import follow_up_source_readable, visible_follow_ups
from store.keyset import Keyset, keyset_page, keyset_pages
from store.models import Attachment, Customer, CustomerTag, FollowUp, Interaction, RiskFlag
from store.pagination import Page, PageRequest
from store.visibility import reachable_customers

Row = TypeVar("Row", CustomerTag, Interaction, FollowUp, RiskFlag, Attachment)

TAGS = Keyset("tags", (CustomerTag.tag,), (str,), descending=False)
INTERACTIONS = Keyset("interactions", (Interaction.occurred_at, Interaction.id), (datetime, str))
FOLLOW_UPS = Keyset("follow-ups", (FollowUp.due_at, FollowUp.id), (datetime, str), descending=False)
RISK_FLAGS = Keyset("risk-flags", (RiskFlag.raised_at, RiskFlag.id), (datetime, str))
ATTACHMENTS = Keyset("attachments", (Attachment.uploaded_at, Attachment.id), (datetime, str))


async def _pages(
    session: AsyncSession,
    model: type[Row],
    keyset: Keyset,
    view: PolicyView,
    customer_ids: Sequence[str],
    request: PageRequest,
    *where: ColumnElement[bool],
) -> list[Page[Row]]:
    column = model.customer_id
    reachable = column.in_(select(Customer.id).where(reachable_customers(view)))
    return await keyset_pages(
        session,
        model,
        [column.in_(set(customer_ids)), reachable, *where],
        keyset,
        request,
        partition=(column,),
        parents=[(customer_id,) for customer_id in customer_ids],
    )


async def customer_tag_pages(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str], request: PageRequest
) -> list[Page[CustomerTag]]:
    """A page of each customer's tags, alphabetically."""
    return await _pages(session, CustomerTag, TAGS, view, customer_ids, request)


async def risk_flag_pages(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str], request: PageRequest
) -> list[Page[RiskFlag]]:
    """A page of each customer's risk flags, newest first (cleared ones included)."""
    return await _pages(session, RiskFlag, RISK_FLAGS, view, customer_ids, request)


async def attachment_pages(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str], request: PageRequest
) -> list[Page[Attachment]]:
    """A page of each customer's attachment metadata, newest first; one on a note only if
    the caller reads that note; deleted ones never."""
    return await _pages(
        session, Attachment, ATTACHMENTS, view, customer_ids, request, attachment_readable(view)
    )


async def assigned_follow_up_page(
    session: AsyncSession,
    view: PolicyView,
    assignee_id: str,
    request: PageRequest,
    *,
    due_before: datetime | None,
    include_completed: bool,
) -> Page[FollowUp]:
    """A page of an agent's task list, soonest due first, reachable customers only."""
    where = [FollowUp.assignee_id == assignee_id, visible_follow_ups(view)]
    if due_before is not None:
        where.append(FollowUp.due_at <= due_before)
    if not include_completed:
        where += [FollowUp.completed_at.is_(None), FollowUp.cancelled_at.is_(None)]
    return await keyset_page(session, FollowUp, where, FOLLOW_UPS, request)


_Keyed = TypeVar("_Keyed", Interaction, FollowUp, RiskFlag, Attachment)


async def visible_activity_row(
    session: AsyncSession, view: PolicyView, model: type[_Keyed], key: str
) -> _Keyed | None:
    """One row of a customer's activity list by id, under the same WHERE clauses as its pages
    (the customer's reach; a follow-up or attachment made from a note only if the caller reads
    that note), for `node(id:)`."""
    where: list[ColumnElement[bool]] = [
        model.id == key,
        model.customer_id.in_(select(Customer.id).where(reachable_customers(view))),
    ]
    if model is FollowUp:
        where.append(follow_up_source_readable(view))
    if model is Attachment:
        where.append(attachment_readable(view))
    return await session.scalar(select(model).where(*where))
