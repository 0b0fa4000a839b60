"""Notes: the Note type and its read fields."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry
from strawberry.scalars import JSON

from policies.decisions import can_link_record
from resolvers.context import Info
from resolvers.lists import history_page, ref_notes_page
from resolvers.notes import resolve_note
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.enums import Importance, NoteCategory, NoteType, RefKind, Scope
from schema.json_enums import SHOWN, shown_note_field
from schema.labels import (
    SENTIMENT_DESCRIPTION,
    URGENCY_DESCRIPTION,
    SentimentSuggestion,
    UrgencySuggestion,
)
from schema.node import Node, NodeID, compose_key, parse_id, raw_key
from schema.sealed import Sealed
from store import note_fields
from store.keyset import CappedPage
from store.labels import Labelled
from store.models import NoteRevision as NoteRevisionRow
from store.note_reads import NoteFilter as NoteFilterRow
from store.note_reads import NoteRow
from store.note_records import NoteRecord
from store.pagination import Page, page_request
from store.sealing import unreadable_fields

REF_KIND_VALUES = frozenset(kind.value for kind in RefKind)


@strawberry.type(description="One field changed by an edit. " + SHOWN)
class FieldChange:
    field: str
    before: JSON | None
    after: JSON | None


@strawberry.type(description="One edit of a note: who, when and what changed.")
class NoteRevision(Node):
    id: NodeID[str]  # composite: the note id and the version
    version: int = strawberry.field(description="The version the edit produced.")
    editor_id: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("editor"))
    edited_at: datetime
    changes: list[FieldChange]

    @strawberry.field(description=agent_field("Who made the edit."))
    async def editor(self, info: Info) -> Agent | None:
        return await named_agent(info, self.editor_id)

    @classmethod
    def from_record(cls, row: NoteRevisionRow) -> Self:
        """Build from a store revision."""
        fields = sorted(set(row.before) | set(row.after))
        return cls(
            id=compose_key(row.note_id, str(row.version)),
            version=row.version,
            editor_id=strawberry.ID(row.editor_id),
            edited_at=row.edited_at,
            changes=[
                FieldChange(
                    field=name,
                    before=shown_note_field(name, row.before.get(name)),
                    after=shown_note_field(name, row.after.get(name)),
                )
                for name in fields
            ],
        )


@strawberry.type(description="A note about a customer, visible to the roles that read its scope.")
class Note(Node):
    id: NodeID[str]
    note_id: strawberry.ID = raw_key("note")
    customer_id: strawberry.ID
    author_id: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("author"))
    subject: str = strawberry.field(extensions=[Sealed()])
    body: str = strawberry.field(
        description="Markdown; any HTML in it was sanitised on write.", extensions=[Sealed()]
    )
    category: NoteCategory
    type: NoteType
    scope: Scope
    importance: Importance
    pinned: bool
    tags: list[str]
    # The upstream link, shown by the fields below only to readers of that kind of record.
    stored_ref_kind: strawberry.Private[str | None]
    stored_ref_id: strawberry.Private[str | None]
    created_at: datetime
    updated_at: datetime
    version: int = strawberry.field(description="Pass it back to updateNote (optimistic lock).")
    deleted: bool = strawberry.field(
        default=False,
        description="True in deleteNote's payload and in `deletedNotes`: a deleted note is "
        "shown nowhere else.",
    )
    deleted_at: datetime | None = strawberry.field(default=None, description="When it was deleted.")
    # Fields whose stored value did not decrypt (store/sealing.py): answered by `Sealed`.
    unreadable: strawberry.Private[frozenset[str]] = frozenset()
    # The stored labels, shown as suggestions only when the query selects them.
    labels: strawberry.Private[Labelled | NoteRecord | None] = None

    @strawberry.field(description=SENTIMENT_DESCRIPTION)
    def sentiment(self) -> SentimentSuggestion | None:
        return SentimentSuggestion.of(self.labels) if self.labels is not None else None

    @strawberry.field(description=URGENCY_DESCRIPTION)
    def urgency(self) -> UrgencySuggestion | None:
        return UrgencySuggestion.of(self.labels) if self.labels is not None else None

    @classmethod
    def from_record(cls, row: NoteRow) -> Self:
        """Build from a store row with its tags."""
        note = row.note
        return cls(
            **note_fields.values_of(note, note_fields.COLUMNS),
            id=note.id,
            customer_id=strawberry.ID(note.customer_id),
            author_id=strawberry.ID(note.author_id),
            tags=list(row.tags),
            stored_ref_kind=note.ref_kind,
            stored_ref_id=note.ref_id,
            created_at=note.created_at,
            updated_at=note.updated_at,
            version=note.version,
            deleted=note.deleted_at is not None,
            deleted_at=note.deleted_at,
            unreadable=unreadable_fields(note),
            labels=note,
        )

    @strawberry.field(
        description="Kind of upstream record the note is about; null when the caller may not "
        "read that kind of record (invoices need financial rights)."
    )
    def ref_kind(self, info: Info) -> RefKind | None:
        kind = self.stored_ref_kind
        return RefKind(kind) if kind is not None and self._linked(info) else None

    def _linked(self, info: Info) -> bool:
        # The store writes only RefKind values; an unknown one is treated as no link.
        kind = self.stored_ref_kind
        return kind in REF_KIND_VALUES and can_link_record(info.context.policy, kind)

    @strawberry.field(description=agent_field("Who wrote the note."))
    async def author(self, info: Info) -> Agent | None:
        return await named_agent(info, self.author_id)

    @strawberry.field(description="Id of that upstream record; null exactly when `refKind` is.")
    def ref_id(self, info: Info) -> str | None:
        return self.stored_ref_id if self._linked(info) else None

    @strawberry.field(
        description=(
            "Edits of the note, newest first (with what each changed). An edit is listed only "
            "if the caller reads the scopes the note had before and after it: text written "
            "while the note was in a more private scope is never shown (nor counted). "
        )
        + PAGE_ARGUMENTS
    )
    async def history(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[NoteRevision]:
        page = await history_page(info, str(self.id), page_request(first, after, last, before))
        return Connection.of(page, NoteRevision.from_record)


@strawberry.type(
    name="NoteConnection",
    description=(
        "A page of notes; totalCount counts what the caller may see, exactly up to 1000 of a "
        "customer's notes (then 1000, with totalCountCapped)."
    ),
)
class NoteConnection(Connection[Note]):
    total_count_capped: bool = strawberry.field(
        default=False,
        description=(
            "True when the caller may see more of the customer's notes than are counted "
            "(1000): totalCount is then a lower bound, to be shown as e.g. '1000+'."
        ),
    )

    @classmethod
    def of_notes(cls, page: Page[NoteRow]) -> Self:
        """Build from a store page of notes (a capped count keeps its flag)."""
        connection = cls.of(page, Note.from_record)
        connection.total_count_capped = isinstance(page, CappedPage) and page.total_capped
        return connection


async def notes_about(
    info: Info,
    kind: str,
    ref_id: str,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    note_filter: NoteFilterRow | None = None,
) -> NoteConnection:
    """The notes about an upstream record the caller reads (Order.notes, Ticket.notes)."""
    request = page_request(first, after, last, before)
    page = await ref_notes_page(info, kind, ref_id, request, note_filter)
    return NoteConnection.of_notes(page)


@strawberry.type
class NoteQuery:
    @strawberry.field(description="One note, or null with NOT_FOUND if the caller cannot see it.")
    async def note(self, info: Info, id: strawberry.ID) -> Note | None:
        return Note.from_record(await resolve_note(info, parse_id(id, "Note", "id")))
