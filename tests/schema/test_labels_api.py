"""Sentiment and urgency through the API: shown with their record, overridden by its editors,
and counted by the reports only over what the caller reads.

Expected counts are read from the store with the same policy clauses the API uses; the
labels themselves come from whatever classifier labelled the demo (never assumed).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from intelligence.labels import LabelSource
from policies.principal import Principal
from schema import build_schema
from store.interaction_reads import visible_interactions
from store.models import Interaction, Note
from store.visibility import readable_notes
from tests.fixtures.seeded import SeededStore

ADMIN = Principal("agent-1", ("admin",))
SUPPORT = Principal("agent-4", ("support",))
SALES = Principal("agent-8", ("sales",))
OTHER_SALES = Principal("agent-11", ("sales",))
PARTNER = Principal("portal-1", ("partner",), partner="partner-1")
UNTIL = datetime.now(UTC) + timedelta(days=1)
SINCE = UNTIL - timedelta(days=3 * 365)

NOTE_REPORT = """
query R($group: NoteReportGroup!, $from: DateTime!, $to: DateTime!) {
  noteReport(groupBy: $group, first: 1000, filter: {from: $from, to: $to}) {
    edges { node { key count } } } }"""
INTERACTION_REPORT = """
query R($group: InteractionReportGroup!, $from: DateTime!, $to: DateTime!) {
  interactionReport(groupBy: $group, first: 1000, from: $from, to: $to) {
    edges { node { key count } } } }"""
NOTE = """
query N($id: ID!) { note(id: $id) { id
  sentiment { label score source modelVersion } urgency { label source modelVersion } } }"""
SET_NOTE = """
mutation S($input: SetNoteLabelsInput!) { setNoteLabels(input: $input) {
  note { sentiment { label source score modelVersion } urgency { label source modelVersion } }
  errors { field code } } }"""
SET_INTERACTION = """
mutation S($input: SetInteractionLabelsInput!) { setInteractionLabels(input: $input) {
  interaction { sentiment { label source } urgency { label source } }
  errors { field code } } }"""


async def _run(store: SeededStore, who: Principal, query: str, **variables: Any) -> Any:
    context = store.context(who)
    return await build_schema(store.settings).execute(
        query, variable_values=variables, context_value=context
    )


def _shown(value: object) -> str | None:
    return None if value is None else str(value).upper()


async def _expected(store: SeededStore, column: Any, where: Any, at: Any) -> dict[Any, int]:
    async with store.sessions() as session:
        rows = await session.execute(
            select(column, func.count()).where(where, at >= SINCE, at < UNTIL).group_by(column)
        )
        return {_shown(key): int(count) for key, count in rows}


async def test_reports_group_by_labels_over_readable_records_only(
    seeded_store: SeededStore,
) -> None:
    store = seeded_store
    for who in (ADMIN, SALES, SUPPORT, PARTNER):
        view = store.policy.compile(who)
        for group, column in (("SENTIMENT", Note.sentiment), ("URGENCY", Note.urgency)):
            result = await _run(
                store, who, NOTE_REPORT, group=group, **{"from": SINCE, "to": UNTIL}
            )
            if result.errors:  # no report rights: nothing counted is shown
                assert result.errors[0].extensions["code"] == "FORBIDDEN", result.errors
                continue
            rows = {
                e["node"]["key"]: e["node"]["count"] for e in result.data["noteReport"]["edges"]
            }
            expected = await _expected(store, column, readable_notes(view), Note.created_at)
            assert rows == expected, (who.subject, group)
            if who is ADMIN:
                assert None not in rows, "the demo's notes are labelled as they are loaded"
        for group, column in (
            ("SENTIMENT", Interaction.sentiment),
            ("URGENCY", Interaction.urgency),
        ):
            result = await _run(
                store, who, INTERACTION_REPORT, group=group, **{"from": SINCE, "to": UNTIL}
            )
            if result.errors:
                assert result.errors[0].extensions["code"] == "FORBIDDEN", result.errors
                continue
            edges = result.data["interactionReport"]["edges"]
            rows = {e["node"]["key"]: e["node"]["count"] for e in edges}
            expected = await _expected(
                store, column, visible_interactions(view), Interaction.occurred_at
            )
            assert rows == expected, (who.subject, group)


async def _sales_note(store: SeededStore) -> Note:
    async with store.sessions() as session:
        note = await session.scalar(
            select(Note)
            .where(
                Note.author_id == SALES.subject, Note.scope == "sales", Note.deleted_at.is_(None)
            )
            .order_by(Note.id)
            .limit(1)
        )
    assert note is not None
    return note


async def test_a_note_shows_its_labels_to_its_readers_only(seeded_store: SeededStore) -> None:
    note = await _sales_note(seeded_store)
    shown = await _run(seeded_store, SALES, NOTE, id=note.id)
    assert shown.errors is None
    sentiment = shown.data["note"]["sentiment"]
    assert sentiment["label"] == _shown(note.sentiment)
    assert sentiment["score"] == note.sentiment_score
    assert sentiment["source"] == "AUTO"
    assert sentiment["modelVersion"] == note.classifier_version
    assert shown.data["note"]["urgency"]["label"] == _shown(note.urgency)

    hidden = await _run(seeded_store, SUPPORT, NOTE, id=note.id)  # support reads no sales notes
    assert hidden.data == {"note": None}


async def test_set_note_labels_is_the_editors_and_survives_as_agent(
    seeded_store: SeededStore,
) -> None:
    note = await _sales_note(seeded_store)
    refused = await _run(
        seeded_store, OTHER_SALES, SET_NOTE, input={"noteId": note.id, "urgency": "CRITICAL"}
    )
    assert refused.errors is not None
    assert refused.errors[0].extensions["code"] == "FORBIDDEN"
    unseen = await _run(
        seeded_store, SUPPORT, SET_NOTE, input={"noteId": note.id, "urgency": "CRITICAL"}
    )
    assert unseen.data["setNoteLabels"]["errors"] == [{"field": "noteId", "code": "NOT_FOUND"}]
    empty = await _run(seeded_store, SALES, SET_NOTE, input={"noteId": note.id})
    assert empty.data["setNoteLabels"]["errors"] == [{"field": None, "code": "REQUIRED"}]
    missing = await _run(
        seeded_store, SALES, SET_NOTE, input={"noteId": str(uuid.uuid4()), "urgency": "LOW"}
    )
    assert missing.data["setNoteLabels"]["errors"][0]["code"] == "NOT_FOUND"

    done = await _run(
        seeded_store, SALES, SET_NOTE, input={"noteId": note.id, "urgency": "CRITICAL"}
    )

    assert done.errors is None
    labelled = done.data["setNoteLabels"]["note"]
    assert labelled["urgency"] == {"label": "CRITICAL", "source": "AGENT", "modelVersion": None}
    assert labelled["sentiment"]["source"] == "AUTO"
    async with seeded_store.sessions() as session:
        stored = await session.get(Note, note.id)
        assert stored is not None
        assert stored.urgency_source is LabelSource.AGENT


async def test_set_interaction_labels_follows_the_policy(seeded_store: SeededStore) -> None:
    async with seeded_store.sessions() as session:
        interaction_id = await session.scalar(select(Interaction.id).order_by(Interaction.id))
    done = await _run(
        seeded_store,
        SUPPORT,
        SET_INTERACTION,
        input={"interactionId": interaction_id, "sentiment": "NEGATIVE"},
    )
    assert done.errors is None
    assert done.data["setInteractionLabels"]["interaction"]["sentiment"] == {
        "label": "NEGATIVE",
        "source": "AGENT",
    }
    refused = await _run(
        seeded_store,
        PARTNER,
        SET_INTERACTION,
        input={"interactionId": interaction_id, "sentiment": "POSITIVE"},
    )
    assert refused.data["setInteractionLabels"]["interaction"] is None
    assert refused.data["setInteractionLabels"]["errors"][0]["code"] == "NOT_FOUND"


FILTERED = """
query F($labels: [Sentiment!], $urgencies: [Urgency!]) {
  interactions(first: 1, filter: {sentiments: $labels, urgencies: $urgencies}) { totalCount }
  notes: searchNotes(first: 1, filter: {sentiments: $labels}) { totalCount }
}"""


async def test_the_filters_narrow_by_label(seeded_store: SeededStore) -> None:
    view = seeded_store.policy.compile(ADMIN)
    async with seeded_store.sessions() as session:
        label = await session.scalar(select(Interaction.sentiment).limit(1))
        urgency = await session.scalar(select(Interaction.urgency).limit(1))
        expected = await session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(
                visible_interactions(view),
                Interaction.sentiment == label,
                Interaction.urgency == urgency,
            )
        )
    result = await _run(
        seeded_store, ADMIN, FILTERED, labels=[_shown(label)], urgencies=[_shown(urgency)]
    )
    assert result.data["interactions"]["totalCount"] == expected
    empty = await _run(seeded_store, ADMIN, FILTERED, labels=[], urgencies=None)
    codes = {error.extensions["code"] for error in empty.errors or []}
    assert codes == {"INVALID"}
