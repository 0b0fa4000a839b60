"""A note as a client asks for it: the draft of a new note and the patch of an edit.

Apart from store/notes.py so that what a request asked for (store/note_requests.py) and how it
is written (store/notes.py) both read it without importing each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.duplicates import DuplicateCheck
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.follow_ups import FollowUpDraft


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """A new note as the client sends it (before sanitising)."""

    customer_id: str
    subject: str
    body: str
    category: NoteCategory
    type: NoteType
    scope: Scope
    tags: Sequence[str] = ()
    importance: Importance | None = None
    pinned: bool = False
    ref_kind: str | None = None
    ref_id: str | None = None
    creation_ms: int | None = None
    follow_up: FollowUpDraft | None = None
    # Sent again with a retry, it returns the note the first request made (store/note_requests).
    idempotency_key: str | None = None
    # Refuse a near-copy of a recent note (store/duplicates.py); None saves it regardless.
    duplicate_check: DuplicateCheck | None = None


@dataclass(frozen=True, slots=True)
class NotePatch:
    """Fields to change on a note; None leaves a field as it is."""

    subject: str | None = None
    body: str | None = None
    category: NoteCategory | None = None
    type: NoteType | None = None
    scope: Scope | None = None
    importance: Importance | None = None
    pinned: bool | None = None
    tags: Sequence[str] | None = None
