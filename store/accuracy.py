"""Data-entry accuracy: did a note pass governance without a later correction?

A note is *corrected* when, within `CORRECTION_DAYS` of its creation, an edit changed one of
its classification fields, `CORRECTED_FIELDS`: the type and category the governance rules key
on, the scope that decides who reads it and the importance that orders it. Edits to the text
(subject, body), pinning and tags do not count: text is refined, pins come and go, and tags are
added by workflows (the sales → support handoff) as well as by hand. A note edited only after
the window is not corrected either: by then a change reflects the case, not the entry.
Accuracy is the share of notes not corrected (the product targets more than 98%).

The test is one correlated EXISTS over the note's revisions, read inside the report's own
GROUP BY on both stores (revisions keep only the changed fields' before/after values).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Note, NoteRevision

CORRECTION_DAYS = 7
CORRECTED_FIELDS = ("category", "type", "scope", "importance")


def _changed(field: str) -> ColumnElement[bool]:
    # As text on both stores (->> on PostgreSQL, json_extract on SQLite): a key a revision
    # lacks is NULL, and only a value that differs from the one before is a change.
    after = NoteRevision.after[field].as_string()
    before = NoteRevision.before[field].as_string()
    return and_(after.is_not(None), or_(before.is_(None), before != after))


def _within_window(session: AsyncSession) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "postgresql":
        # A literal, not a parameter: the interval's type is then never guessed.
        window: ColumnElement[Any] = literal_column(f"interval '{CORRECTION_DAYS} days'")
        return NoteRevision.edited_at < Note.created_at + window
    # SQLite keeps UTC text; julianday reads it as days, fractions included.
    days: Any = func.julianday(NoteRevision.edited_at) - func.julianday(Note.created_at)
    within: ColumnElement[bool] = days < CORRECTION_DAYS
    return within


def corrected(session: AsyncSession) -> ColumnElement[bool]:
    """A WHERE/CASE clause on `Note`: an edit corrected its classification within the window."""
    return exists(
        select(NoteRevision.id).where(
            NoteRevision.note_id == Note.id,
            _within_window(session),
            or_(*(_changed(field) for field in CORRECTED_FIELDS)),
        )
    )
