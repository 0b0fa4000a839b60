"""Helpdesk service cases."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from datasources.records import TicketRecord


@strawberry.type(description="A helpdesk service case.")
class Ticket:
    id: strawberry.ID
    subject: str
    status: str
    priority: str
    created_at: datetime
    updated_at: datetime | None
    tags: list[str]

    @classmethod
    def from_record(cls, row: TicketRecord) -> Self:
        """Build from an upstream record."""
        return cls(
            id=strawberry.ID(row.id),
            subject=row.subject,
            status=row.status,
            priority=row.priority,
            created_at=row.created_at,
            updated_at=row.updated_at,
            tags=list(row.tags),
        )
