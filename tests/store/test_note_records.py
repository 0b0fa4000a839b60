"""A customer's first notes page is read as frozen records, not ORM entities: each record
carries every column of the stored note, with the values an ORM load gives."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import inspect, select

from devservices.postgres import ExternalPostgres, PostgresServer
from policies.principal import Principal
from store.models import Note
from store.note_reads import NoteFilter, NoteOrder, notes_by_customer_ids
from store.note_records import RECORD_FIELDS, NoteRecord
from store.pagination import PageRequest
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.fixtures.statements import busiest_customers

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the first page in one statement is PostgreSQL's."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


def test_a_record_has_every_column_of_a_note() -> None:
    columns = {attribute.key for attribute in inspect(Note).column_attrs}
    assert set(RECORD_FIELDS) == columns
    values: list[Any] = [None] * len(RECORD_FIELDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        NoteRecord(*values).subject = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("order", list(NoteOrder))
async def test_first_pages_are_records_with_the_entities_values(
    seeded_store: SeededStore, order: NoteOrder
) -> None:
    view = seeded_store.policy.compile(Principal("agent-2", ("manager",)))
    async with seeded_store.sessions() as session:
        customers = await busiest_customers(session, 3)
        pages = await notes_by_customer_ids(
            session, view, customers, NoteFilter(), PageRequest(5), order
        )
    records = [row.note for page in pages for row in page.items]
    assert len(records) == 15
    assert all(isinstance(record, NoteRecord) for record in records)
    assert not any(isinstance(record, Note) or record.unreadable for record in records)
    async with seeded_store.sessions() as session:
        entities = {
            note.id: note
            for note in await session.scalars(
                select(Note).where(Note.id.in_([record.id for record in records]))
            )
        }
    for record in records:
        entity = entities[record.id]
        assert {name: getattr(record, name) for name in RECORD_FIELDS} == {
            name: getattr(entity, name) for name in RECORD_FIELDS
        }
