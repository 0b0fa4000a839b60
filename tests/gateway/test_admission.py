"""Admission before authentication: cached refusals and the per-token in-flight cap.

A token this process saw over budget is refused again before its signature is checked, its
body read or its document parsed: the same documented 429 (Retry-After, RATE_LIMITED), never
for another token, and only until the window ends or the token expires. One token has at most
`max_inflight_per_principal` requests admitted, one partner's principals together
`max_inflight_per_partner`; the next wait briefly, then get 429.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from core.settings import Settings
from gateway import auth
from gateway.admission import (
    AdmissionMiddleware,
    InflightGate,
    PartnerAdmissionMiddleware,
    Refusal,
    RefusalCache,
)
from gateway.auth import PrincipalUser, mint_token
from policies.principal import Principal
from store import rate_limits
from tests.fixtures.app import serve_in_thread, sqlite_settings

ME = "{ me { subject } }"


def _post(url: str, token: str, query: str = ME, **kwargs: Any) -> httpx.Response:
    return httpx.post(
        f"{url}/graphql",
        json={"query": query},
        headers={"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})},
        timeout=30,
        **kwargs,
    )


class _Calls:
    """Counts the calls of a method while it still runs (a spy on the real one)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        self.count = 0
        real = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


def _spend_until_refused(url: str, token: str) -> httpx.Response:
    for _ in range(10):
        answer = _post(url, token)
        if answer.status_code == 429:
            return answer
        assert answer.status_code == 200, answer.text
    raise AssertionError("the budget was never spent")


# --- the cache and the gate on their own ---------------------------------------------------


def test_the_refusal_cache_holds_until_the_reset_and_only_for_its_key() -> None:
    now = [1000.0]
    cache = RefusalCache(clock=lambda: now[0])
    refusal = Refusal("PRINCIPAL", 5, 60, until=1030.0)
    cache.remember(b"token-a", refusal)
    assert cache.get(b"token-a") == refusal
    assert cache.get(b"token-b") is None
    now[0] = 1029.9
    assert cache.get(b"token-a") == refusal
    assert refusal.retry_after(now[0]) == 1
    now[0] = 1030.0  # the window's end: the caller is asked again
    assert cache.get(b"token-a") is None


async def test_the_gate_admits_its_limit_hands_freed_slots_over_and_recovers() -> None:
    gate = InflightGate(limit=2)
    assert gate.try_acquire(b"k")
    assert gate.try_acquire(b"k")
    assert not gate.try_acquire(b"k")
    # A third waits; past its wait it is refused, and the gate is unchanged
    assert await gate.acquire(b"k", 0.05) is False
    assert gate.in_flight(b"k") == 2
    # A waiter gets the slot a finished request frees
    waiting = asyncio.create_task(gate.acquire(b"k", 5))
    await asyncio.sleep(0.01)
    gate.release(b"k")
    assert await waiting is True
    assert gate.in_flight(b"k") == 2
    # Other keys are not held back, and once all finish nothing is left behind
    assert gate.try_acquire(b"other")
    for key in (b"k", b"k", b"other"):
        gate.release(key)
    assert gate.in_flight(b"k") == gate.in_flight(b"other") == 0
    assert gate._slots == {}


async def test_a_waiter_that_goes_away_passes_its_slot_on() -> None:
    gate = InflightGate(limit=1)
    assert gate.try_acquire(b"k")
    # A waiter handed the slot, but cancelled (its client left) before it could use it
    handed = asyncio.create_task(gate.acquire(b"k", 5))
    await asyncio.sleep(0.01)
    gate.release(b"k")
    handed.cancel()
    with pytest.raises(asyncio.CancelledError):
        await handed
    # And a waiter cancelled while still queued
    assert gate.try_acquire(b"k")
    queued = asyncio.create_task(gate.acquire(b"k", 5))
    await asyncio.sleep(0.01)
    queued.cancel()
    with pytest.raises(asyncio.CancelledError):
        await queued
    gate.release(b"k")
    # Then no slot was lost: the gate is empty and admits again
    assert gate._slots == {}
    assert gate.try_acquire(b"k")


# --- the cached refusal over HTTP --------------------------------------------------------


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("admission"),
        rate_limit_cost=2,  # `{ me { subject } }` costs 1: the third request is refused
        rate_limit_window_seconds=3600,
        rate_limit_tarpit_seconds=0.5,
        jwt_leeway_seconds=0,
    )


@pytest.fixture(scope="module")
def gateway(limited: Settings) -> Iterator[str]:
    with serve_in_thread(limited) as url:
        yield url


def test_a_refused_token_is_refused_again_before_auth_body_and_parsing(
    limited: Settings, gateway: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = mint_token(limited, subject="agent-flood", roles=("support",))
    first = _spend_until_refused(gateway, token)
    assert first.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    decoded = _Calls(monkeypatch, auth.TokenVerifier, "_decode")
    looked_up = _Calls(monkeypatch, rate_limits._Windows, "refused_until")

    # A body the gateway would refuse as 415 (content type) is not even looked at
    started = time.monotonic()
    again = _post(
        gateway,
        token,
        "{ me { subject ",
        headers={"Content-Type": "text/plain", "Accept": "application/graphql-response+json"},
    )
    held = time.monotonic() - started

    # Then: the documented 429, without verifying the token or asking the limiter
    assert again.status_code == 429
    assert again.headers["content-type"].startswith("application/graphql-response+json")
    retry_after = int(again.headers["Retry-After"])
    assert 1 <= retry_after <= 3600
    body = again.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {
        "code": "RATE_LIMITED",
        "budget": "PRINCIPAL",
        "limit": 2,
        "retryAfter": retry_after,
    }
    assert "rate limit reached" in error["message"]
    assert decoded.count == 0
    assert looked_up.count == 0
    # And after the tarpit's pause (a client ignoring Retry-After waits for its refusal)
    assert held >= 0.45


def test_the_cache_never_refuses_another_token(
    limited: Settings, gateway: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = mint_token(limited, subject="agent-greedy", roles=("support",))
    _spend_until_refused(gateway, token)
    decoded = _Calls(monkeypatch, auth.TokenVerifier, "_decode")
    # Another principal is served
    other = mint_token(limited, subject="agent-other", roles=("support",))
    assert _post(gateway, other).status_code == 200
    # A new token of the same principal is checked (then refused by its spent budget)
    fresh = mint_token(limited, subject="agent-greedy", roles=("support",))
    answer = _post(gateway, fresh)
    assert answer.status_code == 429
    assert answer.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert decoded.count == 2


def test_the_cached_refusal_ends_when_the_token_expires(limited: Settings, gateway: str) -> None:
    token = mint_token(limited, subject="agent-brief", roles=("support",), ttl_seconds=3)
    _spend_until_refused(gateway, token)
    assert _post(gateway, token).status_code == 429
    # Within seconds of the expiry (not at the window's end, an hour away) the token is
    # checked again, and refused as expired
    deadline = time.time() + 10
    answer = _post(gateway, token)
    while answer.status_code == 429 and time.time() < deadline:
        time.sleep(0.2)
        answer = _post(gateway, token)
    assert answer.status_code == 401
    assert answer.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_the_cached_refusal_ends_with_the_window(tmp_path: Path) -> None:
    settings = sqlite_settings(
        tmp_path, rate_limit_cost=1, rate_limit_window_seconds=2, rate_limit_tarpit_seconds=0
    )
    token = mint_token(settings, subject="agent-window", roles=("support",))
    with serve_in_thread(settings) as url:
        refused = _spend_until_refused(url, token)
        resets = time.time() + int(refused.headers["Retry-After"])
        served: list[httpx.Response] = []
        while time.time() < resets + 3 and not served:
            answer = _post(url, token)
            served = [answer] if answer.status_code == 200 else []
            time.sleep(0.1)
        # The next window serves the token again (the cache did not outlive the window)
        assert served, "still refused after the window's end"


# --- the in-flight cap ---------------------------------------------------------------------


class _Held:
    """An app that answers once released: requests stay in flight as long as a test wants."""

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


async def test_the_in_flight_cap_refuses_the_excess_and_recovers(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path, max_inflight_per_principal=2, inflight_wait_seconds=0.2)
    held = _Held()
    app = AdmissionMiddleware(held, settings)
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": "Bearer one-caller"}
    async with httpx.AsyncClient(transport=transport, base_url="http://gw") as client:

        def post(caller: str = "one-caller") -> Any:
            return client.post("/graphql", json={}, headers={"Authorization": f"Bearer {caller}"})

        admitted = [asyncio.create_task(post()) for _ in range(2)]
        await asyncio.sleep(0.05)
        # The third of one token waits its 0.2 s, then is refused with a coded 429
        excess = await post()
        assert excess.status_code == 429
        assert excess.headers["Retry-After"] == "1"
        assert excess.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_REQUESTS"
        # Another token is not held back by it
        other = asyncio.create_task(post("another-caller"))
        # A waiting request takes the slot a finished one frees
        waiting = asyncio.create_task(client.post("/graphql", json={}, headers=headers))
        await asyncio.sleep(0.05)
        held.release.set()
        assert [r.status_code for r in await asyncio.gather(*admitted, other, waiting)] == [200] * 4
        # And the cap recovers: nothing is left in flight, new requests are served
        assert app.gate._slots == {}
        assert (await post()).status_code == 200


class _AsPrincipal:
    """Authenticates every request as the principal its token names, partner `p-<n>`."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = dict(scope["headers"])[b"authorization"].decode().split()[-1]
        subject, _, partner = token.partition("@")
        scope["user"] = PrincipalUser(Principal(subject, ("partner",), partner=partner))
        await self.app(scope, receive, send)


async def test_a_partner_s_principals_share_one_in_flight_cap(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path, max_inflight_per_partner=2, inflight_wait_seconds=0.2)
    held = _Held()
    partners = PartnerAdmissionMiddleware(held, settings)
    transport = httpx.ASGITransport(app=_AsPrincipal(partners))
    async with httpx.AsyncClient(transport=transport, base_url="http://gw") as client:

        def post(caller: str) -> Any:
            return client.post("/graphql", json={}, headers={"Authorization": f"Bearer {caller}"})

        # Two principals of partner p-1 take its two slots
        admitted = [asyncio.create_task(post(f"portal-{n}@p-1")) for n in (1, 2)]
        await asyncio.sleep(0.05)
        # A third principal of the same partner waits, then is refused
        excess = await post("portal-3@p-1")
        assert excess.status_code == 429
        assert excess.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_REQUESTS"
        assert "partner" in excess.json()["errors"][0]["message"]
        # Another partner's principal is admitted meanwhile
        elsewhere = asyncio.create_task(post("portal-9@p-2"))
        await asyncio.sleep(0.05)
        held.release.set()
        results = await asyncio.gather(*admitted, elsewhere)
        assert [r.status_code for r in results] == [200] * 3
        assert partners.gate._slots == {}
