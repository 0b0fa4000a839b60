"""Identity providers over real HTTP: a key set served by URL, rotation, issuers, claim mapping.

A tiny JWKS server on loopback serves a key set the test controls and counts its requests; the
gateway (real uvicorn) fetches it, selects keys by ``kid``, refreshes on rotation at most once
per ``C360_JWT_JWKS_REFRESH_SECONDS``, and maps Keycloak- and Entra-shaped claims to roles.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from core.settings import DEVELOPMENT_JWT_SECRET
from devservices.loopback import serve_asgi
from tests.fixtures.app import PRODUCTION_ENCRYPTION_KEYS, serve_in_thread, sqlite_settings

ISSUER_ONE = "https://idp-one.example.com/realms/c360"
ISSUER_TWO = "https://login.example.net/tenant/v2.0"
AUDIENCE = "customer360-gateway"
KEY_A = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KEY_B = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KEY_E = ec.generate_private_key(ec.SECP256R1())
ME = {"query": "{ me { subject roles branches partner customer } }"}


def _jwk(private: Any, kid: str) -> dict[str, Any]:
    if isinstance(private, rsa.RSAPrivateKey):
        data = jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
        alg = "RS256"
    else:
        data = jwt.algorithms.ECAlgorithm.to_jwk(private.public_key(), as_dict=True)
        alg = "ES256"
    return {**data, "kid": kid, "use": "sig", "alg": alg}


@dataclass
class KeySetServer:
    """The identity provider's JWKS endpoint: the served keys and how often it was asked."""

    url: str = ""
    keys: list[dict[str, Any]] = field(default_factory=list)
    fetches: int = 0
    delay: float = 0.0
    status: int = 200

    async def serve(self, request: Request) -> Response:
        self.fetches += 1
        await asyncio.sleep(self.delay)
        if self.status == -1:
            return PlainTextResponse("<html>login</html>")
        if self.status != 200:
            return JSONResponse({"error": "unavailable"}, status_code=self.status)
        return JSONResponse({"keys": list(self.keys)})


@contextmanager
def jwks_server(*keys: dict[str, Any]) -> Iterator[KeySetServer]:
    """Serve a JWK set on a loopback port until the block exits."""
    state = KeySetServer(keys=list(keys))
    app = Starlette(routes=[Route("/certs", state.serve)])
    with serve_asgi(app, name="JWKS server") as served:
        state.url = f"{served.url}/certs"
        yield state


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "agent-7",
        "roles": ["sales"],
        "iss": ISSUER_ONE,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def _sign(claims: dict[str, Any], private: Any = KEY_A, kid: str | None = "a") -> str:
    algorithm = "RS256" if isinstance(private, rsa.RSAPrivateKey) else "ES256"
    headers = {"kid": kid} if kid is not None else None
    return jwt.encode(claims, private, algorithm=algorithm, headers=headers)


async def _me(url: str, token: str) -> tuple[int, dict[str, Any]]:
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        response = await client.post(
            "/graphql", json=ME, headers={"Authorization": f"Bearer {token}"}
        )
    body = response.json()
    if response.status_code != 200:
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    return response.status_code, body


async def _status(url: str, token: str) -> int:
    return (await _me(url, token))[0]


@contextmanager
def _gateway(directory: Path, jwks_url: str, **overrides: Any) -> Iterator[str]:
    values: dict[str, Any] = {
        "environment": "production",
        "encryption_keys": PRODUCTION_ENCRYPTION_KEYS,
        "graphiql": None,
        "jwt_jwks_url": jwks_url,
        "jwt_issuers": [ISSUER_ONE, ISSUER_TWO],
        "jwt_audience": AUDIENCE,
    }
    values.update(overrides)
    settings = sqlite_settings(directory, **values)
    assert settings.startup_problems() == []  # a key set is a key source in production
    with serve_in_thread(settings) as url:
        yield url


async def test_keys_rotate_new_kid_is_fetched_and_the_removed_key_is_refused(
    tmp_path: Path,
) -> None:
    with (
        jwks_server(_jwk(KEY_A, "a"), _jwk(KEY_E, "e")) as idp,
        _gateway(tmp_path, idp.url, jwt_jwks_refresh_seconds=0) as url,
    ):
        old = _sign(_claims())
        assert await _status(url, old) == 200
        assert await _status(url, _sign(_claims(), KEY_E, "e")) == 200  # ES256 by its kid
        assert idp.fetches == 1  # the cached set served both
        # A key under the wrong kid, or a token without kid, is not verified with "some" key.
        assert await _status(url, _sign(_claims(), KEY_B, "a")) == 401
        assert await _status(url, _sign(_claims(), KEY_A, None)) == 401

        idp.keys = [_jwk(KEY_B, "b")]  # rotation: A retired, B published
        assert await _status(url, _sign(_claims(), KEY_B, "b")) == 200
        assert idp.fetches >= 2  # the unknown kid b fetched the new set
        assert await _status(url, old) == 401  # A is gone from the set
        assert await _status(url, _sign(_claims(), KEY_A, "a")) == 401


async def test_a_flood_of_made_up_kids_fetches_the_key_set_a_bounded_number_of_times(
    tmp_path: Path,
) -> None:
    with jwks_server(_jwk(KEY_A, "a")) as idp, _gateway(tmp_path, idp.url) as url:
        assert await _status(url, _sign(_claims())) == 200
        assert idp.fetches == 1
        tokens = [_sign(_claims(), KEY_A, uuid.uuid4().hex) for _ in range(60)]
        async with httpx.AsyncClient(base_url=url, timeout=20) as client:
            responses = await asyncio.gather(
                *(
                    client.post("/graphql", json=ME, headers={"Authorization": f"Bearer {t}"})
                    for t in tokens
                )
            )
        assert {response.status_code for response in responses} == {401}
        # The first fetch started the cooldown (30 s by default): no made-up kid fetched again.
        assert idp.fetches == 1
        assert await _status(url, _sign(_claims())) == 200


async def test_two_issuers_are_accepted_and_a_third_is_refused(tmp_path: Path) -> None:
    with jwks_server(_jwk(KEY_A, "a")) as idp, _gateway(tmp_path, idp.url) as url:
        assert await _status(url, _sign(_claims(iss=ISSUER_ONE))) == 200
        assert await _status(url, _sign(_claims(iss=ISSUER_TWO))) == 200
        assert await _status(url, _sign(_claims(iss="https://evil.example.org"))) == 401
        assert await _status(url, _sign(_claims(aud="someone-else"))) == 401


async def test_with_a_key_set_only_the_development_secret_signs_nothing(tmp_path: Path) -> None:
    with jwks_server(_jwk(KEY_A, "a")) as idp:
        for environment in ("production", "development"):
            with _gateway(tmp_path / environment, idp.url, environment=environment) as url:
                forged = jwt.encode(_claims(roles=["owner"]), DEVELOPMENT_JWT_SECRET, "HS256")
                assert await _status(url, forged) == 401
                assert await _status(url, _sign(_claims())) == 200


async def test_hs256_is_accepted_beside_the_key_set_only_with_a_configured_secret(
    tmp_path: Path,
) -> None:
    secret = "gateway-own-secret-for-tests-0123456789abcdef"
    with (
        jwks_server(_jwk(KEY_A, "a")) as idp,
        _gateway(tmp_path, idp.url, jwt_secret=secret) as url,
    ):
        assert await _status(url, jwt.encode(_claims(), secret, "HS256")) == 200
        assert await _status(url, _sign(_claims())) == 200
        assert await _status(url, jwt.encode(_claims(), DEVELOPMENT_JWT_SECRET, "HS256")) == 401


KEYCLOAK = {
    "jwt_roles_claim": "realm_access.roles",
    "jwt_branches_claim": "c360.branches",
    "jwt_role_map": {"c360-support": "support", "c360-sales": "sales"},
}
ENTRA = {
    "jwt_roles_claim": "roles",
    "jwt_groups_claim": "groups",
    "jwt_customer_claim": "https://c360.example.com/customer",
    "jwt_role_map": {
        "5f6c1a2e-0000-4000-8000-000000000001": "customer",
        "CS-Agents": "support",
        "Ops-Admins": "senior",  # an internal group, not a token role
    },
}


async def test_keycloak_realm_roles_map_to_gateway_roles(tmp_path: Path) -> None:
    with jwks_server(_jwk(KEY_A, "a")) as idp, _gateway(tmp_path, idp.url, **KEYCLOAK) as url:
        claims = _claims(
            roles=None,
            realm_access={"roles": ["offline_access", "uma_authorization", "c360-support"]},
            c360={"branches": ["north"]},
        )
        status, body = await _me(url, _sign(claims))
        assert status == 200
        me = body["data"]["me"]
        assert (me["roles"], me["branches"]) == (["SUPPORT"], ["north"])
        # Only the provider's own roles, none mapped: no role at all.
        unmapped = _claims(roles=None, realm_access={"roles": ["offline_access"]})
        assert await _status(url, _sign(unmapped)) == 401
        # A top-level `roles` claim is not where this configuration reads roles.
        assert await _status(url, _sign(_claims(roles=["support"]))) == 401


async def test_entra_groups_map_to_gateway_roles_and_internal_roles_stay_refused(
    tmp_path: Path,
) -> None:
    with jwks_server(_jwk(KEY_A, "a")) as idp, _gateway(tmp_path, idp.url, **ENTRA) as url:
        agent = _claims(roles=None, groups=["All-Staff", "CS-Agents"])
        status, body = await _me(url, _sign(agent))
        assert status == 200
        assert body["data"]["me"]["roles"] == ["SUPPORT"]
        customer = _claims(
            roles=None,
            groups=["5f6c1a2e-0000-4000-8000-000000000001"],
            **{"https://c360.example.com/customer": "cust-42"},
        )
        status, body = await _me(url, _sign(customer))
        assert status == 200
        assert (body["data"]["me"]["roles"], body["data"]["me"]["customer"]) == (
            ["CUSTOMER"],
            "cust-42",
        )
        # A group mapped to a role no token may carry is a misconfiguration, refused.
        ops = _claims(roles=None, groups=["CS-Agents", "Ops-Admins"])
        status, body = await _me(url, _sign(ops))
        assert status == 401
        assert "senior" in body["errors"][0]["message"]


async def _until(condition: Callable[[], Awaitable[bool]], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not await condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_an_expired_set_is_refetched_in_the_background_and_kept_through_an_outage(
    tmp_path: Path,
) -> None:
    with (
        jwks_server(_jwk(KEY_A, "a")) as idp,
        _gateway(tmp_path, idp.url, jwt_jwks_cache_seconds=0.3, jwt_jwks_refresh_seconds=0) as url,
    ):
        token = _sign(_claims())
        assert await _status(url, token) == 200
        assert idp.fetches == 1
        await asyncio.sleep(0.4)
        idp.delay = 2.5  # a slow provider: the known key serves while the set is refetched
        started = time.perf_counter()
        assert await _status(url, token) == 200
        assert time.perf_counter() - started < 1.5

        async def fetched_twice() -> bool:
            return idp.fetches == 2

        await _until(fetched_twice)
        idp.delay, idp.status = 0.0, 503  # down: the last set it served still verifies
        await asyncio.sleep(1.2)
        for _ in range(5):
            assert await _status(url, token) == 200
        assert idp.fetches <= 4  # at most one attempt per cache lifetime, however many ask
        # A retired key stops verifying once a good fetch no longer lists it.
        idp.status, idp.keys = 200, [_jwk(KEY_B, "b")]

        async def refused() -> bool:
            return await _status(url, token) == 401

        await _until(refused)


async def test_a_key_set_that_is_not_json_is_a_401_not_a_500(tmp_path: Path) -> None:
    with jwks_server() as idp, _gateway(tmp_path, idp.url) as url:
        idp.status = -1  # serve text
        status, body = await _me(url, _sign(_claims()))
        assert status == 401
        assert body["errors"][0]["message"] == "the identity provider's keys are unavailable"


async def test_a_slow_provider_blocks_no_other_request_and_an_unreachable_one_is_a_401(
    tmp_path: Path,
) -> None:
    secret = "gateway-own-secret-for-tests-0123456789abcdef"
    with (
        jwks_server(_jwk(KEY_A, "a")) as idp,
        _gateway(tmp_path, idp.url, jwt_secret=secret, jwt_jwks_timeout_seconds=10) as url,
    ):
        idp.delay = 3.0
        slow = asyncio.create_task(_me(url, _sign(_claims())))
        await asyncio.sleep(0.3)  # the gateway is now waiting on the key set
        started = time.perf_counter()
        assert await _status(url, jwt.encode(_claims(), secret, "HS256")) == 200
        elapsed = time.perf_counter() - started
        # The fetch runs in a worker thread: on the event loop, this request would wait ~2.7 s.
        assert not slow.done()
        assert elapsed < 1.5
        assert (await slow)[0] == 200

    with (
        jwks_server(_jwk(KEY_A, "a")) as idp,
        _gateway(tmp_path / "down", idp.url) as url,
    ):
        idp.status = 500
        status, body = await _me(url, _sign(_claims()))
        assert status == 401
        assert body["errors"][0]["message"] == "the identity provider's keys are unavailable"


async def test_a_configured_public_key_still_verifies_beside_the_key_set(tmp_path: Path) -> None:
    pem = (
        KEY_B.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    with (
        jwks_server(_jwk(KEY_A, "a")) as idp,
        _gateway(tmp_path, idp.url, jwt_public_key=pem) as url,
    ):
        assert await _status(url, _sign(_claims(), KEY_A, "a")) == 200
        assert await _status(url, _sign(_claims(), KEY_B, "pem-key")) == 200
        assert await _status(url, _sign(_claims(), KEY_B, None)) == 200
        assert await _status(url, _sign(_claims(), KEY_B, "a")) == 401  # kid a is A's
        assert await _status(url, _sign(_claims(), KEY_E, "pem-key")) == 401
