"""Note rows → search documents, with the customer attributes the permission filters need.

A document carries the note's scope and tags plus its customer's branch, partner and assigned
agents, so the caller's reach is a filter inside the search query, never a check afterwards.
A deleted (or vanished) note becomes a tombstone: a content-free document that keeps its
version, so an older upsert arriving late can never bring the note back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.models import Customer, CustomerAssignment, Note, NoteTag
from store.note_reads import tags_by_note_ids


@dataclass(frozen=True, slots=True)
class NoteDocument:
    """One note as both backends index it; `deleted` documents carry no content."""

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
        """The OpenSearch `_source` (see search/mapping.py)."""
        if self.deleted:
            return {"note_id": self.note_id, "version": self.version, "deleted": True}
        return {
            "note_id": self.note_id,
            "version": self.version,
            "deleted": False,
            "subject": self.subject,
            "body": self.body,
            "tags": list(self.tags),
            "scope": self.scope,
            "type": self.type,
            "category": self.category,
            "importance": self.importance,
            "pinned": self.pinned,
            "author_id": self.author_id,
            "customer_id": self.customer_id,
            "branch_id": self.branch_id,
            "partner_id": self.partner_id,
            "assigned_agents": list(self.assigned_agents),
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


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
) -> list[NoteDocument]:
    documents = []
    for note in notes:
        if note.deleted_at is not None:
            documents.append(NoteDocument.tombstone(note.id, note.version))
            continue
        customer = customers.get(note.customer_id, _NO_CUSTOMER)
        documents.append(
            NoteDocument(
                note_id=note.id,
                version=note.version,
                subject=note.subject,
                body=note.body,
                tags=tuple(tags.get(note.id, ())),
                scope=note.scope.value,
                type=note.type.value,
                category=note.category.value,
                importance=note.importance.value,
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


async def load_documents(session: AsyncSession, note_ids: Sequence[str]) -> dict[str, NoteDocument]:
    """The current document of each note that still has a row (deleted ones as tombstones)."""
    if not note_ids:
        return {}
    notes = list(await session.execute(select(*_NOTE_COLUMNS).where(Note.id.in_(set(note_ids)))))
    tags = await tags_by_note_ids(session, [note.id for note in notes])
    customers = await _customer_facts(session, {note.customer_id for note in notes})
    return {document.note_id: document for document in _documents(notes, tags, customers)}


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

    With `changed_since`, every note updated since then instead, deleted ones included.
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
            statement = statement.where(Note.updated_at >= changed_since)
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
        yield _documents(notes, tags, known)
        last_id = notes[-1].id
