"""The controlled tag vocabulary, for suggestions beside free tags."""

from __future__ import annotations

import strawberry

from resolvers.context import Info
from resolvers.tags import resolve_controlled_tags


@strawberry.type(description="A tag from the controlled list, with what it means.")
class ControlledTag:
    tag: str
    description: str | None


@strawberry.type
class TagQuery:
    @strawberry.field(description="The controlled tag list (free tags are allowed too).")
    async def controlled_tags(self, info: Info) -> list[ControlledTag] | None:
        rows = await resolve_controlled_tags(info)
        return [ControlledTag(tag=row.tag, description=row.description) for row in rows]
