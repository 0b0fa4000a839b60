"""Sentiment and urgency filters and facets: the same answers on both backends, and only ever
counted over the notes the caller may read (the policy oracle decides which)."""

from __future__ import annotations

import copy
from collections import Counter
from datetime import UTC, datetime
from itertools import cycle
from pathlib import Path

import pytest
from sqlalchemy import text

from intelligence.labels import Sentiment, Urgency
from policies.enforcer import PolicyEngine
from search.backend import SearchBackend
from search.documents import NoteDocument
from search.embedded import EmbeddedSearch
from search.mapping import index_body
from search.opensearch_backend import OpenSearchBackend
from search.request import build_search
from search.service import search_notes
from tests.search.conftest import Oracle, dispose_backend, open_backend, visibility_of
from tests.search.corpus import PRINCIPALS

SENTIMENTS = [None, *(label.value for label in Sentiment)]
URGENCIES = [None, *(label.value for label in Urgency)]
SCOPES = ["sales", "internal", "customer", "support", "restricted"]
BRANCHES = ["b1", "b2"]


def _docs() -> list[NoteDocument]:
    docs = []
    labels = zip(cycle(SENTIMENTS), cycle(URGENCIES), strict=False)
    for number, (sentiment, urgency) in zip(range(40), labels, strict=False):
        at = datetime(2024, 2, 1 + number % 28, number % 24, tzinfo=UTC)
        docs.append(
            NoteDocument(
                note_id=f"l{number:02d}",
                version=1,
                subject=f"label note {number}",
                body="about the delivery",
                scope=SCOPES[number % len(SCOPES)],
                type="technical",
                category="general",
                importance="normal",
                sentiment=sentiment,
                urgency=urgency,
                author_id="a1",
                customer_id=f"c{number % 3}",
                branch_id=BRANCHES[number % 2],
                created_at=at,
                updated_at=at,
            )
        )
    return docs


DOCS = _docs()


@pytest.fixture(scope="module")
async def indexed(backend: SearchBackend) -> SearchBackend:
    await backend.write(DOCS)
    await backend.refresh()
    return backend


@pytest.mark.parametrize("who", ["admin", "branch-b1", "sales", "support", "customer-c2"])
async def test_label_facets_and_filters_count_only_readable_notes(
    indexed: SearchBackend, policy: PolicyEngine, who: str
) -> None:
    principal = PRINCIPALS[who]
    readable = [doc for doc in DOCS if Oracle(policy, principal, set()).reads(doc)]
    visibility = visibility_of(policy, principal)

    everything = await search_notes(indexed, visibility, build_search(first=100))
    facets = everything.page.facets
    assert {b.value: b.count for b in facets.sentiments} == dict(
        Counter(doc.sentiment for doc in readable if doc.sentiment)
    )
    assert {b.value: b.count for b in facets.urgencies} == dict(
        Counter(doc.urgency for doc in readable if doc.urgency)
    )

    wanted_urgencies = {Urgency.HIGH.value, Urgency.CRITICAL.value}
    narrowed = await search_notes(
        indexed,
        visibility,
        build_search(
            query="delivery",
            sentiments=[Sentiment.NEGATIVE],
            urgencies=[Urgency.HIGH, Urgency.CRITICAL],
            first=100,
        ),
    )
    expected = {
        doc.note_id
        for doc in readable
        if doc.sentiment == Sentiment.NEGATIVE.value and doc.urgency in wanted_urgencies
    }
    assert {hit.note_id for hit in narrowed.page.hits} == expected
    assert narrowed.page.total == len(expected)
    assert {b.value for b in narrowed.page.facets.sentiments} <= {Sentiment.NEGATIVE.value}


async def test_the_admin_sees_every_label(indexed: SearchBackend, policy: PolicyEngine) -> None:
    # Guards the test above: the corpus has every label, some of them hidden from others.
    result = await search_notes(
        indexed, visibility_of(policy, PRINCIPALS["admin"]), build_search(first=100)
    )
    assert {b.value for b in result.page.facets.sentiments} == {s.value for s in Sentiment}
    assert {b.value for b in result.page.facets.urgencies} == {u.value for u in Urgency}


async def test_an_index_file_from_before_the_labels_gets_their_columns(
    tmp_path: Path, policy: PolicyEngine
) -> None:
    backend = EmbeddedSearch.open(tmp_path / "old.db")
    try:
        await backend.ensure_index()
        async with backend.engine.begin() as conn:  # as written before the labels existed
            for name in ("sentiment", "urgency"):
                await conn.execute(text(f"ALTER TABLE search_docs_1 DROP COLUMN {name}"))

        await backend.ensure_index()
        await backend.write(DOCS[:6])

        result = await search_notes(
            backend,
            visibility_of(policy, PRINCIPALS["admin"]),
            build_search(sentiments=[Sentiment.POSITIVE], first=10),
        )
        assert {hit.note_id for hit in result.page.hits} == {
            doc.note_id for doc in DOCS[:6] if doc.sentiment == Sentiment.POSITIVE.value
        }
    finally:
        await backend.close()


@pytest.mark.opensearch
async def test_an_index_from_before_the_labels_gets_their_mapping(
    request: pytest.FixtureRequest, tmp_path: Path, policy: PolicyEngine
) -> None:
    backend = await open_backend("opensearch", request, tmp_path)
    assert isinstance(backend, OpenSearchBackend)
    try:
        body = copy.deepcopy(index_body(linguistic=False))  # MAPPINGS is shared
        for name in ("sentiment", "urgency"):  # as created before the labels existed
            del body["mappings"]["properties"][name]
        body["aliases"] = {backend.alias: {"is_write_index": True}}
        await backend.client.indices.create(index=f"{backend.alias}-old", body=body)

        await backend.ensure_index()
        await backend.write(DOCS[:6])
        await backend.refresh()

        result = await search_notes(
            backend,
            visibility_of(policy, PRINCIPALS["admin"]),
            build_search(urgencies=[Urgency.LOW], first=10),
        )
        assert {hit.note_id for hit in result.page.hits} == {
            doc.note_id for doc in DOCS[:6] if doc.urgency == Urgency.LOW.value
        }
    finally:
        await dispose_backend(backend)
