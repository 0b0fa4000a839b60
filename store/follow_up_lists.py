"""Lists of follow-ups narrowed by one `FollowUpFilter`: the team view and the task list.

Which rows exist for a caller is decided before any filter: the customers it reaches, a
follow-up made from a note only while it reads that note (`store.follow_up_reads`), and how far
the policy lets it list (`policies.decisions.follow_up_listing`: every follow-up, or only its
own). The filter then narrows; `totalCount` counts the same rows the pages show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, false, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import PolicyDenied
from policies.decisions import FollowUpListing, follow_up_listing
from policies.view import PolicyView
from store.activity_pages import FOLLOW_UPS
from store.follow_up_reads import follow_up_source_readable, visible_follow_ups
from store.keyset import keyset_page, keyset_pages
from store.models import Customer, FollowUp
from store.pagination import Page, PageRequest
from store.visibility import reachable_customers


class FollowUpStatus(StrEnum):
    """Where a follow-up is in its life: open until it is completed or cancelled."""

    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


def status_of(row: FollowUp) -> FollowUpStatus:
    """A row's status."""
    if row.completed_at is not None:
        return FollowUpStatus.COMPLETED
    if row.cancelled_at is not None:
        return FollowUpStatus.CANCELLED
    return FollowUpStatus.OPEN


def _is_open() -> ColumnElement[bool]:
    return and_(FollowUp.completed_at.is_(None), FollowUp.cancelled_at.is_(None))


def _has_status(status: FollowUpStatus) -> ColumnElement[bool]:
    if status is FollowUpStatus.OPEN:
        return _is_open()
    if status is FollowUpStatus.COMPLETED:
        return FollowUp.completed_at.is_not(None)
    return and_(FollowUp.completed_at.is_(None), FollowUp.cancelled_at.is_not(None))


@dataclass(frozen=True, slots=True)
class FollowUpFilter:
    """Optional narrowing of a follow-up list; every field left None narrows nothing.

    `due_from`/`due_to` are half-open (`due_from` ≤ due < `due_to`); `overdue` True keeps the
    open follow-ups due before now, False every other one; `statuses` keeps any of them."""

    assignee_id: str | None = None
    customer_id: str | None = None
    branch_id: str | None = None
    due_from: datetime | None = None
    due_to: datetime | None = None
    overdue: bool | None = None
    statuses: frozenset[FollowUpStatus] | None = None

    def clauses(self, now: datetime) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `FollowUp` (`now` decides what is overdue)."""
        clauses: list[ColumnElement[bool]] = []
        if self.assignee_id is not None:
            clauses.append(FollowUp.assignee_id == self.assignee_id)
        if self.customer_id is not None:
            clauses.append(FollowUp.customer_id == self.customer_id)
        if self.branch_id is not None:
            in_branch = select(Customer.id).where(Customer.branch_id == self.branch_id)
            clauses.append(FollowUp.customer_id.in_(in_branch))
        if self.due_from is not None:
            clauses.append(FollowUp.due_at >= self.due_from)
        if self.due_to is not None:
            clauses.append(FollowUp.due_at < self.due_to)
        if self.overdue is not None:
            overdue = and_(_is_open(), FollowUp.due_at < now)
            clauses.append(overdue if self.overdue else not_(overdue))
        if self.statuses is not None:
            wanted = [_has_status(status) for status in sorted(self.statuses)]
            clauses.append(or_(*wanted) if wanted else false())
        return clauses


def end_of_day(now: datetime) -> datetime:
    """The start of the next UTC day: "due by the end of today" is due before it."""
    today = now.astimezone(UTC).date()
    return datetime.combine(today + timedelta(days=1), time.min, tzinfo=UTC)


def due_today_filter(now: datetime, assignee_id: str) -> FollowUpFilter:
    """The task list's default: the agent's open follow-ups due by the end of today (UTC),
    overdue ones included."""
    return FollowUpFilter(
        assignee_id=assignee_id,
        due_to=end_of_day(now),
        statuses=frozenset({FollowUpStatus.OPEN}),
    )


def listable_follow_ups(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `FollowUp`: the rows `followUps` shows the caller before any filter.

    Raises PolicyDenied for a caller the policy lets list none."""
    listing = follow_up_listing(view)
    if listing is FollowUpListing.NONE:
        raise PolicyDenied("the caller's role may not list follow-ups")
    visible = visible_follow_ups(view)
    if listing is FollowUpListing.ALL:
        return visible
    me = view.principal.subject
    return and_(visible, or_(FollowUp.assignee_id == me, FollowUp.created_by == me))


async def team_follow_up_page(
    session: AsyncSession,
    view: PolicyView,
    follow_up_filter: FollowUpFilter,
    request: PageRequest,
    *,
    now: datetime,
) -> Page[FollowUp]:
    """A page of the follow-ups the caller may list, narrowed by the filter, soonest due
    first (then by id)."""
    where = [listable_follow_ups(view), *follow_up_filter.clauses(now)]
    return await keyset_page(session, FollowUp, where, FOLLOW_UPS, request)


async def assigned_page(
    session: AsyncSession,
    view: PolicyView,
    assignee_id: str,
    follow_up_filter: FollowUpFilter,
    request: PageRequest,
    *,
    now: datetime,
) -> Page[FollowUp]:
    """A page of one agent's task list (`myFollowUps`), narrowed by the filter: its follow-ups
    of customers it reaches whose note it reads, soonest due first."""
    where = [
        FollowUp.assignee_id == assignee_id,
        visible_follow_ups(view),
        *follow_up_filter.clauses(now),
    ]
    return await keyset_page(session, FollowUp, where, FOLLOW_UPS, request)


async def customer_follow_up_pages(
    session: AsyncSession,
    view: PolicyView,
    customer_ids: Sequence[str],
    follow_up_filter: FollowUpFilter,
    request: PageRequest,
    *,
    now: datetime,
) -> list[Page[FollowUp]]:
    """A page of each customer's follow-ups (`Customer360.followUps`), narrowed by the filter,
    soonest due first; one made from a note only if the caller reads that note."""
    where = [
        FollowUp.customer_id.in_(set(customer_ids)),
        FollowUp.customer_id.in_(select(Customer.id).where(reachable_customers(view))),
        follow_up_source_readable(view),
        *follow_up_filter.clauses(now),
    ]
    return await keyset_pages(
        session,
        FollowUp,
        where,
        FOLLOW_UPS,
        request,
        partition=(FollowUp.customer_id,),
        parents=[(customer_id,) for customer_id in customer_ids],
    )
