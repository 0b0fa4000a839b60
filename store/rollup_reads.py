"""noteReport answered from `note_rollups` under the caller's same permission filter.

The rollup holds each live note once per UTC day and month, under its customer's branch and
partner, its scope and whether it is handed off: exactly what `readable_notes` tests, so a
caller reaching everyone, branches or a partner is answered by summing rows. Whole months of
the window come from month rows, whole days around them from day rows, and the partial first
and last day (a window not on midnight) from the notes themselves, with `readable_notes`: the
hours of the edge day inside the window when they are under half of it, else the day row less
the hours outside (at most half a day of notes read per edge).

What the rollup cannot answer goes to the scan (store/reports.py): grouping by CUSTOMER; a
filter on customer, importance or tags, or on an author, type, category, sentiment or urgency
other than the grouped one; and callers reaching assigned customers or only themselves (their
reach is a list of customers, not a key of the rollup; it is small, so the scan is cheap for
them), and callers reaching both branches and a partner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.models import Note, NoteRollup
from store.note_reads import NoteFilter
from store.rollup import (
    DAY,
    EVERY,
    LABEL_DIMS,
    MONTH,
    NO_BRANCH,
    NO_LABEL,
    NO_PARTNER,
    day_text,
)
from store.visibility import note_visibility

# Filters the rollup answers when the report groups by the same field.
SAME_FIELD = {"author_id": "agent", "type": "type", "category": "category"}
# The same for the label filters, which take a list of labels.
SAME_LABELS = {"sentiments": "sentiment", "urgencies": "urgency"}


@dataclass(frozen=True, slots=True)
class Span:
    """A window cut for the rollup: whole days and months in it, partial days for the scan."""

    months: tuple[str, str] | None  # 'YYYY-MM' first, last-exclusive
    days: list[tuple[str, str]]  # 'YYYY-MM-DD' ranges, last-exclusive
    partial: list[tuple[datetime, datetime]]  # ranges of the notes to scan and add
    # Ranges of the notes to scan and take away: an edge day mostly inside the window is
    # summed whole from its day row, less the notes of its hours outside the window.
    outside: list[tuple[datetime, datetime]] = field(default_factory=list)


def _midnight(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _month_start(day: datetime) -> datetime:
    return day.replace(day=1)


def _next_month(day: datetime) -> datetime:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def cut(since: datetime, until: datetime, *, months: bool) -> Span:
    """Split [since, until) into whole months (if `months`), whole days and partial days.

    An edge day the window covers for more than half is counted whole (its day row) less the
    notes of its hours outside the window; one covered for less is scanned: either way the
    notes read from the table are at most half a day per edge."""
    if since >= until:
        return Span(None, [], [])
    first_day = _midnight(since)
    if first_day < since:
        first_day += timedelta(days=1)
    last_day = _midnight(until)
    if first_day >= last_day:
        return Span(None, [], [(since, until)])
    partial: list[tuple[datetime, datetime]] = []
    outside: list[tuple[datetime, datetime]] = []
    if since < first_day:
        day = first_day - timedelta(days=1)
        if since - day < first_day - since:
            outside.append((day, since))
            first_day = day
        else:
            partial.append((since, first_day))
    if until > last_day:
        day_end = last_day + timedelta(days=1)
        if day_end - until < until - last_day:
            outside.append((until, day_end))
            last_day = day_end
        else:
            partial.append((last_day, until))
    month_from = first_day if first_day.day == 1 else _next_month(first_day)
    month_to = _month_start(last_day)
    if not months or month_from >= month_to:
        return Span(None, [(day_text(first_day), day_text(last_day))], partial, outside)
    days = [
        (day_text(a), day_text(b))
        for a, b in ((first_day, month_from), (month_to, last_day))
        if a < b
    ]
    return Span((day_text(month_from)[:7], day_text(month_to)[:7]), days, partial, outside)


def answerable(view: PolicyView, dim: str | None, note_filter: NoteFilter) -> bool:
    """True if the rollup answers this report for this caller exactly."""
    reach = note_visibility(view).reach
    if dim is None or (not reach.everyone and (reach.assigned_agent or reach.customer)):
        return False
    if not reach.everyone and reach.branches and reach.partner is not None:
        return False  # branch rows and partner rows overlap: summing both counts twice
    if note_filter.customer_id or note_filter.importance or note_filter.tags:
        return False
    if any(getattr(note_filter, name) and dim != group for name, group in SAME_LABELS.items()):
        return False
    return all(
        getattr(note_filter, name) is None or dim == group for name, group in SAME_FIELD.items()
    )


def _readable(view: PolicyView) -> ColumnElement[bool]:
    """`readable_notes` on rollup rows: scope (or handoff scope and tag), branch or partner."""
    visibility = note_visibility(view)
    if visibility.nothing:
        return false()
    # Always a list of scopes, so each is one range of ix_note_rollups_reach_scope (scope
    # before period): the handoff scopes are in the list too, their tag tested on the row.
    listed = sorted(visibility.scopes | visibility.handoff_scopes)
    clauses: list[ColumnElement[bool]] = [NoteRollup.scope.in_(listed)]
    if visibility.handoff_scopes:
        clauses.append(
            or_(NoteRollup.scope.in_(sorted(visibility.scopes)), NoteRollup.handoff.is_(True))
        )
    # Every note is counted once under its branch (partner ''), once under EVERY, and once
    # more under its partner (branch '') if it has one (store.rollup.reaches).
    reach = visibility.reach
    if reach.everyone:
        # (The scope list leaves out the rows of scope '*'.)
        clauses += [NoteRollup.branch_id == EVERY, NoteRollup.partner_id == EVERY]
    elif reach.branches:
        clauses += [
            NoteRollup.branch_id.in_(sorted(reach.branches)),
            NoteRollup.partner_id == NO_PARTNER,
        ]
    elif reach.partner is not None:
        clauses += [NoteRollup.branch_id == NO_BRANCH, NoteRollup.partner_id == reach.partner]
    else:
        clauses.append(false())
    return and_(*clauses)


def _filters(dim: str, note_filter: NoteFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if note_filter.scope is not None:
        clauses.append(NoteRollup.scope == str(note_filter.scope))
    for name, group in SAME_FIELD.items():
        value = getattr(note_filter, name)
        if value is not None and group == dim:
            clauses.append(NoteRollup.key == str(value))
    for name, group in SAME_LABELS.items():
        labels = getattr(note_filter, name)
        if labels and group == dim:
            clauses.append(NoteRollup.key.in_(sorted(str(label) for label in labels)))
    return clauses


def grouped_rows(
    view: PolicyView,
    dim: str,
    by: str,
    since: datetime,
    until: datetime,
    note_filter: NoteFilter,
    scan: Any,
) -> Select[Any]:
    """(key, n) per group: rollup rows of the whole days and months in the window plus
    `scan(start, end)` — the notes' own GROUP BY — for its partial days (less the scan of
    the hours outside the window of an edge day summed whole).

    `by` is "key", "scope" or "period" (DAY groups sum the day rows by their period).
    """
    span = cut(since, until, months=by != "period")
    readable = _readable(view)
    if note_visibility(view).everything and note_filter.scope is None and by != "scope":
        # Every note is readable: the rows of every scope, one per period and key.
        readable = and_(
            NoteRollup.branch_id == EVERY,
            NoteRollup.partner_id == EVERY,
            NoteRollup.scope == EVERY,
        )
    where = [NoteRollup.dim == dim, readable, *_filters(dim, note_filter)]
    ranges = [(DAY, first, last) for first, last in span.days]
    if span.months is not None:
        ranges.append((MONTH, *span.months))
    key: Any = NoteRollup.key
    if dim in LABEL_DIMS:
        # Notes without the label are counted under '': the scan's group of them is null.
        key = func.nullif(NoteRollup.key, NO_LABEL)
    column = {"key": key, "scope": NoteRollup.scope, "period": NoteRollup.period}[by]
    # One SELECT per period range (not an OR of them), so each is a range scan of the key.
    parts: list[Any] = [
        select(column.label("key"), func.sum(NoteRollup.count).label("n"))
        .where(
            *where,
            NoteRollup.grain == grain,
            NoteRollup.period >= first,
            NoteRollup.period < last,
        )
        .group_by(column)
        for grain, first, last in ranges
    ]
    parts += [scan(start, end) for start, end in span.partial]
    for start, end in span.outside:
        taken = scan(start, end).subquery()
        parts.append(select(taken.c.key, (-taken.c.n).label("n")))
    if not parts:
        # An empty window: no rows, but a statement of the same shape (no aggregate, so no
        # GROUP BY is needed on PostgreSQL).
        parts.append(select(Note.id.label("key"), literal(0).label("n")).where(false()))
    both = union_all(*parts).subquery()
    total = func.sum(both.c.n)
    return select(both.c.key, total.label("n")).group_by(both.c.key).having(total > 0)


async def rollup_count(session: AsyncSession) -> int:
    """Rows in the rollup (for the benchmark's report)."""
    return int(await session.scalar(select(func.count()).select_from(NoteRollup)) or 0)
