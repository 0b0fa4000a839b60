"""A note's editable fields, declared once.

Each entry names a field a client writes (in createNote and updateNote alike) and how it
reads: the attribute on the stored `Note`, `NoteDraft` and `NotePatch`, its GraphQL name,
and its kind. From this list come the audit/revision snapshot of a note (store/notes.py),
the application of a patch (store/notes.py), the idempotency digest of a create request
(store/note_requests.py), the store patch of an updateNote input and the GraphQL `Note`'s
values (schema/). A test checks that the dataclasses and GraphQL types carry every field.

Fields a note gets once and never edits (customer, reference, creation time, follow-up) are
not in the list: the code that writes them is specific to each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any


class Kind(StrEnum):
    """How a field's value is held, and so how it is compared, stored and digested."""

    TEXT = "text"  # sanitised on write (each text field by its own rule)
    ENUM = "enum"  # a StrEnum; its value in snapshots and digests
    BOOL = "bool"
    TAGS = "tags"  # a list of normalised tags, kept in their own table


@dataclass(frozen=True, slots=True)
class NoteField:
    """One editable field of a note."""

    name: str  # attribute of Note / NoteDraft / NotePatch, key in snapshots and digests
    graphql: str  # name in the GraphQL inputs and the Note type, and in violations
    kind: Kind
    in_snapshot: bool = True  # shown in the audit before/after and the revision history
    in_digest: bool = True  # part of what a createNote request asked for (idempotency)

    def snapshot(self, value: Any) -> Any:
        """The value as audit rows and revisions keep it (JSON; tags sorted)."""
        if self.kind is Kind.TAGS:
            return sorted(value)
        return _plain(value)

    def asked(self, value: Any) -> Any:
        """The value as a request digest holds it (JSON; tags in the order sent)."""
        if self.kind is Kind.TAGS:
            return list(value)
        return _plain(value)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


NOTE_FIELDS: tuple[NoteField, ...] = (
    NoteField("subject", "subject", Kind.TEXT),
    NoteField("body", "body", Kind.TEXT),
    NoteField("category", "category", Kind.ENUM),
    NoteField("type", "type", Kind.ENUM),
    NoteField("scope", "scope", Kind.ENUM),
    NoteField("importance", "importance", Kind.ENUM),
    NoteField("pinned", "pinned", Kind.BOOL),
    NoteField("tags", "tags", Kind.TAGS),
)
"""Every editable field, in the order snapshots list them."""

COLUMNS: tuple[NoteField, ...] = tuple(f for f in NOTE_FIELDS if f.kind is not Kind.TAGS)
"""The editable fields stored as columns of the note row (tags live in their own table)."""


def values_of(source: Any, fields: Iterable[NoteField] = NOTE_FIELDS) -> dict[str, Any]:
    """The named fields' values read off `source` (a Note, draft, patch or GraphQL input)."""
    return {field.name: getattr(source, field.name) for field in fields}


def snapshot(note: Any, tags: Iterable[str]) -> dict[str, Any]:
    """What audit rows and revisions record of a note: its editable fields, as JSON."""
    values = values_of(note, COLUMNS) | {"tags": list(tags)}
    return {f.name: f.snapshot(values[f.name]) for f in NOTE_FIELDS if f.in_snapshot}


def asked(draft: Any) -> dict[str, Any]:
    """The editable fields of a create request as its idempotency digest holds them."""
    return {f.name: f.asked(getattr(draft, f.name)) for f in NOTE_FIELDS if f.in_digest}
