"""Administration: the outcome and mood lists and the required note fields (governance)."""

from __future__ import annotations

from typing import Annotated, Self

import strawberry

from resolvers import activity_writes
from resolvers.context import Info
from schema.admin_enums import ChoiceList, NoteField
from schema.enums import NoteCategory, NoteType
from schema.mutation_input import deprecated_argument, one_input
from schema.mutation_inputs import RetireChoiceInput, SaveChoiceInput, SetRequiredFieldsInput
from schema.node import Node, NodeID, compose_key
from schema.user_errors import UserError
from store.models import ChoiceOption
from store.models import RequiredField as RequiredFieldRow


@strawberry.type(description="One choice of an admin-managed list.")
class Choice(Node):
    id: NodeID[str]  # composite: the list and the value
    list: ChoiceList
    value: str
    label: str
    active: bool = strawberry.field(description="Retired choices are kept for history only.")
    position: int

    @classmethod
    def from_record(cls, row: ChoiceOption) -> Self:
        """Build from a store row."""
        return cls(
            id=compose_key(str(row.list_name), row.value),
            list=row.list_name,
            value=row.value,
            label=row.label,
            active=row.active,
            position=row.position,
        )


@strawberry.type(description="A field new notes of a type (and category, or any) must fill in.")
class RequiredField:
    note_type: NoteType
    category: NoteCategory | None = strawberry.field(description="Null: every category.")
    field: NoteField

    @classmethod
    def from_record(cls, row: RequiredFieldRow) -> Self:
        """Build from a store row."""
        return cls(note_type=row.note_type, category=row.category, field=NoteField(row.field_name))


@strawberry.type
class ChoicePayload:
    choice: Choice | None
    errors: list[UserError]


@strawberry.type
class RequiredFieldsPayload:
    required_fields: list[RequiredField] | None = strawberry.field(
        description="Every rule after the change."
    )
    errors: list[UserError]


@strawberry.type
class AdminQuery:
    @strawberry.field(description="A choice list in display order.")
    async def choices(
        self, info: Info, list: ChoiceList, include_retired: bool = False
    ) -> list[Choice] | None:
        rows = await activity_writes.resolve_choices(info, list, include_retired)
        return [Choice.from_record(row) for row in rows]

    @strawberry.field(description="The governance rules: required fields per note type.")
    async def required_fields(self, info: Info) -> list[RequiredField] | None:
        return [
            RequiredField.from_record(row)
            for row in await activity_writes.resolve_required_fields(info)
        ]


_LIST = Annotated[
    ChoiceList | None, strawberry.argument(deprecation_reason=deprecated_argument("list"))
]
_VALUE = Annotated[str | None, strawberry.argument(deprecation_reason=deprecated_argument("value"))]


@strawberry.type
class AdminMutation:
    @strawberry.mutation(description="Add a choice, or relabel and reactivate one (admins).")
    async def save_choice(
        self,
        info: Info,
        input: SaveChoiceInput | None = None,
        list: _LIST = None,
        value: _VALUE = None,
        label: Annotated[
            str | None, strawberry.argument(deprecation_reason=deprecated_argument("label"))
        ] = None,
    ) -> ChoicePayload | None:
        given = one_input(
            input,
            {"list": list, "value": value, "label": label},
            lambda old: SaveChoiceInput(list=old["list"], value=old["value"], label=old["label"]),
        )
        result = await activity_writes.resolve_save_choice(
            info, given.list, given.value, given.label
        )
        return ChoicePayload(
            choice=Choice.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(description="Retire a choice: no longer offered, history unchanged.")
    async def retire_choice(
        self,
        info: Info,
        input: RetireChoiceInput | None = None,
        list: _LIST = None,
        value: _VALUE = None,
    ) -> ChoicePayload | None:
        given = one_input(
            input,
            {"list": list, "value": value},
            lambda old: RetireChoiceInput(list=old["list"], value=old["value"]),
        )
        result = await activity_writes.resolve_retire_choice(info, given.list, given.value)
        return ChoicePayload(
            choice=Choice.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description="Replace the required fields of one note type and category (null: any)."
    )
    async def set_required_fields(
        self,
        info: Info,
        input: SetRequiredFieldsInput | None = None,
        note_type: Annotated[
            NoteType | None, strawberry.argument(deprecation_reason=deprecated_argument("noteType"))
        ] = None,
        fields: Annotated[
            list[NoteField] | None,
            strawberry.argument(deprecation_reason=deprecated_argument("fields")),
        ] = None,
        category: Annotated[
            NoteCategory | None,
            strawberry.argument(deprecation_reason=deprecated_argument("category")),
        ] = None,
    ) -> RequiredFieldsPayload | None:
        given = one_input(
            input,
            {"noteType": note_type, "fields": fields, "category": category},
            lambda old: SetRequiredFieldsInput(
                note_type=old["noteType"], fields=old["fields"], category=old.get("category")
            ),
            optional=frozenset({"category"}),
        )
        result = await activity_writes.resolve_set_required_fields(
            info, given.note_type, given.category, given.fields
        )
        return RequiredFieldsPayload(
            required_fields=[RequiredField.from_record(row) for row in result.value]
            if result.value is not None
            else None,
            errors=UserError.from_records(result.errors),
        )
