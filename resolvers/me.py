"""Resolvers for the caller's own identity."""

from __future__ import annotations

from gateway.errors import AuthError
from policies.principal import ANONYMOUS, Principal
from resolvers.context import Info


def resolve_me(info: Info) -> Principal:
    """The authenticated principal; anonymous callers get UNAUTHENTICATED."""
    principal = info.context.principal
    if principal is ANONYMOUS:
        raise AuthError("a bearer token is required")
    return principal
