"""Resolvers for note mutations and a note's edit history."""

from __future__ import annotations

from collections.abc import Sequence

from policies.decisions import can_link_record
from resolvers.context import Info
from resolvers.references import unknown_reference
from resolvers.writes import Outcome, perform
from store import notes
from store.audit import Target
from store.models import NoteRevision
from store.note_drafts import NoteDraft, NotePatch
from store.note_reads import NoteRow
from store.validation import ViolationCode


async def resolve_create_note(info: Info, draft: NoteDraft) -> Outcome[NoteRow]:
    """Create a note in a writable scope for a reachable customer."""
    target = Target("note", None, draft.customer_id)
    # Only a reader of the record kind learns whether the record exists; the store refuses
    # the link for anyone else, whatever the upstream holds.
    linkable = can_link_record(info.context.policy, draft.ref_kind)
    missing = await unknown_reference(info, draft) if linkable else None
    if missing is not None:
        return Outcome(errors=[missing])
    outcome = await perform(
        info, "note.create", target, lambda s, ctx: notes.create_note(s, ctx, draft)
    )
    if draft.idempotency_key is not None and _lost_a_race(outcome):
        # A concurrent request with the same key committed first: answer with its note.
        outcome = await perform(
            info, "note.create", target, lambda s, ctx: notes.create_note(s, ctx, draft)
        )
    return outcome


def _lost_a_race(outcome: Outcome[NoteRow]) -> bool:
    return any(e.code is ViolationCode.CONFLICT and e.field is None for e in outcome.errors)


async def resolve_update_note(
    info: Info, note_id: str, expected_version: int, patch: NotePatch
) -> Outcome[NoteRow]:
    """Edit a note at the version the client last saw."""
    return await perform(
        info,
        "note.update",
        Target("note", note_id),
        lambda s, ctx: notes.update_note(s, ctx, note_id, expected_version, patch),
    )


async def resolve_retag_note(
    info: Info, note_id: str, add: Sequence[str], remove: Sequence[str]
) -> Outcome[NoteRow]:
    """Add and remove a note's tags."""
    return await perform(
        info,
        "note.retag",
        Target("note", note_id),
        lambda s, ctx: notes.retag_note(s, ctx, note_id, add=add, remove=remove),
    )


async def resolve_delete_note(info: Info, note_id: str) -> Outcome[NoteRow]:
    """Soft-delete a note."""
    return await perform(
        info,
        "note.delete",
        Target("note", note_id),
        lambda s, ctx: notes.delete_note(s, ctx, note_id),
    )


async def resolve_restore_note(info: Info, note_id: str) -> Outcome[NoteRow]:
    """Restore a soft-deleted note."""
    return await perform(
        info,
        "note.restore",
        Target("note", note_id),
        lambda s, ctx: notes.restore_note(s, ctx, note_id),
    )


async def resolve_note_history(info: Info, note_id: str) -> list[NoteRevision]:
    """The edit history of a note the caller is already looking at."""
    return await info.context.store.revisions_by_note_id.load(note_id)
