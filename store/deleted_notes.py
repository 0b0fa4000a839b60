"""The deleted-notes list: soft-deleted notes the caller could restore, newest-deleted first.

A deleted note is shown nowhere else (`readable_notes` drops it); this list exists so a note can
be restored by someone who did not keep its id. It admits exactly the notes `restoreNote` would
bring back for the caller: a deleted note in a scope the caller reads, of a customer it reaches,
and either the caller's own (roles that delete their own notes) or anyone's (roles that delete
any note). A caller that may restore nothing gets an empty list.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, false
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from policies.vocabulary import Capability
from store.keyset import Keyset, keyset_page
from store.models import Note
from store.note_reads import NoteFilter, NoteRow, tags_by_note_ids
from store.pagination import Page, PageRequest
from store.visibility import reachable_customer_ids

# Newest-deleted first; deleted notes are few, so the customer and scope clauses bound the scan.
DELETED_NOTES = Keyset(
    "deleted-notes", (Note.deleted_at, Note.id), (datetime, str), descending=True
)


def restorable_deleted_notes(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Note`: the deleted notes `restore_note` would let the caller restore."""
    if not view.readable_scopes or view.reach.nobody:
        return false()
    clauses: list[ColumnElement[bool]] = [
        Note.deleted_at.is_not(None),
        Note.scope.in_(sorted(view.readable_scopes)),
        reachable_customer_ids(view),
    ]
    # The capabilities `can_delete_note` (the restore decision) reads: any note, or own ones.
    if not view.can(Capability.DELETE_ANY_NOTE):
        if not view.can(Capability.DELETE_OWN_NOTE):
            return false()
        clauses.append(Note.author_id == view.principal.subject)
    return and_(*clauses)


async def deleted_notes_page(
    session: AsyncSession, view: PolicyView, note_filter: NoteFilter, request: PageRequest
) -> Page[NoteRow]:
    """A page of the deleted notes the caller may restore, narrowed by the filter."""
    where = [restorable_deleted_notes(view), *note_filter.clauses()]
    page = await keyset_page(session, Note, where, DELETED_NOTES, request)
    tags = await tags_by_note_ids(session, [note.id for note in page.items])
    return Page(
        items=[NoteRow(note, tuple(tags.get(note.id, ()))) for note in page.items],
        cursors=page.cursors,
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        total_count=page.total_count,
    )
