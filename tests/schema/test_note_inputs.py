"""The GraphQL note inputs and the Note type carry every editable field, with its kind."""

from __future__ import annotations

import graphql
import pytest

from schema import SDL_PATH
from schema.enums import Importance, NoteCategory, NoteType, RefKind, Scope
from schema.note_mutations import CreateNoteInput, UpdateNoteInput
from store.note_drafts import NoteDraft, NotePatch
from store.note_fields import NOTE_FIELDS, Kind

SDL = graphql.build_schema(SDL_PATH.read_text())


def _matches(kind: Kind, type_: graphql.GraphQLType) -> bool:
    named = graphql.get_named_type(type_)
    if kind is Kind.TAGS:
        nullable = type_.of_type if isinstance(type_, graphql.GraphQLNonNull) else type_
        return graphql.is_list_type(nullable) and named.name == "String"
    expected = {Kind.TEXT: "String", Kind.BOOL: "Boolean"}.get(kind)
    return graphql.is_enum_type(named) if kind is Kind.ENUM else named.name == expected


@pytest.mark.parametrize("type_name", ["CreateNoteInput", "UpdateNoteInput", "Note"])
def test_each_editable_field_is_in_the_graphql_type_with_its_kind(type_name: str) -> None:
    type_ = SDL.get_type(type_name)
    assert isinstance(type_, graphql.GraphQLObjectType | graphql.GraphQLInputObjectType)
    for field in NOTE_FIELDS:
        assert field.graphql in type_.fields, f"{type_name} lacks {field.graphql}"
        assert _matches(field.kind, type_.fields[field.graphql].type), (type_name, field.name)


def test_inputs_become_the_store_s_draft_and_patch_field_for_field() -> None:
    created = CreateNoteInput(
        customer_id="c-1",  # type: ignore[arg-type]
        subject="s",
        body="b",
        category=NoteCategory.SALES,
        type=NoteType.FOLLOW_UP,
        scope=Scope.SALES,
        tags=["x"],
        importance=Importance.HIGH,
        pinned=True,
        ref_kind=RefKind.ORDER,
        ref_id="O-1",
        creation_ms=7,
        idempotency_key="key-00000001",
    )
    assert created.to_draft() == NoteDraft(
        customer_id="c-1",
        subject="s",
        body="b",
        category=NoteCategory.SALES,
        type=NoteType.FOLLOW_UP,
        scope=Scope.SALES,
        tags=["x"],
        importance=Importance.HIGH,
        pinned=True,
        ref_kind="order",
        ref_id="O-1",
        creation_ms=7,
        idempotency_key="key-00000001",
    )
    edited = UpdateNoteInput(id="n-1", expected_version=2, pinned=False, tags=[])  # type: ignore[arg-type]
    assert edited.to_patch() == NotePatch(pinned=False, tags=[])
