"""Reports against a hand-checked fixture, computed in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.labels import Sentiment, Urgency
from store import rollup, rollup_reads
from store.enums import (
    InteractionPurpose,
    InteractionType,
    NoteCategory,
    NoteType,
    Scope,
)
from store.interaction_reads import (
    GroupCount,
    InteractionFilter,
    InteractionGroup,
    interaction_report,
)
from store.label_writes import set_note_labels
from store.models import Interaction, Note, NoteTag, new_id
from store.note_reads import NoteFilter
from store.pagination import PageRequest
from store.report_pages import agent_day_page, qa_review_page
from store.reports import (
    ROLLUP_GROUPS,
    NoteGroup,
    NoteReportFilter,
    ReportRow,
    ReportWindow,
    note_report,
)
from tests.store.native import ctx_for, given_directory

DAY1 = datetime(2001, 3, 1, 23, 30, tzinfo=UTC)
DAY2 = datetime(2001, 3, 2, 0, 15, tzinfo=UTC)
WINDOW = ReportWindow(datetime(2001, 3, 1, tzinfo=UTC), datetime(2001, 3, 3, tzinfo=UTC))

# (author, customer, scope, type, category, created_at, tags, version)
FIXTURE = [
    ("a-sales", "c-1", Scope.SALES, NoteType.INTERACTION_LOG, NoteCategory.SALES, DAY1, ["x"], 1),
    ("a-sales", "c-1", Scope.SALES, NoteType.FOLLOW_UP, NoteCategory.SALES, DAY1, ["x", "y"], 2),
    ("a-sales", "c-2", Scope.INTERNAL, NoteType.INTERACTION_LOG, NoteCategory.GENERAL, DAY2, [], 1),
    ("a-support", "c-1", Scope.SUPPORT, NoteType.ESCALATION, NoteCategory.SUPPORT, DAY2, ["y"], 1),
    ("a-admin", "c-2", Scope.RESTRICTED, NoteType.SUPERVISOR, NoteCategory.GENERAL, DAY2, [], 1),
    # Outside the window, and deleted: never counted.
    (
        "a-sales",
        "c-1",
        Scope.SALES,
        NoteType.TECHNICAL,
        NoteCategory.SALES,
        DAY1 - timedelta(days=9),
        [],
        1,
    ),
]


async def given_notes(session: AsyncSession) -> None:
    """The directory plus the FIXTURE notes, one deleted note and three interactions."""
    await given_directory(session)
    for author, customer, scope, type_, category, at, tags, version in FIXTURE:
        note = Note(
            id=new_id(),
            customer_id=customer,
            author_id=author,
            subject="s",
            body="b",
            category=category,
            type=type_,
            scope=scope,
            created_at=at,
            updated_at=at,
            version=version,
        )
        session.add(note)
        await session.flush()
        session.add_all(NoteTag(note_id=note.id, tag=tag) for tag in tags)
    session.add(
        Note(
            customer_id="c-1",
            author_id="a-sales",
            subject="gone",
            body="b",
            category=NoteCategory.SALES,
            type=NoteType.INTERACTION_LOG,
            scope=Scope.SALES,
            created_at=DAY1,
            updated_at=DAY1,
            deleted_at=DAY2,
        )
    )
    for outcome, mood in (("interested", "happy"), ("interested", None), ("purchased", "happy")):
        session.add(
            Interaction(
                customer_id="c-1",
                logged_by="a-sales",
                type=InteractionType.CALL,
                purpose=InteractionPurpose.SALES,
                subject="s",
                outcome=outcome,
                mood=mood,
                occurred_at=DAY2,
            )
        )
    await session.flush()
    # Rows inserted directly bypass the note writes that keep the report rollup current.
    await rollup.rebuild(await session.connection())


def rows(*pairs: tuple[str | None, int]) -> list[ReportRow]:
    """Expected report rows."""
    return [ReportRow(key, count) for key, count in pairs]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (
            NoteGroup.TYPE,
            rows(("interaction_log", 2), ("escalation", 1), ("follow_up", 1), ("supervisor", 1)),
        ),
        (NoteGroup.CATEGORY, rows(("general", 2), ("sales", 2), ("support", 1))),
        (NoteGroup.AGENT, rows(("a-sales", 3), ("a-admin", 1), ("a-support", 1))),
        (NoteGroup.CUSTOMER, rows(("c-1", 3), ("c-2", 2))),
        (NoteGroup.DAY, rows(("2001-03-01", 2), ("2001-03-02", 3))),
        (NoteGroup.TAG, rows(("x", 2), ("y", 2))),
    ],
)
async def test_an_admin_counts_every_live_note_in_the_window(
    session: AsyncSession, group: NoteGroup, expected: list[ReportRow]
) -> None:
    await given_notes(session)
    admin = await ctx_for("a-admin")
    assert (
        await note_report(
            session, admin.view, group, WINDOW, NoteReportFilter(), PageRequest(size=100)
        )
    ).items == expected


async def test_a_sales_callers_counts_exclude_notes_it_cannot_read(session: AsyncSession) -> None:
    await given_notes(session)
    sales = await ctx_for("a-sales")
    report = (
        await note_report(
            session,
            sales.view,
            NoteGroup.AGENT,
            WINDOW,
            NoteReportFilter(),
            PageRequest(size=100),
        )
    ).items
    assert report == rows(("a-sales", 3))
    by_tag = (
        await note_report(
            session, sales.view, NoteGroup.TAG, WINDOW, NoteReportFilter(), PageRequest(size=100)
        )
    ).items
    assert by_tag == rows(("x", 2), ("y", 1))


async def test_filters_narrow_the_counts(session: AsyncSession) -> None:
    await given_notes(session)
    admin = await ctx_for("a-admin")
    only = NoteReportFilter(customer_id="c-1", tags=("y",))
    assert (
        await note_report(session, admin.view, NoteGroup.TYPE, WINDOW, only, PageRequest(size=100))
    ).items == rows(("escalation", 1), ("follow_up", 1))


async def test_notes_per_agent_per_day(session: AsyncSession) -> None:
    await given_notes(session)
    admin = await ctx_for("a-admin")
    days = await agent_day_page(session, admin.view, WINDOW, NoteFilter(), PageRequest(size=100))
    assert [(d.agent_id, d.day, d.count) for d in days.items] == [
        ("a-admin", "2001-03-02", 1),
        ("a-sales", "2001-03-01", 2),
        ("a-sales", "2001-03-02", 1),
        ("a-support", "2001-03-02", 1),
    ]
    assert days.total_count == 4


async def test_notes_per_agent_per_day_pages_by_agent_then_day(session: AsyncSession) -> None:
    await given_notes(session)
    admin = await ctx_for("a-admin")
    seen: list[tuple[str, str]] = []
    cursor = None
    while True:
        page = await agent_day_page(
            session, admin.view, WINDOW, NoteFilter(), PageRequest(size=1, cursor=cursor)
        )
        seen += [(d.agent_id, d.day) for d in page.items]
        assert page.total_count == 4
        if not page.has_next_page:
            break
        cursor = page.cursors[-1]
    assert seen == [
        ("a-admin", "2001-03-02"),
        ("a-sales", "2001-03-01"),
        ("a-sales", "2001-03-02"),
        ("a-support", "2001-03-02"),
    ]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (InteractionGroup.OUTCOME, [("interested", 2), ("purchased", 1)]),
        (InteractionGroup.MOOD, [("happy", 2), (None, 1)]),
        (InteractionGroup.TYPE, [("CALL", 3)]),
    ],
)
async def test_interaction_report(
    session: AsyncSession, group: InteractionGroup, expected: list[tuple[str | None, int]]
) -> None:
    await given_notes(session)
    admin = await ctx_for("a-admin")
    window = InteractionFilter(since=WINDOW.since, until=WINDOW.until)
    page = await interaction_report(session, admin.view, group, window, PageRequest(100))
    assert page.items == [GroupCount(key, count) for key, count in expected]


async def test_qa_review_per_agent(session: AsyncSession) -> None:
    await given_notes(session)
    qa = await ctx_for("a-qa")
    page = await qa_review_page(
        session, qa.view, WINDOW, NoteFilter(), PageRequest(size=100), sample_size=2
    )
    reviews = {r.agent_id: r for r in page.items}
    # qa reads every scope but restricted: the admin's restricted note is not reviewed.
    assert set(reviews) == {"a-sales", "a-support"}
    sales = reviews["a-sales"]
    assert (sales.notes, sales.active_days, sales.tagged, sales.categorised, sales.edited) == (
        3,
        2,
        2,
        2,
        1,
    )
    # Half-open: 1 March 00:00 up to (not including) 3 March 00:00 is two days.
    assert (sales.window_days, sales.within_target) == (2, False)
    assert [row.note.created_at for row in sales.sample] == [DAY2, DAY1]


async def test_label_groups_count_each_label_and_the_unlabelled_from_the_rollup(
    session: AsyncSession,
) -> None:
    # Given the window's five notes, three relabelled by an agent and two never labelled
    await given_notes(session)
    admin = await ctx_for("a-admin")
    notes = list(
        await session.scalars(
            select(Note)
            .where(Note.deleted_at.is_(None), Note.created_at >= WINDOW.since)
            .order_by(Note.created_at, Note.id)
        )
    )
    assert len(notes) == 5
    for note, sentiment in zip(
        notes[:3], (Sentiment.NEGATIVE, Sentiment.POSITIVE, Sentiment.NEGATIVE), strict=True
    ):
        await set_note_labels(session, admin, note.id, sentiment=sentiment, urgency=Urgency.HIGH)

    # When the admin (answered from the rollup) reports by sentiment and by urgency
    async def report(group: NoteGroup, size: int = 100) -> list[ReportRow]:
        assert rollup_reads.answerable(admin.view, ROLLUP_GROUPS[group][0], NoteReportFilter())
        page = await note_report(
            session, admin.view, group, WINDOW, NoteReportFilter(), PageRequest(size=size)
        )
        return page.items

    # Then each label is a group and the unlabelled notes one more, with a null key (sorted as
    # an empty name among equal counts), as the scan counts them
    by_sentiment = rows((None, 2), ("negative", 2), ("positive", 1))
    by_urgency = rows(("high", 3), (None, 2))
    assert await report(NoteGroup.SENTIMENT) == by_sentiment
    assert await report(NoteGroup.URGENCY) == by_urgency
    await rollup.rebuild(await session.connection())
    assert await report(NoteGroup.SENTIMENT) == by_sentiment
    assert await report(NoteGroup.URGENCY) == by_urgency
