"""A real OTLP/HTTP traces receiver on loopback: what a collector would be sent, decoded.

Serves ``POST /v1/traces`` (protobuf `ExportTraceServiceRequest`) with uvicorn in a thread
and keeps every span it is sent as an `ExportedSpan`; the tracing benchmark exports to it and
the tracing tests read it back.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from devservices.loopback import serve_asgi

PROTOBUF = "application/x-protobuf"


@dataclass(frozen=True, slots=True)
class ExportedSpan:
    """One span as the receiver decoded it (ids as hex, attributes as Python values)."""

    name: str
    trace_id: str
    span_id: str
    parent_span_id: str
    kind: int
    status_code: int
    attributes: dict[str, object]
    events: list[tuple[str, dict[str, object]]]
    resource: dict[str, object]


def _value(value: AnyValue) -> object:
    kind = value.WhichOneof("value")
    if kind == "array_value":
        return [_value(each) for each in value.array_value.values]
    return getattr(value, kind) if kind else None


@dataclass
class Receiver:
    """The spans received so far; `url` is the traces endpoint to configure."""

    url: str = ""
    spans: list[ExportedSpan] = field(default_factory=list)
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, request: ExportTraceServiceRequest) -> None:
        """Keep every span of one export request."""
        found: list[ExportedSpan] = []
        for resource_spans in request.resource_spans:
            resource = {a.key: _value(a.value) for a in resource_spans.resource.attributes}
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    found.append(
                        ExportedSpan(
                            name=span.name,
                            trace_id=span.trace_id.hex(),
                            span_id=span.span_id.hex(),
                            parent_span_id=span.parent_span_id.hex(),
                            kind=span.kind,
                            status_code=span.status.code,
                            attributes={a.key: _value(a.value) for a in span.attributes},
                            events=[
                                (e.name, {a.key: _value(a.value) for a in e.attributes})
                                for e in span.events
                            ],
                            resource=resource,
                        )
                    )
        with self.lock:
            self.spans.extend(found)
            self.requests += 1

    def trace(self, trace_id: str) -> list[ExportedSpan]:
        """The spans of one trace received so far."""
        with self.lock:
            return [span for span in self.spans if span.trace_id == trace_id]

    def clear(self) -> None:
        """Forget what was received."""
        with self.lock:
            self.spans.clear()
            self.requests = 0


def _app(receiver: Receiver) -> Starlette:
    async def traces(request: Request) -> Response:
        message = ExportTraceServiceRequest()
        message.ParseFromString(await request.body())
        receiver.take(message)
        return Response(ExportTraceServiceResponse().SerializeToString(), media_type=PROTOBUF)

    return Starlette(routes=[Route("/v1/traces", traces, methods=["POST"])])


@contextmanager
def otlp_receiver() -> Iterator[Receiver]:
    """A receiver serving on a free loopback port until the block exits."""
    receiver = Receiver()
    with serve_asgi(_app(receiver), name="OTLP receiver") as served:
        receiver.url = f"{served.url}/v1/traces"
        yield receiver
