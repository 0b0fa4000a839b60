"""Keyset pages are read in SQL: a batch of parents costs a fixed number of statements and
fetches at most one row more than each page holds, and each page equals a slice of the list."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import Invalid
from policies.principal import Principal
from store.audit import AUDIT
from store.models import AuditLog, Note
from store.note_reads import NoteFilter, notes_by_customer_ids
from store.pagination import PageRequest, page_request
from tests.fixtures.seeded import SeededStore


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SELECTs run on `engine` meanwhile."""
    seen: list[str] = []

    def after(conn: Connection, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(engine.sync_engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "after_cursor_execute", after)


async def test_a_batch_of_customers_is_paged_in_two_queries_and_small_fetches(
    seeded_store: SeededStore,
) -> None:
    view = seeded_store.policy.compile(Principal("agent-1", ("admin",)))
    async with seeded_store.sessions() as session:
        busiest = list(
            await session.scalars(
                select(Note.customer_id)
                .group_by(Note.customer_id)
                .order_by(func.count().desc(), Note.customer_id)
                .limit(3)
            )
        )
        # The whole lists, one page each, for comparison.
        whole = await notes_by_customer_ids(
            session, view, busiest, NoteFilter(), PageRequest(size=1000)
        )
    assert all(page.total_count > 4 for page in whole)

    fetched: list[list[str]] = [[] for _ in busiest]
    cursors: list[str | None] = [None] * len(busiest)
    done = [False] * len(busiest)
    postgres = seeded_store.engine.dialect.name == "postgresql"
    while not all(done):
        before = list(cursors)
        with statements(seeded_store.engine) as seen:
            async with seeded_store.sessions() as session:
                for index, customer in enumerate(busiest):
                    if done[index]:
                        continue
                    [page] = await notes_by_customer_ids(
                        session, view, [customer], NoteFilter(), PageRequest(2, cursors[index])
                    )
                    assert page.total_count == whole[index].total_count
                    fetched[index] += [row.note.id for row in page.items]
                    cursors[index] = page.cursors[-1] if page.cursors else None
                    done[index] = not page.has_next_page
        # Per parent: the counts, the page's rows (cut in SQL: one LATERAL page per parent on
        # PostgreSQL, numbered by a window on SQLite), their tags; a first page on PostgreSQL
        # is one statement (its count and tags ride along with its rows).
        windows = [s for s in seen if "row_number" in s or "LATERAL" in s]
        first = postgres and all(cursor is None for cursor in before)
        assert len(seen) == (1 if first else 3) * len(windows), seen
        assert all("rank <=" in s or "LIMIT" in s for s in windows), windows
    assert fetched == [[row.note.id for row in page.items] for page in whole]

    # And the batch of all three is still two queries (plus tags), not one per customer; on
    # PostgreSQL one statement in all.
    with statements(seeded_store.engine) as seen:
        async with seeded_store.sessions() as session:
            batch = await notes_by_customer_ids(
                session, view, busiest, NoteFilter(), PageRequest(size=2)
            )
    assert len(seen) == (1 if postgres else 3), seen
    assert [len(page.items) for page in batch] == [2, 2, 2]


async def test_backwards_from_the_end_reads_the_same_list(seeded_store: SeededStore) -> None:
    view = seeded_store.policy.compile(Principal("agent-1", ("admin",)))
    customer = "cust-00001"
    async with seeded_store.sessions() as session:
        [whole] = await notes_by_customer_ids(
            session, view, [customer], NoteFilter(), PageRequest(size=1000)
        )
        seen: list[str] = []
        before = None
        while True:
            [page] = await notes_by_customer_ids(
                session, view, [customer], NoteFilter(), PageRequest(3, before, backward=True)
            )
            assert page.has_next_page == bool(seen)
            seen = [row.note.id for row in page.items] + seen
            if not page.has_previous_page:
                break
            before = page.cursors[0]
    assert whole.total_count > 3
    assert seen == [row.note.id for row in whole.items]


@pytest.mark.parametrize(
    "arguments",
    [
        {"first": 0},
        {"first": 101},
        {"last": 0},
        {"last": 101},
        {"first": 2, "last": 2},
        {"first": 2, "before": "x"},
        {"last": 2, "after": "x"},
    ],
)
def test_page_arguments_out_of_bounds_or_mixed_are_invalid(arguments: dict[str, Any]) -> None:
    with pytest.raises(Invalid):
        page_request(**arguments)


async def test_another_lists_cursor_is_invalid(seeded_store: SeededStore) -> None:
    view = seeded_store.policy.compile(Principal("agent-1", ("admin",)))
    row = AuditLog(id=7)
    async with seeded_store.sessions() as session:
        with pytest.raises(Invalid):
            await notes_by_customer_ids(
                session, view, ["cust-00001"], NoteFilter(), PageRequest(2, AUDIT.encode(row))
            )
