"""A customer's notes are counted exactly up to NOTES_COUNT_CAP, then capped and flagged:
the page of a 100,000-note customer does not count all its notes. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from store.enums import NoteCategory, NoteType, Scope
from store.keyset import CappedPage
from store.models import Note
from store.note_reads import NOTES_COUNT_CAP, NoteFilter, notes_by_customer_ids
from store.pagination import PageRequest
from tests.store.native import ctx_for, given_directory

AT = datetime(2026, 3, 1, tzinfo=UTC)


def notes(customer_id: str, count: int, scope: Scope = Scope.SALES) -> list[Note]:
    """`count` notes of one customer, a minute apart."""
    return [
        Note(
            customer_id=customer_id,
            author_id="a-sales",
            subject=f"n{i}",
            body="b",
            category=NoteCategory.SALES,
            type=NoteType.INTERACTION_LOG,
            scope=scope,
            created_at=AT + timedelta(minutes=i),
            updated_at=AT + timedelta(minutes=i),
        )
        for i in range(count)
    ]


async def test_a_huge_customer_is_counted_to_the_cap_and_a_small_one_exactly(
    session: AsyncSession,
) -> None:
    # Given c-1 with the cap and 3 more visible notes (and some the caller cannot see) and
    # c-2 with 7
    await given_directory(session)
    session.add_all(notes("c-1", NOTES_COUNT_CAP + 3))
    session.add_all(notes("c-1", 5, scope=Scope.FINANCE))
    session.add_all(notes("c-2", 7))
    await session.flush()
    view = (await ctx_for("a-sales")).view

    # When a sales agent reads the first page of both
    big, small = await notes_by_customer_ids(
        session, view, ["c-1", "c-2"], NoteFilter(), PageRequest(size=20)
    )

    # Then the big count stops at the cap, flagged; the small one is exact
    assert isinstance(big, CappedPage)
    assert isinstance(small, CappedPage)
    assert (big.total_count, big.total_capped) == (NOTES_COUNT_CAP, True)
    assert (small.total_count, small.total_capped) == (7, False)
    assert len(big.items) == 20
    assert big.has_next_page
    assert not big.has_previous_page

    # And the next pages know there is a page before them; a filter narrows the count
    (after,) = await notes_by_customer_ids(
        session, view, ["c-1"], NoteFilter(), PageRequest(size=20, cursor=big.cursors[-1])
    )
    assert after.has_previous_page
    assert after.has_next_page
    assert after.items[0].note.subject == f"n{NOTES_COUNT_CAP + 3 - 21}"
    (last,) = await notes_by_customer_ids(
        session, view, ["c-2"], NoteFilter(), PageRequest(size=20, cursor=small.cursors[0])
    )
    assert (last.total_count, last.has_previous_page, len(last.items)) == (7, True, 6)
    (window,) = await notes_by_customer_ids(
        session,
        view,
        ["c-1"],
        NoteFilter(since=AT, until=AT + timedelta(minutes=NOTES_COUNT_CAP)),
        PageRequest(size=20),
    )
    assert isinstance(window, CappedPage)
    assert (window.total_count, window.total_capped) == (NOTES_COUNT_CAP, False)


async def test_exactly_the_cap_is_not_capped(session: AsyncSession) -> None:
    await given_directory(session)
    session.add_all(notes("c-1", NOTES_COUNT_CAP))
    await session.flush()
    view = (await ctx_for("a-sales")).view
    (page,) = await notes_by_customer_ids(session, view, ["c-1"], NoteFilter(), PageRequest(size=5))
    assert isinstance(page, CappedPage)
    assert (page.total_count, page.total_capped) == (NOTES_COUNT_CAP, False)
