"""Note writes over HTTP: sustained createNote throughput, and commit-to-searchable freshness.

The gateway runs in its own process with its background indexer on; the store and search
backend are whatever the run uses (PostgreSQL + OpenSearch in the full run, SQLite + the
embedded index in the smoke run). Freshness is measured from the moment createNote answers
(the note is committed) until searchNotes finds the note by a word only it contains.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from bench.gateway_process import GatewayProcess
from bench.latency import Latencies
from bench.report import Figure
from bench.services import drop_search_indexes
from core.settings import Settings
from demo.seed import seed
from gateway.auth import mint_token
from store.db import create_engine
from store.migrate import async_upgrade

CREATE = """
mutation Create($input: CreateNoteInput!) {
  createNote(input: $input) { note { id } errors { field code message } }
}
"""
FIND = """
query Find($q: String!) { searchNotes(query: $q, first: 1) { totalCount } }
"""
CUSTOMERS = "query { customers(first: 50) { edges { node { id } } } }"
FRESHNESS_TARGET_MS = 1_000.0
_POLL_SECONDS = 0.01


async def run(
    *,
    store_url: str | None,
    opensearch_url: str | None,
    notes: int,
    creates: int,
    concurrency: int,
    freshness_samples: int,
) -> list[Figure]:
    """Seed a small store, start the gateway, and measure both figures."""
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        url = store_url or f"sqlite+aiosqlite:///{directory / 'store.db'}"
        await async_upgrade(url)
        engine = create_engine(url)
        try:
            await seed(engine, customers=50, notes=notes)
        finally:
            await engine.dispose()
        settings: dict[str, Any] = {
            "environment": "test",
            "database_url": url,
            "opensearch_url": opensearch_url,
            "opensearch_index_prefix": f"bench-writes-{uuid.uuid4().hex[:8]}",
            "search_embedded_path": str(directory / "search.db"),
            "search_indexer": True,
            # The same note text goes to the same customers on purpose: not duplicates here.
            "duplicate_check": False,
            "log_level": "WARNING",
            "log_json": False,
        }
        token = mint_token(Settings.model_validate(settings), subject="agent-2", roles=("manager",))
        try:
            with GatewayProcess(directory, settings) as gateway:
                headers = {"Authorization": f"Bearer {token}"}
                async with httpx.AsyncClient(
                    base_url=gateway.url, headers=headers, timeout=60
                ) as http:
                    return await _measure(http, creates, concurrency, freshness_samples)
        finally:
            if opensearch_url:
                await drop_search_indexes(opensearch_url, settings["opensearch_index_prefix"])


async def _graphql(http: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body["errors"]
    data: dict[str, Any] = body["data"]
    return data


async def _create(http: httpx.AsyncClient, customer_id: str, subject: str) -> None:
    data = await _graphql(
        http,
        CREATE,
        input={
            "customerId": customer_id,
            "subject": subject,
            "body": "Called about the delivery window; customer prefers mornings.",
            "category": "GENERAL",
            "type": "INTERACTION_LOG",
            "scope": "INTERNAL",
            "tags": ["delivery"],
        },
    )
    errors = data["createNote"]["errors"]
    assert not errors, errors


async def _measure(
    http: httpx.AsyncClient, creates: int, concurrency: int, samples: int
) -> list[Figure]:
    edges = (await _graphql(http, CUSTOMERS))["customers"]["edges"]
    customers = [edge["node"]["id"] for edge in edges]
    await _create(http, customers[0], "warm-up note")
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(creates):
        queue.put_nowait(index)

    async def client() -> None:
        while not queue.empty():
            index = queue.get_nowait()
            await _create(http, customers[index % len(customers)], f"Bench note {index}")

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    rate = creates / (time.perf_counter() - started)

    delays: list[float] = []
    for index in range(samples):
        word = f"fresh{uuid.uuid4().hex[:12]}"
        await _create(http, customers[index % len(customers)], f"Freshness probe {word}")
        committed = time.perf_counter()
        while (await _graphql(http, FIND, q=word))["searchNotes"]["totalCount"] < 1:
            if time.perf_counter() - committed > 30:
                raise TimeoutError(f"note {word} not searchable after 30 s")
            await asyncio.sleep(_POLL_SECONDS)
        delays.append((time.perf_counter() - committed) * 1000)
    fresh = Latencies(tuple(delays))
    return [
        Figure(
            f"createNote over HTTP ({concurrency} concurrent clients)",
            rate,
            "notes/s",
            detail=f"{creates} notes",
        ),
        Figure(
            "commit-to-searchable freshness, p50",
            fresh.p50,
            "ms",
            f"<= {FRESHNESS_TARGET_MS:,.0f} ms (p95)",
            fresh.p95 <= FRESHNESS_TARGET_MS,
            f"p95 {fresh.p95:.0f} ms over {samples} notes",
        ),
    ]
