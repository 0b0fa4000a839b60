"""Authentication: a Starlette backend that turns a bearer JWT into a `Principal`.

No ``Authorization`` header means an anonymous caller (deny by default downstream); a header
that is present but wrong — malformed, forged, ``alg: none``, expired, not yet valid, wrong
issuer or audience, missing claims — is rejected with 401 and a JSON error before GraphQL runs.
"""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import jwt
import structlog
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from core.settings import Settings
from policies.enforcer import PolicyEngine
from policies.principal import ANONYMOUS, Principal
from store.audit import append_auth_failure

_log = structlog.get_logger("gateway.auth")
_HS_ALGORITHMS = ["HS256"]
_RS_ALGORITHMS = ["RS256"]


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
    """Verifies gateway JWTs against the configured keys, issuer and audience."""

    def __init__(self, settings: Settings) -> None:
        self._secret = settings.jwt_secret.get_secret_value()
        self._public_key = settings.jwt_public_key
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self._leeway = settings.jwt_leeway_seconds

    def verify(self, token: str) -> Principal:
        """Decode and check a token; raise AuthenticationError with a safe message."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthenticationError("malformed token") from exc
        algorithm = header.get("alg")
        if algorithm in _RS_ALGORITHMS and self._public_key:
            key, algorithms = self._public_key, _RS_ALGORITHMS
        elif algorithm in _HS_ALGORITHMS:
            key, algorithms = self._secret, _HS_ALGORITHMS
        else:
            raise AuthenticationError(f"token algorithm {algorithm!r} is not accepted")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthenticationError("token expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise AuthenticationError("token audience is not accepted") from exc
        except jwt.InvalidIssuerError as exc:
            raise AuthenticationError("token issuer is not accepted") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise AuthenticationError(f"token lacks the {exc.claim!r} claim") from exc
        except jwt.PyJWTError as exc:
            raise AuthenticationError("invalid token") from exc
        return principal_from_claims(claims)


def _string_list(value: Any, claim: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise AuthenticationError(f"claim {claim!r} must be a string or a list of strings")


def _optional_string(value: Any, claim: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise AuthenticationError(f"claim {claim!r} must be a string")


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    """Map verified claims to a Principal; `roles` may be a list or a single `role`."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise AuthenticationError("claim 'sub' must be a non-empty string")
    roles = _string_list(claims.get("roles", claims.get("role")), "roles")
    if not roles:
        raise AuthenticationError("token carries no role")
    return Principal(
        subject=subject,
        roles=roles,
        branches=_string_list(claims.get("branches"), "branches"),
        partner=_optional_string(claims.get("partner"), "partner"),
        customer=_optional_string(claims.get("customer"), "customer"),
        token_id=_optional_string(claims.get("jti"), "jti"),
    )


class JWTAuthBackend(AuthenticationBackend):
    """Bearer JWT → PrincipalUser; no header → anonymous; a bad header → 401."""

    def __init__(self, verifier: TokenVerifier) -> None:
        self._verifier = verifier

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        header = conn.headers.get("authorization")
        if header is None:
            return AuthCredentials(), PrincipalUser(ANONYMOUS)
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError("expected 'Authorization: Bearer <token>'")
        principal = self._verifier.verify(token.strip())
        policy: PolicyEngine | None = getattr(conn.state, "policy", None)
        unknown = policy.unknown_roles(principal.roles) if policy is not None else []
        if unknown:
            # A role the policy has never heard of is a misissued or forged token, not a guest.
            raise AuthenticationError(f"token claims unknown role(s): {', '.join(unknown)}")
        return AuthCredentials(["authenticated"]), PrincipalUser(principal)


async def _audit_auth_failure(*args: Any, **kwargs: Any) -> None:
    try:
        await append_auth_failure(*args, **kwargs)
    except Exception:
        # The 401 has been sent; a failed audit write is logged loudly, never raised.
        _log.exception("could not audit a rejected token")


def on_auth_error(conn: HTTPConnection, exc: Exception) -> JSONResponse:
    """The 401 body: GraphQL-shaped so clients handle it like any other error."""
    message = str(exc) or "authentication failed"
    sessions = getattr(conn.state, "sessions", None)
    audit = None
    if sessions is not None:
        audit = functools.partial(
            _audit_auth_failure,
            sessions,
            reason=message,
            request_id=conn.scope.get("state", {}).get("request_id"),
            detail={"path": conn.url.path, "client": conn.client.host if conn.client else None},
        )
    return _AuditedRejection(
        {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        audit=audit,
    )


class _AuditedRejection(JSONResponse):
    """A 401 that is appended to the audit log before it is sent, so none goes unrecorded."""

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
) -> str:
    """Sign a development HS256 token with the configured secret, issuer and audience."""
    issued = int(now if now is not None else time.time())
    claims: dict[str, Any] = {
        "sub": subject,
        "roles": list(roles),
        "iss": settings.jwt_issuer,
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
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")
