"""Interactions, follow-ups and risk flags as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry

from resolvers.context import Info
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.enums import InteractionPurpose, InteractionType, RiskFlagKind
from schema.follow_up_filter import FollowUpStatus
from schema.labels import (
    SENTIMENT_DESCRIPTION,
    URGENCY_DESCRIPTION,
    SentimentSuggestion,
    UrgencySuggestion,
)
from schema.node import Node, NodeID, raw_key
from store.follow_up_lists import status_of
from store.models import FollowUp as FollowUpRow
from store.models import Interaction as InteractionRow
from store.models import RiskFlag as RiskFlagRow


@strawberry.type(description="A logged contact with the customer.")
class Interaction(Node):
    id: NodeID[str]
    interaction_id: strawberry.ID = raw_key("interaction")
    customer_id: strawberry.ID
    type: InteractionType
    purpose: InteractionPurpose
    subject: str
    detail: str | None
    outcome: str | None = strawberry.field(description="From the admin-managed outcome list.")
    mood: str | None = strawberry.field(description="From the admin-managed mood list.")
    channel: str | None
    occurred_at: datetime
    logged_by: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("loggedByAgent"))
    sentiment: SentimentSuggestion | None = strawberry.field(
        default=None, description=SENTIMENT_DESCRIPTION
    )
    urgency: UrgencySuggestion | None = strawberry.field(
        default=None, description=URGENCY_DESCRIPTION
    )

    @strawberry.field(description=agent_field("Who logged the interaction."))
    async def logged_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.logged_by)

    @classmethod
    def from_record(cls, row: InteractionRow) -> Self:
        """Build from a store row."""
        return cls(
            id=row.id,
            customer_id=strawberry.ID(row.customer_id),
            type=row.type,
            purpose=row.purpose,
            subject=row.subject,
            detail=row.detail,
            outcome=row.outcome,
            mood=row.mood,
            channel=row.channel,
            occurred_at=row.occurred_at,
            logged_by=strawberry.ID(row.logged_by),
            sentiment=SentimentSuggestion.of(row),
            urgency=UrgencySuggestion.of(row),
        )


@strawberry.type(
    description=(
        "A task for an agent, from a note or an interaction. A follow-up is derived from its "
        "note: it exists for a caller only if the caller reads that note now (a note moved out "
        "of the caller's scopes, or deleted, takes its follow-ups along); one from an "
        "interaction is shown to staff who reach the customer."
    )
)
class FollowUp(Node):
    id: NodeID[str]
    follow_up_id: strawberry.ID = raw_key("follow-up")
    customer_id: strawberry.ID
    note_id: strawberry.ID | None
    interaction_id: strawberry.ID | None
    assignee_id: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("assignee"))
    due_at: datetime
    instructions: str | None
    completed_at: datetime | None
    completed_by: strawberry.ID | None = strawberry.field(
        deprecation_reason=deprecated_id("completedByAgent")
    )
    outcome: str | None = strawberry.field(
        description="A value of the admin-managed outcome list (`choices(list: OUTCOME)`); "
        "null while open, when cancelled, or when completed with free text only (see `comment`)."
    )
    comment: str | None = strawberry.field(
        description="What the completer added beside the outcome (markdown, sanitised); also "
        "the free-text outcome of v1's `completeFollowUp(id, outcome)`."
    )
    cancelled_at: datetime | None
    cancelled_by: strawberry.ID | None = strawberry.field(
        deprecation_reason=deprecated_id("cancelledByAgent")
    )
    status: FollowUpStatus
    created_by: strawberry.Private[str] = ""

    @strawberry.field(
        description=agent_field(
            "Who created the follow-up (with its note or interaction); its author may complete, "
            "reassign, reschedule or cancel it like its assignee."
        )
    )
    async def author(self, info: Info) -> Agent | None:
        return await named_agent(info, self.created_by or None)

    @strawberry.field(description=agent_field("Who the follow-up is assigned to."))
    async def assignee(self, info: Info) -> Agent | None:
        return await named_agent(info, self.assignee_id)

    @strawberry.field(description=agent_field("Who completed it; null while open."))
    async def completed_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.completed_by)

    @strawberry.field(description=agent_field("Who cancelled it; null unless cancelled."))
    async def cancelled_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.cancelled_by)

    @classmethod
    def from_record(cls, row: FollowUpRow) -> Self:
        """Build from a store row."""
        return cls(
            id=row.id,
            customer_id=strawberry.ID(row.customer_id),
            note_id=strawberry.ID(row.note_id) if row.note_id else None,
            interaction_id=strawberry.ID(row.interaction_id) if row.interaction_id else None,
            assignee_id=strawberry.ID(row.assignee_id),
            due_at=row.due_at,
            instructions=row.instructions,
            completed_at=row.completed_at,
            completed_by=strawberry.ID(row.completed_by) if row.completed_by else None,
            outcome=row.outcome,
            comment=row.comment,
            cancelled_at=row.cancelled_at,
            cancelled_by=strawberry.ID(row.cancelled_by) if row.cancelled_by else None,
            status=status_of(row),
            created_by=row.created_by,
        )


@strawberry.type(description="A risk flag from the controlled vocabulary; cleared flags stay.")
class RiskFlag(Node):
    id: NodeID[str]
    risk_flag_id: strawberry.ID = raw_key("risk flag")
    kind: RiskFlagKind
    reason: str
    raised_by: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("raisedByAgent"))
    raised_at: datetime
    cleared_by: strawberry.ID | None = strawberry.field(
        deprecation_reason=deprecated_id("clearedByAgent")
    )
    cleared_at: datetime | None

    @strawberry.field(description=agent_field("Who raised the flag."))
    async def raised_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.raised_by)

    @strawberry.field(description=agent_field("Who cleared the flag; null while raised."))
    async def cleared_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.cleared_by)

    @classmethod
    def from_record(cls, row: RiskFlagRow) -> Self:
        """Build from a store row."""
        return cls(
            id=row.id,
            kind=row.kind,
            reason=row.reason,
            raised_by=strawberry.ID(row.raised_by),
            raised_at=row.raised_at,
            cleared_by=strawberry.ID(row.cleared_by) if row.cleared_by else None,
            cleared_at=row.cleared_at,
        )
