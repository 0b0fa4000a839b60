"""Mutations on a customer's working data: tags, interactions, risk flags, handoff."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers import activity_writes
from resolvers.context import Info
from schema.activity import FollowUp, Interaction, RiskFlag
from schema.enums import InteractionPurpose, InteractionType, RiskFlagKind
from schema.follow_ups import FollowUpInput
from schema.node import CUSTOMER, parse_id, parse_ids
from schema.notes import Note
from schema.user_errors import UserError
from store.interactions import InteractionDraft

PLAIN_TEXT = "Plain text: any markup in it is removed on write (its text kept)."


@strawberry.input(description="A contact with a customer; outcome and mood from the lists.")
class LogInteractionInput:
    customer_id: strawberry.ID
    type: InteractionType
    purpose: InteractionPurpose
    subject: str = strawberry.field(description=PLAIN_TEXT)
    detail: str | None = strawberry.field(
        default=None, description="Markdown; any HTML in it is sanitised on write."
    )
    outcome: str | None = strawberry.field(
        default=None, description="A current value of the outcome list."
    )
    mood: str | None = strawberry.field(
        default=None, description="A current value of the mood list."
    )
    channel: str | None = strawberry.field(default=None, description=PLAIN_TEXT)
    occurred_at: datetime | None = strawberry.field(
        default=None, description="Default: now. Not in the future, at most 10 years ago."
    )
    follow_up: FollowUpInput | None = None

    def to_draft(self) -> InteractionDraft:
        """The store's draft."""
        return InteractionDraft(
            customer_id=parse_id(self.customer_id, CUSTOMER, "input.customerId"),
            type=self.type,
            purpose=self.purpose,
            subject=self.subject,
            detail=self.detail,
            outcome=self.outcome,
            mood=self.mood,
            channel=self.channel,
            occurred_at=self.occurred_at,
            follow_up=self.follow_up.to_draft() if self.follow_up else None,
        )


@strawberry.type
class CustomerTagsPayload:
    tags: list[str] | None = strawberry.field(description="The customer's tags after the change.")
    errors: list[UserError]


@strawberry.type
class InteractionPayload:
    interaction: Interaction | None
    follow_up: FollowUp | None
    errors: list[UserError]


@strawberry.type
class RiskFlagPayload:
    risk_flag: RiskFlag | None
    errors: list[UserError]


@strawberry.type
class HandoffPayload:
    notes: list[Note] | None = strawberry.field(description="The notes now tagged `handoff`.")
    errors: list[UserError]


@strawberry.type
class ActivityMutation:
    @strawberry.mutation(
        description="Tag a customer (trimmed, lower-cased, spaces collapsed). " + PLAIN_TEXT
    )
    async def tag_customer(
        self, info: Info, customer_id: strawberry.ID, tag: str
    ) -> CustomerTagsPayload | None:
        result = await activity_writes.resolve_tag_customer(
            info, parse_id(customer_id, CUSTOMER, "customerId"), tag
        )
        return CustomerTagsPayload(
            tags=[row.tag for row in result.value] if result.value is not None else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(description="Remove a tag from a customer.")
    async def untag_customer(
        self, info: Info, customer_id: strawberry.ID, tag: str
    ) -> CustomerTagsPayload | None:
        result = await activity_writes.resolve_untag_customer(
            info, parse_id(customer_id, CUSTOMER, "customerId"), tag
        )
        return CustomerTagsPayload(
            tags=[row.tag for row in result.value] if result.value is not None else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(description="Log a call, visit, message or meeting (and a follow-up).")
    async def log_interaction(
        self, info: Info, input: LogInteractionInput
    ) -> InteractionPayload | None:
        result = await activity_writes.resolve_log_interaction(info, input.to_draft())
        logged = result.value
        return InteractionPayload(
            interaction=Interaction.from_record(logged.interaction) if logged else None,
            follow_up=FollowUp.from_record(logged.follow_up)
            if logged and logged.follow_up
            else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description="Raise a risk flag (roles that see risk flags). The reason is plain text: "
        "any markup in it is removed on write (its text kept)."
    )
    async def raise_risk_flag(
        self, info: Info, customer_id: strawberry.ID, kind: RiskFlagKind, reason: str
    ) -> RiskFlagPayload | None:
        result = await activity_writes.resolve_raise_risk_flag(
            info, parse_id(customer_id, CUSTOMER, "customerId"), kind, reason
        )
        return RiskFlagPayload(
            risk_flag=RiskFlag.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(description="Clear a risk flag; who and when are kept.")
    async def clear_risk_flag(self, info: Info, id: strawberry.ID) -> RiskFlagPayload | None:
        result = await activity_writes.resolve_clear_risk_flag(info, parse_id(id, "RiskFlag", "id"))
        return RiskFlagPayload(
            risk_flag=RiskFlag.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description="Move a customer's case from sales to support: its sales notes (all, or "
        "the ones named) are tagged `handoff` and become readable by support."
    )
    async def handoff_to_support(
        self, info: Info, customer_id: strawberry.ID, note_ids: list[strawberry.ID] | None = None
    ) -> HandoffPayload | None:
        ids = parse_ids(note_ids, "Note", "noteIds") if note_ids is not None else None
        result = await activity_writes.resolve_handoff(
            info, parse_id(customer_id, CUSTOMER, "customerId"), ids
        )
        return HandoffPayload(
            notes=[Note.from_record(row) for row in result.value]
            if result.value is not None
            else None,
            errors=UserError.from_records(result.errors),
        )
