"""Exporting traces: an SDK TracerProvider with a batch OTLP/HTTP (protobuf) exporter.

`exporting(...)` installs it into `core.tracing` for a block (the app's lifetime) and on exit
flushes what is queued and shuts the exporter down. Without an endpoint it does nothing: the
API's no-op tracer stays, and no span is ever made.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from core import tracing
from core.tracing import parse_headers

__all__ = ["exporting", "otlp_exporter", "parse_headers", "tracer_provider"]

EXPORT_TIMEOUT_SECONDS = 10.0


def tracer_provider(
    service_name: str, sample_ratio: float, exporter: SpanExporter | None
) -> TracerProvider:
    """A provider sampling `sample_ratio` of new traces (an incoming parent's decision wins),
    batching spans to `exporter` (none: spans are made and dropped)."""
    provider = TracerProvider(
        resource=Resource.create({"service.name": service_name}),
        sampler=ParentBased(TraceIdRatioBased(sample_ratio)),
    )
    if exporter is not None:
        provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def otlp_exporter(endpoint: str, headers: Mapping[str, str]) -> OTLPSpanExporter:
    """OTLP over HTTP with protobuf bodies, to the collector's traces URL."""
    return OTLPSpanExporter(
        endpoint=endpoint, headers=dict(headers), timeout=EXPORT_TIMEOUT_SECONDS
    )


@asynccontextmanager
async def exporting(
    endpoint: str | None,
    *,
    headers: Mapping[str, str] | None = None,
    service_name: str = "customer360-gateway",
    sample_ratio: float = 1.0,
) -> AsyncIterator[None]:
    """Trace to `endpoint` for the block; flush and shut down at its end. None: tracing off."""
    if not endpoint:
        yield
        return
    provider = tracer_provider(service_name, sample_ratio, otlp_exporter(endpoint, headers or {}))
    tracing.install(provider)
    try:
        yield
    finally:
        tracing.uninstall()
        # The exporter posts synchronously: flush off the event loop.
        await asyncio.to_thread(provider.shutdown)
