"""How a demo REST upstream misbehaves: a real rate limit, plus faults switched on for tests.

`Behaviour` is shared by the helpdesk and marketplace apps. It wraps an app in an ASGI
middleware that, for every non-admin request, in order: counts it; rejects it with 429 and
``Retry-After`` when the fixed-window rate limit is exceeded (or ``reject_next`` says so);
sleeps ``delay_seconds``; answers ``status`` instead of the real response; or replaces the
real body with truncated JSON when ``malformed`` is set. Tests switch faults at runtime with
``POST /admin/faults`` (JSON with any of the `Faults` fields) and read ``GET /admin/stats``.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True)
class Faults:
    """Faults a test can switch on; the defaults are a healthy upstream."""

    delay_seconds: float = 0.0
    status: int | None = None
    malformed: bool = False
    reject_next: int = 0
    retry_after: int = 1
    rate_limit: int = 1_000
    rate_window_seconds: float = 1.0


@dataclass
class Behaviour:
    """Mutable fault state and request counters of one demo upstream (thread-safe)."""

    faults: Faults = field(default_factory=Faults)
    requests: int = 0
    throttled: int = 0
    _window_start: float = 0.0
    _window_count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def set_faults(self, **changes: Any) -> Faults:
        """Replace some fault settings (unknown names raise TypeError)."""
        with self._lock:
            self.faults = replace(self.faults, **changes)
            return self.faults

    def reset(self) -> None:
        """A healthy upstream with zeroed counters."""
        with self._lock:
            self.faults = Faults()
            self.requests = self.throttled = self._window_count = 0
            self._window_start = 0.0

    def admit(self) -> float | None:
        """Count a request; return the Retry-After seconds if it must be rejected with 429."""
        with self._lock:
            self.requests += 1
            faults = self.faults
            if faults.reject_next > 0:
                self.faults = replace(faults, reject_next=faults.reject_next - 1)
                self.throttled += 1
                return float(faults.retry_after)
            now = time.monotonic()
            if now - self._window_start >= faults.rate_window_seconds:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            if self._window_count > faults.rate_limit:
                self.throttled += 1
                return faults.rate_window_seconds - (now - self._window_start)
            return None

    def admin_routes(self) -> list[Route]:
        """``POST /admin/faults``, ``DELETE /admin/faults`` and ``GET /admin/stats``."""

        async def set_faults(request: Request) -> Response:
            body = await request.json()
            known = {f.name for f in fields(Faults)}
            if not isinstance(body, dict) or not set(body) <= known:
                return JSONResponse({"error": f"fields must be among {sorted(known)}"}, 400)
            return JSONResponse(asdict(self.set_faults(**body)))

        async def reset(request: Request) -> Response:
            self.reset()
            return JSONResponse(asdict(self.faults))

        async def stats(request: Request) -> Response:
            return JSONResponse({"requests": self.requests, "throttled": self.throttled})

        return [
            Route("/admin/faults", set_faults, methods=["POST"]),
            Route("/admin/faults", reset, methods=["DELETE"]),
            Route("/admin/stats", stats, methods=["GET"]),
        ]


class _FaultMiddleware:
    def __init__(self, app: ASGIApp, behaviour: Behaviour) -> None:
        self.app = app
        self.behaviour = behaviour

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/admin/"):
            await self.app(scope, receive, send)
            return
        retry_after = self.behaviour.admit()
        faults = self.behaviour.faults
        if retry_after is not None:
            headers = {"Retry-After": str(max(0, math.ceil(retry_after)))}
            response = JSONResponse({"error": "rate limited"}, 429, headers=headers)
            await response(scope, receive, send)
            return
        if faults.delay_seconds:
            await asyncio.sleep(faults.delay_seconds)
        if faults.status is not None:
            await JSONResponse({"error": "injected fault"}, faults.status)(scope, receive, send)
            return
        if faults.malformed:
            await self.app(scope, receive, _truncating(send))
            return
        await self.app(scope, receive, send)


def _truncating(send: Send) -> Send:
    # Keep the status and content type, cut the body in half: JSON that cannot be parsed.
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message["headers"] if k.lower() != b"content-length"]
            message = {**message, "headers": headers}
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            message = {**message, "body": body[: max(1, len(body) // 2)]}
        await send(message)

    return wrapped


def with_behaviour(routes: list[Route], behaviour: Behaviour) -> Starlette:
    """A Starlette app serving ``routes`` and the admin routes, wrapped in ``behaviour``."""
    return Starlette(
        routes=[*routes, *behaviour.admin_routes()],
        middleware=[Middleware(_FaultMiddleware, behaviour=behaviour)],
    )
