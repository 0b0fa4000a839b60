"""The `classify` backfill: label the notes and interactions whose automatic labels are due.

Due: a record with a label still null, or automatic labels made by another model version than
the current one (with `redo_all`: every record with an automatic label). A record whose two
labels an agent set is never due. Each batch is one transaction that re-reads its rows locked,
so an override or an edit committed meanwhile wins: the agent's label is kept, and a record
whose text changed since it was classified is left to the label its edit wrote. A re-labelled
live note gets a search-outbox row so the index follows, and its report rollup rows move from
the old labels to the new in the batch's transaction (one upsert a batch). Records are walked
by id, so a stopped run resumes where it was, and a run with nothing due writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from intelligence.labels import Classification, LabelSource
from store import labels, outbox, rollup
from store.models import Interaction, Note
from store.note_reads import tags_by_note_ids
from store.sealing import opened_column

Record = type[Note] | type[Interaction]


@dataclass(frozen=True, slots=True)
class Pending:
    """One due record and the text it is classified by."""

    id: str
    # None: a sealed note whose text does not open (counted as failed, left due).
    text: str | None


def _body(model: Record) -> InstrumentedAttribute[str | None]:
    return Note.body if model is Note else Interaction.detail


def due(model: Record, model_version: str, *, redo_all: bool) -> ColumnElement[bool]:
    """A WHERE clause on `model`: records the backfill labels."""
    # Spelled out with IS NULL: a comparison with a null source is null, and NOT null too.
    not_both_agent = or_(
        model.sentiment_source.is_(None),
        model.sentiment_source != LabelSource.AGENT,
        model.urgency_source.is_(None),
        model.urgency_source != LabelSource.AGENT,
    )
    missing = or_(
        model.sentiment.is_(None),
        model.urgency.is_(None),
        model.classifier_version.is_(None),
    )
    automatic = or_(
        model.sentiment_source == LabelSource.AUTO, model.urgency_source == LabelSource.AUTO
    )
    stale = and_(automatic, model.classifier_version != model_version)
    wanted = automatic if redo_all else or_(missing, stale)
    return and_(not_both_agent, wanted)


async def count_due(
    session: AsyncSession, model: Record, model_version: str, *, redo_all: bool
) -> int:
    """How many records of `model` are due."""
    query = (
        select(func.count()).select_from(model).where(due(model, model_version, redo_all=redo_all))
    )
    return int(await session.scalar(query) or 0)


async def due_batch(
    session: AsyncSession,
    model: Record,
    model_version: str,
    *,
    redo_all: bool,
    after: str | None,
    limit: int,
) -> list[Pending]:
    """The next due records after id `after`, in id order, with their text."""
    query = (
        select(model.id, model.subject, _body(model))
        .where(due(model, model_version, redo_all=redo_all))
        .order_by(model.id)
        .limit(limit)
    )
    if after is not None:
        query = query.where(model.id > after)
    rows = await session.execute(query)
    if model is not Note:
        return [Pending(row[0], labels.text_of(row[1], row[2])) for row in rows]
    # A column select reads a sealed note's tokens: open them (the ORM load would do it).
    pending = []
    for row_id, subject, body in rows:
        opened = (
            opened_column(session, row_id, "subject", subject),
            opened_column(session, row_id, "body", body),
        )
        readable = all(value is not None for value in opened)
        pending.append(Pending(row_id, labels.text_of(*opened) if readable else None))
    return pending


async def save_batch(
    session: AsyncSession,
    model: Record,
    results: Sequence[tuple[Pending, Classification]],
    now: datetime,
) -> int:
    """Store the suggestions of one batch (agent labels kept); returns how many records changed."""
    if not results:
        return 0
    locked = await session.scalars(
        select(model)
        .where(model.id.in_([pending.id for pending, _ in results]))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    by_id = {record.id: record for record in cast("list[Note | Interaction]", list(locked))}
    # A note's tags say which rollup rows it is counted in (the handoff tag): read once.
    tags = await tags_by_note_ids(session, list(by_id)) if model is Note else {}
    moved: list[rollup.Change] = []
    changed = 0
    for pending, result in results:
        record = by_id.get(pending.id)
        if record is None:
            continue
        text = labels.text_of(record.subject, _text(record))
        if text != pending.text:
            continue  # edited meanwhile: the edit labelled its own text
        counted = (
            rollup.Counted.of(record, tags.get(record.id, ())) if isinstance(record, Note) else None
        )
        if labels.apply(record, result, now):
            changed += 1
            await session.flush()
            if isinstance(record, Note):
                moved.append((counted, rollup.Counted.of(record, tags.get(record.id, ()))))
                if record.deleted_at is None:
                    await outbox.enqueue_note(session, record)
    await rollup.recount_many(session, moved)
    return changed


def _text(record: Note | Interaction) -> str | None:
    return record.body if isinstance(record, Note) else record.detail
