"""Request-level guards shared by resolvers (authentication, not authorization)."""

from __future__ import annotations

from core.errors import AuthError
from policies.principal import ANONYMOUS
from resolvers.context import Info


def require_authenticated(info: Info) -> None:
    """Raise UNAUTHENTICATED for a caller without a bearer token."""
    if info.context.principal is ANONYMOUS:
        raise AuthError("a bearer token is required")
