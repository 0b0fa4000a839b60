"""Resolvers for reading notes."""

from __future__ import annotations

from core.errors import NotFound
from resolvers.access_audit import rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.note_reads import NoteRow


async def resolve_note(info: Info, note_id: str) -> NoteRow:
    """A note the caller can see; anything else is NOT_FOUND (existence is not revealed)."""
    require_authenticated(info)
    row = await info.context.store.note_by_id.load(note_id)
    if row is None:
        raise NotFound(f"note {note_id!r} not found")
    rows_shown(info, [row])
    return row
