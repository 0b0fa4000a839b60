"""`ticketsAwaitingResolutionNote`: closed helpdesk tickets that no resolution note covers yet,
with their `TicketFilter`."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.resolution_gaps import (
    ResolutionGap,
    TicketGapFilter,
    resolve_tickets_awaiting_resolution_note,
)
from schema.connections import Connection
from schema.customer import Customer360
from schema.node import AGENT, CUSTOMER, parse_optional_id
from schema.tickets import Ticket
from store.resolution_gaps import CustomerScope

RESOLUTION_NOTE = (
    "A resolution note is a live note of type RESOLUTION about the ticket (`refKind: TICKET`, "
    "`refId`: the helpdesk's id) on the ticket's customer, whoever may read it."
)


@strawberry.input(
    description=(
        "Narrows a list of helpdesk tickets; fields left out narrow nothing, fields given all "
        "apply. The closing window is half-open: `closedFrom` ≤ closedAt < `closedTo`."
    )
)
class TicketFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (its global id)."
    )
    branch_id: strawberry.ID | None = strawberry.field(
        default=None, description="The branch of the tickets' customers."
    )
    owner_agent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agent who owns the tickets' customers (its global id)."
    )
    closed_from: datetime | None = strawberry.field(
        default=None, description="Closed at or after this instant."
    )
    closed_to: datetime | None = strawberry.field(
        default=None, description="Closed before this instant."
    )

    def to_gap_filter(self, argument: str = "filter") -> TicketGapFilter:
        """The resolver's filter (ids parsed: a global id of another type is BAD_USER_INPUT)."""
        return TicketGapFilter(
            scope=CustomerScope(
                customer_id=parse_optional_id(self.customer_id, CUSTOMER, f"{argument}.customerId"),
                branch_id=str(self.branch_id) if self.branch_id is not None else None,
                owner_agent_id=parse_optional_id(
                    self.owner_agent_id, AGENT, f"{argument}.ownerAgentId"
                ),
            ),
            closed_from=self.closed_from,
            closed_to=self.closed_to,
        )


@strawberry.type(description="A closed helpdesk ticket that has no resolution note yet.")
class TicketAwaitingResolutionNote:
    ticket: Ticket
    customer: Customer360
    closed_at: datetime = strawberry.field(
        description="When the ticket closed: the helpdesk's last change to the closed ticket."
    )

    @classmethod
    def from_record(cls, row: ResolutionGap) -> Self:
        """Build from the resolver's record."""
        return cls(
            ticket=Ticket.from_record(row.ticket),
            customer=Customer360.from_record(row.customer),
            closed_at=row.closed_at,
        )


@strawberry.type
class ResolutionGapQuery:
    @strawberry.field(
        description=(
            "Closed helpdesk tickets (status SOLVED or CLOSED) of the customers the caller "
            "reaches that have no resolution note yet, the most recently closed first (then "
            "by ticket id). " + RESOLUTION_NOTE + " Roles that do not see tickets get null "
            "with FORBIDDEN; a helpdesk outage is null with UPSTREAM_UNAVAILABLE. `first`/"
            "`after` page forwards (default 20, at most 100)."
        )
    )
    async def tickets_awaiting_resolution_note(
        self,
        info: Info,
        filter: TicketFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[TicketAwaitingResolutionNote] | None:
        gap_filter = filter.to_gap_filter() if filter is not None else TicketGapFilter()
        page = await resolve_tickets_awaiting_resolution_note(
            info, gap_filter, first=first, after=after
        )
        return Connection.of(page, TicketAwaitingResolutionNote.from_record)
