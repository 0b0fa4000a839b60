"""The audit log: entries, their connection, and the `auditLog` root field."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self

import strawberry
from strawberry.scalars import JSON

from resolvers.audit import resolve_audit_log
from resolvers.context import Info
from schema.agents import Agent, agent_field, named_agent
from schema.audit_filter import AuditFilter as AuditFilterInput
from schema.audit_filter import parse_audit_filter
from schema.closed_sets import Role, role_or_none
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.filter_args import deprecated_argument
from schema.json_enums import SHOWN, shown_values
from schema.node import Node, NodeID, raw_key
from store.audit import AuditFilter
from store.models import AuditLog
from store.pagination import page_request


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
    actor: str = strawberry.field(
        description="Who acted: an agent id, a portal or customer subject, `anonymous`, or a "
        "job such as `system:intake` (kept for those; an agent is `actorAgent`)."
    )
    actor_role: Role | None = strawberry.field(
        description="The actor's primary role when it acted (OTHER: a role the policy does "
        "not know); null when none was recorded."
    )
    action: str = strawberry.field(description="e.g. note.update; denials start with denied:.")
    target_type: str | None
    target_id: str | None
    customer_id: strawberry.ID | None
    request_id: str | None
    before: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None, description=SHOWN)
    after: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None, description=SHOWN)
    detail: dict[str, Any] | None = strawberry.field(graphql_type=JSON | None)

    @strawberry.field(description=agent_field("The agent who acted."))
    async def actor_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.actor)

    @classmethod
    def from_record(cls, row: AuditLog) -> Self:
        """Build from a store row."""
        return cls(
            id=str(row.id),
            at=row.at,
            actor=row.actor,
            actor_role=role_or_none(row.actor_role),
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            customer_id=strawberry.ID(row.customer_id) if row.customer_id else None,
            request_id=row.request_id,
            before=shown_values(row.target_type, row.before),
            after=shown_values(row.target_type, row.after),
            detail=row.detail,
        )


async def audit_connection(
    info: Info,
    audit_filter: AuditFilter,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[AuditEntry]:
    """Resolve one page (shared by `auditLog` and `Customer360.audit`)."""
    request = page_request(first, after, last, before)
    page = await resolve_audit_log(info, audit_filter, request)
    return Connection.of(page, AuditEntry.from_record)


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The audit log newest first, filtered; FORBIDDEN without the audit right. "
        + PAGE_ARGUMENTS
    )
    async def audit_log(
        self,
        info: Info,
        customer_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(deprecation_reason=deprecated_argument("customerId")),
        ] = None,
        actor_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(deprecation_reason=deprecated_argument("agentId")),
        ] = None,
        from_: Annotated[
            datetime | None,
            strawberry.argument(name="from", deprecation_reason=deprecated_argument("from")),
        ] = None,
        to: Annotated[
            datetime | None, strawberry.argument(deprecation_reason=deprecated_argument("to"))
        ] = None,
        filter: AuditFilterInput | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditEntry] | None:
        audit_filter = parse_audit_filter(
            filter, customer_id=customer_id, actor_id=actor_id, since=from_, until=to
        )
        return await audit_connection(info, audit_filter, first, after, last, before)
