"""Dashboard reports computed by the database (GROUP BY), never by loading rows into Python.

Every note report composes `readable_notes(view)` into its WHERE, so a count never includes a
note the caller could not read itself (the interaction report: store/interaction_reads.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.view import PolicyView
from store import rollup_reads
from store.keyset import CappedPage
from store.models import Note, NoteTag
from store.note_reads import NoteFilter, NoteRow, tags_by_note_ids
from store.pagination import PageRequest, decode_cursor, encode_cursor
from store.visibility import readable_notes

MAX_ROWS = 1_000
MAX_SPAN = timedelta(days=3 * 366)
# PRODUCT.md: QA expects each agent to write 15 to 20 notes per working day.
TARGET_NOTES_PER_DAY = (15, 20)
MAX_SAMPLE = 20
# A rank hint in a report cursor beyond this is forged (no report has that many groups).
MAX_RANK = 10_000_000
# Grouped by CUSTOMER the groups are counted up to this many (then this many, capped): a
# store's customers can number a million, and the search engine counts exactly only the
# groups it returns (it returns at least this many, search/report_aggregation.py).
GROUP_COUNT_CAP = 1_000


class NoteGroup(StrEnum):
    """What a note report counts by."""

    TYPE = "type"
    CATEGORY = "category"
    SCOPE = "scope"
    AGENT = "agent"
    CUSTOMER = "customer"
    DAY = "day"
    TAG = "tag"
    SENTIMENT = "sentiment"
    URGENCY = "urgency"


class CreationGroup(StrEnum):
    """What note creation times are summarised by."""

    AGENT = "agent"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class ReportWindow:
    """The time range of a report: half-open (`since` <= t < `until`), sane span."""

    since: datetime
    until: datetime

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise Invalid("`from` is after `to`", field="from")
        if self.until - self.since > MAX_SPAN:
            raise Invalid("a report spans at most three years", field="from")

    @property
    def days(self) -> int:
        """Calendar days the window touches (`until` itself is outside it)."""
        last = self.until - timedelta(microseconds=1)
        return max((last.date() - self.since.date()).days + 1, 1)


# A note report narrows with the one note filter of every list of notes.
NoteReportFilter = NoteFilter


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One group of a report; `key` is None for records that leave the grouped field empty."""

    key: str | None
    count: int


@dataclass(frozen=True, slots=True)
class AgentDay:
    """Notes one agent created on one (UTC) day."""

    agent_id: str
    day: str
    count: int


@dataclass(frozen=True, slots=True)
class CreationTimes:
    """Widget-measured note creation time (open to saved) over one agent's or day's notes."""

    key: str
    notes: int
    average_ms: float
    p90_ms: int


@dataclass(frozen=True, slots=True)
class AgentReview:
    """The QA view of one agent's notes over a window."""

    agent_id: str
    notes: int
    active_days: int
    window_days: int
    tagged: int
    categorised: int
    edited: int
    sample: list[NoteRow]
    # Notes whose classification an edit corrected soon after creation (store.accuracy).
    corrected: int = 0

    @property
    def accuracy(self) -> float:
        """Share of the notes never corrected (1.0 for no notes: nothing was wrong)."""
        return (self.notes - self.corrected) / self.notes if self.notes else 1.0

    @property
    def notes_per_active_day(self) -> float:
        """Average notes on the days the agent wrote any."""
        return self.notes / self.active_days if self.active_days else 0.0

    @property
    def within_target(self) -> bool:
        """True if the daily average is inside the 15-20 target."""
        low, high = TARGET_NOTES_PER_DAY
        return low <= self.notes_per_active_day <= high


def day_of(session: AsyncSession, column: Any) -> ColumnElement[str]:
    """The UTC calendar day of a timestamp column as 'YYYY-MM-DD', per dialect."""
    if session.get_bind().dialect.name == "postgresql":
        # Literals, not bound parameters: PostgreSQL must see SELECT and GROUP BY as one
        # expression, and two parameters ($1, $2) would make them different.
        utc = func.timezone(literal_column("'UTC'"), column)
        return func.to_char(utc, literal_column("'YYYY-MM-DD'"))
    # SQLite keeps UTC text 'YYYY-MM-DD HH:MM:SS…' (store.models.base.UTCDateTime).
    return func.date(column)


def _key(session: AsyncSession, group: NoteGroup) -> Any:
    return {
        NoteGroup.TYPE: Note.type,
        NoteGroup.CATEGORY: Note.category,
        NoteGroup.SCOPE: Note.scope,
        NoteGroup.AGENT: Note.author_id,
        NoteGroup.CUSTOMER: Note.customer_id,
        NoteGroup.DAY: day_of(session, Note.created_at),
        NoteGroup.TAG: NoteTag.tag,
        NoteGroup.SENTIMENT: Note.sentiment,
        NoteGroup.URGENCY: Note.urgency,
    }[group]


async def _rows(session: AsyncSession, statement: Executable) -> list[ReportRow]:
    return [
        ReportRow(None if key is None else str(key), int(count))
        for key, count in await session.execute(statement)
    ]


# Which rollup rows a group sums and by which of their columns (store/rollup_reads.py); 'note'
# rows hold every live note once, keyed by nothing else. A label change (the classifier on a
# write, an override, the `classify` backfill) moves the note's label rows in its own
# transaction like any edit, so SENTIMENT and URGENCY are summed too. CUSTOMER is always a
# scan: a year of per-customer rows is about as many rows as the year has notes.
ROLLUP_GROUPS = {
    NoteGroup.TYPE: ("type", "key"),
    NoteGroup.CATEGORY: ("category", "key"),
    NoteGroup.AGENT: ("agent", "key"),
    NoteGroup.TAG: ("tag", "key"),
    NoteGroup.SCOPE: ("note", "scope"),
    NoteGroup.DAY: ("note", "period"),
    NoteGroup.SENTIMENT: ("sentiment", "key"),
    NoteGroup.URGENCY: ("urgency", "key"),
}


def scan_groups(
    session: AsyncSession,
    view: PolicyView,
    group: NoteGroup,
    report_filter: NoteReportFilter,
    since: datetime,
    until: datetime,
) -> Select[Any]:
    """(key, n): readable notes created in [since, until) counted per group, from the notes."""
    key = _key(session, group).label("key")
    statement = select(key, func.count(Note.id).label("n")).select_from(Note)
    if group is NoteGroup.TAG:
        statement = statement.join(NoteTag, NoteTag.note_id == Note.id)
    return statement.where(
        readable_notes(view),
        Note.created_at >= since,
        Note.created_at < until,
        *report_filter.clauses(),
    ).group_by(key)


async def groups_of_notes(
    session: AsyncSession,
    view: PolicyView,
    group: NoteGroup,
    report_filter: NoteReportFilter,
    since: datetime,
    until: datetime,
    note_ids: frozenset[str],
) -> dict[str, int]:
    """`scan_groups` over just these notes (key → count; the empty group left out): what the
    search index cannot count yet, for the notes whose latest change it does not hold."""
    if not note_ids:
        return {}
    statement = scan_groups(session, view, group, report_filter, since, until)
    rows = await session.execute(statement.where(Note.id.in_(sorted(note_ids))))
    return {str(key): int(n) for key, n in rows if key is not None}


def effective_window(
    window: ReportWindow, report_filter: NoteReportFilter
) -> tuple[datetime, datetime]:
    """[since, until): the report's window narrowed by the filter's own `from`/`to`."""
    since = max(window.since, report_filter.since or window.since)
    return since, min(window.until, report_filter.until or window.until)


def report_groups(
    session: AsyncSession,
    view: PolicyView,
    group: NoteGroup,
    window: ReportWindow,
    report_filter: NoteReportFilter,
) -> Select[Any]:
    """(key, n) per group over the window: from the rollup where it answers exactly (see
    store/rollup_reads.py), else by scanning the readable notes."""
    since, until = effective_window(window, report_filter)
    dim, by = ROLLUP_GROUPS.get(group, (None, "key"))
    if dim is None or not rollup_reads.answerable(view, dim, report_filter):
        return scan_groups(session, view, group, report_filter, since, until)

    def scan(start: datetime, end: datetime) -> Select[Any]:
        return scan_groups(session, view, group, report_filter, start, end)

    return rollup_reads.grouped_rows(view, dim, by, since, until, report_filter, scan)


def report_tag(group: NoteGroup) -> str:
    """The tag in the cursors of a note report grouped by `group`."""
    return f"report:{group.value}"


@dataclass(frozen=True, slots=True)
class ReportCursor:
    """Where a page of a report ordered largest first ended: the last group's count and key
    ("" for the empty group), and its 1-based rank when the search engine answered (a hint
    for how many groups to ask it for next; the scan ignores it)."""

    count: int
    key: str
    rank: int | None = None


def report_cursor(request: PageRequest, group: NoteGroup) -> ReportCursor | None:
    """The request's cursor of a report ordered largest first; INVALID if it is not one."""
    if request.cursor is None:
        return None
    field = request.cursor_field
    try:
        got, count, key, hint = decode_cursor(request.cursor, (str, int, str, int), field=field)
        rank: int | None = int(hint)
    except Invalid:
        got, count, key = decode_cursor(request.cursor, (str, int, str), field=field)
        rank = None
    if got != report_tag(group) or (rank is not None and not 0 < int(rank) <= MAX_RANK):
        raise Invalid("cursor is not valid for this report", field=field)
    return ReportCursor(int(count), str(key), None if rank is None else int(rank))


async def note_report(
    session: AsyncSession,
    view: PolicyView,
    group: NoteGroup,
    window: ReportWindow,
    report_filter: NoteReportFilter,
    request: PageRequest,
) -> CappedPage[ReportRow]:
    """A page of counts of readable notes per group, largest first (days in date order); the
    cursor is the last group's (count, key), so paging runs in SQL over the grouped rows. By
    CUSTOMER the groups are counted up to GROUP_COUNT_CAP (`total_capped` past it)."""
    # One statement for the page and the number of groups: the groups are read once (a CTE
    # named twice is computed once on PostgreSQL), not once for the count and again for the page.
    grouped = report_groups(session, view, group, window, report_filter).cte("grouped")
    capped = group is NoteGroup.CUSTOMER
    counted = select(grouped.c.n).limit(GROUP_COUNT_CAP + 1).subquery() if capped else grouped
    groups = select(func.count()).select_from(counted).scalar_subquery()
    # An empty group (key None) sorts as "" on every dialect, and keys in byte order (SQLite's
    # BINARY; "C" on PostgreSQL, whatever the database's collation): the order the search
    # engine's terms aggregation gives (search/report_aggregation.py), so cursors cross over.
    name: ColumnElement[str] = func.coalesce(grouped.c.key, "")
    count = grouped.c.n
    if session.get_bind().dialect.name == "postgresql":
        name = name.collate("C")
    tag = report_tag(group)
    by_day = group is NoteGroup.DAY
    query = select(grouped.c.key, count, groups.label("groups"))
    if request.cursor is not None:
        if by_day:
            field = request.cursor_field
            got, last_name = decode_cursor(request.cursor, (str, str), field=field)
            if got != tag:
                raise Invalid("cursor is not valid for this report", field=field)
            query = query.where(name > last_name)
        else:
            last = report_cursor(request, group)
            assert last is not None
            query = query.where(or_(count < last.count, and_(count == last.count, name > last.key)))
    order = (name,) if by_day else (count.desc(), name)
    found = (await session.execute(query.order_by(*order).limit(request.size + 1))).all()
    rows = [ReportRow(None if key is None else str(key), int(n)) for key, n, _ in found]
    # Past the last group no row carries the count: read it alone.
    total = found[0][2] if found else await session.scalar(select(groups))
    items = rows[: request.size]
    total = int(total or 0)
    return CappedPage(
        items=items,
        cursors=[
            encode_cursor(tag, row.key or "")
            if by_day
            else encode_cursor(tag, row.count, row.key or "")
            for row in items
        ],
        has_next_page=len(rows) > request.size,
        has_previous_page=request.cursor is not None,
        total_count=min(total, GROUP_COUNT_CAP) if capped else total,
        total_capped=capped and total > GROUP_COUNT_CAP,
    )


async def samples_of(
    session: AsyncSession, visible: list[ColumnElement[bool]], size: int
) -> dict[str, list[NoteRow]]:
    """The `size` newest notes of each author among `visible`."""
    if size == 0:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=Note.author_id, order_by=(Note.created_at.desc(), Note.id.desc()))
        .label("rank")
    )
    ranked = select(Note.id, rank).where(*visible).subquery()
    notes = list(
        await session.scalars(
            select(Note)
            .join(ranked, ranked.c.id == Note.id)
            .where(ranked.c.rank <= size)
            .order_by(Note.author_id, ranked.c.rank)
        )
    )
    tags = await tags_by_note_ids(session, [note.id for note in notes])
    grouped: dict[str, list[NoteRow]] = defaultdict(list)
    for note in notes:
        grouped[note.author_id].append(NoteRow(note, tuple(tags.get(note.id, ()))))
    return grouped
