"""The audit log: entries, pages, and the `auditLog` root field."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self

import strawberry
from strawberry.scalars import JSON

from resolvers.audit import resolve_audit_log
from resolvers.context import Info
from schema.node import CUSTOMER, Node, NodeID, parse_optional_id, raw_key
from store.audit import AuditFilter
from store.models import AuditLog
from store.pagination import Page


@strawberry.type(
    description=(
        "One audited action: a write, a denial or a sensitive read. A row is derived from "
        "what it is about and is shown only to a reader of that: a row about a note only if "
        "the caller reads the note now and read it in the scope it had when the row was "
        "written; a row about a follow-up only if it reads the follow-up's note; a row about "
        "a risk flag, interaction, follow-up or customer tag only with that field group. "
        "Other rows are left out of the page and of `totalCount`, never shown trimmed."
    )
)
class AuditEntry(Node):
    id: NodeID[str]
    audit_entry_id: strawberry.ID = raw_key("audit entry")
    at: datetime
    actor: str
    actor_role: str | None
    action: str = strawberry.field(description="e.g. note.update; denials start with denied:.")
    target_type: str | None
    target_id: str | None
    customer_id: strawberry.ID | None
    request_id: str | None
    before: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None)
    after: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None)
    detail: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None)

    @classmethod
    def from_record(cls, row: AuditLog) -> Self:
        """Build from a store row."""
        return cls(
            id=str(row.id),
            at=row.at,
            actor=row.actor,
            actor_role=row.actor_role,
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            customer_id=strawberry.ID(row.customer_id) if row.customer_id else None,
            request_id=row.request_id,
            before=row.before,
            after=row.after,
            detail=row.detail,
        )


@strawberry.type(description="A page of the audit log, newest first.")
class AuditPage:
    entries: list[AuditEntry]
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")
    has_next_page: bool
    total_count: int

    @classmethod
    def from_page(cls, page: Page[AuditLog]) -> Self:
        """Build from a store page."""
        return cls(
            entries=[AuditEntry.from_record(row) for row in page.items],
            end_cursor=page.cursors[-1] if page.cursors else None,
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )


async def audit_page(
    info: Info, audit_filter: AuditFilter, first: int, after: str | None
) -> AuditPage:
    """Resolve one page (shared by `auditLog` and `Customer360.audit`)."""
    return AuditPage.from_page(
        await resolve_audit_log(info, audit_filter, first=first, after=after)
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The audit log, filtered and paged; FORBIDDEN without the audit right."
    )
    async def audit_log(
        self,
        info: Info,
        customer_id: strawberry.ID | None = None,
        actor_id: strawberry.ID | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> AuditPage:
        audit_filter = AuditFilter(
            customer_id=parse_optional_id(customer_id or None, CUSTOMER, "customerId"),
            actor_id=str(actor_id) if actor_id else None,
            since=from_,
            until=to,
        )
        return await audit_page(info, audit_filter, first, after)
