"""Report lists that can grow, paged as connections: notes per agent per day, note creation
times and the QA review.

Each report is a GROUP BY over the caller's readable notes; its groups are paged by their
text key in ascending order (agent id, then day), so a cursor is the last group's key and the
next page is one row-value comparison on the grouped rows, never an OFFSET.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Subquery, case, distinct, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.view import PolicyView
from store.accuracy import corrected
from store.enums import NoteCategory
from store.models import Note, NoteTag
from store.note_reads import NoteFilter
from store.pagination import Page, PageRequest, decode_cursor, encode_cursor
from store.reports import (
    MAX_SAMPLE,
    AgentDay,
    AgentReview,
    CreationGroup,
    CreationTimes,
    ReportWindow,
    day_of,
    samples_of,
)
from store.visibility import readable_notes


def _where(
    view: PolicyView, window: ReportWindow, note_filter: NoteFilter
) -> list[ColumnElement[bool]]:
    return [
        readable_notes(view),
        Note.created_at >= window.since,
        Note.created_at < window.until,
        *note_filter.clauses(),
    ]


async def _groups(
    session: AsyncSession, grouped: Subquery, keys: Sequence[str], tag: str, request: PageRequest
) -> tuple[list[Any], list[str], bool, int]:
    """One page of `grouped` by its text `keys` ascending: rows, cursors, more, total."""
    total = await session.scalar(select(func.count()).select_from(grouped))
    columns = [grouped.c[key] for key in keys]
    query = select(grouped)
    if request.cursor is not None:
        field = request.cursor_field
        got, *last = decode_cursor(request.cursor, (str, *(str,) * len(keys)), field=field)
        if got != tag:
            raise Invalid("cursor is not valid for this report", field=field)
        query = query.where(tuple_(*columns) > tuple_(*last))
    rows = list(await session.execute(query.order_by(*columns).limit(request.size + 1)))
    items = rows[: request.size]
    cursors = [encode_cursor(tag, *(str(getattr(row, key)) for key in keys)) for row in items]
    return items, cursors, len(rows) > request.size, int(total or 0)


async def agent_day_page(
    session: AsyncSession,
    view: PolicyView,
    window: ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
) -> Page[AgentDay]:
    """Readable notes created per agent per UTC day, by agent then day."""
    day = day_of(session, Note.created_at).label("day")
    grouped = (
        select(Note.author_id.label("agent"), day, func.count(Note.id).label("n"))
        .where(*_where(view, window, note_filter))
        .group_by(Note.author_id, day)
        .subquery()
    )
    rows, cursors, more, total = await _groups(
        session, grouped, ("agent", "day"), "report:agent-day", request
    )
    return Page(
        items=[AgentDay(row.agent, str(row.day), int(row.n)) for row in rows],
        cursors=cursors,
        has_next_page=more,
        has_previous_page=request.cursor is not None,
        total_count=total,
    )


async def creation_times_page(
    session: AsyncSession,
    view: PolicyView,
    group: CreationGroup,
    window: ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
) -> Page[CreationTimes]:
    """Average and p90 creation time of readable measured notes, per agent or UTC day.

    p90 is the nearest rank (the smallest time at or above 90% of the group), computed with
    window functions so SQLite and PostgreSQL agree without a percentile aggregate.
    """
    key: Any = Note.author_id if group is CreationGroup.AGENT else day_of(session, Note.created_at)
    measured = (
        select(
            key.label("key"),
            Note.creation_ms.label("ms"),
            func.row_number().over(partition_by=key, order_by=Note.creation_ms).label("rank"),
            func.count(Note.id).over(partition_by=key).label("n"),
            func.avg(Note.creation_ms).over(partition_by=key).label("mean"),
        )
        .where(*_where(view, window, note_filter), Note.creation_ms.is_not(None))
        .subquery()
    )
    # ceil(0.9 n) in integer arithmetic.
    p90_rank = (measured.c.n * 9 + 9) // 10
    grouped = (
        select(measured.c.key, measured.c.n, measured.c.mean, measured.c.ms)
        .where(measured.c.rank == p90_rank)
        .subquery()
    )
    rows, cursors, more, total = await _groups(
        session, grouped, ("key",), f"report:creation-{group.value}", request
    )
    return Page(
        items=[CreationTimes(str(r.key), int(r.n), float(r.mean), int(r.ms)) for r in rows],
        cursors=cursors,
        has_next_page=more,
        has_previous_page=request.cursor is not None,
        total_count=total,
    )


async def qa_review_page(
    session: AsyncSession,
    view: PolicyView,
    window: ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
    *,
    sample_size: int = 5,
) -> Page[AgentReview]:
    """Per agent: volume against the daily target, completeness, edits, recent notes."""
    if not 0 <= sample_size <= MAX_SAMPLE:
        raise Invalid(f"`sampleSize` must be between 0 and {MAX_SAMPLE}", field="sampleSize")
    visible = _where(view, window, note_filter)
    has_tag = Note.id.in_(select(NoteTag.note_id))
    grouped = (
        select(
            Note.author_id.label("agent"),
            func.count(Note.id).label("notes"),
            func.count(distinct(day_of(session, Note.created_at))).label("days"),
            func.sum(case((has_tag, 1), else_=0)).label("tagged"),
            func.sum(case((Note.category != NoteCategory.GENERAL, 1), else_=0)).label(
                "categorised"
            ),
            func.sum(case((Note.version > 1, 1), else_=0)).label("edited"),
            func.sum(case((corrected(session), 1), else_=0)).label("corrected"),
        )
        .where(*visible)
        .group_by(Note.author_id)
        .subquery()
    )
    rows, cursors, more, total = await _groups(session, grouped, ("agent",), "report:qa", request)
    agents = [row.agent for row in rows]
    samples = await samples_of(session, [*visible, Note.author_id.in_(agents)], sample_size)
    return Page(
        items=[
            AgentReview(
                agent_id=row.agent,
                notes=int(row.notes),
                active_days=int(row.days),
                window_days=window.days,
                tagged=int(row.tagged or 0),
                categorised=int(row.categorised or 0),
                edited=int(row.edited or 0),
                corrected=int(row.corrected or 0),
                sample=samples.get(row.agent, []),
            )
            for row in rows
        ],
        cursors=cursors,
        has_next_page=more,
        has_previous_page=request.cursor is not None,
        total_count=total,
    )
