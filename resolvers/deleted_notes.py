"""Resolver for the deleted-notes list (the notes the caller could restore)."""

from __future__ import annotations

from resolvers.access_audit import rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.deleted_notes import deleted_notes_page
from store.note_reads import NoteFilter, NoteRow
from store.pagination import Page, PageRequest


async def resolve_deleted_notes(
    info: Info, note_filter: NoteFilter, request: PageRequest
) -> Page[NoteRow]:
    """A page of the deleted notes the caller may restore; empty for a caller who may restore
    none (nothing about other deleted notes is revealed, not even that there are some)."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        page = await deleted_notes_page(session, info.context.policy, note_filter, request)
    rows_shown(info, page.items)
    return page
