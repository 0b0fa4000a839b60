"""Helpdesk service cases."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from datasources.records import TicketRecord
from resolvers.context import Info
from schema.closed_sets import TicketPriority, TicketStatus, or_other, source_text
from schema.connections import PAGE_ARGUMENTS
from schema.node import Node, NodeID, compose_key
from schema.note_filter import NoteFilter, parse_note_filter
from schema.notes import NoteConnection, notes_about


@strawberry.type(description="A helpdesk service case.")
class Ticket(Node):
    id: NodeID[str]  # composite: the customer id and the helpdesk's id
    ticket_id: strawberry.ID = strawberry.field(description="The helpdesk's id of the case.")
    subject: str
    status: TicketStatus
    status_text: str | None = strawberry.field(description=source_text("status"))
    priority: TicketPriority
    priority_text: str | None = strawberry.field(description=source_text("priority"))
    created_at: datetime
    updated_at: datetime | None
    tags: list[str]

    @strawberry.field(
        description="Notes about this ticket the caller may read, newest first. " + PAGE_ARGUMENTS
    )
    async def notes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: NoteFilter | None = None,
    ) -> NoteConnection:
        note_filter = parse_note_filter(filter)
        return await notes_about(
            info, "ticket", str(self.ticket_id), first, after, last, before, note_filter
        )

    @classmethod
    def from_record(cls, row: TicketRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            id=compose_key(row.customer_id, row.id),
            ticket_id=strawberry.ID(row.id),
            subject=row.subject,
            status=or_other(TicketStatus, row.status),
            status_text=row.status,
            priority=or_other(TicketPriority, row.priority),
            priority_text=row.priority,
            created_at=row.created_at,
            updated_at=row.updated_at,
            tags=list(row.tags),
        )
