"""The note report rollup kept exact: counted in each note write's own transaction, rebuilt
from the notes on demand.

A live note counts once per (dimension, grain) in `note_rollups`: as a note, under its type,
category, author, sentiment and urgency, and once per tag, for its UTC day and its UTC month,
filed under its customer's branch (and once more under its partner, if any, and once more under
EVERY, for callers reaching every customer), its scope and whether it carries the handoff tag:
what `readable_notes` filters on. A write computes how the note counted before and after and
adds the difference (a label override and the `classify` backfill are writes too:
store/label_writes.py, store/classify_backfill.py); a customer the CRM moves takes its notes'
counts to its new branch or partner in the sync's transaction. Updating in the write transaction
(rather than from the search-outbox drain) keeps every report exact the moment the write
commits; the cost is one small multi-row upsert per write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    delete,
    exists,
    false,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    text,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from core.progress import SILENT, Progress
from store.models import Customer, Note, NoteRollup, NoteTag
from store.visibility import HANDOFF_TAG

# The dimensions a row counts under, and the periods it is counted for.
DIMS = ("note", "type", "category", "agent", "tag", "sentiment", "urgency")
LABEL_DIMS = ("sentiment", "urgency")
DAY, MONTH = "day", "month"
GRAINS = (DAY, MONTH)
NO_PARTNER = NO_BRANCH = ""
# The branch and partner of the rows counting every customer's notes: a caller reaching
# everyone sums one row per (period, scope, handoff, key) instead of one per branch too (an
# AGENT report over wide data read as many branch rows as there were notes).
EVERY = "*"
# EVERY rows once more with scope EVERY (handoff false): every note of every scope, for callers
# who read everything (one row per period and key: 480 agents, not 480 x scopes x handoff).
# The one key of the "note" dimension (every live note once: SCOPE and DAY reports sum it).
NO_KEY = ""
# The key of a note without that label (null until classified): a key column cannot be null,
# and no label is ''. Reads give it back as null, the group the scan reports for those notes.
NO_LABEL = ""
# The rollup's primary key, in the order rows are upserted (a fixed order: no deadlocks).
KEY_COLUMNS = ("dim", "grain", "period", "branch_id", "partner_id", "scope", "handoff", "key")
REBUILD_TASK = "note rollups"

RowKey = tuple[str, str, str, str, str, str, bool, str]


def reaches(branch: str, partner: str) -> list[tuple[str, str]]:
    """The (branch_id, partner_id) pairs a note of this customer is counted under: by its
    branch (partner '') for callers reaching branches, by its partner (branch '') for partner
    callers, and under EVERY for callers reaching everyone, so none multiplies another's rows."""
    return [(branch, NO_PARTNER), (EVERY, EVERY), *([(NO_BRANCH, partner)] if partner else [])]


def day_text(moment: datetime) -> str:
    """The UTC day of a moment as 'YYYY-MM-DD'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


@dataclass(frozen=True, slots=True)
class Counted:
    """What of one note the rollup counts: its keys, and whether it is live."""

    live: bool
    created_at: datetime
    customer_id: str
    scope: str
    type: str
    category: str
    author_id: str
    tags: tuple[str, ...]
    sentiment: str
    urgency: str

    @classmethod
    def of(cls, note: Note, tags: Iterable[str]) -> Counted:
        """How `note` with `tags` counts now."""
        return cls(
            live=note.deleted_at is None,
            created_at=note.created_at,
            customer_id=note.customer_id,
            scope=str(note.scope),
            type=str(note.type),
            category=str(note.category),
            author_id=note.author_id,
            tags=tuple(sorted(set(tags))),
            sentiment=NO_LABEL if note.sentiment is None else str(note.sentiment),
            urgency=NO_LABEL if note.urgency is None else str(note.urgency),
        )

    def rows(self, branch: str, partner: str) -> Iterable[RowKey]:
        """The rollup rows this note adds one to (none when deleted)."""
        if not self.live:
            return
        handoff = HANDOFF_TAG in self.tags
        day = day_text(self.created_at)
        keyed = [("note", NO_KEY), ("type", self.type), ("category", self.category)]
        keyed.append(("agent", self.author_id))
        keyed += [("sentiment", self.sentiment), ("urgency", self.urgency)]
        keyed += [("tag", tag) for tag in self.tags]
        for grain, period in ((DAY, day), (MONTH, day[:7])):
            for dim, key in keyed:
                for reach_branch, reach_partner in reaches(branch, partner):
                    yield (
                        dim,
                        grain,
                        period,
                        reach_branch,
                        reach_partner,
                        self.scope,
                        handoff,
                        key,
                    )
                yield (dim, grain, period, EVERY, EVERY, EVERY, False, key)


async def _placements(session: AsyncSession, customer_ids: set[str]) -> dict[str, tuple[str, str]]:
    rows = await session.execute(
        select(Customer.id, Customer.branch_id, Customer.partner_id).where(
            Customer.id.in_(customer_ids)
        )
    )
    return {row.id: (row.branch_id, row.partner_id or NO_PARTNER) for row in rows}


Change = tuple[Counted | None, Counted | None]


async def recount(session: AsyncSession, before: Counted | None, after: Counted | None) -> None:
    """Move one note's counts from how it counted `before` a write to how it counts `after`."""
    await recount_many(session, [(before, after)])


async def recount_many(session: AsyncSession, changes: Sequence[Change]) -> None:
    """Move the counts of many notes (each `(before, after)`) in one upsert: a batch of the
    `classify` backfill relabels hundreds of notes in one transaction."""
    notes = [counted for change in changes for counted in change if counted is not None]
    if not notes:
        return
    placed = await _placements(session, {counted.customer_id for counted in notes})
    delta: Counter[RowKey] = Counter()
    for before, after in changes:
        for sign, counted in ((-1, before), (1, after)):
            if counted is not None and counted.customer_id in placed:
                for row in counted.rows(*placed[counted.customer_id]):
                    delta[row] += sign
    await _apply(session, delta)


async def _apply(session: AsyncSession, delta: Counter[RowKey]) -> None:
    """Add `delta` to the rollup rows, in key order (rows left at 0 stay; reads skip them)."""
    rows = [
        dict(zip(KEY_COLUMNS, key, strict=True)) | {"count": change}
        for key, change in sorted(delta.items())
        if change
    ]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(NoteRollup)
    statement = statement.values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=list(KEY_COLUMNS),
            set_={"count": NoteRollup.count + statement.excluded["count"]},
        )
    )


async def move_customers(session: AsyncSession, customer_ids: set[str], sign: int) -> None:
    """Take these customers' live notes out of the rollup (-1) or put them back (+1), under
    the branch and partner the customers have now: around a CRM sync that moves them."""
    if not customer_ids:
        return
    delta: Counter[RowKey] = Counter()
    where = Note.customer_id.in_(customer_ids)
    for statement in counting_selects(session.get_bind().dialect.name, where):
        for row in await session.execute(statement):
            dim, grain, period, branch, partner, scope, handoff, key, count = row
            text_key = (str(dim), str(grain), str(period), str(branch), str(partner), str(scope))
            delta[(*text_key, bool(handoff), str(key))] += sign * int(count)
    await _apply(session, delta)


def label_key(column: Any) -> ColumnElement[str]:
    """A label column as a rollup key: its value, or NO_LABEL for a note not labelled."""
    return func.coalesce(type_coerce(column, String), literal(NO_LABEL, String))


def _period(dialect: str, grain: str) -> ColumnElement[str]:
    if dialect == "postgresql":
        utc = func.timezone(literal_column("'UTC'"), Note.created_at)
        pattern = "'YYYY-MM-DD'" if grain == DAY else "'YYYY-MM'"
        return func.to_char(utc, literal_column(pattern))
    # SQLite keeps UTC text 'YYYY-MM-DD HH:MM:SS…' (store.models.base.UTCDateTime).
    return func.substr(Note.created_at, 1, 10 if grain == DAY else 7)


def counting_selects(dialect: str, *where: ColumnElement[bool]) -> list[Select[Any]]:
    """One GROUP BY per (dimension, grain) over the live notes matching `where`, each row a
    rollup row (KEY_COLUMNS, count) as the notes stand now."""
    marks = NoteTag.__table__.alias("handoff_marks")
    handoff = exists(
        select(marks.c.note_id).where(marks.c.note_id == Note.id, marks.c.tag == HANDOFF_TAG)
    ).correlate(Note)
    keys: dict[str, Any] = {
        "note": literal(NO_KEY, String),
        "type": Note.type,
        "category": Note.category,
        "agent": Note.author_id,
        "tag": NoteTag.tag,
        "sentiment": label_key(Note.sentiment),
        "urgency": label_key(Note.urgency),
    }
    by_branch = (Customer.branch_id, literal(NO_PARTNER, String), true())
    by_partner = (literal(NO_BRANCH, String), Customer.partner_id, Customer.partner_id.is_not(None))
    by_every = (literal(EVERY, String), literal(EVERY, String), true())
    selects = []
    for (dim, grain), (branch, partner, counted) in product(
        product(DIMS, GRAINS), (by_branch, by_partner, by_every)
    ):
        # Per note first, grouped outside: PostgreSQL must see one expression per column.
        per_note = (
            select(
                _period(dialect, grain).label("period"),
                branch.label("branch_id"),
                partner.label("partner_id"),
                Note.scope.label("scope"),
                handoff.label("handoff"),
                keys[dim].label("key"),
            )
            .select_from(Note)
            .join(Customer, Customer.id == Note.customer_id)
            .where(Note.deleted_at.is_(None), counted, *where)
        )
        if dim == "tag":
            per_note = per_note.join(NoteTag, NoteTag.note_id == Note.id)
        notes = per_note.subquery()
        columns = [notes.c[name] for name in KEY_COLUMNS[2:]]
        selects.append(
            select(
                literal(dim, String), literal(grain, String), *columns, func.count().label("n")
            ).group_by(*columns)
        )
    return selects


async def rebuild(connection: AsyncConnection, progress: Progress = SILENT) -> int:
    """Recount the whole rollup from the notes in the connection's transaction, set-based;
    returns the rows written. Writers wait for it (the table is locked on PostgreSQL; SQLite
    has one writer), so no concurrent write is counted twice or lost.

    Three statements whatever the store's size: the day rows of the note, type, category, agent,
    sentiment and urgency dimensions in one pass over the notes, the tag day rows in one
    pass over the tags, then the month rows summed from the day rows. (Twenty GROUP BYs per
    month of notes took ~576 s per million notes: each re-joined every customer.)"""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        await connection.execute(text("LOCK TABLE note_rollups IN EXCLUSIVE MODE"))
        # The day rows' hash aggregate stays in memory at ten million notes.
        await connection.execute(text("SET LOCAL work_mem = '256MB'"))
    await connection.execute(delete(NoteRollup))
    steps = (*day_selects(dialect), month_select())
    progress.start(REBUILD_TASK, len(steps))
    written = 0
    target = [NoteRollup.__table__.c[name] for name in (*KEY_COLUMNS, "count")]
    for statement in steps:
        result = await connection.execute(insert(NoteRollup).from_select(target, statement))
        written += max(result.rowcount or 0, 0)
        progress.advance(REBUILD_TASK)
    progress.finish(REBUILD_TASK)
    return written


def _constant_rows(name: str, values: Sequence[str]) -> Any:
    """A one-column table of constant rows, as a subquery both dialects accept."""
    rows = [select(literal(value, String).label(name)) for value in values]
    return union_all(*rows).subquery(f"{name}s")


def day_selects(dialect: str) -> list[Select[Any]]:
    """The day rows of every dimension (KEY_COLUMNS, count) as the live notes stand: each note
    crossed with the dimensions it counts under and the reaches it is filed under."""
    marks = NoteTag.__table__.alias("handoff_marks")
    reach = _constant_rows("reach", ("branch", "partner", "every", "all"))
    by_branch, by_all = reach.c.reach == "branch", reach.c.reach == "all"
    by_every = or_(reach.c.reach == "every", by_all)
    every = literal(EVERY, String)
    branch = case(
        (by_branch, Customer.branch_id), (by_every, every), else_=literal(NO_BRANCH, String)
    )
    partner = case(
        (by_branch, literal(NO_PARTNER, String)), (by_every, every), else_=Customer.partner_id
    )
    scope = case((by_all, every), else_=Note.scope)
    handoff = case((by_all, false()), else_=marks.c.note_id.is_not(None))
    dims = _constant_rows("dim", ("note", "type", "category", "agent", *LABEL_DIMS))
    keyed = case(
        (dims.c.dim == "type", Note.type),
        (dims.c.dim == "category", Note.category),
        (dims.c.dim == "agent", Note.author_id),
        (dims.c.dim == "sentiment", label_key(Note.sentiment)),
        (dims.c.dim == "urgency", label_key(Note.urgency)),
        else_=literal(NO_KEY, String),
    )
    statements = []
    by_dim: tuple[tuple[Any, Any, bool], ...] = (
        (dims.c.dim, keyed, False),
        (literal("tag", String), NoteTag.tag, True),
    )
    for dim, key, tagged in by_dim:
        per_note = (
            select(
                dim.label("dim"),
                _period(dialect, DAY).label("period"),
                branch.label("branch_id"),
                partner.label("partner_id"),
                scope.label("scope"),
                handoff.label("handoff"),
                key.label("key"),
            )
            .select_from(Note)
            .join(Customer, Customer.id == Note.customer_id)
            .outerjoin(marks, and_(marks.c.note_id == Note.id, marks.c.tag == HANDOFF_TAG))
            .join(reach, or_(reach.c.reach != "partner", Customer.partner_id.is_not(None)))
            .where(Note.deleted_at.is_(None))
        )
        per_note = (
            per_note.join(NoteTag, NoteTag.note_id == Note.id)
            if tagged
            else per_note.join(dims, true())
        )
        notes = per_note.subquery()
        columns = [notes.c[name] for name in ("dim", *KEY_COLUMNS[2:])]
        statements.append(
            select(columns[0], literal(DAY, String), *columns[1:], func.count()).group_by(*columns)
        )
    return statements


def month_select() -> Select[Any]:
    """The month rows summed from the day rows (a month is its days: 'YYYY-MM-DD'[:7])."""
    month = func.substr(NoteRollup.period, 1, 7)
    keys = [NoteRollup.__table__.c[name] for name in KEY_COLUMNS[3:]]
    return (
        select(NoteRollup.dim, literal(MONTH, String), month, *keys, func.sum(NoteRollup.count))
        .where(NoteRollup.grain == DAY)
        .group_by(NoteRollup.dim, month, *keys)
    )
