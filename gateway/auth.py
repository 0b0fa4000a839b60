"""Authentication: a Starlette backend that turns a bearer JWT into a `Principal`.

No ``Authorization`` header means an anonymous caller (deny by default downstream); a header
that is present but wrong — oversized, malformed, forged, an algorithm the configuration does
not name, an unknown key id, expired, living too long, not yet valid, wrong issuer or audience,
a claim of the wrong type, a role that is not a token role — is rejected with 401 before
GraphQL runs.

Each algorithm is verified only with its own key: HS256 with the configured secret, RS256 with
the configured public key, RS256/ES256 with the identity provider's key set (JWKS) when its URL
is set, the token's ``kid`` choosing the key (a ``kid`` the set lacks: the PEM key, if any).
A public key or key set alone means no HS256 (see `Settings.jwt_hs256_secret`). Where the
claims live is `gateway.identity.ClaimMapping`'s.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Sequence
from typing import Any

import jwt
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    BaseUser,
)
from starlette.requests import HTTPConnection

from core.settings import Settings
from gateway.identity import JWKS_ALGORITHMS, ClaimMapping, JwksKeys, TokenRejected, echo
from gateway.token_cache import CachedToken, TokenCache
from policies.enforcer import PolicyEngine
from policies.principal import ANONYMOUS, Principal

__all__ = ["JWTAuthBackend", "PrincipalUser", "TokenRejected", "TokenVerifier", "mint_token"]

_REQUIRED_CLAIMS = ["exp", "iat", "sub", "iss", "aud"]
_ECHO_CHARS = 64


class PrincipalUser(BaseUser):
    """Starlette's view of the caller; carries the typed principal."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal

    @property
    def is_authenticated(self) -> bool:
        return self.principal is not ANONYMOUS

    @property
    def display_name(self) -> str:
        return self.principal.subject

    @property
    def identity(self) -> str:
        return self.principal.subject


class TokenVerifier:
    """Verifies gateway JWTs against the configured keys, issuers, audience and lifetime."""

    def __init__(self, settings: Settings) -> None:
        self._keys: dict[str, Any] = {}
        secret = settings.jwt_hs256_secret
        if secret is not None:
            self._keys["HS256"] = secret
        if settings.jwt_public_key:
            self._keys["RS256"] = settings.jwt_public_key
        self.jwks = JwksKeys(settings) if settings.jwt_jwks_url else None
        self._claims = ClaimMapping(settings)
        self._issuers = settings.jwt_accepted_issuers
        self._audience = settings.jwt_audience
        self._leeway = settings.jwt_leeway_seconds
        self._max_lifetime = settings.jwt_max_lifetime_seconds
        self.max_token_bytes = settings.jwt_max_token_bytes
        self._cache = TokenCache(self._leeway)

    @property
    def cached_tokens(self) -> int:
        """How many verified tokens the cache holds."""
        return len(self._cache)

    @property
    def algorithms(self) -> tuple[str, ...]:
        """The algorithms this configuration accepts (each with its own key)."""
        extra = JWKS_ALGORITHMS if self.jwks is not None else ()
        return tuple(dict.fromkeys((*self._keys, *extra)))

    def verify(self, token: str) -> Principal:
        """Decode and check a token with the configured secret or PEM key (not the key set)."""
        algorithm, _ = self._header(token)
        return self._verify_with_own_key(token, algorithm)[0]

    def _verify_with_own_key(self, token: str, algorithm: str) -> tuple[Principal, float]:
        key = self._keys.get(algorithm)
        if key is None:
            raise TokenRejected("algorithm", f"token algorithm {echo(algorithm)} is not accepted")
        return self._decode(token, key, algorithm)

    async def verify_async(self, token: str) -> Principal:
        """Decode and check a token; a ``kid`` (or no PEM key) selects the provider's key set.
        A token that verified before is served from the cache until it expires."""
        cached = self._cache.get(token)
        if cached is not None:
            if cached.jwk is None:
                return cached.principal
            if self.jwks is not None:
                with contextlib.suppress(TokenRejected):  # the full check below says why
                    if await self.jwks.key(cached.kid, cached.algorithm or "") is cached.jwk:
                        return cached.principal
            self._cache.drop(token)
        algorithm, header = self._header(token)
        if (
            self.jwks is not None
            and algorithm in JWKS_ALGORITHMS
            and ("kid" in header or algorithm not in self._keys)
        ):
            try:
                jwk = await self.jwks.key(header.get("kid"), algorithm)
            except TokenRejected as exc:
                # A kid the set does not know may still name the configured PEM key.
                if exc.reason != "kid" or algorithm not in self._keys:
                    raise
            else:
                principal, expires_at = self._decode(token, jwk.key, algorithm)
                entry = CachedToken(principal, expires_at, jwk, header.get("kid"), algorithm)
                self._cache.put(token, entry)
                return principal
        # The header is read once per request: `verify` would parse it again.
        principal, expires_at = self._verify_with_own_key(token, algorithm)
        self._cache.put(token, CachedToken(principal, expires_at))
        return principal

    def _header(self, token: str) -> tuple[str, dict[str, Any]]:
        if len(token) > self.max_token_bytes:
            raise TokenRejected("too_large", "token is too large")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise TokenRejected("malformed", "malformed token") from exc
        algorithm = header.get("alg")
        if not isinstance(algorithm, str) or algorithm not in self.algorithms:
            raise TokenRejected("algorithm", f"token algorithm {echo(algorithm)} is not accepted")
        return algorithm, header

    def _decode(self, token: str, key: Any, algorithm: str) -> tuple[Principal, float]:
        """The token's principal and its expiry (seconds since the epoch)."""
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=self._audience,
                issuer=self._issuers,
                leeway=self._leeway,
                options={"require": _REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenRejected("expired", "token expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise TokenRejected("audience", "token audience is not accepted") from exc
        except jwt.InvalidIssuerError as exc:
            raise TokenRejected("issuer", "token issuer is not accepted") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise TokenRejected("claims", f"token lacks the {exc.claim!r} claim") from exc
        except jwt.PyJWTError as exc:
            raise TokenRejected("invalid", "invalid token") from exc
        self._check_times(claims)
        return self._claims.principal(claims), float(claims["exp"])

    def _check_times(self, claims: dict[str, Any]) -> None:
        for name in ("exp", "iat", "nbf"):
            value = claims.get(name)
            if name in claims and (not isinstance(value, int) or isinstance(value, bool)):
                raise TokenRejected("claims", f"claim {name!r} must be an integer (seconds)")
        exp, iat = claims["exp"], claims["iat"]
        # Both: a long exp - iat is a misissued token, a backdated iat must not stretch it.
        if exp - iat > self._max_lifetime or exp - time.time() > self._max_lifetime + self._leeway:
            raise TokenRejected("lifetime", f"token lifetime exceeds {self._max_lifetime} seconds")


class JWTAuthBackend(AuthenticationBackend):
    """Bearer JWT → PrincipalUser; no header → anonymous; a bad header → 401."""

    def __init__(self, verifier: TokenVerifier) -> None:
        self._verifier = verifier

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        header = conn.headers.get("authorization")
        if header is None:
            return AuthCredentials(), PrincipalUser(ANONYMOUS)
        # Before any parsing: a 16 MB header must cost no more than a short one.
        if len(header) > self._verifier.max_token_bytes + len("Bearer "):
            raise TokenRejected("too_large", "token is too large")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenRejected("scheme", "expected 'Authorization: Bearer <token>'")
        principal = await self._verifier.verify_async(token.strip())
        policy: PolicyEngine | None = getattr(conn.state, "policy", None)
        refused = policy.non_token_roles(principal.roles) if policy is not None else []
        if refused:
            # A role no token may carry (unknown, or an internal group such as the top row's
            # shared base) is a misissued or forged token, not a guest.
            named = ", ".join(role[:_ECHO_CHARS] for role in refused[:3])
            raise TokenRejected("role", f"token claims unknown role(s): {named}")
        return AuthCredentials(["authenticated"]), PrincipalUser(principal)


def mint_token(
    settings: Settings,
    *,
    subject: str,
    roles: Sequence[str],
    branches: Sequence[str] = (),
    partner: str | None = None,
    customer: str | None = None,
    ttl_seconds: int = 3600,
    now: float | None = None,
    name: str | None = None,
    email: str | None = None,
) -> str:
    """Sign a development HS256 token with the configured secret, issuer and audience."""
    secret = settings.jwt_hs256_secret
    if secret is None:
        raise ValueError(
            "no HS256 secret is configured (C360_JWT_SECRET); tokens come from "
            "the identity provider"
        )
    issued = int(now if now is not None else time.time())
    claims: dict[str, Any] = {
        "sub": subject,
        "roles": list(roles),
        "iss": settings.jwt_accepted_issuers[0],
        "aud": settings.jwt_audience,
        "iat": issued,
        "exp": issued + ttl_seconds,
        "jti": uuid.uuid4().hex,
    }
    if branches:
        claims["branches"] = list(branches)
    if partner:
        claims["partner"] = partner
    if customer:
        claims["customer"] = customer
    if name:
        claims[settings.jwt_name_claim] = name
    if email:
        claims[settings.jwt_email_claim] = email
    return jwt.encode(claims, secret, algorithm="HS256")
