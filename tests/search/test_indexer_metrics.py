"""The indexer's counters: each process shows what its own indexer claimed and wrote.

Several gateway instances share one outbox, so these counters are how a deployment (and the
scale-out benchmark) tells which process indexed what. Runs on both stores with the embedded
backend, and once through a real gateway's /metrics.
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from core.metrics import Metrics
from demo.seed import seed
from gateway.auth import mint_token
from search.backend import WriteOutcome, WriteStatus
from search.dead_letters import outbox_depth
from search.documents import NoteDocument
from search.embedded import EmbeddedSearch
from search.indexer import IndexerOptions
from search.worker import indexing_in_background
from store.db import create_engine
from store.migrate import async_upgrade
from store.models import Customer
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.seeded import SeededStore
from tests.search.helpers import admin_view, write_note

CREATE = """
mutation Create($input: CreateNoteInput!) {
  createNote(input: $input) { note { id version } errors { field code message } }
}
"""


class RejectingSearch(EmbeddedSearch):
    """The embedded index, except that it rejects documents whose subject says "reject"."""

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        accepted = [d for d in documents if "reject" not in d.subject]
        outcomes = await super().write(accepted, index=index)
        return outcomes + [
            WriteOutcome(d.note_id, WriteStatus.FAILED, "rejected by the test")
            for d in documents
            if "reject" in d.subject
        ]


def sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from Prometheus text (0 when absent)."""
    selector = ",".join(f'{key}="{value}"' for key, value in labels.items())
    series = f"{name}{{{selector}}}" if labels else name
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def counts(metrics: Metrics) -> dict[str, float]:
    """Claimed rows and each write outcome, from the rendered registry."""
    text = metrics.render().decode()
    found = {"claimed": sample(text, "c360_search_outbox_claimed_total")}
    for outcome in ("written", "stale", "retried", "dead_lettered"):
        found[outcome] = sample(text, "c360_search_index_writes_total", outcome=outcome)
    return found


async def eventually(check: Callable[[], bool], limit_seconds: float = 10.0) -> None:
    """Wait until `check()` is true."""
    deadline = time.monotonic() + limit_seconds
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


@pytest.fixture
async def embedded(tmp_path: Path) -> AsyncIterator[RejectingSearch]:
    """A fresh embedded index that rejects "reject" subjects."""
    opened = EmbeddedSearch.open(tmp_path / f"search-{uuid.uuid4().hex[:8]}.db")
    backend = RejectingSearch(opened.engine, owns_engine=True)
    await backend.ensure_index()
    try:
        yield backend
    finally:
        await backend.close()


async def test_counters_move_with_every_batch_the_background_indexer_drains(
    seeded_store: SeededStore, embedded: RejectingSearch
) -> None:
    # Given a store whose outbox is empty, and fresh metrics
    view = await admin_view(seeded_store)
    async with seeded_store.sessions() as session:
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    assert customer is not None
    assert await outbox_depth(seeded_store.sessions) == 0
    metrics = Metrics()
    assert counts(metrics) == dict.fromkeys(counts(metrics), 0.0)
    options = IndexerOptions(
        poll_seconds=0.05, retry_base_seconds=0.0, outage_max_seconds=0.2, max_attempts=2
    )

    # When three notes are written and one more is rejected by the backend (twice: dead letter)
    async with indexing_in_background(
        seeded_store.engine, embedded, options, on_report=metrics.indexer_batch
    ):
        for n in range(3):
            await write_note(seeded_store, view, customer, f"Metered note {n}", "body")
        await eventually(lambda: counts(metrics)["written"] == 3)
        await write_note(seeded_store, view, customer, "Please reject this one", "body")
        await eventually(lambda: counts(metrics)["dead_lettered"] == 1)
    assert await outbox_depth(seeded_store.sessions) == 0

    # Then every claim is counted once, and the outcomes add up to the claims
    assert counts(metrics) == {
        "claimed": 5.0,  # 3 written + the rejected row twice
        "written": 3.0,
        "stale": 0.0,
        "retried": 1.0,
        "dead_lettered": 1.0,
    }


async def test_a_gateway_exposes_its_indexer_counters_on_metrics(tmp_path: Path) -> None:
    # Given a gateway with its background indexer on, over a seeded SQLite store
    settings = sqlite_settings(tmp_path, search_indexer=True, search_poll_seconds=0.05)
    await async_upgrade(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        await seed(engine, customers=5, notes=20)
    finally:
        await engine.dispose()
    token = mint_token(settings, subject="agent-2", roles=("manager",))
    note = {
        "customerId": "cust-00001",
        "subject": "Metered through the gateway",
        "body": "x",
        "category": "GENERAL",
        "type": "INTERACTION_LOG",
        "scope": "INTERNAL",
    }
    with serve_in_thread(settings) as url:
        async with httpx.AsyncClient(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=10
        ) as http:
            # When two notes are created over HTTP
            for _ in range(2):
                response = await http.post(
                    "/graphql", json={"query": CREATE, "variables": {"input": note}}
                )
                assert response.json()["data"]["createNote"]["errors"] == []

            # Then /metrics shows this process's indexer claiming and writing both
            deadline = time.monotonic() + 10
            while True:
                text = (await http.get("/metrics")).text
                if sample(text, "c360_search_outbox_claimed_total") >= 2:
                    break
                assert time.monotonic() < deadline, text
                await asyncio.sleep(0.05)
    assert sample(text, "c360_search_outbox_claimed_total") == 2
    assert sample(text, "c360_search_index_writes_total", outcome="written") == 2
    assert re.search(r'c360_search_index_writes_total\{outcome="dead_lettered"\} 0\.0', text)
