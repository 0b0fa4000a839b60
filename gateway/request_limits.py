"""What one request, and one principal, may take: head size, concurrency, time, answer size.

`RequestLimitsMiddleware` sits after authentication, so it knows who is asking:

- request line and headers over the limits get 414 / 431 before anything reads them
  (`gateway.server` also enforces the limit while the head is still arriving, for `serve`);
- a subject with `max_requests_per_principal` GraphQL requests in flight gets 429 with
  ``Retry-After`` for the next one, so one caller cannot occupy the process;
- a GraphQL request still running after `request_deadline_seconds` is cancelled and answered
  504 DEADLINE_EXCEEDED; the cancellation reaches upstream calls as cancellation, which the
  circuit breakers do not count as an upstream failure;
- an answer larger than `max_response_bytes` is replaced by RESPONSE_TOO_LARGE.

Every refusal is GraphQL-shaped JSON with ``extensions.code``. The in-flight counts are per
process: each gateway instance protects its own event loop.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings
from gateway.auth import PrincipalUser

_log = structlog.get_logger("gateway.limits")
_LIMITED_PATHS = frozenset({"/graphql"})


def error_body(message: str, code: str, **extensions: Any) -> bytes:
    """A GraphQL-shaped error answer: no data, one error with a code."""
    error = {"message": message, "extensions": {"code": code, **extensions}}
    return json.dumps({"data": None, "errors": [error]}).encode()


def head_refusal(scope: Scope, settings: Settings) -> tuple[int, bytes] | None:
    """414 or 431 with a body when the request line or headers exceed the limits."""
    url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(
        scope.get("query_string", b"")
    )
    if url_bytes > settings.max_url_bytes:
        message = f"request target of {url_bytes} bytes exceeds {settings.max_url_bytes}"
        return 414, error_body(message, "URI_TOO_LONG", limit=settings.max_url_bytes)
    header_bytes = sum(len(name) + len(value) + 4 for name, value in scope["headers"])
    if header_bytes > settings.max_header_bytes:
        message = f"request headers of {header_bytes} bytes exceed {settings.max_header_bytes}"
        return 431, error_body(
            message, "REQUEST_HEADER_FIELDS_TOO_LARGE", limit=settings.max_header_bytes
        )
    return None


async def send_json(
    send: Send, status: int, body: bytes, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """Send a complete JSON response."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _subject(scope: Scope) -> str:
    user = scope.get("user")
    return user.principal.subject if isinstance(user, PrincipalUser) else "anonymous"


class RequestLimitsMiddleware:
    """Head size limits for every request; concurrency, deadline and answer size for GraphQL."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.in_flight: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = head_refusal(scope, self.settings)
        if refusal is not None:
            await send_json(send, *refusal)
            return
        if scope["path"] not in _LIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        subject = _subject(scope)
        limit = self.settings.max_requests_per_principal
        if self.in_flight[subject] >= limit:
            body = error_body(
                f"{limit} requests of this caller are already in flight; retry shortly",
                "TOO_MANY_REQUESTS",
                limit=limit,
            )
            await send_json(send, 429, body, ((b"retry-after", b"1"),))
            return
        self.in_flight[subject] += 1
        try:
            await self._bounded(scope, receive, send)
        finally:
            self.in_flight[subject] -= 1
            if self.in_flight[subject] <= 0:
                del self.in_flight[subject]  # the counter holds only subjects in flight

    async def _bounded(self, scope: Scope, receive: Receive, send: Send) -> None:
        deadline = self.settings.request_deadline_seconds
        answer = _CappedAnswer(send, self.settings.max_response_bytes)
        try:
            async with asyncio.timeout(deadline):
                await self.app(scope, receive, answer.send)
        except TimeoutError:
            if answer.started:
                raise
            _log.warning("request deadline exceeded", deadline_seconds=deadline)
            body = error_body(
                f"the request did not finish within {deadline:g} seconds",
                "DEADLINE_EXCEEDED",
                deadlineSeconds=deadline,
            )
            await send_json(send, 504, body)


class _CappedAnswer:
    """Passes an answer through, or replaces one whose declared length is over the cap."""

    def __init__(self, send: Send, max_bytes: int) -> None:
        self._send = send
        self.max_bytes = max_bytes
        self.started = False
        self._replaced = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            length = dict(message.get("headers", [])).get(b"content-length", b"")
            if length.isdigit() and int(length) > self.max_bytes:
                self._replaced = True
                _log.warning("response too large", bytes=int(length), limit=self.max_bytes)
                body = error_body(
                    f"the answer of {int(length)} bytes exceeds {self.max_bytes}; ask for "
                    "smaller pages or fewer fields",
                    "RESPONSE_TOO_LARGE",
                    limit=self.max_bytes,
                )
                await send_json(self._send, 200, body)
                return
        if self._replaced:
            return  # the original body is dropped
        await self._send(message)
