"""The deleted-notes root field: where a soft-deleted note is found again to restore it."""

from __future__ import annotations

import strawberry

from resolvers.context import Info
from resolvers.deleted_notes import resolve_deleted_notes
from schema.connections import PAGE_ARGUMENTS
from schema.note_filter import NoteFilter, parse_note_filter
from schema.notes import NoteConnection
from store.pagination import page_request


@strawberry.type
class DeletedNoteQuery:
    @strawberry.field(
        description=(
            "Soft-deleted notes the caller may restore with `restoreNote`, newest-deleted first "
            "(then by id), each with `deleted: true` and `deletedAt`. The same policy as "
            "`restoreNote`: roles that delete their own notes list their own deleted notes; "
            "roles that delete any note (manager, admin, owner) list every deleted note of the "
            "customers they reach in the scopes they read; anyone else gets an empty list. "
            "`filter.from`/`to` bound the creation time, like every note filter. "
        )
        + PAGE_ARGUMENTS
    )
    async def deleted_notes(
        self,
        info: Info,
        filter: NoteFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> NoteConnection | None:
        page = await resolve_deleted_notes(
            info, parse_note_filter(filter), page_request(first, after, last, before)
        )
        return NoteConnection.of_notes(page)
