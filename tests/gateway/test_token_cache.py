"""Verified tokens are cached by their raw text: a repeat is not verified again, an expired
token is never served from the cache, a token differing in any byte is not a hit, and the
cache stays bounded. (A key the identity provider withdrew: tests/gateway/test_jwks.py, the
rotation test, whose retired token was cached before the rotation.)"""

from __future__ import annotations

import asyncio
import time

import jwt
import pytest

from core.settings import Settings
from gateway.auth import TokenRejected, TokenVerifier, mint_token
from gateway.token_cache import CachedToken, TokenCache
from policies.principal import Principal

SETTINGS = Settings(jwt_secret="unit-test-secret-0123456789-abcdefghij", jwt_leeway_seconds=0)


def _decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tokens whose signature and claims were checked (jwt.decode calls) from now on."""
    seen: list[str] = []
    original = jwt.decode

    def decode(token: str, *args: object, **kwargs: object) -> object:
        seen.append(token)
        return original(token, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jwt, "decode", decode)
    return seen


async def test_a_repeated_token_is_verified_once(monkeypatch: pytest.MonkeyPatch) -> None:
    verifier = TokenVerifier(SETTINGS)
    decodes = _decodes(monkeypatch)
    token = mint_token(SETTINGS, subject="agent-2", roles=("manager",))
    first = await verifier.verify_async(token)
    again = await verifier.verify_async(token)
    assert first == again == Principal("agent-2", ("manager",))
    assert decodes == [token]
    assert verifier.cached_tokens == 1


async def test_an_expired_token_is_not_served_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verifier = TokenVerifier(SETTINGS)
    # Issued an hour ago for an hour and a second: valid for about one more second.
    token = mint_token(
        SETTINGS, subject="agent-2", roles=("manager",), ttl_seconds=3601, now=time.time() - 3600
    )
    await verifier.verify_async(token)
    assert verifier.cached_tokens == 1
    await asyncio.sleep(
        max(0.0, jwt.decode(token, options={"verify_signature": False})["exp"] - time.time()) + 0.05
    )
    decodes = _decodes(monkeypatch)
    with pytest.raises(TokenRejected) as rejected:
        await verifier.verify_async(token)
    assert rejected.value.reason == "expired"
    assert decodes == [token]  # verified again, not answered from the cache
    assert verifier.cached_tokens == 0


async def test_a_token_differing_in_one_byte_is_not_a_hit() -> None:
    verifier = TokenVerifier(SETTINGS)
    token = mint_token(SETTINGS, subject="agent-2", roles=("manager",))
    await verifier.verify_async(token)
    head, payload, signature = token.split(".")
    forged = f"{head}.{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    with pytest.raises(TokenRejected):
        await verifier.verify_async(forged)
    # Nor does a token for another subject that shares the signature's key pass as the first.
    other = mint_token(SETTINGS, subject="agent-9", roles=("sales",))
    assert (await verifier.verify_async(other)).subject == "agent-9"


def test_the_cache_is_bounded_and_expires_entries() -> None:
    now = [1000.0]
    cache = TokenCache(leeway_seconds=5, clock=lambda: now[0], size=3)
    principal = Principal("agent-2", ("manager",))
    for number in range(3):
        cache.put(f"t{number}", CachedToken(principal, expires_at=1010.0))
    assert len(cache) == 3
    cache.put("t3", CachedToken(principal, expires_at=1010.0))
    assert len(cache) == 1  # full: it started over
    now[0] = 1014.9  # within the leeway after exp
    assert cache.get("t3") is not None
    now[0] = 1015.0
    assert cache.get("t3") is None
    assert len(cache) == 0
