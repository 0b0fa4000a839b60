"""Note mutations: create, update (optimistic version), retag, delete and restore."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import duplicate_writes, note_writes
from resolvers.context import Info
from resolvers.writes import Outcome
from schema.changed_customer import customer_field
from schema.duplicates import ALLOW_DUPLICATE, DuplicateNote
from schema.enums import Importance, NoteCategory, NoteType, RefKind, Scope
from schema.follow_ups import FollowUpInput
from schema.mutation_input import argument_name, deprecated_argument, one_input
from schema.mutation_inputs import DeleteNoteInput, RestoreNoteInput, TagNoteInput, UntagNoteInput
from schema.node import CUSTOMER, parse_id, parse_ref_id
from schema.notes import Note
from schema.user_errors import UserError
from store import note_fields
from store.note_drafts import NoteDraft, NotePatch
from store.note_reads import NoteRow


@strawberry.input(description="A new note. The body is markdown; HTML in it is sanitised.")
class CreateNoteInput:
    customer_id: strawberry.ID
    subject: str = strawberry.field(description="At most 300 characters.")
    body: str = strawberry.field(description="Markdown, at most 100 000 characters.")
    category: NoteCategory
    type: NoteType
    scope: Scope = strawberry.field(description="One of the scopes the caller may write.")
    tags: list[str] = strawberry.field(default_factory=list)
    importance: Importance | None = None
    pinned: bool = False
    ref_kind: RefKind | None = strawberry.field(
        default=None, description="The kind of upstream record it is about."
    )
    ref_id: str | None = None
    creation_ms: int | None = strawberry.field(
        default=None, description="Open-to-save time measured by the notes widget."
    )
    follow_up: FollowUpInput | None = None
    idempotency_key: str | None = strawberry.field(
        default=None,
        description=(
            "A key the client picks once per note it means to create (a UUID fits; 8-100 "
            "letters, digits or - _ . :). Sending the same input with the same key again "
            "returns the note the first request created instead of a second note; the same "
            "key with a different note is a CONFLICT on idempotencyKey."
        ),
    )
    allow_duplicate: bool = strawberry.field(default=False, description=ALLOW_DUPLICATE)

    def to_draft(self) -> NoteDraft:
        """The store's draft."""
        return NoteDraft(
            **note_fields.values_of(self),
            customer_id=parse_id(self.customer_id, CUSTOMER, "input.customerId"),
            ref_kind=self.ref_kind.value if self.ref_kind else None,
            ref_id=parse_ref_id(
                self.ref_kind.value if self.ref_kind else None, self.ref_id, "input.refId"
            ),
            creation_ms=self.creation_ms,
            follow_up=self.follow_up.to_draft() if self.follow_up else None,
            idempotency_key=self.idempotency_key,
        )


@strawberry.input(description="Changes to a note; omitted fields stay as they are.")
class UpdateNoteInput:
    id: strawberry.ID
    expected_version: int = strawberry.field(
        description="The version the client edited; a newer one makes this a CONFLICT."
    )
    subject: str | None = None
    body: str | None = None
    category: NoteCategory | None = None
    type: NoteType | None = None
    scope: Scope | None = None
    importance: Importance | None = None
    pinned: bool | None = None
    tags: list[str] | None = strawberry.field(
        default=None, description="The complete new tag list."
    )

    def to_patch(self) -> NotePatch:
        """The store's patch: every editable field as sent (None leaves it as it is)."""
        return NotePatch(**note_fields.values_of(self))


@strawberry.type
class NotePayload:
    note: Note | None
    errors: list[UserError]
    changed_customer_id: strawberry.Private[str | None] = None
    customer = customer_field()
    duplicates: list[DuplicateNote] = strawberry.field(
        default_factory=list,
        description="createNote refused with DUPLICATE_SUSPECTED: the recent notes (that the "
        "caller reads) it nearly repeats, most alike first. Empty otherwise.",
    )

    @classmethod
    def from_outcome(
        cls, outcome: Outcome[NoteRow], duplicates: list[DuplicateNote] | None = None
    ) -> NotePayload:
        """Build from a resolver outcome."""
        row = outcome.value
        return cls(
            note=Note.from_record(row) if row else None,
            errors=UserError.from_records(outcome.errors),
            changed_customer_id=row.note.customer_id if row else None,
            duplicates=duplicates or [],
        )


_ID = Annotated[
    strawberry.ID | None, strawberry.argument(deprecation_reason=deprecated_argument("id"))
]
_TAGS = Annotated[
    list[str] | None, strawberry.argument(deprecation_reason=deprecated_argument("tags"))
]


@strawberry.type
class NoteMutation:
    @strawberry.mutation(
        description="Write a note; its audit and search-outbox rows commit with it. A near-copy "
        "of a recent note of the customer is refused (DUPLICATE_SUSPECTED, with `duplicates`) "
        "unless `allowDuplicate` is true."
    )
    async def create_note(self, info: Info, input: CreateNoteInput) -> NotePayload | None:
        checked = await duplicate_writes.create_note(
            info, input.to_draft(), allow_duplicate=input.allow_duplicate
        )
        return NotePayload.from_outcome(checked.outcome, DuplicateNote.list_of(checked.duplicates))

    @strawberry.mutation(description="Edit a note; the previous values go to its history.")
    async def update_note(self, info: Info, input: UpdateNoteInput) -> NotePayload | None:
        outcome = await note_writes.resolve_update_note(
            info, parse_id(input.id, "Note", "input.id"), input.expected_version, input.to_patch()
        )
        return NotePayload.from_outcome(outcome)

    @strawberry.mutation(description="Add tags to a note (normalised: trimmed, lower-case).")
    async def tag_note(
        self, info: Info, input: TagNoteInput | None = None, id: _ID = None, tags: _TAGS = None
    ) -> NotePayload | None:
        given = one_input(
            input,
            {"id": id, "tags": tags},
            lambda old: TagNoteInput(id=old["id"], tags=old["tags"]),
        )
        note_id = parse_id(given.id, "Note", argument_name(input, "id"))
        return NotePayload.from_outcome(
            await note_writes.resolve_retag_note(info, note_id, given.tags, ())
        )

    @strawberry.mutation(description="Remove tags from a note.")
    async def untag_note(
        self, info: Info, input: UntagNoteInput | None = None, id: _ID = None, tags: _TAGS = None
    ) -> NotePayload | None:
        given = one_input(
            input,
            {"id": id, "tags": tags},
            lambda old: UntagNoteInput(id=old["id"], tags=old["tags"]),
        )
        note_id = parse_id(given.id, "Note", argument_name(input, "id"))
        return NotePayload.from_outcome(
            await note_writes.resolve_retag_note(info, note_id, (), given.tags)
        )

    @strawberry.mutation(
        description="Soft-delete a note; restoreNote brings it back. The payload shows it "
        "with `deleted: true`; nothing else shows it any more."
    )
    async def delete_note(
        self, info: Info, input: DeleteNoteInput | None = None, id: _ID = None
    ) -> NotePayload | None:
        given = one_input(input, {"id": id}, lambda old: DeleteNoteInput(id=old["id"]))
        return NotePayload.from_outcome(
            await note_writes.resolve_delete_note(
                info, parse_id(given.id, "Note", argument_name(input, "id"))
            )
        )

    @strawberry.mutation(description="Restore a soft-deleted note.")
    async def restore_note(
        self, info: Info, input: RestoreNoteInput | None = None, id: _ID = None
    ) -> NotePayload | None:
        given = one_input(input, {"id": id}, lambda old: RestoreNoteInput(id=old["id"]))
        return NotePayload.from_outcome(
            await note_writes.resolve_restore_note(
                info, parse_id(given.id, "Note", argument_name(input, "id"))
            )
        )
