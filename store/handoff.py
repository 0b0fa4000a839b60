"""Sales → support handoff: the case's sales notes get the `handoff` tag, each change audited.

The policy (`handoff:sales` read for support) then makes exactly those notes readable by
support through `store.visibility.readable_notes`; nothing else about the notes changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import PolicyDenied
from policies.decisions import can_hand_off_case
from store import audit
from store.enums import Scope
from store.models import Note
from store.note_reads import NoteRow
from store.notes import add_tag_unchecked
from store.references import require_customer
from store.validation import ViolationCode, Violations
from store.visibility import HANDOFF_TAG, readable_notes
from store.write_context import WriteContext

MAX_NOTES = 200


async def hand_off_to_support(
    session: AsyncSession,
    ctx: WriteContext,
    customer_id: str,
    note_ids: Sequence[str] | None,
) -> list[NoteRow]:
    """Tag the given sales notes of the customer (all of them when none are named) `handoff`."""
    if not can_hand_off_case(ctx.view):
        raise PolicyDenied("the caller may not hand cases over to support")
    customer = await require_customer(session, ctx.view, customer_id)
    statement = (
        select(Note)
        .where(readable_notes(ctx.view), Note.customer_id == customer.id)
        .order_by(Note.created_at, Note.id)
        .with_for_update()
    )
    problems = Violations()
    if note_ids is not None:
        if not note_ids:
            problems.add("noteIds", ViolationCode.REQUIRED, "name at least one note")
        if len(note_ids) > MAX_NOTES:
            problems.add("noteIds", ViolationCode.INVALID, f"at most {MAX_NOTES} notes at once")
        problems.raise_if_any()
        statement = statement.where(Note.id.in_(set(note_ids)))
    else:
        statement = statement.where(Note.scope == Scope.SALES).limit(MAX_NOTES)
    notes = list(await session.scalars(statement))
    found = {note.id for note in notes}
    for note_id in note_ids or ():
        if note_id not in found:
            problems.add("noteIds", ViolationCode.NOT_FOUND, f"note {note_id!r} not found")
    for note in notes:
        if note.scope != Scope.SALES:
            problems.add("noteIds", ViolationCode.INVALID, f"note {note.id!r} is not a sales note")
    problems.raise_if_any()
    rows = [
        await add_tag_unchecked(session, ctx, note, HANDOFF_TAG, "note.handoff") for note in notes
    ]
    await audit.append(
        session,
        ctx,
        "customer.handoff",
        audit.Target("customer", customer.id, customer.id),
        after={"to": "support", "notes": sorted(found)},
    )
    return rows
