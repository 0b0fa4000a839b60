"""The 401 answer, counted and audited without letting anonymous callers grow storage.

Every rejection is counted (``c360_auth_rejections_total`` by a fixed reason code). The audit
log gets at most one row per reason per window and process, carrying how many rejections of
that reason went unrecorded since the previous row; its fields are bounded, so neither a burst
of bad tokens nor a 60 KB path grows the append-only table beyond a few short rows a minute.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from core.metrics import Metrics
from store.audit import append_auth_failure

_log = structlog.get_logger("gateway.auth")
_MAX_FIELD_CHARS = 200
AUDIT_WINDOW_SECONDS = 60.0


def _bounded(value: str | None) -> str | None:
    return value if value is None else value[:_MAX_FIELD_CHARS]


class AuthRejections:
    """Builds the 401 response; counts every rejection, audits a bounded sample of them."""

    def __init__(self, metrics: Metrics, window_seconds: float = AUDIT_WINDOW_SECONDS) -> None:
        self._counter = Counter(
            "c360_auth_rejections_total",
            "Requests refused with 401, by reason.",
            ["reason"],
            registry=metrics.registry,
        )
        self._window = window_seconds
        self._last_row: dict[str, float] = {}
        self._unrecorded: dict[str, int] = {}

    def _should_audit(self, reason: str) -> int | None:
        """None to skip; else how many rejections of this reason went unrecorded before."""
        now = time.monotonic()
        last = self._last_row.get(reason)
        if last is not None and now - last < self._window:
            self._unrecorded[reason] = self._unrecorded.get(reason, 0) + 1
            return None
        self._last_row[reason] = now
        return self._unrecorded.pop(reason, 0)

    def respond(self, conn: HTTPConnection, exc: Exception) -> JSONResponse:
        """The 401 body: GraphQL-shaped so clients handle it like any other error."""
        message = str(exc) or "authentication failed"
        # Reason codes are a fixed set (TokenRejected); anything else is one bucket.
        reason = str(getattr(exc, "reason", "other"))
        self._counter.labels(reason).inc()
        sessions: async_sessionmaker[AsyncSession] | None = getattr(conn.state, "sessions", None)
        audit: Callable[[], Awaitable[None]] | None = None
        if sessions is not None:
            unrecorded = self._should_audit(reason)
            if unrecorded is not None:
                detail = {
                    "code": reason,
                    "path": _bounded(conn.url.path),
                    "client": conn.client.host if conn.client else None,
                    "unrecorded_before": unrecorded,
                    "window_seconds": self._window,
                }
                request_id = conn.scope.get("state", {}).get("request_id")
                audit = functools.partial(
                    _append, sessions, str(_bounded(message)), _bounded(request_id), detail
                )
        return _AuditedRejection(
            {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]},
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            audit=audit,
        )


async def _append(
    sessions: async_sessionmaker[AsyncSession],
    reason: str,
    request_id: str | None,
    detail: dict[str, Any],
) -> None:
    try:
        await append_auth_failure(sessions, reason=reason, request_id=request_id, detail=detail)
    except Exception:
        # The 401 is sent regardless; a failed audit write is logged loudly.
        _log.exception("could not audit a rejected token")


class _AuditedRejection(JSONResponse):
    """A 401 whose sampled audit row is appended before it is sent."""

    def __init__(
        self,
        content: Any,
        *,
        status_code: int,
        headers: dict[str, str],
        audit: Callable[[], Awaitable[None]] | None,
    ) -> None:
        super().__init__(content, status_code=status_code, headers=headers)
        self._audit = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._audit is not None:
            await self._audit()
        await super().__call__(scope, receive, send)
