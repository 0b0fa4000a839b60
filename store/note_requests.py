"""createNote idempotency: the key a client sends with a note it means to create once.

A client that lost the answer to createNote (a timeout, a dropped connection) cannot know
whether the note was saved. Sending the same key again returns the note the first request
created instead of writing a second one. The key is scoped to its author, and the request it
came with is remembered as a digest: the same key with a different note is a CONFLICT, never
a silent answer with the first note.
"""

from __future__ import annotations

import hashlib
import json
import re

from sqlalchemy.ext.asyncio import AsyncSession

from store import note_fields
from store.models import Note, NoteRequestKey
from store.note_drafts import NoteDraft
from store.validation import ValidationFailed, Violation, ViolationCode, Violations

FIELD = "idempotencyKey"
KEY = re.compile(r"[A-Za-z0-9_.:-]{8,100}")


def check_key(key: str, problems: Violations) -> bool:
    """True if the key has the documented shape; else a violation is recorded."""
    if KEY.fullmatch(key):
        return True
    problems.add(
        FIELD,
        ViolationCode.INVALID,
        "idempotencyKey is 8 to 100 letters, digits or - _ . : (a UUID fits)",
    )
    return False


def digest(draft: NoteDraft) -> str:
    """What the request asked for (the measured creation time aside: a retry may differ)."""
    follow_up = draft.follow_up
    asked = note_fields.asked(draft) | {
        "customer": draft.customer_id,
        "ref": [draft.ref_kind, draft.ref_id],
        "follow_up": (
            [follow_up.assignee_id, follow_up.due_at.isoformat(), follow_up.instructions]
            if follow_up
            else None
        ),
    }
    return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()


async def replay(session: AsyncSession, author: str, key: str, request: str) -> Note | None:
    """The note an earlier request with this key created, or None if there was none."""
    known = await session.get(NoteRequestKey, (author, key))
    if known is None:
        return None
    if known.request_digest != request:
        message = "this idempotencyKey was already used for a different note"
        raise ValidationFailed([Violation(FIELD, ViolationCode.CONFLICT, message)])
    return await session.get(Note, known.note_id)


def remember(session: AsyncSession, author: str, key: str, request: str, note: Note) -> None:
    """Keep the key with the note it created (same transaction as the note)."""
    session.add(NoteRequestKey(author_id=author, key=key, note_id=note.id, request_digest=request))
