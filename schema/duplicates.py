"""What a createNote or logInteraction refused as a near-copy resembles."""

from __future__ import annotations

from typing import Self

import strawberry

from schema.activity import Interaction
from schema.notes import Note
from store.models import Interaction as InteractionRow
from store.note_reads import NoteRow

SIMILARITY = "How alike, 0-1 (1: the same words); at or above the configured threshold."
ALLOW_DUPLICATE = (
    "Save even if it looks like a recent one of the same customer (the caller saw the "
    "DUPLICATE_SUSPECTED answer and confirms). Default false: a near-copy is refused with "
    "DUPLICATE_SUSPECTED and its candidates, and nothing is written."
)


@strawberry.type(description="A recent note of the customer that a refused createNote repeats.")
class DuplicateNote:
    note: Note
    similarity: float = strawberry.field(description=SIMILARITY)

    @classmethod
    def list_of(cls, found: list[tuple[NoteRow, float]]) -> list[Self]:
        """Build from the resolver's candidates."""
        return [cls(note=Note.from_record(row), similarity=score) for row, score in found]


@strawberry.type(
    description="A recent interaction of the customer that a refused logInteraction repeats."
)
class DuplicateInteraction:
    interaction: Interaction
    similarity: float = strawberry.field(description=SIMILARITY)

    @classmethod
    def list_of(cls, found: list[tuple[InteractionRow, float]]) -> list[Self]:
        """Build from the resolver's candidates."""
        return [
            cls(interaction=Interaction.from_record(row), similarity=score) for row, score in found
        ]
