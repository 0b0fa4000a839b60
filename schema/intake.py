"""Order intake governance: the dead-letter of failed channel payloads, its list and redrive.

`IntakeRecorder` is the schema extension that opens the request's collector of order
failures and records them once the operation has resolved, so a read never waits for, or
fails because of, the dead-letter.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Self

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.scalars import JSON

from resolvers.context import Context, Info
from resolvers.intake import (
    RedriveResult,
    collecting_sightings,
    resolve_intake_failures,
    resolve_redrive_intake_failures,
)
from schema.agents import Agent, agent_field, named_agent
from schema.connections import PageInfo
from schema.filter_args import deprecated_argument as replaced_by_filter
from schema.filter_args import either
from schema.mutation_input import argument_name, deprecated_argument, one_input
from schema.mutation_inputs import RedriveIntakeFailuresInput
from schema.node import Node, NodeID, parse_ids, raw_key
from schema.user_errors import UserError
from store.intake import IntakeEntry, order_value
from store.models import IntakeFailure as IntakeFailureRow
from store.pagination import Page


@strawberry.input(description="Narrow the list of intake failures.")
class IntakeFailureFilter:
    channel: str | None = strawberry.field(default=None, description="One channel, exactly.")
    include_resolved: bool | None = strawberry.field(
        default=None, description="Also list resolved failures (default: open ones only)."
    )


@strawberry.type(description="A channel payload that could not be taken in as an order.")
class IntakeFailure(Node):
    id: NodeID[str]
    intake_failure_id: strawberry.ID = raw_key("intake failure")
    channel: str
    reference: str = strawberry.field(description="The channel's own order reference.")
    customer_id: strawberry.ID | None
    vip_customer: bool
    reason: str = strawberry.field(description="Why normalisation refused it (latest).")
    order_value: Decimal | None = strawberry.field(description="Null when unreadable.")
    currency: str | None
    first_seen_at: datetime
    last_seen_at: datetime
    occurrences: int
    redrive_attempts: int
    last_redrive_at: datetime | None
    last_error: str | None
    resolved_at: datetime | None
    resolved_by: str | None = strawberry.field(
        description="Who resolved it: an agent id, or a job (kept for those; an agent is "
        "`resolvedByAgent`)."
    )
    raw: dict[str, Any] = strawberry.field(
        graphql_type=JSON, description="The payload as the channel sent it."
    )

    @strawberry.field(description=agent_field("The agent who resolved it."))
    async def resolved_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.resolved_by)

    @classmethod
    def from_record(cls, row: IntakeFailureRow, *, vip: bool) -> Self:
        """Build from a store row."""
        return cls(
            id=row.id,
            channel=row.channel,
            reference=row.reference,
            customer_id=strawberry.ID(row.customer_id) if row.customer_id else None,
            vip_customer=vip,
            reason=row.reason,
            order_value=order_value(row),
            currency=row.currency,
            first_seen_at=row.first_seen_at,
            last_seen_at=row.last_seen_at,
            occurrences=row.occurrences,
            redrive_attempts=row.redrive_attempts,
            last_redrive_at=row.last_redrive_at,
            last_error=row.last_error,
            resolved_at=row.resolved_at,
            resolved_by=row.resolved_by,
            raw=row.raw,
        )


@strawberry.type
class IntakeFailureEdge:
    cursor: str
    node: IntakeFailure


@strawberry.type(description="Intake failures by impact: order value, VIP customer, then age.")
class IntakeFailureConnection:
    edges: list[IntakeFailureEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def from_page(cls, page: Page[IntakeEntry]) -> Self:
        """Build from a store page."""
        return cls(
            edges=[
                IntakeFailureEdge(
                    cursor=cursor, node=IntakeFailure.from_record(entry.failure, vip=entry.vip)
                )
                for entry, cursor in zip(page.items, page.cursors, strict=True)
            ],
            page_info=PageInfo.of(page),
            total_count=page.total_count,
        )


@strawberry.type(description="One failure after a redrive.")
class IntakeRedrive:
    failure: IntakeFailure
    resolved: bool = strawberry.field(description="True when the payload now normalises.")

    @classmethod
    def from_record(cls, result: RedriveResult) -> Self:
        """Build from a resolver result."""
        failure = IntakeFailure.from_record(result.failure, vip=result.vip)
        return cls(failure=failure, resolved=result.resolved)


@strawberry.type
class RedriveIntakeFailuresPayload:
    results: list[IntakeRedrive]
    errors: list[UserError]


@strawberry.type
class IntakeQuery:
    @strawberry.field(
        description="Failed channel payloads by impact (order value, VIP customer, age); "
        "operations staff only."
    )
    async def intake_failures(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        channel: Annotated[
            str | None, strawberry.argument(deprecation_reason=replaced_by_filter("channel"))
        ] = None,
        include_resolved: Annotated[
            bool | None,
            strawberry.argument(deprecation_reason=replaced_by_filter("includeResolved")),
        ] = None,
        filter: IntakeFailureFilter | None = None,
    ) -> IntakeFailureConnection | None:
        given = filter or IntakeFailureFilter()
        page = await resolve_intake_failures(
            info,
            first=first,
            after=after,
            channel=either(given.channel, channel, "channel"),
            include_resolved=bool(
                either(given.include_resolved, include_resolved, "includeResolved")
            ),
        )
        return IntakeFailureConnection.from_page(page)


@strawberry.type
class IntakeMutation:
    @strawberry.mutation(
        description="Retry failures through the current channel mapping and rules; "
        "those that now read are resolved."
    )
    async def redrive_intake_failures(
        self,
        info: Info,
        input: RedriveIntakeFailuresInput | None = None,
        ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(deprecation_reason=deprecated_argument("ids")),
        ] = None,
    ) -> RedriveIntakeFailuresPayload | None:
        given = one_input(
            input, {"ids": ids}, lambda old: RedriveIntakeFailuresInput(ids=old["ids"])
        )
        outcome = await resolve_redrive_intake_failures(
            info, parse_ids(given.ids, "IntakeFailure", argument_name(input, "ids"))
        )
        return RedriveIntakeFailuresPayload(
            results=[IntakeRedrive.from_record(result) for result in outcome.value or []],
            errors=UserError.from_records(outcome.errors),
        )


class IntakeRecorder(SchemaExtension):
    """Records the order failures the operation's reads ran into, after it resolved."""

    async def on_operation(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if not isinstance(context, Context):
            yield
            return
        async with collecting_sightings(context.sessions):
            yield
