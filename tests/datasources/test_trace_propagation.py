"""Upstream HTTP calls carry the gateway's trace (W3C traceparent) when tracing is on, only then.

A real echo service on loopback records the headers it was sent; the call goes through the
REST plumbing every upstream uses (`open_client`, `get_json`, the source's `Guard`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core import tracing
from core.metrics import Metrics
from datasources.http import get_json, open_client
from datasources.resilience import Guard
from devservices.loopback import serve_asgi
from tests.fixtures.upstreams import FAST

SEEN: list[dict[str, str]] = []


@pytest.fixture(scope="module")
def echo_url() -> Iterator[str]:
    async def echo(request: Request) -> Response:
        SEEN.append(dict(request.headers))
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/echo", echo)])
    with serve_asgi(app, name="echo server") as served:
        yield served.url


@pytest.fixture
async def exported() -> AsyncIterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(provider)
    try:
        yield exporter
    finally:
        tracing.uninstall()
        provider.shutdown()


async def _call(url: str) -> dict[str, str]:
    SEEN.clear()
    async with open_client(url, timeout=5.0, headers={}) as client:
        await get_json(client, Guard("echo", FAST, Metrics()), "/echo")
    assert len(SEEN) == 1
    return SEEN[0]


async def test_an_upstream_call_continues_the_trace(
    echo_url: str, exported: InMemorySpanExporter
) -> None:
    with tracing.server_span("request", {}) as request_span:
        assert request_span is not None
        headers = await _call(echo_url)
    spans = {span.name: span for span in exported.get_finished_spans()}
    upstream = spans["upstream echo"]
    assert upstream.parent is not None
    assert upstream.parent.span_id == request_span.get_span_context().span_id
    trace_id = format(upstream.context.trace_id, "032x")
    span_id = format(upstream.context.span_id, "016x")
    version, sent_trace, parent, flags = headers["traceparent"].split("-")
    assert (version, sent_trace, parent) == ("00", trace_id, span_id)
    assert int(flags, 16) & 1  # sampled


async def test_no_traceparent_outside_a_trace_or_with_tracing_off(
    echo_url: str, exported: InMemorySpanExporter
) -> None:
    assert "traceparent" not in await _call(echo_url)  # on, but no request span: no trace
    assert exported.get_finished_spans() == ()
    tracing.uninstall()
    with tracing.server_span("request", {}) as request_span:
        assert request_span is None
        assert "traceparent" not in await _call(echo_url)
