"""Resolvers for the label overrides: an agent's sentiment and urgency for a note or interaction."""

from __future__ import annotations

from intelligence.labels import Sentiment, Urgency
from resolvers.context import Info
from resolvers.writes import Outcome, perform
from store import label_writes
from store.audit import Target
from store.models import Interaction
from store.note_reads import NoteRow


async def resolve_set_note_labels(
    info: Info, note_id: str, sentiment: Sentiment | None, urgency: Urgency | None
) -> Outcome[NoteRow]:
    """Override a note's labels (its editors only)."""
    return await perform(
        info,
        "note.label",
        Target("note", note_id),
        lambda s, ctx: label_writes.set_note_labels(
            s, ctx, note_id, sentiment=sentiment, urgency=urgency
        ),
    )


async def resolve_set_interaction_labels(
    info: Info, interaction_id: str, sentiment: Sentiment | None, urgency: Urgency | None
) -> Outcome[Interaction]:
    """Override an interaction's labels."""
    return await perform(
        info,
        "interaction.label",
        Target("interaction", interaction_id),
        lambda s, ctx: label_writes.set_interaction_labels(
            s, ctx, interaction_id, sentiment=sentiment, urgency=urgency
        ),
    )
