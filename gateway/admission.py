"""Admission before authentication: a flooding caller is turned away for next to nothing.

`AdmissionMiddleware` sits in front of the token check and the body, keyed by a hash of the
request's ``Authorization`` header (one credential, one principal):

- a credential whose budget this process saw spent is refused from `RefusalCache` until its
  window ends (or the token expires): the documented 429 with ``Retry-After`` and
  RATE_LIMITED, without verifying the token, reading the body, parsing GraphQL or asking the
  store. The first refusal of a window is still decided after authentication
  (schema/rate_limit.py); only the replay is cached, so a different token is never refused
  from here;
- such a refusal is held back up to `rate_limit_tarpit_seconds` first (a sleep, no CPU), so a
  client that ignores Retry-After slows itself down; at most `max_parked_requests` requests
  are held at once, the rest are answered at once;
- one credential has at most `max_inflight_per_principal` GraphQL requests admitted at a time;
  the next ones wait (parked, also within `max_parked_requests`) up to
  `inflight_wait_seconds` for a slot, else get 429 TOO_MANY_REQUESTS with ``Retry-After``:
  64 connections of one caller cannot take the event loop from the others.

`PartnerAdmissionMiddleware`, after authentication, caps a partner's principals together
(`max_inflight_per_partner`) the same way.

All of it is per process, like the event loop it protects.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.errors import RateLimited
from core.settings import Settings
from gateway.auth import PrincipalUser
from gateway.request_body import JSON, content_type, response_media_type
from schema.rate_limit import budget_name, budgets_for, refusal_message

_PATHS = frozenset({"/graphql"})
_MAX_REMEMBERED = 10_000


def credential_key(scope: Scope) -> bytes | None:
    """A hash of the request's Authorization header (None without one): the cache key, so
    the process never keeps a token itself."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            return hashlib.blake2b(value, digest_size=16).digest()
    return None


@dataclass(frozen=True, slots=True)
class Refusal:
    """A spent budget of one credential: which, its limit, and until when it is refused."""

    budget: str  # PRINCIPAL or PARTNER
    limit: int
    window_seconds: int
    until: float  # Unix time: the window's end, or the token's expiry if sooner

    def retry_after(self, now: float) -> int:
        """Seconds to the end of the refusal (at least 1)."""
        return max(1, math.ceil(self.until - now))

    def body(self, now: float) -> bytes:
        """The RATE_LIMITED answer, as the gateway gives it after authentication."""
        retry_after = self.retry_after(now)
        error = RateLimited(
            refusal_message(self.budget, self.limit, self.window_seconds, retry_after),
            budget=self.budget,
            limit=self.limit,
            retryAfter=retry_after,
        )
        payload = {
            "data": None,
            "errors": [{"message": error.message, "extensions": error.graphql_extensions()}],
        }
        return json.dumps(payload).encode()


class RefusalCache:
    """Refusals by credential hash, each until its `until`; bounded in size."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._refusals: dict[bytes, Refusal] = {}

    def get(self, key: bytes) -> Refusal | None:
        """The credential's refusal, if it still holds."""
        refusal = self._refusals.get(key)
        if refusal is None:
            return None
        if refusal.until <= self._clock():
            del self._refusals[key]
            return None
        return refusal

    def remember(self, key: bytes, refusal: Refusal) -> None:
        """Refuse the credential until `refusal.until`."""
        if len(self._refusals) >= _MAX_REMEMBERED:
            now = self._clock()
            self._refusals = {k: r for k, r in self._refusals.items() if r.until > now}
            if len(self._refusals) >= _MAX_REMEMBERED:
                return  # still full: this one is refused after authentication instead
        self._refusals[key] = refusal


@dataclass
class _Slots:
    in_flight: int = 0
    waiting: deque[asyncio.Future[None]] = field(default_factory=deque)


class InflightGate:
    """At most `limit` admitted requests per credential; the next wait for a freed slot."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots: dict[bytes, _Slots] = {}

    def in_flight(self, key: bytes) -> int:
        """Admitted requests of the credential now."""
        slots = self._slots.get(key)
        return slots.in_flight if slots else 0

    def try_acquire(self, key: bytes) -> bool:
        """Take a slot if one is free (nobody waits for it)."""
        slots = self._slots.setdefault(key, _Slots())
        if slots.in_flight < self.limit and not slots.waiting:
            slots.in_flight += 1
            return True
        return False

    async def acquire(self, key: bytes, wait_seconds: float) -> bool:
        """Wait up to `wait_seconds` for a slot; whether one was taken."""
        if self.try_acquire(key):
            return True
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._slots[key].waiting.append(waiter)
        try:
            async with asyncio.timeout(wait_seconds):
                await waiter
        except TimeoutError:
            pass
        except BaseException:
            self._abandon(key, waiter)  # e.g. the client went away
            raise
        if waiter.done() and not waiter.cancelled():
            return True  # handed a slot, even if the timeout struck at the same moment
        self._abandon(key, waiter)
        return False

    def _abandon(self, key: bytes, waiter: asyncio.Future[None]) -> None:
        """A waiter leaves: its place in the queue goes, or the slot it was handed goes on."""
        if waiter.done() and not waiter.cancelled():
            self.release(key)
            return
        waiter.cancel()
        slots = self._slots.get(key)
        if slots is not None and waiter in slots.waiting:
            slots.waiting.remove(waiter)
        self._forget(key)

    def release(self, key: bytes) -> None:
        """Free a slot: handed to the longest waiter, if any."""
        slots = self._slots[key]
        while slots.waiting:
            waiter = slots.waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        slots.in_flight -= 1
        self._forget(key)

    def _forget(self, key: bytes) -> None:
        slots = self._slots.get(key)
        if slots is not None and slots.in_flight <= 0 and not slots.waiting:
            del self._slots[key]


def _token_expiry(scope: Scope) -> float | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            token = value.decode("latin-1").partition(" ")[2].strip()
            try:
                # Verified by the authentication that just admitted it; only `exp` is read.
                claims = jwt.decode(token, options={"verify_signature": False})
            except jwt.PyJWTError:
                return None
            exp = claims.get("exp")
            return float(exp) if isinstance(exp, int | float) else None
    return None


class AdmissionMiddleware:
    """Cached refusals (with a tarpit) and a per-credential in-flight cap, before auth."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.refusals = RefusalCache()
        self.gate = InflightGate(settings.max_inflight_per_principal)
        self.parked = 0  # requests held in the tarpit or waiting for a slot

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in _PATHS:
            await self.app(scope, receive, send)
            return
        key = credential_key(scope)
        if key is None:
            await self.app(scope, receive, send)  # anonymous: refused by policy, not here
            return
        refusal = self.refusals.get(key)
        if refusal is not None:
            await self._park(
                min(self.settings.rate_limit_tarpit_seconds, refusal.until - time.time())
            )
            now = time.time()
            await _send(scope, send, 429, refusal.body(now), refusal.retry_after(now))
            return
        if not await self._admit(key):
            wait = self.settings.inflight_wait_seconds
            await _send(scope, send, 429, _busy_body(self.gate.limit), max(1, math.ceil(wait)))
            return

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 429:
                # Before the answer leaves: the client's next request may come before the
                # view has finished (its sessions close after the answer is sent).
                self._remember(key, scope)
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            self.gate.release(key)

    async def _admit(self, key: bytes) -> bool:
        if self.gate.try_acquire(key):
            return True
        if self.parked >= self.settings.max_parked_requests:
            return False
        self.parked += 1
        try:
            return await self.gate.acquire(key, self.settings.inflight_wait_seconds)
        finally:
            self.parked -= 1

    async def _park(self, seconds: float) -> None:
        if seconds <= 0 or self.parked >= self.settings.max_parked_requests:
            return
        self.parked += 1
        try:
            await asyncio.sleep(seconds)
        finally:
            self.parked -= 1

    def _remember(self, key: bytes, scope: Scope) -> None:
        """After a 429: if a budget of this caller is spent, refuse its credential from here."""
        state: dict[str, Any] = scope.get("state", {})
        limiter, user = state.get("rate_limiter"), scope.get("user")
        if limiter is None or not isinstance(user, PrincipalUser):
            return
        found = limiter.refused_until(budgets_for(user.principal, state["settings"]))
        if found is None:
            return  # a 429 of another kind (e.g. too many in flight): nothing to remember
        budget, until = found
        expiry = _token_expiry(scope)
        if expiry is not None:
            until = min(until, expiry)
        self.refusals.remember(
            key, Refusal(budget_name(budget.key), budget.limit, limiter.window_seconds, until)
        )


class PartnerAdmissionMiddleware:
    """After authentication: at most `max_inflight_per_partner` GraphQL requests of one
    partner's principals admitted at once (the next wait for a slot, as above), so a partner
    cannot take the process with many tokens either."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.gate = InflightGate(settings.max_inflight_per_partner)
        self.parked = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        user = scope.get("user")
        partner = user.principal.partner if isinstance(user, PrincipalUser) else None
        if scope["type"] != "http" or scope["path"] not in _PATHS or not partner:
            await self.app(scope, receive, send)
            return
        key = partner.encode()
        if not self.gate.try_acquire(key):
            admitted = False
            if self.parked < self.settings.max_parked_requests:
                self.parked += 1
                try:
                    admitted = await self.gate.acquire(key, self.settings.inflight_wait_seconds)
                finally:
                    self.parked -= 1
            if not admitted:
                wait = max(1, math.ceil(self.settings.inflight_wait_seconds))
                await _send(scope, send, 429, _busy_body(self.gate.limit, "this partner"), wait)
                return
        try:
            await self.app(scope, receive, send)
        finally:
            self.gate.release(key)


def _busy_body(limit: int, whose: str = "this caller") -> bytes:
    error = {
        "message": f"{limit} requests of {whose} are already in flight; retry shortly",
        "extensions": {"code": "TOO_MANY_REQUESTS", "limit": limit},
    }
    return json.dumps({"data": None, "errors": [error]}).encode()


async def _send(scope: Scope, send: Send, status: int, body: bytes, retry_after: int) -> None:
    accept = next((v for n, v in scope["headers"] if n == b"accept"), None)
    media_type = response_media_type(accept.decode("latin-1") if accept else None) or JSON
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type(media_type).encode()),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(retry_after).encode()),
                (b"vary", b"Accept"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
