"""The label overrides: `setNoteLabels` and `setInteractionLabels`."""

from __future__ import annotations

import strawberry

from intelligence.labels import Sentiment, Urgency
from resolvers import label_writes
from resolvers.context import Info
from schema.activity import Interaction
from schema.changed_customer import customer_field
from schema.node import parse_id
from schema.notes import Note
from schema.user_errors import UserError

_OVERRIDE = (
    "Give one label or both (neither is REQUIRED); each becomes the agent's (source "
    "AGENT), which no automatic run replaces."
)


@strawberry.input(description="An agent's sentiment and/or urgency for a note. " + _OVERRIDE)
class SetNoteLabelsInput:
    note_id: strawberry.ID = strawberry.field(description="The note (its global id).")
    sentiment: Sentiment | None = None
    urgency: Urgency | None = None


@strawberry.input(
    description="An agent's sentiment and/or urgency for an interaction. " + _OVERRIDE
)
class SetInteractionLabelsInput:
    interaction_id: strawberry.ID = strawberry.field(description="The interaction (its global id).")
    sentiment: Sentiment | None = None
    urgency: Urgency | None = None


@strawberry.type
class SetNoteLabelsPayload:
    note: Note | None
    errors: list[UserError]
    changed_customer_id: strawberry.Private[str | None] = None
    customer = customer_field()


@strawberry.type
class SetInteractionLabelsPayload:
    interaction: Interaction | None
    errors: list[UserError]


@strawberry.type
class LabelMutation:
    @strawberry.mutation(
        description="Override a note's suggested sentiment and urgency (whoever may edit the "
        "note). Its audit and search-outbox rows commit with it; the note's version is kept."
    )
    async def set_note_labels(
        self, info: Info, input: SetNoteLabelsInput
    ) -> SetNoteLabelsPayload | None:
        note_id = parse_id(input.note_id, "Note", "input.noteId")
        outcome = await label_writes.resolve_set_note_labels(
            info, note_id, input.sentiment, input.urgency
        )
        row = outcome.value
        return SetNoteLabelsPayload(
            note=Note.from_record(row) if row else None,
            errors=UserError.from_records(outcome.errors),
            changed_customer_id=row.note.customer_id if row else None,
        )

    @strawberry.mutation(
        description="Override an interaction's suggested sentiment and urgency (staff who log "
        "interactions, on interactions they read). Its audit row commits with it."
    )
    async def set_interaction_labels(
        self, info: Info, input: SetInteractionLabelsInput
    ) -> SetInteractionLabelsPayload | None:
        interaction_id = parse_id(input.interaction_id, "Interaction", "input.interactionId")
        outcome = await label_writes.resolve_set_interaction_labels(
            info, interaction_id, input.sentiment, input.urgency
        )
        row = outcome.value
        return SetInteractionLabelsPayload(
            interaction=Interaction.from_record(row) if row else None,
            errors=UserError.from_records(outcome.errors),
        )
