"""An agent's override of a note's or an interaction's sentiment and urgency.

One transaction holds the labels (source `agent`), the audit row and, for a note, the search
outbox row, so the index follows, and the move of its report rollup rows from the old labels to
the new (store/rollup.py), so a SENTIMENT or URGENCY report is exact when it commits. Overriding
is allowed to whoever may edit the note (its author, or a role that edits any note) and, for an
interaction, to the roles the policy lets label interactions, on records they read; a record
they do not read is NOT_FOUND.
The override does not change a note's version: it is not an edit of what the author wrote.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound, PolicyDenied
from intelligence.labels import Sentiment, Urgency
from policies.decisions import can_edit_note, can_label_interaction
from policies.vocabulary import FieldGroup
from store import audit, labels, outbox, rollup
from store.models import Customer, Interaction
from store.note_reads import NoteRow, tags_by_note_ids
from store.notes import locked_live_note
from store.validation import Unreachable, ViolationCode, Violations
from store.visibility import reachable_customers
from store.write_context import WriteContext


def _one_label(sentiment: Sentiment | None, urgency: Urgency | None) -> None:
    if sentiment is None and urgency is None:
        problems = Violations()
        problems.add(None, ViolationCode.REQUIRED, "give `sentiment`, `urgency` or both")
        problems.raise_if_any()


async def set_note_labels(
    session: AsyncSession,
    ctx: WriteContext,
    note_id: str,
    *,
    sentiment: Sentiment | None,
    urgency: Urgency | None,
) -> NoteRow:
    """Override a note's labels (source `agent`) with its audit and search-outbox rows."""
    _one_label(sentiment, urgency)
    try:
        note = await locked_live_note(session, ctx.view, note_id)
    except NotFound as missing:  # named as this mutation's input names it
        kind = Unreachable if isinstance(missing, Unreachable) else NotFound
        raise kind(missing.message, field="noteId") from missing
    if not can_edit_note(ctx.view, author_id=note.author_id):
        raise PolicyDenied("the caller may not edit this note")
    before = labels.snapshot(note)
    tags = (await tags_by_note_ids(session, [note.id])).get(note.id, [])
    counted = rollup.Counted.of(note, tags)
    if labels.override(note, ctx.now, sentiment=sentiment, urgency=urgency):
        await session.flush()
        await rollup.recount(session, counted, rollup.Counted.of(note, tags))
        await outbox.enqueue_note(session, note)
        await audit.append(
            session,
            ctx,
            "note.label",
            audit.Target("note", note.id, note.customer_id),
            before=before,
            after=labels.snapshot(note),
        )
    return NoteRow(note, tuple(sorted(tags)))


async def set_interaction_labels(
    session: AsyncSession,
    ctx: WriteContext,
    interaction_id: str,
    *,
    sentiment: Sentiment | None,
    urgency: Urgency | None,
) -> Interaction:
    """Override an interaction's labels (source `agent`) with its audit row."""
    _one_label(sentiment, urgency)
    view = ctx.view
    interaction = await session.scalar(
        select(Interaction)
        .where(Interaction.id == interaction_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if interaction is None:
        raise NotFound(f"interaction {interaction_id!r} not found", field="interactionId")
    reached = view.reach.everyone or await session.scalar(
        select(Customer.id).where(Customer.id == interaction.customer_id, reachable_customers(view))
    )
    if not reached or not view.sees(FieldGroup.ACTIVITY):
        raise Unreachable(f"interaction {interaction_id!r} not found", field="interactionId")
    if not can_label_interaction(view):
        raise PolicyDenied("the caller may not label interactions")
    before = labels.snapshot(interaction)
    if labels.override(interaction, ctx.now, sentiment=sentiment, urgency=urgency):
        await session.flush()
        await audit.append(
            session,
            ctx,
            "interaction.label",
            audit.Target("interaction", interaction.id, interaction.customer_id),
            before=before,
            after=labels.snapshot(interaction),
        )
    return interaction
