"""Note creation time per agent and per day, computed in SQL on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.enums import NoteCategory, NoteType, Scope
from store.models import Note
from store.note_reads import NoteFilter
from store.pagination import PageRequest
from store.report_pages import creation_times_page
from store.reports import CreationGroup, CreationTimes, ReportWindow
from tests.store.native import ctx_for, given_directory

DAY1 = datetime(2001, 3, 1, 10, 0, tzinfo=UTC)
DAY2 = datetime(2001, 3, 2, 10, 0, tzinfo=UTC)
WINDOW = ReportWindow(datetime(2001, 3, 1, tzinfo=UTC), datetime(2001, 3, 3, tzinfo=UTC))

# (author, scope, day, creation_ms): a-sales has ten measured notes, 1 s to 10 s.
MEASURED = [("a-sales", Scope.SALES, DAY1, seconds * 1000) for seconds in range(1, 11)] + [
    ("a-support", Scope.SUPPORT, DAY2, 20_000),
    ("a-support", Scope.SUPPORT, DAY2, 40_000),
    ("a-support", Scope.SUPPORT, DAY2, None),  # written through the API, not the widget
]


async def given_measured_notes(session: AsyncSession) -> None:
    await given_directory(session)
    for author, scope, at, creation_ms in MEASURED:
        session.add(
            Note(
                customer_id="c-1",
                author_id=author,
                subject="s",
                body="b",
                category=NoteCategory.GENERAL,
                type=NoteType.INTERACTION_LOG,
                scope=scope,
                creation_ms=creation_ms,
                created_at=at,
                updated_at=at,
            )
        )
    await session.flush()


async def _report(
    session: AsyncSession, view: PolicyView, group: CreationGroup
) -> list[CreationTimes]:
    page = await creation_times_page(
        session, view, group, WINDOW, NoteFilter(), PageRequest(size=100)
    )
    return page.items


async def test_average_and_p90_per_agent(session: AsyncSession) -> None:
    await given_measured_notes(session)
    admin = await ctx_for("a-admin")
    report = await _report(session, admin.view, CreationGroup.AGENT)
    assert report == [
        CreationTimes("a-sales", 10, 5_500.0, 9_000),
        CreationTimes("a-support", 2, 30_000.0, 40_000),
    ]


async def test_per_day_and_only_readable_notes(session: AsyncSession) -> None:
    await given_measured_notes(session)
    admin, sales = await ctx_for("a-admin"), await ctx_for("a-sales")
    by_day = await _report(session, admin.view, CreationGroup.DAY)
    assert [(row.key, row.notes, row.p90_ms) for row in by_day] == [
        ("2001-03-01", 10, 9_000),
        ("2001-03-02", 2, 40_000),
    ]
    # Sales cannot read support notes, so their times are not in its report.
    by_agent = await _report(session, sales.view, CreationGroup.AGENT)
    assert [row.key for row in by_agent] == ["a-sales"]
