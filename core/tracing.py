"""OpenTelemetry tracing: one tracer, spans at the gateway's own choke points, off by default.

The tracer comes from the OpenTelemetry API. Until `install` is called (the app does when
``C360_OTLP_ENDPOINT`` is set) a module flag is off and every helper returns at once: no span
objects, no context switches, nothing on the wire. Only the request span (`server_span`) starts
a trace; every other span (`child_span`, `start_child`) is made under a recording parent only,
so background work (the indexer's polls, jobs) and sampled-out requests create none.

Spans never carry what a caller sent or a store holds: no note text, tokens, query variables
or SQL parameters. An error marks its span ERROR with an ``exception`` event that names the
exception's type and the gateway's error code, never its message.

The provider is not made the API's global one: the app installs it for its lifetime and
`uninstall` puts the no-op tracer back (one traced app per process at a time).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, MutableMapping, Sized
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import unquote

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.util.types import AttributeValue

__all__ = [
    "NO_SPAN",
    "SpanKind",
    "annotate",
    "child_span",
    "current_trace_id",
    "enabled",
    "end_span",
    "extract",
    "force_flush",
    "http_server_span",
    "in_trace",
    "inject",
    "install",
    "loader_span",
    "parse_headers",
    "server_span",
    "set_http_status",
    "start_child",
    "uninstall",
]

TRACER_NAME = "customer360"
_PROPAGATOR = TraceContextTextMapPropagator()
Attributes = Mapping[str, AttributeValue]


@dataclass(slots=True)
class _State:
    on: bool
    tracer: Tracer
    provider: Any = None  # the SDK TracerProvider while installed


_state = _State(on=False, tracer=trace.get_tracer(TRACER_NAME))


def enabled() -> bool:
    """Whether spans are being made (a provider is installed)."""
    return _state.on


def install(provider: Any) -> None:
    """Trace through `provider` (an SDK TracerProvider) until `uninstall`."""
    _state.tracer = trace.get_tracer(TRACER_NAME, tracer_provider=provider)
    _state.provider = provider
    _state.on = True


def uninstall() -> Any:
    """Back to the no-op tracer; returns the provider that was installed (to shut down)."""
    provider = _state.provider
    _state.on = False
    _state.provider = None
    _state.tracer = trace.get_tracer(TRACER_NAME)
    return provider


def parse_headers(raw: str) -> dict[str, str]:
    """``k1=v1,k2=v2`` (OTLP's header list, values URL-encoded) as a dict."""
    headers: dict[str, str] = {}
    for item in raw.split(","):
        name, sep, value = item.partition("=")
        if sep and name.strip():
            headers[unquote(name.strip()).lower()] = unquote(value.strip())
    return headers


def record_error(span: Span, error: BaseException) -> None:
    """Mark `span` failed with the error's type and code only (messages may carry data)."""
    if isinstance(error, asyncio.CancelledError):
        span.add_event("cancelled")  # the caller gave up: no verdict on the callee
        return
    name = f"{type(error).__module__}.{type(error).__qualname__}"
    attributes: dict[str, AttributeValue] = {"exception.type": name}
    code = getattr(error, "code", None)
    if isinstance(code, str):
        attributes["c360.error.code"] = code
    span.add_event("exception", attributes)
    span.set_status(Status(StatusCode.ERROR, type(error).__name__))


class _Scope:
    """A started span made current for a block; ended (and errors recorded) on exit."""

    __slots__ = ("_span", "_token")

    def __init__(self, span: Span) -> None:
        self._span = span
        self._token: object = None

    def __enter__(self) -> Span:
        self._token = otel_context.attach(trace.set_span_in_context(self._span))
        return self._span

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is not None:
            record_error(self._span, exc)
        self._span.end()
        otel_context.detach(self._token)  # type: ignore[arg-type]


class _Off:
    """The scope when nothing is traced: enters to None, costs one call."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


_OFF = _Off()
NO_SPAN = _OFF
"""The scope of a block that is not traced (enters to None)."""


def server_span(
    name: str, headers: Mapping[str, str], attributes: Attributes | None = None
) -> _Scope | _Off:
    """The request's span (kind SERVER), continuing an incoming W3C ``traceparent``."""
    if not _state.on:
        return _OFF
    parent = _PROPAGATOR.extract(headers)
    span = _state.tracer.start_span(
        name,
        context=parent,
        kind=SpanKind.SERVER,
        attributes=attributes,
        record_exception=False,
        set_status_on_exception=False,
    )
    return _Scope(span)


_PROPAGATED = (b"traceparent", b"tracestate")


def http_server_span(
    method: str, route: str, raw_headers: Iterable[tuple[bytes, bytes]]
) -> _Scope | _Off:
    """The span of one HTTP request (ASGI headers; `route` a bounded label, not the path)."""
    if not _state.on:
        return _OFF
    headers = {
        name.decode("latin-1"): value.decode("latin-1")
        for name, value in raw_headers
        if name in _PROPAGATED
    }
    attributes = {"http.request.method": method, "http.route": route}
    return server_span(f"{method} {route}", headers, attributes)


def set_http_status(span: Span | None, status: int) -> None:
    """Record the response status on the request span; a 5xx marks it failed."""
    if span is None:
        return
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR, f"HTTP {status}"))


def in_trace() -> bool:
    """Whether the current span records: a child span made now would be kept."""
    return _state.on and trace.get_current_span().is_recording()


def start_child(
    name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: Attributes | None = None
) -> Span | None:
    """A span under the current one, not made current (end it with `end_span`); None when
    off or outside a recording span."""
    if not _state.on or not trace.get_current_span().is_recording():
        return None
    return _state.tracer.start_span(
        name,
        kind=kind,
        attributes=attributes,
        record_exception=False,
        set_status_on_exception=False,
    )


def end_span(span: Span, error: BaseException | None = None) -> None:
    """End a span of `start_child`, recording `error` if there was one."""
    if error is not None:
        record_error(span, error)
    span.end()


def child_span(
    name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: Attributes | None = None
) -> _Scope | _Off:
    """A span under the current one for the block (a no-op when off or outside a trace)."""
    if not _state.on:
        return _OFF
    span = start_child(name, kind=kind, attributes=attributes)
    return _OFF if span is None else _Scope(span)


def loader_span(loader: object, keys: Sized) -> _Scope | _Off:
    """The span of one dataloader batch: the loader's class and how many keys it batched."""
    if not _state.on:
        return _OFF
    name = getattr(loader, "trace_name", None) or type(loader).__name__
    return child_span(
        f"loader {name}", attributes={"c360.loader": name, "c360.loader.keys": len(keys)}
    )


def annotate(**attributes: AttributeValue) -> None:
    """Set attributes on the current span (nothing when off)."""
    if not _state.on:
        return
    span = trace.get_current_span()
    if span.is_recording():
        span.set_attributes(attributes)


def current_trace_id() -> str | None:
    """The current trace's id (32 hex digits) when tracing is on and it is sampled."""
    if not _state.on:
        return None
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid or not span_context.trace_flags.sampled:
        return None
    return format(span_context.trace_id, "032x")


def extract(headers: Mapping[str, str]) -> otel_context.Context:
    """The context an incoming ``traceparent`` names (empty without one)."""
    return _PROPAGATOR.extract(headers)


def inject(headers: MutableMapping[str, str]) -> None:
    """Add ``traceparent`` for the current span to outgoing headers (nothing when off)."""
    if _state.on and trace.get_current_span().is_recording():
        _PROPAGATOR.inject(headers)


def force_flush(timeout_seconds: float = 10.0) -> bool:
    """Export every finished span now (True when done in time, or when off)."""
    provider = _state.provider
    if provider is None:
        return True
    return bool(provider.force_flush(int(timeout_seconds * 1000)))
