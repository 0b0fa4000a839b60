"""Note rows → search documents, with the customer attributes the permission filters need.

A document carries the note's scope and tags plus its customer's branch, partner and assigned
agents, so the caller's reach is a filter inside the search query, never a check afterwards.
A deleted (or vanished) note becomes a tombstone: a content-free document that keeps its
version, so an older upsert arriving late can never bring the note back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.crypto import is_sealed
from search.fields import FIELDS
from store.models import Customer, CustomerAssignment, Note, NoteTag, SearchOutbox
from store.note_reads import tags_by_note_ids

# Low bits of a document's version that order the writes of one note version (see
# `index_version`); outbox ids stay far below 2**40.
SEQUENCE_BITS = 40


@dataclass(frozen=True, slots=True)
class NoteDocument:
    """One note as both backends index it; `deleted` documents carry no content.

    Its fields are those of `search.fields.FIELDS`, and `version` is an `index_version`.
    """

    note_id: str
    version: int
    deleted: bool = False
    subject: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()
    scope: str | None = None
    type: str | None = None
    category: str | None = None
    importance: str | None = None
    sentiment: str | None = None
    urgency: str | None = None
    pinned: bool = False
    author_id: str | None = None
    customer_id: str | None = None
    branch_id: str | None = None
    partner_id: str | None = None
    assigned_agents: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def tombstone(cls, note_id: str, version: int) -> NoteDocument:
        """The document of a deleted note at `version`."""
        return cls(note_id=note_id, version=version, deleted=True)

    def source(self) -> dict[str, Any]:
        """The OpenSearch `_source`: every field of `search.fields.FIELDS` (a tombstone's only)."""
        return {
            field.name: _encoded(getattr(self, field.name))
            for field in FIELDS
            if field.tombstone or not self.deleted
        }


def _encoded(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def index_version(note_version: int, sequence: int = 0) -> int:
    """The external version a document is written with: the note's version, then `sequence`.

    `sequence` is the id of the outbox row that asked for the write (0 for a rebuild). A note
    re-queued because its customer moved keeps its version, so without the sequence the
    re-index would be refused as stale; with it, the later request wins and a replay of the
    same request is still stale.
    """
    return (note_version << SEQUENCE_BITS) | sequence


def note_version_of(version: int) -> int:
    """The note's own version inside a document's `index_version`."""
    return version >> SEQUENCE_BITS


# Plain column rows, not ORM entities: building identity-mapped objects cost more than the
# whole rest of a rebuild's read side.
_NOTE_COLUMNS = (
    Note.id,
    Note.version,
    Note.deleted_at,
    Note.subject,
    Note.body,
    Note.scope,
    Note.type,
    Note.category,
    Note.importance,
    Note.sentiment,
    Note.urgency,
    Note.pinned,
    Note.author_id,
    Note.customer_id,
    Note.created_at,
    Note.updated_at,
)


@dataclass(frozen=True, slots=True)
class _CustomerFacts:
    """What a note's permission filters need from its customer."""

    branch_id: str | None
    partner_id: str | None
    agents: tuple[str, ...]


async def _customer_facts(
    session: AsyncSession, customer_ids: set[str]
) -> dict[str, _CustomerFacts]:
    customers = {
        row.id: (row.branch_id, row.partner_id)
        for row in await session.execute(
            select(Customer.id, Customer.branch_id, Customer.partner_id).where(
                Customer.id.in_(customer_ids)
            )
        )
    }
    agents: dict[str, list[str]] = defaultdict(list)
    for customer_id, agent_id in await session.execute(
        select(CustomerAssignment.customer_id, CustomerAssignment.agent_id)
        .where(CustomerAssignment.customer_id.in_(customer_ids))
        .order_by(CustomerAssignment.agent_id)
    ):
        if agent_id not in agents[customer_id]:
            agents[customer_id].append(agent_id)
    return {
        customer_id: _CustomerFacts(*customers[customer_id], tuple(agents[customer_id]))
        for customer_id in customers
    }


async def _tags_in_range(session: AsyncSession, low: str, high: str) -> dict[str, list[str]]:
    """Tags of every note with `low < id <= high`: a primary-key range scan, no IN list."""
    tags: dict[str, list[str]] = defaultdict(list)
    for note_id, tag in await session.execute(
        select(NoteTag.note_id, NoteTag.tag)
        .where(NoteTag.note_id > low, NoteTag.note_id <= high)
        .order_by(NoteTag.note_id, NoteTag.tag)
    ):
        tags[note_id].append(tag)
    return tags


_NO_CUSTOMER = _CustomerFacts(None, None, ())


def _documents(
    notes: Sequence[Row[*tuple[Any, ...]]],
    tags: dict[str, list[str]],
    customers: dict[str, _CustomerFacts],
    sequences: Mapping[str, int] | None = None,
) -> list[NoteDocument]:
    documents = []
    for note in notes:
        version = index_version(note.version, sequences.get(note.id, 0) if sequences else 0)
        if note.deleted_at is not None:
            documents.append(NoteDocument.tombstone(note.id, version))
            continue
        customer = customers.get(note.customer_id, _NO_CUSTOMER)
        documents.append(
            NoteDocument(
                note_id=note.id,
                version=version,
                # A sealed note is indexed without its text (README "Encryption at rest").
                subject="" if is_sealed(note.subject) else note.subject,
                body="" if is_sealed(note.body) else note.body,
                tags=tuple(tags.get(note.id, ())),
                scope=note.scope.value,
                type=note.type.value,
                category=note.category.value,
                importance=note.importance.value,
                sentiment=note.sentiment.value if note.sentiment else None,
                urgency=note.urgency.value if note.urgency else None,
                pinned=note.pinned,
                author_id=note.author_id,
                customer_id=note.customer_id,
                branch_id=customer.branch_id,
                partner_id=customer.partner_id,
                assigned_agents=customer.agents,
                created_at=note.created_at,
                updated_at=note.updated_at,
            )
        )
    return documents


async def load_documents(
    session: AsyncSession, sequences: Mapping[str, int]
) -> dict[str, NoteDocument]:
    """The current document of each note id in `sequences` that still has a row (deleted ones
    as tombstones), versioned with its sequence (see `index_version`)."""
    if not sequences:
        return {}
    notes = list(await session.execute(select(*_NOTE_COLUMNS).where(Note.id.in_(set(sequences)))))
    tags = await tags_by_note_ids(session, [note.id for note in notes])
    customers = await _customer_facts(session, {note.customer_id for note in notes})
    documents = _documents(notes, tags, customers, sequences)
    return {document.note_id: document for document in documents}


async def count_live_notes(sessions: async_sessionmaker[AsyncSession]) -> int:
    """How many notes a full rebuild will index."""
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(Note).where(Note.deleted_at.is_(None))
        )
    return int(count or 0)


async def iter_live_documents(
    sessions: async_sessionmaker[AsyncSession],
    batch_size: int,
    *,
    changed_since: datetime | None = None,
) -> AsyncIterator[list[NoteDocument]]:
    """Every live note's document in id order, in batches (keyset paging, no long cursor).

    With `changed_since`, every note updated or queued for the index since then instead,
    deleted ones included (a note re-queued because its customer moved is not "updated").
    """
    # A customer's branch, partner and agents are read once per pass, not once per batch:
    # batches share customers, and the IN lists cost more than the notes themselves.
    known: dict[str, _CustomerFacts] = {}
    last_id = ""
    while True:
        statement = (
            select(*_NOTE_COLUMNS).where(Note.id > last_id).order_by(Note.id).limit(batch_size)
        )
        if changed_since is None:
            statement = statement.where(Note.deleted_at.is_(None))
        else:
            queued = select(SearchOutbox.note_id).where(SearchOutbox.enqueued_at >= changed_since)
            statement = statement.where(or_(Note.updated_at >= changed_since, Note.id.in_(queued)))
        async with sessions() as session:
            notes = list(await session.execute(statement))
            if not notes:
                return
            if changed_since is None:
                # A full pass covers the id range densely: scan its tags by key range.
                tags = await _tags_in_range(session, last_id, notes[-1].id)
            else:
                tags = await tags_by_note_ids(session, [note.id for note in notes])
            missing = {note.customer_id for note in notes} - known.keys()
            if missing:
                known.update(await _customer_facts(session, missing))
            sequences = (
                await _queued_since(session, [note.id for note in notes], changed_since)
                if changed_since is not None
                else None
            )
        yield _documents(notes, tags, known, sequences)
        last_id = notes[-1].id


async def _queued_since(
    session: AsyncSession, note_ids: list[str], since: datetime
) -> dict[str, int]:
    """Each note's newest outbox row since `since`: a catch-up write must outrank the
    rebuild's own (sequence 0) even when only the note's customer changed."""
    rows = await session.execute(
        select(SearchOutbox.note_id, func.max(SearchOutbox.id))
        .where(SearchOutbox.note_id.in_(note_ids), SearchOutbox.enqueued_at >= since)
        .group_by(SearchOutbox.note_id)
    )
    return {note_id: int(sequence) for note_id, sequence in rows}
