"""createNote and logInteraction with duplicate detection.

The check comes from the settings unless the caller confirmed (`allowDuplicate`) or the
operator switched it off. A write the store refuses as a near-copy is answered with a
DUPLICATE_SUSPECTED user error and its candidates, read again for the caller with the same
visibility as every list (a candidate deleted in between is left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Generic, TypeVar

from resolvers import activity_writes, note_writes
from resolvers.context import Info
from resolvers.writes import Outcome
from store.duplicates import DuplicateCheck, DuplicateSuspected, interactions_by_ids
from store.interactions import InteractionDraft, LoggedInteraction
from store.models import Interaction
from store.note_drafts import NoteDraft
from store.note_reads import NoteRow, notes_by_ids
from store.validation import Violation, ViolationCode

T = TypeVar("T")
C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Checked(Generic[T, C]):
    """A write's outcome and, when refused as a near-copy, what it resembles (most alike
    first, each with its similarity)."""

    outcome: Outcome[T]
    duplicates: list[tuple[C, float]] = field(default_factory=list)


def duplicate_check(info: Info, *, allow_duplicate: bool) -> DuplicateCheck | None:
    """How this write looks for near-copies; None when confirmed or switched off."""
    settings = info.context.settings
    if allow_duplicate or not settings.duplicate_check:
        return None
    return DuplicateCheck(
        window=timedelta(hours=settings.duplicate_window_hours),
        threshold=settings.duplicate_threshold,
        max_compared=settings.duplicate_max_compared,
    )


def _refused(suspected: DuplicateSuspected, info: Info) -> Violation:
    hours = info.context.settings.duplicate_window_hours
    kind = suspected.kind.value
    message = (
        f"this {kind} looks like {len(suspected.candidates)} {kind}(s) of the customer from the "
        f"last {hours:g} hours; send allowDuplicate: true to save it anyway"
    )
    return Violation(None, ViolationCode.DUPLICATE_SUSPECTED, message)


async def create_note(
    info: Info, draft: NoteDraft, *, allow_duplicate: bool
) -> Checked[NoteRow, NoteRow]:
    """createNote: saved, refused as a near-copy (with the candidates), or invalid."""
    checked = replace(draft, duplicate_check=duplicate_check(info, allow_duplicate=allow_duplicate))
    try:
        try:
            return Checked(await note_writes.resolve_create_note(info, checked))
        except DuplicateSuspected:
            if draft.idempotency_key is None:
                raise
            # A concurrent request with the same key may have committed the note this one
            # resembles after this one looked its key up: look again (a retry is no duplicate).
            return Checked(await note_writes.resolve_create_note(info, checked))
    except DuplicateSuspected as suspected:
        ids = [candidate.id for candidate in suspected.candidates]
        async with info.context.sessions() as session:
            rows = await notes_by_ids(session, info.context.policy, ids)
        found = [
            (row, candidate.similarity)
            for row, candidate in zip(rows, suspected.candidates, strict=True)
            if row is not None
        ]
        return Checked(Outcome(errors=[_refused(suspected, info)]), found)


async def log_interaction(
    info: Info, draft: InteractionDraft, *, allow_duplicate: bool
) -> Checked[LoggedInteraction, Interaction]:
    """logInteraction: logged, refused as a near-copy (with the candidates), or invalid."""
    checked = replace(draft, duplicate_check=duplicate_check(info, allow_duplicate=allow_duplicate))
    try:
        return Checked(await activity_writes.resolve_log_interaction(info, checked))
    except DuplicateSuspected as suspected:
        ids = [candidate.id for candidate in suspected.candidates]
        async with info.context.sessions() as session:
            rows = await interactions_by_ids(session, info.context.policy, ids)
        found = [
            (row, candidate.similarity)
            for row, candidate in zip(rows, suspected.candidates, strict=True)
            if row is not None
        ]
        return Checked(Outcome(errors=[_refused(suspected, info)]), found)
