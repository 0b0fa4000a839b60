"""ASGI middleware: request id + trace + access log + request metrics, and the body limit."""

from __future__ import annotations

import json
import re
import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core import tracing
from core.metrics import Metrics

_log = structlog.get_logger("gateway.access")
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RequestContextMiddleware:
    """Binds a request id (from ``X-Request-ID`` or fresh), logs and counts every request."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        route = _route_label(scope["path"])
        try:
            span_scope = (
                tracing.http_server_span(scope["method"], route, scope["headers"])
                if route not in _UNTRACED
                else tracing.NO_SPAN
            )
            with span_scope as span:
                trace_id = tracing.current_trace_id()
                if trace_id is not None:  # on every log line of the request, like its id
                    structlog.contextvars.bind_contextvars(trace_id=trace_id)
                try:
                    await self.app(scope, receive, send_with_id)
                finally:
                    tracing.set_http_status(span, status)
        finally:
            elapsed = time.perf_counter() - started
            self.metrics.http_requests.labels(scope["method"], route, str(status)).inc()
            self.metrics.http_latency.labels(scope["method"], route).observe(elapsed)
            _log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status,
                duration_ms=round(elapsed * 1000, 2),
            )
            structlog.contextvars.clear_contextvars()


# Probes and scrapes arrive every few seconds and would bury the traces worth reading.
_UNTRACED = {"/healthz", "/readyz", "/metrics"}

_KNOWN_ROUTES = {
    "/graphql",
    "/healthz",
    "/readyz",
    "/health",
    "/metrics",
    "/schema.graphql",
    "/",
    "/attachments",
}


def _route_label(path: str) -> str:
    # Unbounded label values would let any client grow the metrics without limit.
    if path.startswith("/attachments/") and "/" not in path[len("/attachments/") :]:
        return "/attachments/{id}"
    return path if path in _KNOWN_ROUTES else "other"


class BodyLimitMiddleware:
    """Answers 413 when a request body exceeds the configured size, before it is parsed."""

    def __init__(self, app: ASGIApp, max_bytes: int, own_limit_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Routes that stream their body and enforce their own (larger) limit as it arrives.
        self.own_limit_paths = own_limit_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.own_limit_paths:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        received = 0
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _BodyTooLarge
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._reject(send)
        if too_large and not started:
            return

    async def _reject(self, send: Send) -> None:
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": f"request body exceeds {self.max_bytes} bytes",
                        "extensions": {"code": "PAYLOAD_TOO_LARGE"},
                    }
                ]
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    pass
