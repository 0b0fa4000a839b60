"""Resolvers for the controlled tag vocabulary: reading it (every writer) and its admin."""

from __future__ import annotations

from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, perform
from store import controlled_tags
from store.audit import Target
from store.models import ControlledTag


async def resolve_controlled_tags(info: Info, include_retired: bool = False) -> list[ControlledTag]:
    """The vocabulary itself holds no customer data: any authenticated caller may read it."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await controlled_tags.controlled_tags(session, include_retired=include_retired)


async def resolve_save_controlled_tag(
    info: Info, tag: str, description: str | None
) -> Outcome[ControlledTag]:
    """Add a controlled tag, or redescribe and re-offer one (admins)."""
    return await perform(
        info,
        "controlled_tag.save",
        Target("controlled_tag", tag),
        lambda s, ctx: controlled_tags.save_controlled_tag(s, ctx, tag, description),
    )


async def resolve_retire_controlled_tag(info: Info, tag: str) -> Outcome[ControlledTag]:
    """Stop offering a controlled tag (admins); notes keep it."""
    return await perform(
        info,
        "controlled_tag.retire",
        Target("controlled_tag", tag),
        lambda s, ctx: controlled_tags.retire_controlled_tag(s, ctx, tag),
    )
