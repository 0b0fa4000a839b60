"""Tracing on the production parts: PostgreSQL statements (asyncpg) and OpenSearch calls land
in the request's trace, exported to a real OTLP/HTTP receiver on loopback."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from bench.otlp_receiver import Receiver, otlp_receiver
from core import tracing
from core.settings import Settings
from demo.seed import seed
from demo.upstreams.serve import DemoUpstreams
from devservices.postgres import create_database, drop_database
from store.db import create_engine
from store.migrate import async_upgrade
from tests.fixtures.app import TokenFactory, serve_in_thread
from tests.fixtures.upstreams import DEMO_CUSTOMERS, DEMO_SEED, FAST

pytestmark = [pytest.mark.postgres, pytest.mark.opensearch]

SERVER = 2  # OTLP's SpanKind SERVER
QUERY = """
query Traced($id: ID!) {
  customer(id: $id) {
    name
    tickets { edges { node { id } } }
    notes(first: 3) { edges { node { subject } } }
  }
  searchNotes(query: "delivery", first: 3) { totalCount }
}
"""


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with otlp_receiver() as running:
        yield running


@pytest.fixture(scope="module")
async def gateway_settings(
    postgres_server: Any, opensearch_server: Any, receiver: Receiver
) -> AsyncIterator[Settings]:
    name = f"gateway_traced_{uuid.uuid4().hex[:8]}"
    url = await create_database(postgres_server.admin_dsn, name)
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=DEMO_CUSTOMERS, notes=50, seed=DEMO_SEED)
    finally:
        await engine.dispose()
    yield Settings(
        environment="test",
        database_url=url,
        opensearch_url=opensearch_server.url,
        opensearch_index_prefix=f"traced-{uuid.uuid4().hex[:8]}",
        log_json=False,
        log_level="WARNING",
        otlp_endpoint=receiver.url,
    )
    await drop_database(postgres_server.admin_dsn, name)


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings, demo_upstreams_sqlite: DemoUpstreams) -> Iterator[str]:
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    with serve_in_thread(gateway_settings, config) as url:
        yield url


async def test_postgresql_and_opensearch_spans_hang_under_the_request(
    http: httpx.AsyncClient, token_for: TokenFactory, receiver: Receiver
) -> None:
    token = token_for("manager", sub="agent-2")
    for _ in range(100):  # a new index answers 503 until its shards are allocated
        warm = await http.post(
            "/graphql",
            json={"query": '{ searchNotes(query: "x", first: 1) { totalCount } }'},
            headers={"Authorization": f"Bearer {token}"},
        )
        if warm.json()["data"]["searchNotes"] is not None:
            break
        await asyncio.sleep(0.1)
    trace_id, parent_id = secrets.token_hex(16), secrets.token_hex(8)
    response = await http.post(
        "/graphql",
        json={"query": QUERY, "variables": {"id": "cust-00001"}},
        headers={
            "Authorization": f"Bearer {token}",
            "traceparent": f"00-{trace_id}-{parent_id}-01",
        },
    )
    body = response.json()
    assert body["data"]["searchNotes"] is not None, body
    for _ in range(200):  # the request span ends just after the answer is sent
        assert tracing.force_flush()
        if any(span.kind == SERVER for span in receiver.trace(trace_id)):
            break
        await asyncio.sleep(0.01)

    spans = receiver.trace(trace_id)
    by_id = {span.span_id: span for span in spans}
    (root,) = [span for span in spans if span.kind == SERVER]
    assert root.parent_span_id == parent_id
    for span in spans:
        ancestor = span
        while ancestor is not root:
            assert ancestor.parent_span_id in by_id, (span.name, ancestor.name)
            ancestor = by_id[ancestor.parent_span_id]
    statements = [span for span in spans if span.name.startswith("db ")]
    assert statements
    assert {span.attributes["db.system"] for span in statements} == {"postgresql"}
    searches = [span for span in spans if span.name == "search search"]
    assert searches
    assert searches[0].attributes["db.system"] == "opensearch"
    assert any(span.name == "upstream helpdesk" for span in spans)
