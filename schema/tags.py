"""The controlled tag vocabulary, for suggestions beside free tags, and its administration."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers.context import Info
from resolvers.tags import (
    resolve_controlled_tags,
    resolve_retire_controlled_tag,
    resolve_save_controlled_tag,
)
from schema.user_errors import UserError
from store.models import ControlledTag as ControlledTagRow


@strawberry.type(description="A tag from the controlled list, with what it means.")
class ControlledTag:
    tag: str
    description: str | None
    active: bool = strawberry.field(
        default=True,
        description="False once retired: no longer offered; notes that carry it keep it.",
    )

    @classmethod
    def from_record(cls, row: ControlledTagRow) -> Self:
        """Build from a store row."""
        return cls(tag=row.tag, description=row.description, active=row.active)


@strawberry.input(description="A controlled tag to add, or to redescribe and offer again.")
class SaveControlledTagInput:
    tag: str = strawberry.field(description="Stored as tags are: trimmed, lower-case.")
    description: str | None = strawberry.field(
        default=None, description="What the tag means (one line, at most 300 characters)."
    )


@strawberry.input(description="The controlled tag to retire.")
class RetireControlledTagInput:
    tag: str


@strawberry.type
class ControlledTagPayload:
    controlled_tag: ControlledTag | None
    errors: list[UserError]


@strawberry.type
class TagQuery:
    @strawberry.field(
        description="The controlled tag list (free tags are allowed too): the tags offered, "
        "alphabetically; `includeRetired` adds the retired ones."
    )
    async def controlled_tags(
        self, info: Info, include_retired: bool = False
    ) -> list[ControlledTag] | None:
        rows = await resolve_controlled_tags(info, include_retired)
        return [ControlledTag.from_record(row) for row in rows]


@strawberry.type
class TagMutation:
    @strawberry.mutation(
        description="Add a controlled tag, or redescribe and re-offer one (the roles that "
        "administer lists: admin, owner). Audited."
    )
    async def save_controlled_tag(
        self, info: Info, input: SaveControlledTagInput
    ) -> ControlledTagPayload | None:
        result = await resolve_save_controlled_tag(info, input.tag, input.description)
        return ControlledTagPayload(
            controlled_tag=ControlledTag.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description="Retire a controlled tag: no longer offered; notes that carry it keep it "
        "(admin, owner). Audited; retiring a retired tag changes nothing."
    )
    async def retire_controlled_tag(
        self, info: Info, input: RetireControlledTagInput
    ) -> ControlledTagPayload | None:
        result = await resolve_retire_controlled_tag(info, input.tag)
        return ControlledTagPayload(
            controlled_tag=ControlledTag.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )
