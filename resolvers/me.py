"""Resolvers for the caller's own identity."""

from __future__ import annotations

from policies.principal import Principal
from resolvers.context import Info
from resolvers.guards import require_authenticated


def resolve_me(info: Info) -> Principal:
    """The authenticated principal; anonymous callers get UNAUTHENTICATED."""
    require_authenticated(info)
    return info.context.principal
