"""One declaration of the indexed note fields: the mapping, the embedded tables and a built
document must all name exactly the fields of `search.fields.FIELDS`, with matching types."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import Boolean, Integer, String, Text

from search.documents import NoteDocument
from search.embedded import _row
from search.embedded_tables import generation
from search.fields import FIELDS, Kind
from search.mapping import MAPPINGS

NAMES = {field.name for field in FIELDS}
AT = datetime(2025, 5, 1, tzinfo=UTC)
FULL = NoteDocument(
    note_id="n1", version=7, subject="s", body="b", tags=("t",), scope="sales", type="call",
    category="sales", importance="normal", pinned=True, author_id="a", customer_id="c",
    branch_id="b", partner_id="p", assigned_agents=("f",), created_at=AT, updated_at=AT,
)  # fmt: skip


def test_the_document_class_has_exactly_the_declared_fields() -> None:
    assert {field.name for field in dataclasses.fields(NoteDocument)} == NAMES


def test_a_built_document_and_a_tombstone_carry_the_declared_fields() -> None:
    assert set(FULL.source()) == NAMES
    tombstone = NoteDocument.tombstone("n1", 8).source()
    assert set(tombstone) == {field.name for field in FIELDS if field.tombstone}
    assert tombstone["deleted"] is True


def test_the_mapping_declares_every_field_with_its_kind() -> None:
    properties = MAPPINGS["properties"]
    assert set(properties) == NAMES
    for field in FIELDS:
        assert properties[field.name]["type"] == field.kind.value


def test_the_embedded_tables_hold_every_field_with_a_matching_column_type() -> None:
    tables = generation(1)
    columns = {column.name for column in tables.docs.columns} - {"id"}
    lists = {"tags": tables.tags, "assigned_agents": tables.agents}
    assert columns | set(lists) == NAMES
    assert not columns & set(lists)
    expected = {
        Kind.KEYWORD: String, Kind.TEXT: Text, Kind.LONG: Integer,
        Kind.BOOLEAN: Boolean, Kind.DATE: Integer,
    }  # fmt: skip
    for field in FIELDS:
        if field.many:
            assert {field.item} <= {column.name for column in lists[field.name].columns}
        else:
            assert isinstance(tables.docs.columns[field.name].type, expected[field.kind])
    assert set(_row(FULL)) == columns
