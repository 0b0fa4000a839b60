"""The access log: who was shown which sensitive data, and the `accessLog` root field."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.access_audit import resolve_access_log
from resolvers.context import Info
from schema.agents import Agent, agent_field, named_agent
from schema.closed_sets import Role, role_of
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.node import AGENT, CUSTOMER, parse_optional_id
from store import access_audit
from store.access_audit import AccessGroup
from store.models import AccessRead
from store.pagination import page_request

# Registered in place (as schema/enums.py does), so the schema uses the store's enum.
strawberry.enum(
    AccessGroup,
    description="Sensitive data whose reads are recorded: restricted-scope notes (by id), "
    "financials (invoices, payments, balance), lifetime value (and the figures derived with "
    "it), risk flags, and the audit trail (the audit and access logs).",
)


@strawberry.input(
    description="Narrow the access log; the fields combine with AND. `from`/`to` select the "
    "rows with a read in [from, to) (a row spans one hour of one reader's reads)."
)
class AccessFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (global id; the raw key until v2)."
    )
    agent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agent who read (the agent's global id or agentId)."
    )
    field_groups: list[AccessGroup] | None = strawberry.field(
        default=None, description="Any of these groups."
    )
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="A read at or after this instant."
    )
    to: datetime | None = strawberry.field(
        default=None, description="A read before this instant (half-open)."
    )

    def parse(self) -> access_audit.AccessFilter:
        """The store's filter (global ids resolved; BAD_USER_INPUT for a malformed one)."""
        groups = self.field_groups
        return access_audit.AccessFilter(
            customer_id=parse_optional_id(self.customer_id, CUSTOMER, "filter.customerId"),
            principal=parse_optional_id(self.agent_id, AGENT, "filter.agentId"),
            groups=frozenset(AccessGroup(g) for g in groups) if groups else None,
            since=self.from_,
            until=self.to,
        )


@strawberry.type(
    description="One reader's reads of one group of one customer's sensitive data within one "
    "hour: how often, first and last, and which restricted notes (at most 100 ids, "
    "`noteIdsTruncated` when there were more)."
)
class AccessLogEntry:
    principal: str = strawberry.field(
        description="Who read: an agent id, a portal or customer subject (an agent is `agent`)."
    )
    role: Role = strawberry.field(description="The reader's primary role when it read.")
    customer_id: strawberry.ID | None = strawberry.field(
        description="The customer; null for a read about no one customer (an audit log page)."
    )
    field_group: AccessGroup
    note_ids: list[strawberry.ID] = strawberry.field(
        description="The restricted notes read (RESTRICTED_NOTES rows; else empty)."
    )
    note_ids_truncated: bool
    read_count: int = strawberry.field(description="Requests that were shown this data.")
    hour: datetime = strawberry.field(description="The start of the hour the reads fall in.")
    first_read_at: datetime
    last_read_at: datetime

    @strawberry.field(description=agent_field("The agent who read."))
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.principal)

    @classmethod
    def from_record(cls, row: AccessRead) -> Self:
        """Build from a store row."""
        return cls(
            principal=row.principal,
            role=role_of(row.role),
            customer_id=strawberry.ID(row.customer_id) if row.customer_id else None,
            field_group=AccessGroup(row.field_group),
            note_ids=[strawberry.ID(note_id) for note_id in row.note_ids or ()],
            note_ids_truncated=row.note_ids_truncated,
            read_count=row.read_count,
            hour=row.bucket,
            first_read_at=row.first_read_at,
            last_read_at=row.last_read_at,
        )


@strawberry.type
class AccessLogQuery:
    @strawberry.field(
        description="Reads of sensitive data, aggregated per reader, role, customer, group and "
        "hour, newest row first; FORBIDDEN without the audit right. A row is shown only to a "
        "reader of its group (restricted notes: readers of the restricted scope) and customer. "
        + PAGE_ARGUMENTS
    )
    async def access_log(
        self,
        info: Info,
        filter: AccessFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AccessLogEntry] | None:
        access_filter = (filter or AccessFilter()).parse()
        request = page_request(first, after, last, before)
        page = await resolve_access_log(info, access_filter, request)
        return Connection.of(page, AccessLogEntry.from_record)
