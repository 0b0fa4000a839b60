"""The `<Mutation>Input` objects of the mutations v1 gave loose arguments.

Each holds exactly what the old arguments held (tagCustomer and untagCustomer now take a list
of tags, as tagNote does); ids are global ids, raw keys still accepted until v2. The values go
through the same parsing and store validation as the old arguments did.
"""

from __future__ import annotations

import strawberry

from schema.admin_enums import ChoiceList, NoteField
from schema.enums import NoteCategory, NoteType, RiskFlagKind

_TAGS = "Normalised on write: trimmed, lower-cased, spaces collapsed."


@strawberry.input(description="The note to tag and the tags to add.")
class TagNoteInput:
    id: strawberry.ID
    tags: list[str] = strawberry.field(description=_TAGS)


@strawberry.input(description="The note to untag and the tags to remove.")
class UntagNoteInput:
    id: strawberry.ID
    tags: list[str]


@strawberry.input(description="The note to soft-delete.")
class DeleteNoteInput:
    id: strawberry.ID


@strawberry.input(description="The soft-deleted note to bring back.")
class RestoreNoteInput:
    id: strawberry.ID


@strawberry.input(description="The customer to tag and the tags to add.")
class TagCustomerInput:
    customer_id: strawberry.ID
    tags: list[str] = strawberry.field(description=_TAGS + " Markup is removed (its text kept).")


@strawberry.input(description="The customer to untag and the tags to remove.")
class UntagCustomerInput:
    customer_id: strawberry.ID
    tags: list[str]


@strawberry.input(description="A risk flag to raise on a customer.")
class RaiseRiskFlagInput:
    customer_id: strawberry.ID
    kind: RiskFlagKind
    reason: str = strawberry.field(description="Plain text: markup is removed (its text kept).")


@strawberry.input(description="The risk flag to clear.")
class ClearRiskFlagInput:
    id: strawberry.ID


@strawberry.input(description="The customer whose sales case moves to support.")
class HandoffToSupportInput:
    customer_id: strawberry.ID
    note_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The notes to hand off; null: every sales note."
    )


@strawberry.input(description="A choice to add, or to relabel and reactivate.")
class SaveChoiceInput:
    list: ChoiceList
    value: str
    label: str


@strawberry.input(description="The choice to retire.")
class RetireChoiceInput:
    list: ChoiceList
    value: str


@strawberry.input(description="The required fields of one note type and category.")
class SetRequiredFieldsInput:
    note_type: NoteType
    fields: list[NoteField]
    category: NoteCategory | None = strawberry.field(default=None, description="Null: any.")


@strawberry.input(description="The intake failures to retry.")
class RedriveIntakeFailuresInput:
    ids: list[strawberry.ID]
