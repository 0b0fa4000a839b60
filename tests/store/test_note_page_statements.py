"""The LATERAL statement of a customer's notes page is built once per shape (caller's
visibility, filter, order, size, cursor or not) and reads what a freshly built one reads; the
customers and tags reads of the page are built once too."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select

from devservices.postgres import ExternalPostgres, PostgresServer
from policies.principal import Principal
from store import keyset, keyset_lateral, note_page_statements
from store.directory import customers_by_ids
from store.models import Note
from store.note_reads import (
    KEYSETS,
    NoteFilter,
    NoteOrder,
    NoteRow,
    notes_by_customer_ids,
    tags_by_note_ids,
)
from store.pagination import Page, PageRequest
from store.visibility import readable_notes
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.fixtures.statements import busiest_customers

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: SQLite reads the pages with a window, not a LATERAL statement."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


async def test_the_page_statement_is_built_once_per_shape_and_reads_the_same_rows(
    seeded_store: SeededStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Any] = []

    def counting(original: Any) -> Any:
        def build(*args: Any, **kwargs: Any) -> Any:
            built.append(args)
            return original(*args, **kwargs)

        return build

    # Counted wherever it is called from (the generic keyset pages and the cached ones).
    monkeypatch.setattr(keyset, "lateral_pages", counting(keyset_lateral.lateral_pages))
    monkeypatch.setattr(
        note_page_statements, "lateral_pages", counting(keyset_lateral.lateral_pages)
    )
    monkeypatch.setattr(
        note_page_statements, "_first_pages", counting(note_page_statements._first_pages)
    )
    monkeypatch.setattr(note_page_statements, "_statements", {})
    monkeypatch.setattr(note_page_statements, "_first_statements", {})
    view = seeded_store.policy.compile(Principal("agent-4", ("support",)))
    async with seeded_store.sessions() as session:
        customers = await busiest_customers(session, 4)
        first_pages = []
        for batch in (customers[:2], customers[2:]):
            first_pages += await notes_by_customer_ids(
                session, view, batch, NoteFilter(), PageRequest(2)
            )
        after = PageRequest(2, first_pages[0].cursors[-1])
        [second] = await notes_by_customer_ids(session, view, customers[:1], NoteFilter(), after)
        [second_again] = await notes_by_customer_ids(
            session, view, customers[:1], NoteFilter(), after
        )
    # Two shapes (a first page, a page after a cursor), four reads: two statements built.
    assert len(built) == 2
    assert sum(1 for args in built if args[0] is view) == 1  # the first pages' own statement
    assert _ids([second]) == _ids([second_again])

    # The same pages as a statement built for each read (the generic keyset pages).
    async with seeded_store.sessions() as session:
        for request, batch, cached in (
            (PageRequest(2), customers, first_pages),
            (after, customers[:1], [second]),
        ):
            fresh = await keyset.keyset_pages(
                session,
                Note,
                [readable_notes(view), Note.customer_id.in_(set(batch))],
                KEYSETS[NoteOrder.PINNED_NEWEST],
                request,
                partition=(Note.customer_id,),
                parents=[(customer,) for customer in batch],
            )
            assert [[note.id for note in page.items] for page in fresh] == [
                [row.note.id for row in page.items] for page in cached
            ]
            assert [page.cursors for page in fresh] == [page.cursors for page in cached]
            # The first pages' count and tags come with their rows: the same as read apart.
            assert [(p.total_count, p.has_next_page) for p in fresh] == [
                (p.total_count, p.has_next_page) for p in cached
            ]
            tags = await tags_by_note_ids(session, _ids(cached))
            assert [tuple(tags.get(row.note.id, ())) for row in _rows(cached)] == [
                row.tags for row in _rows(cached)
            ]
            assert any(row.tags for row in _rows(cached))
    assert _ids([second])
    assert not set(_ids([second])) & set(_ids(first_pages[:1]))


def _ids(pages: list[Page[NoteRow]]) -> list[str]:
    return [row.note.id for page in pages for row in page.items]


def _rows(pages: list[Page[NoteRow]]) -> list[NoteRow]:
    return [row for page in pages for row in page.items]


async def test_the_customers_and_tags_reads_are_built_once(seeded_store: SeededStore) -> None:
    view = seeded_store.policy.compile(Principal("agent-4", ("support",)))
    async with seeded_store.sessions() as session:
        notes = list(await session.scalars(select(Note).limit(6)))
    statements: list[object] = []

    def executed(_conn: Any, clause: Any, *_args: Any) -> None:
        statements.append(clause)

    engine = seeded_store.engine.sync_engine
    event.listen(engine, "before_execute", executed)
    try:
        for batch in (notes[:3], notes[3:]):
            async with seeded_store.sessions() as session:
                customers = await customers_by_ids(session, view, [n.customer_id for n in batch])
                tags = await tags_by_note_ids(session, [n.id for n in batch])
            # Still the batch's own rows, in key order
            assert [c.id if c else None for c in customers] == [n.customer_id for n in batch]
            assert set(tags) <= {n.id for n in batch}
    finally:
        event.remove(engine, "before_execute", executed)
    # Then each read ran the one statement built for it, not a copy built per call
    assert len(statements) == 4
    assert statements[0] is statements[2]
    assert statements[1] is statements[3]
