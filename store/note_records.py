"""A note as a read shows it: a frozen record built from a Core row, its sealed text opened.

Loading whole ORM `Note` entities for a page of notes (instance state, identity map, the load
event that opens sealed text) cost more CPU than the page's statement; a read changes nothing
and needs none of it. The hot read (a customer's first notes page) selects the note's columns
and builds a `NoteRecord` per row: every column of `Note` (so whatever reads a note reads a
record alike) and the fields whose sealed text did not open. Sealed text is opened exactly as
the ORM load opens it (store/sealing.py); a token that does not open is never shown: the
field is empty and named in `unreadable`, which GraphQL answers with DECRYPTION_FAILED.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.sql.expression import FromClause

from core.crypto import DecryptionFailed, is_sealed
from intelligence.labels import LabelSource, Sentiment, Urgency
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.models import Note
from store.sealing import TEXT_FIELDS, Sealer


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """Every column of a stored note (and its importance rank), read-only."""

    id: str
    customer_id: str
    author_id: str
    subject: str
    body: str
    category: NoteCategory
    type: NoteType
    scope: Scope
    importance: Importance
    pinned: bool
    ref_kind: str | None
    ref_id: str | None
    creation_ms: int | None
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None
    deleted_by: str | None
    sentiment: Sentiment | None
    sentiment_score: float | None
    sentiment_source: LabelSource | None
    urgency: Urgency | None
    urgency_source: LabelSource | None
    classifier_version: str | None
    classified_at: datetime | None
    importance_rank: int
    # Fields whose sealed text did not open (shown empty, answered DECRYPTION_FAILED).
    unreadable: frozenset[str] = frozenset()


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(NoteRecord) if f.name != "unreadable")
"""The record's columns in its constructor's order: what a statement selects, in that order."""

_TEXT = {name: RECORD_FIELDS.index(name) for name in TEXT_FIELDS}


def note_columns(source: FromClause | None = None) -> list[ColumnElement[Any]]:
    """The record's columns, in order: of `Note`, or of a subquery selecting `Note`'s columns
    (its importance rank labelled `importance_rank`)."""
    if source is None:
        # The rank is an expression (a column_property): labelled, so a subquery names it.
        return [getattr(Note, name).label(name) for name in RECORD_FIELDS]
    return [source.c[name] for name in RECORD_FIELDS]


def note_record(values: Sequence[Any], sealer: Sealer | None) -> NoteRecord:
    """The record of one row of `note_columns` (extra values after them are ignored)."""
    values = values[: len(RECORD_FIELDS)]
    if not any(is_sealed(values[index]) for index in _TEXT.values()):
        return NoteRecord(*values)
    opened = list(values)
    failed = set()
    note_id = values[0]
    for field, index in _TEXT.items():
        token = values[index]
        if not isinstance(token, str) or not is_sealed(token):
            continue
        try:
            if sealer is None:
                raise DecryptionFailed("no encryption key is configured")
            opened[index] = sealer.open(note_id, field, token)
        except DecryptionFailed:
            opened[index] = ""  # never the token
            failed.add(field)
    return replace(NoteRecord(*opened), unreadable=frozenset(failed))
