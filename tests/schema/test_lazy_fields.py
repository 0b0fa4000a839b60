"""A notes page computes what the query selects, and only that: a Customer360 that shows no
cursor encodes none, and one that shows no label suggestion builds none; one that selects
them gets the same values as before (and the end cursor still reads the next page)."""

from __future__ import annotations

from typing import Any

import pytest

from policies.principal import Principal
from schema.labels import SentimentSuggestion, UrgencySuggestion
from store import keyset
from store.models import Note
from store.note_reads import CUSTOMER_NOTES
from store.pagination import encode_cursor
from tests.fixtures.seeded import SeededStore
from tests.fixtures.statements import busiest_customers

MANAGER = Principal("agent-2", ("manager",))

NO_CURSORS = """query($id: ID!) { customer(id: $id) {
  notes(first: 5) { totalCount edges { node { id subject tags } } } } }"""

EDGE_CURSORS = """query($id: ID!, $after: String) { customer(id: $id) {
  notes(first: 5, after: $after) { edges { cursor node { noteId pinned createdAt } } } } }"""

END_CURSOR = """query($id: ID!) { customer(id: $id) {
  notes(first: 5) { pageInfo { hasNextPage endCursor } } } }"""


@pytest.fixture
def encoded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every cursor a keyset encodes while the test runs."""
    calls: list[tuple[Any, ...]] = []

    def counting(*key: Any) -> str:
        calls.append(key)
        return encode_cursor(*key)

    monkeypatch.setattr(keyset, "encode_cursor", counting)
    return calls


async def _busiest(seeded_store: SeededStore) -> str:
    async with seeded_store.sessions() as session:
        [customer] = await busiest_customers(session, 1)
    return customer


async def _run(seeded_store: SeededStore, query: str, **variables: Any) -> dict[str, Any]:
    result = await seeded_store.schema.execute(
        query, variable_values=variables, context_value=seeded_store.context(MANAGER)
    )
    assert result.errors is None, result.errors
    assert result.data is not None
    notes: dict[str, Any] = result.data["customer"]["notes"]
    return notes


async def test_a_page_whose_query_selects_no_cursor_encodes_none(
    seeded_store: SeededStore, encoded: list[tuple[Any, ...]]
) -> None:
    customer = await _busiest(seeded_store)
    notes = await _run(seeded_store, NO_CURSORS, id=customer)
    assert len(notes["edges"]) == 5  # a full page was read and shown
    assert encoded == []


async def test_selected_cursors_are_the_rows_keys_and_read_the_next_page(
    seeded_store: SeededStore, encoded: list[tuple[Any, ...]]
) -> None:
    customer = await _busiest(seeded_store)
    first = await _run(seeded_store, EDGE_CURSORS, id=customer)
    assert len(encoded) == 5  # one per edge shown, each once
    for edge in first["edges"]:
        async with seeded_store.sessions() as session:
            note = await session.get(Note, edge["node"]["noteId"])
        assert note is not None
        assert edge["cursor"] == CUSTOMER_NOTES.encode(note)
    info = await _run(seeded_store, END_CURSOR, id=customer)
    assert info["pageInfo"]["hasNextPage"] is True
    assert info["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    after = await _run(seeded_store, EDGE_CURSORS, id=customer, after=first["edges"][-1]["cursor"])
    seen = {edge["node"]["noteId"] for edge in first["edges"]}
    assert after["edges"]
    assert not seen & {edge["node"]["noteId"] for edge in after["edges"]}


LABELS = """query($id: ID!) { customer(id: $id) {
  notes(first: 20) { edges { node { noteId sentiment { label score source modelVersion }
    urgency { label source modelVersion } } } } } }"""


async def test_label_suggestions_are_built_only_when_selected(
    seeded_store: SeededStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    for kind in (SentimentSuggestion, UrgencySuggestion):
        original = kind.of

        def counting(record: Any, original: Any = original, name: str = kind.__name__) -> Any:
            built.append(name)
            return original(record)

        monkeypatch.setattr(kind, "of", counting)
    customer = await _busiest(seeded_store)
    await _run(seeded_store, NO_CURSORS, id=customer)
    assert built == []
    notes = await _run(seeded_store, LABELS, id=customer)
    assert len(built) == 2 * len(notes["edges"])
    for edge in notes["edges"]:
        async with seeded_store.sessions() as session:
            note = await session.get(Note, edge["node"]["noteId"])
        assert note is not None
        shown = edge["node"]
        if note.sentiment is None:
            assert shown["sentiment"] is None
        else:
            assert shown["sentiment"]["label"] == note.sentiment.name
            assert shown["sentiment"]["source"] == note.sentiment_source.name  # type: ignore[union-attr]
        if note.urgency is None:
            assert shown["urgency"] is None
        else:
            assert shown["urgency"]["label"] == note.urgency.name
