"""Faults: OpenSearch stopped and restarted while notes are written loses nothing."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select

from core.errors import SearchUnavailable
from devservices.opensearch import OpenSearchServer
from schema import build_schema
from search.dead_letters import dead_letters, outbox_depth
from search.indexer import IndexerOptions
from search.opensearch_backend import OpenSearchBackend
from search.worker import indexing_in_background
from store.models import Customer
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.fixtures.services import harness_only
from tests.search.conftest import dispose_backend
from tests.search.helpers import admin_view, wait_until, write_note

OUTAGE = IndexerOptions(poll_seconds=0.05, outage_max_seconds=0.5)
SEARCH = "query ($q: String) { searchNotes(query: $q) { totalCount } }"
NOTES_DURING_OUTAGE = 25


@pytest.fixture(scope="module")
def database_backend(postgres_server: Any) -> Backend:
    """The production pairing: PostgreSQL store, real OpenSearch."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


@pytest.fixture
async def opensearch(opensearch_server: Any) -> AsyncIterator[OpenSearchBackend]:
    if not isinstance(opensearch_server, OpenSearchServer):
        harness_only("needs a throwaway OpenSearch it may stop (OPENSEARCH_URL is external)")
    backend = OpenSearchBackend(opensearch_server.url, f"fault-{uuid.uuid4().hex[:8]}")
    yield backend
    await dispose_backend(backend)


async def test_opensearch_down_then_back_loses_no_note(
    seeded_store: SeededStore, opensearch: OpenSearchBackend, opensearch_server: OpenSearchServer
) -> None:
    view = await admin_view(seeded_store)
    async with seeded_store.sessions() as session:
        customer = await session.scalar(select(Customer.id).limit(1))
    assert customer is not None
    marker = f"outage{uuid.uuid4().hex[:8]}"
    async with indexing_in_background(seeded_store.engine, opensearch, OUTAGE):
        before = await write_note(seeded_store, view, customer, f"{marker} before", "x")
        await wait_until(opensearch, view, marker, {before.note.id})

        await asyncio.to_thread(opensearch_server.stop)
        written = {before.note.id}
        depths = []
        for n in range(NOTES_DURING_OUTAGE):  # writes keep succeeding; the outbox grows
            row = await write_note(seeded_store, view, customer, f"{marker} during {n}", "x")
            written.add(row.note.id)
            depths.append(await outbox_depth(seeded_store.sessions))
        assert depths[-1] >= NOTES_DURING_OUTAGE

        schema = build_schema(seeded_store.settings)
        context = dataclasses.replace(seeded_store.context(view.principal), search=opensearch)
        answer = await schema.execute(SEARCH, {"q": marker}, context_value=context)
        assert answer.errors is not None
        assert (answer.errors[0].extensions or {})["code"] == "SEARCH_UNAVAILABLE"
        with pytest.raises(SearchUnavailable, match="unreachable"):
            await opensearch.ping()  # what /readyz reports

        await asyncio.to_thread(opensearch_server.start)
        caught_up = await wait_until(opensearch, view, marker, written, limit_seconds=30)
    assert await outbox_depth(seeded_store.sessions) == 0
    assert await dead_letters(seeded_store.sessions) == []
    print(
        f"outbox depth during the outage peaked at {max(depths)}; "
        f"all {len(written)} notes searchable {caught_up:.1f}s after the node was back"
    )
