"""Resolvers for reading notes."""

from __future__ import annotations

from datetime import datetime

from core.errors import NotFound
from policies.decisions import can_read_revision
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.enums import NoteCategory, NoteType, Scope
from store.models import NoteRevision
from store.note_reads import NoteFilter, NoteRow


async def resolve_note(info: Info, note_id: str) -> NoteRow:
    """A note the caller can see; anything else is NOT_FOUND (existence is not revealed)."""
    require_authenticated(info)
    row = await info.context.store.note_by_id.load(note_id)
    if row is None:
        raise NotFound(f"note {note_id!r} not found")
    return row


async def resolve_customer_notes(
    info: Info,
    customer_id: str,
    *,
    first: int,
    category: NoteCategory | None,
    type: NoteType | None,
    scope: Scope | None,
    tag: str | None,
    since: datetime | None,
    until: datetime | None,
) -> list[NoteRow]:
    """A customer's notes visible to the caller, pinned first then newest."""
    note_filter = NoteFilter(
        category=category,
        type=type,
        scope=scope,
        tag=tag.strip().lower() if tag else None,
        since=since,
        until=until,
        limit=first,
    )
    return await info.context.store.notes_by_customer_id(note_filter).load(customer_id)


async def resolve_visible_history(info: Info, note_id: str, current: Scope) -> list[NoteRevision]:
    """A visible note's edits, newest first, each only if the caller reads the scopes the
    note had before and after it (text written in a more private scope stays there)."""
    view = info.context.policy
    return [
        revision
        for revision in await info.context.store.revisions_by_note_id.load(note_id)
        if can_read_revision(
            view,
            scope_before=revision.scope_before,
            scope_after=revision.scope_after,
            current=current,
        )
    ]
