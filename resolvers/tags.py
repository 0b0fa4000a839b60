"""Resolver for the controlled tag vocabulary (suggested to every writer)."""

from __future__ import annotations

from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.choices import controlled_tags
from store.models import ControlledTag


async def resolve_controlled_tags(info: Info) -> list[ControlledTag]:
    """The vocabulary itself holds no customer data: any authenticated caller may read it."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await controlled_tags(session)
