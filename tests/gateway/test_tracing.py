"""Tracing on: a real OTLP/HTTP receiver on loopback gets the request's spans, nothing secret.

The gateway serves a seeded SQLite store, the embedded search and the demo upstreams (SQL
databases and REST services), exporting to `bench.otlp_receiver`; each test flushes the
exporter and reads back what a collector would have been sent.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import structlog
from structlog.testing import capture_logs

from bench.otlp_receiver import ExportedSpan, Receiver, otlp_receiver
from core import tracing
from core.settings import Settings
from demo.upstreams.serve import DemoUpstreams
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import FAST, demo_store

CANARY = "zebracanary-" + secrets.token_hex(4)
SERVER, CLIENT = 2, 3  # OTLP's SpanKind numbers
ERROR = 2  # OTLP's STATUS_CODE_ERROR

CREATE = """
mutation Plant($input: CreateNoteInput!) {
  createNote(input: $input) { note { id } errors { field code message } }
}
"""
CUSTOMER360 = """
query Customer360($id: ID!, $q: String!) {
  customer(id: $id) {
    name
    orders(first: 5) { edges { node { number channel } } }
    tickets { edges { node { id subject } } }
    notes(first: 5) { edges { node { subject body } } }
  }
  searchNotes(query: $q, first: 5) { totalCount }
}
"""
MISSING = 'query Missing { customer(id: "cust-99999") { name } }'


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with otlp_receiver() as running:
        yield running


@pytest.fixture(scope="module")
async def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return await demo_store(tmp_path_factory.mktemp("traced-store"), notes=50)


@pytest.fixture(scope="module")
def gateway_settings(
    store_url: str, receiver: Receiver, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("traced"),
        database_url=store_url,
        otlp_endpoint=receiver.url,
        otlp_service_name="c360-under-test",
        log_level="INFO",
        agents_jit=True,
    )


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings, demo_upstreams_sqlite: DemoUpstreams) -> Iterator[str]:
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    with serve_in_thread(gateway_settings, config) as url:
        yield url


async def _post(
    http: httpx.AsyncClient, token: str, query: str, headers: dict[str, str] | None = None, **v: Any
) -> Any:
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": v},
        headers={"Authorization": f"Bearer {token}", **(headers or {})},
    )
    assert response.status_code == 200, response.text
    return response.json()


def _flushed(receiver: Receiver, trace_id: str) -> list[ExportedSpan]:
    # The request span ends just after the answer is sent: wait for it, then flush once more.
    for _ in range(200):
        assert tracing.force_flush()
        if any(span.kind == SERVER for span in receiver.trace(trace_id)):
            break
        time.sleep(0.01)
    return receiver.trace(trace_id)


def _values(span: ExportedSpan) -> list[str]:
    found = [str(value) for value in span.attributes.values()]
    found += [str(value) for _, attributes in span.events for value in attributes.values()]
    return [*found, span.name]


async def test_a_customer360_is_one_trace_with_upstream_store_and_search_spans(
    http: httpx.AsyncClient, token_for: TokenFactory, receiver: Receiver
) -> None:
    token = token_for("manager", sub="agent-2")
    planted = await _post(
        http,
        token,
        CREATE,
        input={
            "customerId": "cust-00001",
            "subject": f"Subject {CANARY}",
            "body": f"Body with {CANARY} inside",
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": "SALES",
        },
    )
    assert planted["data"]["createNote"]["errors"] == [], planted
    trace_id, parent_id = secrets.token_hex(16), secrets.token_hex(8)
    incoming = {"traceparent": f"00-{trace_id}-{parent_id}-01"}
    body = await _post(http, token, CUSTOMER360, incoming, id="cust-00001", q=CANARY)
    assert body["data"]["customer"]["tickets"] is not None, body
    assert body["data"]["searchNotes"] is not None, body

    spans = _flushed(receiver, trace_id)
    by_id = {span.span_id: span for span in spans}
    servers = [span for span in spans if span.kind == SERVER]
    assert len(servers) == 1, [span.name for span in spans]
    root = servers[0]
    assert root.parent_span_id == parent_id  # continues the caller's trace
    assert root.name == "POST /graphql"
    assert root.attributes["http.request.method"] == "POST"
    assert root.attributes["http.route"] == "/graphql"
    assert root.attributes["http.response.status_code"] == 200
    assert root.attributes["graphql.operation.name"] == "Customer360"
    assert root.attributes["graphql.operation.type"] == "query"
    assert root.resource["service.name"] == "c360-under-test"
    for span in spans:
        if span is root:
            continue
        # Every other span hangs under the request span, through parents of the same trace.
        ancestor = span
        while ancestor is not root:
            assert ancestor.parent_span_id in by_id, (span.name, ancestor.name)
            ancestor = by_id[ancestor.parent_span_id]

    upstream = {
        s.attributes["c360.upstream.source"] for s in spans if s.name.startswith("upstream")
    }
    assert {"helpdesk", "marketplace", "oms"} <= upstream, upstream
    assert all(s.kind == CLIENT for s in spans if s.name.startswith("upstream "))
    statements = [s for s in spans if s.name.startswith("db ")]
    assert statements, [span.name for span in spans]
    assert {s.attributes["db.system"] for s in statements} == {"sqlite"}
    assert all(len(str(s.attributes["db.statement"])) <= 300 for s in statements)
    assert [s for s in spans if s.name == "search search"], [span.name for span in spans]
    loaders = {s.attributes["c360.loader"] for s in spans if s.name.startswith("loader ")}
    assert {"TicketPageByQueryLoader", "OrderPagesLoader", "PagesLoader notes"} <= loaders, loaders

    # The note text, the search words (query variables) and the token reach no span.
    every = [span for span in receiver.spans]
    for span in every:
        for value in _values(span):
            assert CANARY not in value, (span.name, value)
            assert token not in value, span.name
        assert "authorization" not in str(span.attributes).lower()


async def test_an_error_carries_the_trace_id_and_so_do_the_log_lines(
    http: httpx.AsyncClient, token_for: TokenFactory, receiver: Receiver
) -> None:
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        body = await _post(http, token_for("manager", sub="agent-2"), MISSING)
        for _ in range(200):  # the access line is written once the answer has been sent
            if any(line["event"] == "request" for line in logs):
                break
            await asyncio.sleep(0.01)
    error = body["errors"][0]
    assert error["extensions"]["code"] == "NOT_FOUND"
    trace_id = error["extensions"]["traceId"]

    spans = _flushed(receiver, trace_id)
    roots = [span for span in spans if span.kind == SERVER]
    assert len(roots) == 1
    assert roots[0].parent_span_id == ""  # a trace of its own
    assert roots[0].attributes["graphql.operation.name"] == "Missing"
    access = [line for line in logs if line["event"] == "request"]
    assert access, logs
    assert all(line["trace_id"] == trace_id for line in access)


async def test_a_failing_upstream_marks_its_span_without_its_message(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    receiver: Receiver,
    demo_upstreams_sqlite: DemoUpstreams,
) -> None:
    behaviour = demo_upstreams_sqlite.helpdesk.behaviour
    behaviour.set_faults(status=500)
    try:
        token = token_for("manager", sub="agent-2")
        body = await _post(http, token, CUSTOMER360, id="cust-00003", q="x")
    finally:
        behaviour.reset()
    failures = [e for e in body["errors"] if e["extensions"].get("source") == "helpdesk"]
    assert failures, body
    trace_id = failures[0]["extensions"]["traceId"]

    helpdesk = [s for s in _flushed(receiver, trace_id) if s.name == "upstream helpdesk"]
    assert helpdesk
    assert all(span.status_code == ERROR for span in helpdesk)
    events = [
        attributes for span in helpdesk for name, attributes in span.events if name == "exception"
    ]
    assert events
    assert all(event["c360.error.code"] == "UPSTREAM_UNAVAILABLE" for event in events)
    assert all("exception.message" not in event for event in events)


async def test_probes_and_scrapes_are_not_traced(
    http: httpx.AsyncClient, receiver: Receiver
) -> None:
    for path in ("/healthz", "/readyz", "/metrics", "/schema.graphql"):
        await http.get(path)
    for _ in range(200):
        assert tracing.force_flush()
        routes = {s.attributes.get("http.route") for s in receiver.spans if s.kind == SERVER}
        if "/schema.graphql" in routes:
            break
        await asyncio.sleep(0.01)
    assert "/schema.graphql" in routes  # a request like any other
    assert not routes & {"/healthz", "/readyz", "/metrics"}


async def test_a_persisted_operation_names_its_id_on_the_request_span(
    http: httpx.AsyncClient, token_for: TokenFactory, receiver: Receiver
) -> None:
    document = 'query Persisted { customer(id: "cust-99998") { name } }'
    persisted = {
        "persistedQuery": {
            "version": 1,
            "sha256Hash": hashlib.sha256(document.encode()).hexdigest(),
        }
    }
    headers = {"Authorization": f"Bearer {token_for('manager', sub='agent-2')}"}
    first = await http.post(
        "/graphql", json={"query": document, "extensions": persisted}, headers=headers
    )
    assert first.status_code == 200, first.text
    second = await http.post("/graphql", json={"extensions": persisted}, headers=headers)
    trace_id = second.json()["errors"][0]["extensions"]["traceId"]

    (root,) = [span for span in _flushed(receiver, trace_id) if span.kind == SERVER]
    assert (
        root.attributes["c360.persisted_operation.id"] == persisted["persistedQuery"]["sha256Hash"]
    )
    assert root.attributes["graphql.operation.name"] == "Persisted"
