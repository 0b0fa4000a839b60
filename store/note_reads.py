"""Reads of notes with the caller's visibility in the WHERE clause: lists, lookups, tags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from intelligence.labels import Sentiment, Urgency
from policies.view import PolicyView
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.keyset import CappedPage, Keyset, keyset_pages
from store.models import Note, NoteTag
from store.note_page_statements import customer_first_pages, customer_pages_rows
from store.note_records import NoteRecord, note_record
from store.page_cursors import LazyCursors
from store.pagination import Page, PageRequest
from store.sealing import read_sealer
from store.visibility import readable_notes

# A customer's notes: pinned first, then newest (ix_notes_customer_keyset).
CUSTOMER_NOTES = Keyset(
    "notes", (Note.pinned, Note.created_at, Note.id), (bool, datetime, str), descending=True
)
# A customer's notes, most important first, then pinned, then newest. A customer's notes are
# few enough that ix_notes_customer_keyset's customer prefix bounds the sort (no own index).
CUSTOMER_NOTES_BY_IMPORTANCE = Keyset(
    "notes-importance",
    (Note.importance_rank, Note.pinned, Note.created_at, Note.id),
    (int, bool, datetime, str),
    descending=True,
)
# A customer's notes are counted up to this many (then totalCountCapped): counting every
# note of a 100,000-note customer cost more than its page.
NOTES_COUNT_CAP = 1000
# Notes about an upstream record: newest first (ix_notes_ref_keyset).
REF_NOTES = Keyset("ref-notes", (Note.created_at, Note.id), (datetime, str), descending=True)


class NoteOrder(StrEnum):
    """How a customer's notes are ordered."""

    PINNED_NEWEST = "pinned_newest"
    IMPORTANCE = "importance"


KEYSETS = {
    NoteOrder.PINNED_NEWEST: CUSTOMER_NOTES,
    NoteOrder.IMPORTANCE: CUSTOMER_NOTES_BY_IMPORTANCE,
}


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """Optional narrowing of any list or report of notes (the API's one `NoteFilter`);
    hashable so loaders can be keyed by it. `tags` are normalised; `all_tags` asks for every
    tag instead of any."""

    customer_id: str | None = None
    author_id: str | None = None
    category: NoteCategory | None = None
    type: NoteType | None = None
    scope: Scope | None = None
    importance: Importance | None = None
    sentiments: tuple[Sentiment, ...] = ()
    urgencies: tuple[Urgency, ...] = ()
    tags: tuple[str, ...] = ()
    all_tags: bool = False
    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise Invalid("`from` is after `to`", field="from")

    def clauses(self) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `Note`."""
        clauses: list[ColumnElement[bool]] = []
        for column, value in (
            (Note.customer_id, self.customer_id),
            (Note.author_id, self.author_id),
            (Note.category, self.category),
            (Note.type, self.type),
            (Note.scope, self.scope),
            (Note.importance, self.importance),
        ):
            if value is not None:
                clauses.append(column == value)
        if self.sentiments:
            clauses.append(Note.sentiment.in_(self.sentiments))
        if self.urgencies:
            clauses.append(Note.urgency.in_(self.urgencies))
        wanted = [(tag,) for tag in self.tags] if self.all_tags else [self.tags]
        for tags in wanted if self.tags else []:
            tagged = select(NoteTag.note_id).where(NoteTag.tag.in_(tags))
            clauses.append(Note.id.in_(tagged))
        if self.since is not None:
            clauses.append(Note.created_at >= self.since)
        if self.until is not None:
            clauses.append(Note.created_at < self.until)  # half-open, as every range
        return clauses


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note (an ORM entity, or a read's frozen record) with its tags, as the API shows it."""

    note: Note | NoteRecord
    tags: tuple[str, ...] = field(default=())


# Built once: the ids are an expanding parameter (every page of every request reads tags).
_TAGS = (
    select(NoteTag.note_id, NoteTag.tag)
    .where(NoteTag.note_id.in_(bindparam("note_ids", expanding=True)))
    .order_by(NoteTag.note_id, NoteTag.tag)
)


async def tags_by_note_ids(session: AsyncSession, note_ids: Sequence[str]) -> dict[str, list[str]]:
    """Tags of each note, sorted; one query for the whole batch."""
    tags: dict[str, list[str]] = defaultdict(list)
    if not note_ids:
        return tags
    rows = await session.execute(_TAGS, {"note_ids": sorted(set(note_ids))})
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
    request: PageRequest,
    order: NoteOrder = NoteOrder.PINNED_NEWEST,
) -> list[Page[NoteRow]]:
    """A page of each customer's visible notes in `order` (pinned first then newest, or most
    important first), for the batch."""
    clauses = note_filter.clauses()
    keyset = KEYSETS[order]
    postgresql = session.bind is not None and session.bind.dialect.name == "postgresql"
    if postgresql and request.cursor is None and not request.backward:
        # The first page, the one nearly every request asks for: one round trip.
        return await _first_pages(
            session, view, customer_ids, clauses, note_filter, keyset, request
        )
    where = [readable_notes(view), Note.customer_id.in_(set(customer_ids)), *clauses]
    prepared = (
        customer_pages_rows(view, customer_ids, clauses, note_filter, keyset, request)
        if postgresql
        else None
    )
    pages = await keyset_pages(
        session,
        Note,
        where,
        keyset,
        request,
        partition=(Note.customer_id,),
        parents=[(customer_id,) for customer_id in customer_ids],
        cap=NOTES_COUNT_CAP,
        prepared=prepared,
    )
    return await _pages_with_tags(session, pages)


async def _first_pages(
    session: AsyncSession,
    view: PolicyView,
    customer_ids: Sequence[str],
    clauses: Sequence[ColumnElement[bool]],
    note_filter: NoteFilter,
    keyset: Keyset,
    request: PageRequest,
) -> list[Page[NoteRow]]:
    cap = NOTES_COUNT_CAP
    statement, params = customer_first_pages(
        view, customer_ids, clauses, note_filter, keyset, request.size, cap
    )
    grouped: dict[str, list[NoteRow]] = defaultdict(list)
    counts: dict[str, int] = {}
    sealer = read_sealer(session)
    # Core rows on the session's connection (no ORM entities): frozen records.
    connection = await session.connection()
    for row in await connection.execute(statement, params):
        note = note_record(row, sealer)
        grouped[note.customer_id].append(NoteRow(note, tuple(row[-1] or ())))
        counts[note.customer_id] = row[-2]
    pages: list[Page[NoteRow]] = []
    for customer_id in customer_ids:
        rows = grouped.get(customer_id, [])
        total = counts.get(customer_id, 0)
        shown = rows[: request.size]
        pages.append(
            CappedPage(
                items=shown,
                cursors=LazyCursors(shown, lambda row: keyset.encode(row.note)),
                has_next_page=len(rows) > request.size,
                total_count=total if cap is None else min(total, cap),
                total_capped=cap is not None and total > cap,
            )
        )
    return pages


async def notes_by_refs(
    session: AsyncSession,
    view: PolicyView,
    refs: Sequence[tuple[str, str]],
    request: PageRequest,
    note_filter: NoteFilter | None = None,
) -> list[Page[NoteRow]]:
    """A page of the visible notes about each upstream record (kind, id), newest first."""
    where = [
        readable_notes(view),
        Note.ref_kind.in_({kind for kind, _ in refs}),
        Note.ref_id.in_({ref_id for _, ref_id in refs}),
        *(note_filter.clauses() if note_filter else ()),
    ]
    pages = await keyset_pages(
        session,
        Note,
        where,
        REF_NOTES,
        request,
        partition=(Note.ref_kind, Note.ref_id),
        parents=list(refs),
    )
    return await _pages_with_tags(session, pages)


async def _pages_with_tags(session: AsyncSession, pages: list[Page[Note]]) -> list[Page[NoteRow]]:
    tags = await tags_by_note_ids(session, [note.id for page in pages for note in page.items])
    # `replace` keeps what else the page carries (a capped count's flag).
    return [
        replace(
            cast(Page[Any], page), items=[NoteRow(n, tuple(tags.get(n.id, ()))) for n in page.items]
        )
        for page in pages
    ]


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
