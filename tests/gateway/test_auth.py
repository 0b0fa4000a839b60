"""Bearer JWT verification: what is accepted, and every way a token is rejected."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.authentication import AuthenticationError

from core.settings import Settings
from gateway.auth import TokenRejected, TokenVerifier, mint_token
from gateway.identity import ClaimMapping

SETTINGS = Settings(jwt_secret="unit-test-secret-0123456789-abcdefghij")


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "agent-7",
        "roles": ["sales"],
        "iss": SETTINGS.jwt_issuer,
        "aud": SETTINGS.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not None}


def _sign(claims: dict[str, Any], secret: str | None = None) -> str:
    key = secret or SETTINGS.jwt_secret.get_secret_value()
    return jwt.encode(claims, key, algorithm="HS256")


def _alg_none(claims: dict[str, Any]) -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def test_minted_token_round_trips_into_a_principal() -> None:
    token = mint_token(
        SETTINGS, subject="p-1", roles=["partner"], partner="acme", branches=["north"]
    )
    principal = TokenVerifier(SETTINGS).verify(token)
    assert principal.subject == "p-1"
    assert principal.roles == ("partner",)
    assert principal.partner == "acme"
    assert principal.branches == ("north",)
    assert principal.customer is None


def test_single_role_claim_is_accepted() -> None:
    token = _sign(_claims(roles=None, role="support"))
    assert TokenVerifier(SETTINGS).verify(token).roles == ("support",)


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (_alg_none(_claims()), "algorithm"),
        (_sign(_claims(), secret="someone-elses-secret-0123456789-abcdef"), "invalid"),
        (_sign(_claims(exp=int(time.time()) - 3600)), "expired"),
        (_sign(_claims(aud="another-service")), "audience"),
        (_sign(_claims(iss="someone-else")), "issuer"),
        (_sign(_claims(sub=None)), "sub"),
        (_sign(_claims(exp=None)), "exp"),
        (_sign(_claims(roles=[])), "role"),
        (_sign(_claims(roles=[1, 2])), "roles"),
        (_sign(_claims(partner=["a", "b"])), "partner"),
        (_sign(_claims(nbf=int(time.time()) + 3600)), "invalid"),
        ("not-a-token", "malformed"),
    ],
    ids=[
        "alg-none",
        "forged",
        "expired",
        "wrong-audience",
        "wrong-issuer",
        "no-subject",
        "no-expiry",
        "no-role",
        "roles-not-strings",
        "partner-list",
        "not-yet-valid",
        "garbage",
    ],
)
def test_bad_tokens_are_rejected(token: str, reason: str) -> None:
    with pytest.raises(AuthenticationError, match=reason):
        TokenVerifier(SETTINGS).verify(token)


def test_rs256_tokens_verify_with_the_configured_public_key() -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    settings = Settings(jwt_public_key=public_pem)
    token = jwt.encode(_claims(), private, algorithm="RS256")
    assert TokenVerifier(settings).verify(token).subject == "agent-7"
    with pytest.raises(AuthenticationError):
        TokenVerifier(SETTINGS).verify(token)  # no public key configured: RS256 refused


def test_hs256_token_signed_with_the_public_key_is_rejected() -> None:
    # Algorithm confusion: an attacker signs HS256 using the (public) RSA key as the secret.
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    settings = Settings(jwt_public_key=public_pem)
    forged = jwt.encode(_claims(), "x" * 40, algorithm="HS256")
    with pytest.raises(AuthenticationError):
        TokenVerifier(settings).verify(forged)


@pytest.mark.parametrize("kind", ["expired", "alg-none", "wrong-audience", "wrong-issuer"])
async def test_rejections_are_401_json_over_http(
    http: httpx.AsyncClient, gateway_settings: Settings, kind: str
) -> None:
    now = int(time.time())
    base = {
        "sub": "agent-7",
        "roles": ["sales"],
        "iss": gateway_settings.jwt_issuer,
        "aud": gateway_settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
    }
    secret = gateway_settings.jwt_secret.get_secret_value()
    tokens = {
        "expired": jwt.encode({**base, "exp": now - 3600}, secret, algorithm="HS256"),
        "alg-none": _alg_none(base),
        "wrong-audience": jwt.encode({**base, "aud": "x"}, secret, algorithm="HS256"),
        "wrong-issuer": jwt.encode({**base, "iss": "x"}, secret, algorithm="HS256"),
    }
    response = await http.post(
        "/graphql",
        json={"query": "{ me { subject } }"},
        headers={"Authorization": f"Bearer {tokens[kind]}"},
    )
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_the_maximum_lifetime_is_a_setting() -> None:
    strict = SETTINGS.model_copy(update={"jwt_max_lifetime_seconds": 600})
    hour = mint_token(SETTINGS, subject="agent-7", roles=["sales"], ttl_seconds=3600)
    assert TokenVerifier(SETTINGS).verify(hour).subject == "agent-7"
    with pytest.raises(AuthenticationError, match="lifetime exceeds 600 seconds"):
        TokenVerifier(strict).verify(hour)


def test_a_public_key_alone_mints_nothing_and_accepts_no_hs256() -> None:
    settings = Settings(environment="test", jwt_public_key="unused")
    assert settings.jwt_hs256_secret is None
    with pytest.raises(ValueError, match="C360_JWT_SECRET"):
        mint_token(settings, subject="agent-7", roles=["sales"])


def test_identity_provider_settings_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(
        "C360_JWT_ISSUERS", "https://idp-one.example.com, https://idp-two.example.com"
    )
    monkeypatch.setenv("C360_JWT_ROLE_MAP", '{"CS-Agents": "support"}')
    monkeypatch.setenv("C360_JWT_ROLES_CLAIM", "realm_access.roles")
    settings = Settings()
    assert settings.jwt_accepted_issuers == [
        "https://idp-one.example.com",
        "https://idp-two.example.com",
    ]
    assert settings.jwt_role_map == {"CS-Agents": "support"}
    assert settings.jwt_roles_claim == "realm_access.roles"
    monkeypatch.setenv("C360_JWT_ISSUERS", '["https://a.example.com"]')
    assert Settings().jwt_accepted_issuers == ["https://a.example.com"]
    monkeypatch.delenv("C360_JWT_ISSUERS")
    assert Settings().jwt_accepted_issuers == [Settings().jwt_issuer]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://idp.example.com/certs", None),
        ("http://127.0.0.1:8080/certs", None),
        ("http://idp.example.com/certs", "C360_JWT_JWKS_URL must be https://"),
    ],
)
def test_production_accepts_a_key_set_as_its_key_source(url: str, problem: str | None) -> None:
    settings = Settings(environment="production", jwt_jwks_url=url, encrypted_scopes="")
    assert settings.jwt_hs256_secret is None  # a key set alone: no HS256
    problems = settings.startup_problems()
    if problem is None:
        assert problems == []
    else:
        assert any(problem in line for line in problems)
    assert Settings(environment="development", jwt_jwks_url=url).jwt_hs256_secret is None


def test_claim_paths_read_nested_and_url_named_claims() -> None:
    settings = Settings(
        environment="test",
        jwt_roles_claim="resource_access.c360.roles",
        jwt_branches_claim="https://c360.example.com/branches",
        jwt_partner_claim="org.partner",
        jwt_customer_claim="ext.customer",
    )
    claims = {
        "sub": "p-1",
        "resource_access": {"c360": {"roles": ["partner"]}, "other": {"roles": ["owner"]}},
        "https://c360.example.com/branches": ["north"],
        "org": {"partner": "acme"},
    }
    principal = ClaimMapping(settings).principal(claims)
    assert (principal.roles, principal.branches, principal.partner, principal.customer) == (
        ("partner",),
        ("north",),
        "acme",
        None,
    )


@pytest.mark.parametrize(
    "claims",
    [
        {"realm_access": {"roles": "c360-support"}},
        {"realm_access": "c360-support"},
        {"realm_access": {"roles": [7]}},
        {},
        {"realm_access": {"roles": ["offline_access"]}},
    ],
    ids=["roles-a-string", "parent-a-string", "role-a-number", "absent", "nothing-mapped"],
)
def test_mapped_claims_of_the_wrong_shape_or_mapping_to_nothing_are_refused(
    claims: dict[str, Any],
) -> None:
    settings = Settings(
        environment="test",
        jwt_roles_claim="realm_access.roles",
        jwt_role_map={"c360-support": "support"},
    )
    with pytest.raises(TokenRejected) as caught:
        ClaimMapping(settings).principal({"sub": "agent-7", **claims})
    assert caught.value.reason in {"claims", "role"}


def test_a_role_map_counts_only_mapped_names_and_merges_roles_and_groups() -> None:
    settings = Settings(
        environment="test",
        jwt_groups_claim="groups",
        jwt_role_map={"sales": "sales", "CS-Agents": "support", "Tier2": "support"},
    )
    claims = {"sub": "a", "roles": ["sales", "owner"], "groups": ["CS-Agents", "Tier2", "x"]}
    assert ClaimMapping(settings).principal(claims).roles == ("sales", "support")


async def test_a_token_header_is_parsed_once_per_verification(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[str] = []
    original = jwt.get_unverified_header

    def counting(token: str) -> dict[str, Any]:
        parsed.append(token)
        return original(token)

    monkeypatch.setattr(jwt, "get_unverified_header", counting)
    token = mint_token(SETTINGS, subject="agent-7", roles=("manager",))

    principal = await TokenVerifier(SETTINGS).verify_async(token)

    assert principal.subject == "agent-7"
    assert parsed == [token]
