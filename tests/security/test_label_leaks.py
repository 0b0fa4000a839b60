"""Labels leak nothing: changing the sentiment and urgency of a note or interaction a caller
may not read changes nothing in that caller's answers (the record's labels, the report counts
by label), while a caller who reads it sees the change. On both stores.

(Search facets by label are checked against the policy oracle on both search backends in
tests/search/test_label_facets.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from intelligence.labels import Sentiment, Urgency
from policies.principal import Principal
from store import label_writes
from store.interaction_reads import visible_interactions
from store.models import Customer, Interaction, Note
from store.visibility import readable_notes
from store.write_context import WriteContext, transaction
from tests.fixtures.seeded import SeededStore

AUTHOR = Principal("agent-8", ("sales",))
ROLES = {
    "admin": Principal("agent-1", ("admin",)),
    "support": Principal("agent-4", ("support",)),
    "finance": Principal("agent-6", ("finance",)),
    "sales": AUTHOR,
    "qa": Principal("agent-3", ("qa",)),
    "partner": Principal("portal-1", ("partner",), partner="partner-1"),
    "customer": Principal("cust-00001", ("customer",), customer="cust-00001"),
}
UNTIL = datetime.now(UTC) + timedelta(days=1)
SINCE = UNTIL - timedelta(days=3 * 365)
ANSWERS = """
query A($from: DateTime!, $to: DateTime!, $note: ID!, $interaction: ID!) {
  s: noteReport(groupBy: SENTIMENT, first: 1000, filter: {from: $from, to: $to}) {
    totalCount edges { node { key count } } }
  u: noteReport(groupBy: URGENCY, first: 1000, filter: {from: $from, to: $to}) {
    totalCount edges { node { key count } } }
  is: interactionReport(groupBy: SENTIMENT, first: 1000, from: $from, to: $to) {
    totalCount edges { node { key count } } }
  iu: interactionReport(groupBy: URGENCY, first: 1000, from: $from, to: $to) {
    totalCount edges { node { key count } } }
  note(id: $note) { sentiment { label score source } urgency { label source } }
  node(id: $interaction) { ... on Interaction { sentiment { label source } urgency { label } } }
}"""


NOTE_PARTS = ("s", "u", "note")
INTERACTION_PARTS = ("is", "iu", "node")


async def _answers(
    store: SeededStore, who: Principal, note: str, interaction: str
) -> dict[str, Any]:
    """Each root field's answer (data and error code) by alias."""
    result = await store.schema.execute(
        ANSWERS,
        variable_values={"from": SINCE, "to": UNTIL, "note": note, "interaction": interaction},
        context_value=store.context(who),
    )
    data = result.data or {}
    errors = {
        str(error.path[0]): error.extensions.get("code") if error.extensions else None
        for error in result.errors or []
        if error.path
    }
    return {part: (data.get(part), errors.get(part)) for part in NOTE_PARTS + INTERACTION_PARTS}


async def test_labels_of_unreadable_records_change_no_answer(seeded_store: SeededStore) -> None:
    store = seeded_store
    async with store.sessions() as session:
        note = await session.scalar(
            select(Note)
            .where(Note.author_id == AUTHOR.subject, Note.scope == "sales")
            .where(Note.deleted_at.is_(None))
            .order_by(Note.id)
        )
        interaction = await session.scalar(
            select(Interaction)
            .join(Customer, Customer.id == Interaction.customer_id)
            .where(Customer.partner_id.is_(None))
            .order_by(Interaction.id)
        )
    assert note is not None
    assert interaction is not None
    before = {
        role: await _answers(store, who, note.id, interaction.id) for role, who in ROLES.items()
    }

    # When the author relabels the note and the interaction (other labels than they had)
    ctx = WriteContext(view=store.policy.compile(AUTHOR))
    sentiment = next(s for s in Sentiment if s is not note.sentiment)
    urgency = next(u for u in Urgency if u is not note.urgency)
    async with transaction(store.sessions) as session:
        await label_writes.set_note_labels(
            session, ctx, note.id, sentiment=sentiment, urgency=urgency
        )
        await label_writes.set_interaction_labels(
            session,
            ctx,
            interaction.id,
            sentiment=next(s for s in Sentiment if s is not interaction.sentiment),
            urgency=next(u for u in Urgency if u is not interaction.urgency),
        )

    # Then every caller who reads neither sees the same answers; a reader sees a change
    compared = []
    for role, who in ROLES.items():
        view = store.policy.compile(who)
        async with store.sessions() as session:
            reads_note = bool(
                await session.scalar(
                    select(Note.id).where(Note.id == note.id, readable_notes(view))
                )
            )
            reads_interaction = bool(
                await session.scalar(
                    select(Interaction.id).where(
                        Interaction.id == interaction.id, visible_interactions(view)
                    )
                )
            )
        after = await _answers(store, who, note.id, interaction.id)
        for parts, reads in ((NOTE_PARTS, reads_note), (INTERACTION_PARTS, reads_interaction)):
            changed = {part for part in parts if after[part] != before[role][part]}
            if not reads:
                assert not changed, (role, changed)
                compared.append((role, parts[0]))
            elif role == "admin":
                assert changed, "the admin reads both: its answers follow the labels"
    assert {("support", "s"), ("partner", "s"), ("partner", "is")} <= set(compared), compared
