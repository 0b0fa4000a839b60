"""Pages of notes' edit histories, with the revision policy in the WHERE clause.

An edit is listed only if the caller reads the scopes the note had before and after it; the
note's current scope counts as read (the caller reads the note by whatever route, the
handoff included). Text written while the note was in a more private scope is never shown,
nor counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.keyset import Keyset, keyset_pages
from store.models import Note, NoteRevision
from store.pagination import Page, PageRequest
from store.visibility import readable_notes

HISTORY = Keyset("history", (NoteRevision.version, NoteRevision.id), (int, str))


def _revision_readable(view: PolicyView) -> list[ColumnElement[bool]]:
    # The SQL form of policies.decisions.can_read_revision.
    readable = sorted(view.readable_scopes)
    current = select(Note.scope).where(Note.id == NoteRevision.note_id).scalar_subquery()
    return [
        NoteRevision.note_id.in_(select(Note.id).where(readable_notes(view))),
        or_(NoteRevision.scope_before == current, NoteRevision.scope_before.in_(readable)),
        or_(NoteRevision.scope_after == current, NoteRevision.scope_after.in_(readable)),
    ]


async def history_pages(
    session: AsyncSession, view: PolicyView, note_ids: Sequence[str], request: PageRequest
) -> list[Page[NoteRevision]]:
    """A page of each visible note's readable edits, newest first, for the batch."""
    return await keyset_pages(
        session,
        NoteRevision,
        [NoteRevision.note_id.in_(set(note_ids)), *_revision_readable(view)],
        HISTORY,
        request,
        partition=(NoteRevision.note_id,),
        parents=[(note_id,) for note_id in note_ids],
    )


async def visible_revision(
    session: AsyncSession, view: PolicyView, note_id: str, version: int
) -> NoteRevision | None:
    """One edit of a visible note, if the caller may read it (the WHERE clauses of its
    history pages), for `node(id:)`."""
    return await session.scalar(
        select(NoteRevision).where(
            NoteRevision.note_id == note_id,
            NoteRevision.version == version,
            *_revision_readable(view),
        )
    )
