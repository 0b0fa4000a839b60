"""Identity providers: the keys they sign with (a JWKS by URL) and where their claims live.

`JwksKeys` fetches the provider's key set with PyJWT's client, in a worker thread so the event
loop never waits on the network; a token's ``kid`` selects the key. The set is trusted for
``jwt_jwks_cache_seconds`` (then a known key keeps serving while the set is fetched again in
the background, and through a provider outage); an unknown ``kid`` (a rotation) waits for a
fetch at most once per ``jwt_jwks_refresh_seconds``, so made-up ids cannot make the gateway
flood the provider.

`ClaimMapping` reads roles, groups, branches, partner and customer from configured dotted paths
(Keycloak's ``realm_access.roles``, Entra's ``groups``) and maps provider names to gateway
roles; the defaults read today's claim names (``roles``, ``branches``, ``partner``,
``customer``).
"""

from __future__ import annotations

import asyncio
import math
import time
from typing import Any

import jwt
from starlette.authentication import AuthenticationError

from core.settings import Settings
from policies.principal import Principal

# Asymmetric only: a key set never supplies an HMAC secret.
JWKS_ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512")
_MAX_ROLES = 16
_MAX_GROUPS = 256
_MAX_CLAIM_CHARS = 256
_MAX_KID_CHARS = 128
_MAX_NAME_CHARS = 200
_MAX_EMAIL_CHARS = 320
_ECHO_CHARS = 64


class TokenRejected(AuthenticationError):
    """A 401 with a fixed reason code (bounded, for metrics and audit) and a safe message."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def echo(value: object) -> str:
    """Attacker-chosen text, cut short, for a message that goes back to the client only."""
    return repr(value)[:_ECHO_CHARS]


class JwksKeys:
    """The identity provider's signing keys by ``kid``, fetched off the event loop."""

    def __init__(self, settings: Settings) -> None:
        url = settings.jwt_jwks_url
        if url is None:
            raise ValueError("no JWKS URL is configured (C360_JWT_JWKS_URL)")
        # Caching and rotation are decided here, so the client fetches whenever asked.
        self._client = jwt.PyJWKClient(
            url,
            cache_keys=False,
            cache_jwk_set=False,
            timeout=settings.jwt_jwks_timeout_seconds,
        )
        self._lifespan = settings.jwt_jwks_cache_seconds
        self._cooldown = settings.jwt_jwks_refresh_seconds
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = -math.inf  # last successful fetch (monotonic)
        self._attempted_at = -math.inf  # last fetch, failed or not
        self._lock = asyncio.Lock()
        self._refreshing: asyncio.Task[None] | None = None  # held: the loop keeps weak refs

    async def key(self, kid: object, algorithm: str) -> jwt.PyJWK:
        """The key `kid` names, for `algorithm`; raise TokenRejected when there is none."""
        if not isinstance(kid, str) or not kid or len(kid) > _MAX_KID_CHARS:
            raise TokenRejected("kid", "token header needs a 'kid' (key id) string")
        if self._needs_fetch(kid):
            if kid in self._keys:
                # An expired set still holds this key: serve it, refresh in the background.
                self._refresh_in_background(kid)
            else:
                async with self._lock:
                    # One fetch at a time; whoever waited sees the set the first one fetched.
                    if self._needs_fetch(kid):
                        await self._fetch()
        found = self._keys.get(kid)
        if found is None:
            raise TokenRejected("kid", f"token key id {echo(kid)} is not known")
        if found.algorithm_name != algorithm:
            raise TokenRejected("algorithm", f"key {echo(kid)} does not sign {echo(algorithm)}")
        return found

    def _needs_fetch(self, kid: str) -> bool:
        now = time.monotonic()
        expired = now - self._fetched_at >= self._lifespan
        if not expired and kid in self._keys:
            return False
        # An expired set is fetched at most once per lifetime (also while the provider is
        # down), an unknown kid at most once per cooldown: callers never drive the fetch rate.
        if kid in self._keys:
            gap = self._lifespan
        else:
            gap = min(self._lifespan, self._cooldown) if expired else self._cooldown
        return now - self._attempted_at >= gap

    def _refresh_in_background(self, kid: str) -> None:
        if self._refreshing is not None or self._lock.locked():
            return

        async def refresh() -> None:
            try:
                async with self._lock:
                    if self._needs_fetch(kid):
                        await self._fetch()
            finally:
                self._refreshing = None

        self._refreshing = asyncio.get_running_loop().create_task(refresh())

    async def _fetch(self) -> None:
        self._attempted_at = time.monotonic()
        try:
            jwk_set = await asyncio.to_thread(self._client.get_jwk_set, True)
        except (jwt.PyJWTError, ValueError, OSError) as exc:
            # Down, or not a JWK set (ValueError: not JSON). The last set's keys still verify.
            if not self._keys:
                raise TokenRejected("keys", "the identity provider's keys are unavailable") from exc
            return
        self._keys = {
            key.key_id: key
            for key in jwk_set.keys
            if key.key_id
            and key.public_key_use in ("sig", None)
            and key.algorithm_name in JWKS_ALGORITHMS
        }
        self._fetched_at = self._attempted_at


def _at(claims: dict[str, Any], path: str) -> Any:
    # A claim named by a URL (https://example.com/roles) holds dots: the whole path first.
    if path in claims:
        return claims[path]
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _string(value: Any, claim: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > _MAX_CLAIM_CHARS:
        raise TokenRejected(
            "claims", f"claim {claim!r} must be a string of 1 to {_MAX_CLAIM_CHARS} characters"
        )
    return value


def _string_list(value: Any, claim: str, limit: int = _MAX_ROLES) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > limit:
        raise TokenRejected("claims", f"claim {claim!r} must be a list of at most {limit} strings")
    return tuple(str(_string(item, claim, required=True)) for item in value)


def _profile(value: Any, limit: int) -> str | None:
    # Name and e-mail only seed a new agent's row: a missing or odd one is left out, never a 401.
    if isinstance(value, str) and 0 < len(value.strip()) <= limit:
        return value.strip()
    return None


class ClaimMapping:
    """Verified claims → Principal, reading the claim paths and role map of the settings."""

    def __init__(self, settings: Settings) -> None:
        self._roles = settings.jwt_roles_claim
        self._groups = settings.jwt_groups_claim
        self._role_map = dict(settings.jwt_role_map)
        self._branches = settings.jwt_branches_claim
        self._partner = settings.jwt_partner_claim
        self._customer = settings.jwt_customer_claim
        self._name = settings.jwt_name_claim
        self._email = settings.jwt_email_claim

    def principal(self, claims: dict[str, Any]) -> Principal:
        """Map verified claims to a Principal; raise TokenRejected on a malformed claim."""
        subject = str(_string(claims.get("sub"), "sub", required=True))
        roles = self._mapped_roles(claims)
        if not roles:
            raise TokenRejected("role", "token carries no role")
        return Principal(
            subject=subject,
            roles=roles,
            branches=_string_list(_at(claims, self._branches), self._branches),
            partner=_string(_at(claims, self._partner), self._partner),
            customer=_string(_at(claims, self._customer), self._customer),
            token_id=_string(claims.get("jti"), "jti"),
            name=_profile(_at(claims, self._name), _MAX_NAME_CHARS),
            email=_profile(_at(claims, self._email), _MAX_EMAIL_CHARS),
        )

    def _mapped_roles(self, claims: dict[str, Any]) -> tuple[str, ...]:
        value = _at(claims, self._roles)
        if value is None and self._roles == "roles":
            role = _string(claims.get("role"), "role")  # today's single-role form
            names: tuple[str, ...] = (role,) if role else ()
        else:
            # Providers put their own names beside ours (Keycloak's offline_access, ...).
            limit = _MAX_GROUPS if self._role_map else _MAX_ROLES
            names = _string_list(value, self._roles, limit)
        if self._groups is not None:
            names += _string_list(_at(claims, self._groups), self._groups, _MAX_GROUPS)
        if not self._role_map:
            return names
        # With a map, only mapped names count: an IdP's other roles and groups are not ours.
        mapped = dict.fromkeys(self._role_map[name] for name in names if name in self._role_map)
        if len(mapped) > _MAX_ROLES:
            raise TokenRejected("claims", f"token maps to more than {_MAX_ROLES} roles")
        return tuple(mapped)
