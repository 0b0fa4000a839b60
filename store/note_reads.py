"""Reads of notes with the caller's visibility in the WHERE clause: lists, lookups, tags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.view import PolicyView
from store.enums import NoteCategory, NoteType, Scope
from store.models import Note, NoteTag
from store.visibility import readable_notes

MAX_NOTES_PER_CUSTOMER = 200


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """Optional narrowing of a note list; hashable so loaders can be keyed by it."""

    category: NoteCategory | None = None
    type: NoteType | None = None
    scope: Scope | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 50

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_NOTES_PER_CUSTOMER:
            raise Invalid(f"`first` must be between 1 and {MAX_NOTES_PER_CUSTOMER}", field="first")
        if self.since and self.until and self.since > self.until:
            raise Invalid("`from` is after `to`", field="from")

    def clauses(self) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `Note`."""
        clauses: list[ColumnElement[bool]] = []
        if self.category is not None:
            clauses.append(Note.category == self.category)
        if self.type is not None:
            clauses.append(Note.type == self.type)
        if self.scope is not None:
            clauses.append(Note.scope == self.scope)
        if self.tag is not None:
            clauses.append(Note.id.in_(select(NoteTag.note_id).where(NoteTag.tag == self.tag)))
        if self.since is not None:
            clauses.append(Note.created_at >= self.since)
        if self.until is not None:
            clauses.append(Note.created_at <= self.until)
        return clauses


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note with its tags, as the API shows it."""

    note: Note
    tags: tuple[str, ...] = field(default=())


async def tags_by_note_ids(session: AsyncSession, note_ids: Sequence[str]) -> dict[str, list[str]]:
    """Tags of each note, sorted; one query for the whole batch."""
    tags: dict[str, list[str]] = defaultdict(list)
    if not note_ids:
        return tags
    rows = await session.execute(
        select(NoteTag.note_id, NoteTag.tag)
        .where(NoteTag.note_id.in_(set(note_ids)))
        .order_by(NoteTag.note_id, NoteTag.tag)
    )
    for note_id, tag in rows:
        tags[note_id].append(tag)
    return tags


async def _with_tags(session: AsyncSession, notes: Sequence[Note]) -> list[NoteRow]:
    tags = await tags_by_note_ids(session, [note.id for note in notes])
    return [NoteRow(note, tuple(tags.get(note.id, ()))) for note in notes]


def _visible(view: PolicyView) -> Select[Note]:
    return select(Note).where(readable_notes(view))


async def notes_by_ids(
    session: AsyncSession, view: PolicyView, ids: Sequence[str]
) -> list[NoteRow | None]:
    """Notes in key order; None for a note that does not exist for the caller."""
    if not ids:
        return []
    notes = list(await session.scalars(_visible(view).where(Note.id.in_(set(ids)))))
    rows = {row.note.id: row for row in await _with_tags(session, notes)}
    return [rows.get(note_id) for note_id in ids]


async def notes_by_customer_ids(
    session: AsyncSession,
    view: PolicyView,
    customer_ids: Sequence[str],
    note_filter: NoteFilter,
) -> list[list[NoteRow]]:
    """Each customer's visible notes, pinned first then newest, in one query for the batch."""
    if not customer_ids:
        return []
    rank = (
        func.row_number()
        .over(
            partition_by=Note.customer_id,
            order_by=(Note.pinned.desc(), Note.created_at.desc(), Note.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(Note.id, rank)
        .where(
            readable_notes(view), Note.customer_id.in_(set(customer_ids)), *note_filter.clauses()
        )
        .subquery()
    )
    statement = (
        select(Note)
        .join(ranked, ranked.c.id == Note.id)
        .where(ranked.c.rank <= note_filter.limit)
        .order_by(Note.customer_id, ranked.c.rank)
    )
    notes = list(await session.scalars(statement))
    by_customer: dict[str, list[NoteRow]] = defaultdict(list)
    for row in await _with_tags(session, notes):
        by_customer[row.note.customer_id].append(row)
    return [by_customer.get(customer_id, []) for customer_id in customer_ids]


async def notes_by_refs(
    session: AsyncSession, view: PolicyView, refs: Sequence[tuple[str, str]]
) -> list[list[NoteRow]]:
    """Visible notes about each upstream record (kind, id), newest first, in one query."""
    if not refs:
        return []
    ids = {ref_id for _, ref_id in refs}
    notes = list(
        await session.scalars(
            _visible(view)
            .where(Note.ref_id.in_(ids))
            .order_by(Note.created_at.desc(), Note.id.desc())
        )
    )
    by_ref: dict[tuple[str, str], list[NoteRow]] = defaultdict(list)
    for row in await _with_tags(session, notes):
        if row.note.ref_kind is not None and row.note.ref_id is not None:
            by_ref[(row.note.ref_kind, row.note.ref_id)].append(row)
    return [by_ref.get(ref, []) for ref in refs]


async def count_notes_by_customer_ids(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[int]:
    """How many notes of each customer the caller can see; counts obey the same filter."""
    if not customer_ids:
        return []
    rows = await session.execute(
        select(Note.customer_id, func.count())
        .where(readable_notes(view), Note.customer_id.in_(set(customer_ids)))
        .group_by(Note.customer_id)
    )
    counts = {customer_id: count for customer_id, count in rows}
    return [counts.get(customer_id, 0) for customer_id in customer_ids]
