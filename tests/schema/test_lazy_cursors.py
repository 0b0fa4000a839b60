"""A notes page encodes the cursors the query selects, and only those: a Customer360 that
shows no cursor encodes none; one that selects them gets the same cursors as before, and the
end cursor still reads the next page."""

from __future__ import annotations

from typing import Any

import pytest

from policies.principal import Principal
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
