"""Closed helpdesk tickets without a resolution note: the support agents' work list.

Tickets are read for the customers the caller reaches (and only those), through the same
per-request loader `Customer360.tickets` uses; whether the caller sees tickets at all is the
same field-group decision (`FieldGroup.ACTIVITY`). The helpdesk answers by requester only, so
the closed ones are picked here; the store then drops those with a resolution note
(store/resolution_gaps.py defines one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.errors import UpstreamUnavailable, UserInputError
from datasources.records import TicketRecord
from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.paging import newest_first_page
from resolvers.writes import deny
from store.audit import Target
from store.models import Customer
from store.pagination import Page, check_first, decode_cursor
from store.resolution_gaps import (
    CLOSED_STATUSES,
    CustomerScope,
    reachable_customers_in,
    tickets_with_resolution_note,
)


@dataclass(frozen=True, slots=True)
class TicketGapFilter:
    """The customers to look at and the half-open window of closing times."""

    scope: CustomerScope = field(default_factory=CustomerScope)
    closed_from: datetime | None = None
    closed_to: datetime | None = None

    def check(self, argument: str = "filter") -> None:
        """An empty window is a mistake the caller should hear about (BAD_USER_INPUT)."""
        if (
            self.closed_from is not None
            and self.closed_to is not None
            and self.closed_from >= self.closed_to
        ):
            raise UserInputError(
                "`closedFrom` must be before `closedTo` (the window is half-open)",
                field=f"{argument}.closedTo",
            )

    def admits(self, at: datetime) -> bool:
        """True if `at` lies in the window (`closedFrom` ≤ at < `closedTo`)."""
        if self.closed_from is not None and at < self.closed_from:
            return False
        return self.closed_to is None or at < self.closed_to


@dataclass(frozen=True, slots=True)
class ResolutionGap:
    """A closed ticket, its customer, and when it closed."""

    ticket: TicketRecord
    customer: Customer
    closed_at: datetime


def closed_at(ticket: TicketRecord) -> datetime:
    """When a closed ticket closed: the helpdesk's last change to it (it has no closing time
    of its own), else its creation."""
    return ticket.updated_at or ticket.created_at


async def resolve_tickets_awaiting_resolution_note(
    info: Info, gap_filter: TicketGapFilter, *, first: int, after: str | None
) -> Page[ResolutionGap]:
    """A page of the reachable customers' closed tickets without a resolution note, the most
    recently closed first; a caller whose role does not see tickets is refused and audited."""
    require_authenticated(info)
    gap_filter.check()
    check_first(first)
    if after is not None:
        decode_cursor(after, (datetime, str))  # a bad cursor fails before any upstream call
    if not info.context.policy.sees(FieldGroup.ACTIVITY):
        raise await deny(
            info, "ticket.list", Target("ticket"), "the caller's role may not see tickets"
        )
    loaders = info.context.upstream
    if loaders is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    async with info.context.sessions() as session:
        customers = await reachable_customers_in(session, info.context.policy, gap_filter.scope)
    ids = sorted(customers)
    closed = [
        ticket
        for customer_id, tickets in zip(
            ids, await loaders.tickets_by_customer_id.load_many(ids), strict=True
        )
        for ticket in tickets
        if ticket.customer_id == customer_id
        and ticket.status in CLOSED_STATUSES
        and gap_filter.admits(closed_at(ticket))
    ]
    async with info.context.sessions() as session:
        resolved = await tickets_with_resolution_note(
            session, [(ticket.customer_id, ticket.id) for ticket in closed]
        )
    gaps = [
        ResolutionGap(ticket, customers[ticket.customer_id], closed_at(ticket))
        for ticket in closed
        if (ticket.customer_id, ticket.id) not in resolved
    ]
    return newest_first_page(
        gaps, lambda gap: (gap.closed_at, gap.ticket.id), first=first, after=after
    )
