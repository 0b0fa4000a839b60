"""Mutations on a customer's working data: tags, interactions, risk flags, handoff."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, TypeVar

import strawberry

from resolvers import activity_writes, customer_retag, duplicate_writes
from resolvers.context import Info
from resolvers.writes import Outcome
from schema.activity import FollowUp, Interaction, RiskFlag
from schema.changed_customer import customer_field
from schema.duplicates import ALLOW_DUPLICATE, DuplicateInteraction
from schema.enums import InteractionPurpose, InteractionType, RiskFlagKind
from schema.follow_ups import FollowUpInput
from schema.mutation_input import argument_name, deprecated_argument, one_input
from schema.mutation_inputs import (
    ClearRiskFlagInput,
    HandoffToSupportInput,
    RaiseRiskFlagInput,
    TagCustomerInput,
    UntagCustomerInput,
)
from schema.node import CUSTOMER, parse_id, parse_ids
from schema.notes import Note
from schema.user_errors import UserError
from store.interactions import InteractionDraft
from store.models import CustomerTag
from store.models import RiskFlag as RiskFlagRow

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
    allow_duplicate: bool = strawberry.field(default=False, description=ALLOW_DUPLICATE)

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
    changed_customer_id: strawberry.Private[str | None] = None
    customer = customer_field()

    @classmethod
    def of(cls, customer_id: str, result: Outcome[list[CustomerTag]]) -> CustomerTagsPayload:
        """Build from a resolver outcome."""
        changed = result.value is not None
        return cls(
            tags=[row.tag for row in result.value] if result.value is not None else None,
            errors=UserError.from_records(result.errors),
            changed_customer_id=customer_id if changed else None,
        )


@strawberry.type
class InteractionPayload:
    interaction: Interaction | None
    follow_up: FollowUp | None
    errors: list[UserError]
    duplicates: list[DuplicateInteraction] = strawberry.field(
        default_factory=list,
        description="logInteraction refused with DUPLICATE_SUSPECTED: the recent interactions "
        "(that the caller reads) it nearly repeats, most alike first. Empty otherwise.",
    )


@strawberry.type
class RiskFlagPayload:
    risk_flag: RiskFlag | None
    errors: list[UserError]
    changed_customer_id: strawberry.Private[str | None] = None
    customer = customer_field()

    @classmethod
    def of(cls, result: Outcome[RiskFlagRow]) -> RiskFlagPayload:
        """Build from a resolver outcome."""
        flag = result.value
        return cls(
            risk_flag=RiskFlag.from_record(flag) if flag else None,
            errors=UserError.from_records(result.errors),
            changed_customer_id=flag.customer_id if flag else None,
        )


@strawberry.type
class HandoffPayload:
    notes: list[Note] | None = strawberry.field(description="The notes now tagged `handoff`.")
    errors: list[UserError]
    changed_customer_id: strawberry.Private[str | None] = None
    customer = customer_field()


_CUSTOMER_ID = Annotated[
    strawberry.ID | None, strawberry.argument(deprecation_reason=deprecated_argument("customerId"))
]
_TAG = Annotated[str | None, strawberry.argument(deprecation_reason=deprecated_argument("tags"))]


@strawberry.type
class ActivityMutation:
    @strawberry.mutation(
        description="Tag a customer (trimmed, lower-cased, spaces collapsed). " + PLAIN_TEXT
    )
    async def tag_customer(
        self,
        info: Info,
        input: TagCustomerInput | None = None,
        customer_id: _CUSTOMER_ID = None,
        tag: _TAG = None,
    ) -> CustomerTagsPayload | None:
        return await _retag(info, input, TagCustomerInput, customer_id, tag, adding=True)

    @strawberry.mutation(description="Remove tags from a customer.")
    async def untag_customer(
        self,
        info: Info,
        input: UntagCustomerInput | None = None,
        customer_id: _CUSTOMER_ID = None,
        tag: _TAG = None,
    ) -> CustomerTagsPayload | None:
        return await _retag(info, input, UntagCustomerInput, customer_id, tag, adding=False)

    @strawberry.mutation(
        description="Log a call, visit, message or meeting (and a follow-up). A near-copy of "
        "a recent interaction of the customer is refused (DUPLICATE_SUSPECTED, with "
        "`duplicates`) unless `allowDuplicate` is true."
    )
    async def log_interaction(
        self, info: Info, input: LogInteractionInput
    ) -> InteractionPayload | None:
        checked = await duplicate_writes.log_interaction(
            info, input.to_draft(), allow_duplicate=input.allow_duplicate
        )
        result = checked.outcome
        logged = result.value
        return InteractionPayload(
            interaction=Interaction.from_record(logged.interaction) if logged else None,
            follow_up=FollowUp.from_record(logged.follow_up)
            if logged and logged.follow_up
            else None,
            errors=UserError.from_records(result.errors),
            duplicates=DuplicateInteraction.list_of(checked.duplicates),
        )

    @strawberry.mutation(
        description="Raise a risk flag (roles that see risk flags). The reason is plain text: "
        "any markup in it is removed on write (its text kept)."
    )
    async def raise_risk_flag(
        self,
        info: Info,
        input: RaiseRiskFlagInput | None = None,
        customer_id: _CUSTOMER_ID = None,
        kind: Annotated[
            RiskFlagKind | None,
            strawberry.argument(deprecation_reason=deprecated_argument("kind")),
        ] = None,
        reason: Annotated[
            str | None, strawberry.argument(deprecation_reason=deprecated_argument("reason"))
        ] = None,
    ) -> RiskFlagPayload | None:
        given = one_input(
            input,
            {"customerId": customer_id, "kind": kind, "reason": reason},
            lambda old: RaiseRiskFlagInput(
                customer_id=old["customerId"], kind=old["kind"], reason=old["reason"]
            ),
        )
        result = await activity_writes.resolve_raise_risk_flag(
            info,
            parse_id(given.customer_id, CUSTOMER, argument_name(input, "customerId")),
            given.kind,
            given.reason,
        )
        return RiskFlagPayload.of(result)

    @strawberry.mutation(description="Clear a risk flag; who and when are kept.")
    async def clear_risk_flag(
        self,
        info: Info,
        input: ClearRiskFlagInput | None = None,
        id: Annotated[
            strawberry.ID | None,
            strawberry.argument(deprecation_reason=deprecated_argument("id")),
        ] = None,
    ) -> RiskFlagPayload | None:
        given = one_input(input, {"id": id}, lambda old: ClearRiskFlagInput(id=old["id"]))
        result = await activity_writes.resolve_clear_risk_flag(
            info, parse_id(given.id, "RiskFlag", argument_name(input, "id"))
        )
        return RiskFlagPayload.of(result)

    @strawberry.mutation(
        description="Move a customer's case from sales to support: its sales notes (all, or "
        "the ones named) are tagged `handoff` and become readable by support."
    )
    async def handoff_to_support(
        self,
        info: Info,
        input: HandoffToSupportInput | None = None,
        customer_id: _CUSTOMER_ID = None,
        note_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(deprecation_reason=deprecated_argument("noteIds")),
        ] = None,
    ) -> HandoffPayload | None:
        given = one_input(
            input,
            {"customerId": customer_id, "noteIds": note_ids},
            lambda old: HandoffToSupportInput(
                customer_id=old["customerId"], note_ids=old.get("noteIds")
            ),
            optional=frozenset({"noteIds"}),
        )
        ids = (
            parse_ids(given.note_ids, "Note", argument_name(input, "noteIds"))
            if given.note_ids is not None
            else None
        )
        customer = parse_id(given.customer_id, CUSTOMER, argument_name(input, "customerId"))
        result = await activity_writes.resolve_handoff(info, customer, ids)
        return HandoffPayload(
            notes=[Note.from_record(row) for row in result.value]
            if result.value is not None
            else None,
            errors=UserError.from_records(result.errors),
            changed_customer_id=customer if result.value is not None else None,
        )


RetagInput = TypeVar("RetagInput", TagCustomerInput, UntagCustomerInput)


async def _retag(
    info: Info,
    input: RetagInput | None,
    kind: type[RetagInput],
    customer_id: str | None,
    tag: str | None,
    *,
    adding: bool,
) -> CustomerTagsPayload:
    """tagCustomer / untagCustomer: the input (or v1's one tag) applied in one transaction."""
    given = one_input(
        input,
        {"customerId": customer_id, "tag": tag},
        lambda old: kind(customer_id=old["customerId"], tags=[old["tag"]]),
    )
    customer = parse_id(given.customer_id, CUSTOMER, argument_name(input, "customerId"))
    added, removed = (given.tags, []) if adding else ([], given.tags)
    result = await customer_retag.resolve_retag_customer(
        info, customer, add=added, remove=removed, field="tags" if input else "tag"
    )
    return CustomerTagsPayload.of(customer, result)
