"""Which tokens a production gateway accepts under each key configuration, over real HTTP.

A secret alone means HS256 only, a public key alone RS256 only, both: each algorithm with its
own key. Whatever the configuration, the public development secret, ``alg: none``, a lifetime
beyond the maximum, claims of the wrong type and roles no token may carry are refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from core.settings import DEVELOPMENT_JWT_SECRET, Settings
from tests.fixtures.app import PRODUCTION_ENCRYPTION_KEYS, serve_in_thread, sqlite_settings

SECRET = "production-secret-for-tests-0123456789abcdef"
PRIVATE = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = (
    PRIVATE.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)
CONFIGS: dict[str, dict[str, Any]] = {
    "secret": {"jwt_secret": SECRET},
    "public-key": {"jwt_public_key": PUBLIC_PEM},
    "both": {"jwt_secret": SECRET, "jwt_public_key": PUBLIC_PEM},
}
ME = {"query": "{ me { subject } }"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(settings: Settings, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "agent-7",
        "roles": ["sales"],
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return claims


def _hs(claims: dict[str, Any], key: str) -> str:
    return jwt.encode(claims, key, algorithm="HS256")


def _rs(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, PRIVATE, algorithm="RS256")


def _unsigned(algorithm: str, claims: dict[str, Any]) -> str:
    header = json.dumps({"alg": algorithm, "typ": "JWT"}).encode()
    return f"{_b64(header)}.{_b64(json.dumps(claims).encode())}"


def _hs_with_public_key(claims: dict[str, Any]) -> str:
    # Algorithm confusion done by hand (PyJWT refuses to sign with a PEM as an HMAC key).
    signing = _unsigned("HS256", claims)
    mac = hmac.new(PUBLIC_PEM.encode(), signing.encode(), hashlib.sha256).digest()
    return f"{signing}.{_b64(mac)}"


def _alg_none(claims: dict[str, Any]) -> str:
    return f"{_unsigned('none', claims)}."


@pytest.fixture(scope="module", params=list(CONFIGS))
def configured(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, Settings]]:
    """(configuration name, base URL, settings) of a production gateway on loopback."""
    name: str = request.param
    directory: Path = tmp_path_factory.mktemp(f"keys-{name}")
    settings = sqlite_settings(
        directory,
        environment="production",
        graphiql=None,
        encryption_keys=PRODUCTION_ENCRYPTION_KEYS,  # production needs a key (restricted scope)
        **CONFIGS[name],
    )
    with serve_in_thread(settings) as url:
        yield name, url, settings


def _valid_signer(config: str) -> Callable[[dict[str, Any]], str]:
    """A signer this configuration accepts, to show claim checks are not signature checks."""
    return _rs if config == "public-key" else (lambda claims: _hs(claims, SECRET))


async def _status(url: str, token: str) -> int:
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        response = await client.post(
            "/graphql", json=ME, headers={"Authorization": f"Bearer {token}"}
        )
    if response.status_code == 200:
        assert response.json() == {"data": {"me": {"subject": "agent-7"}}}
    else:
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    return response.status_code


async def test_each_algorithm_is_accepted_only_with_its_own_configured_key(
    configured: tuple[str, str, Settings],
) -> None:
    config, url, settings = configured
    claims = _claims(settings)
    expected = {
        "secret": {"hs256": 200, "rs256": 401},
        "public-key": {"hs256": 401, "rs256": 200},
        "both": {"hs256": 200, "rs256": 200},
    }[config]
    assert await _status(url, _hs(claims, SECRET)) == expected["hs256"]
    assert await _status(url, _rs(claims)) == expected["rs256"]


async def test_the_public_development_secret_is_refused_under_every_key_configuration(
    configured: tuple[str, str, Settings],
) -> None:
    # The reviewed bypass: public key only, and an HS256 token signed with the repo's secret.
    _, url, settings = configured
    assert (
        await _status(url, _hs(_claims(settings, roles=["owner"]), DEVELOPMENT_JWT_SECRET)) == 401
    )
    assert await _status(url, _hs_with_public_key(_claims(settings))) == 401
    assert await _status(url, _alg_none(_claims(settings))) == 401


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": int(time.time()) + 100 * 365 * 86400},
        {"iat": int(time.time()) - 100 * 365 * 86400},
        {"exp": str(int(time.time()) + 600)},
        {"iat": float(time.time())},
        {"roles": ["senior"]},
        {"roles": ["sales", "senior"]},
        {"roles": "sales"},
        {"sub": 7},
        {"branches": "north"},
    ],
    ids=[
        "exp-100-years",
        "iat-100-years-back",
        "exp-string",
        "iat-float",
        "internal-group-senior",
        "senior-beside-a-token-role",
        "roles-a-string",
        "sub-a-number",
        "branches-a-string",
    ],
)
async def test_validly_signed_tokens_with_bad_claims_are_refused(
    configured: tuple[str, str, Settings], overrides: dict[str, Any]
) -> None:
    config, url, settings = configured
    sign = _valid_signer(config)
    assert await _status(url, sign(_claims(settings))) == 200
    assert await _status(url, sign(_claims(settings, **overrides))) == 401


async def test_an_oversized_token_is_refused_before_it_is_decoded(
    configured: tuple[str, str, Settings],
) -> None:
    config, url, settings = configured
    padded = _valid_signer(config)(_claims(settings, pad="x" * 9_000))
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        started = time.perf_counter()
        response = await client.post(
            "/graphql", json=ME, headers={"Authorization": f"Bearer {padded}"}
        )
        elapsed = time.perf_counter() - started
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "token is too large"
    assert elapsed < 1.0
