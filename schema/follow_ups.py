"""Follow-ups: the caller's task list, completing one, and the input to create one."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.context import Info
from resolvers.follow_ups import resolve_complete_follow_up, resolve_my_follow_ups
from schema.activity import FollowUp
from schema.user_errors import UserError
from store.follow_ups import FollowUpDraft


@strawberry.input(description="A follow-up created with a note or an interaction.")
class FollowUpInput:
    assignee_id: strawberry.ID
    due_at: datetime = strawberry.field(description="Must not be in the past.")
    instructions: str | None = None

    def to_draft(self) -> FollowUpDraft:
        """The store's draft."""
        return FollowUpDraft(str(self.assignee_id), self.due_at, self.instructions)


@strawberry.type
class FollowUpPayload:
    follow_up: FollowUp | None
    errors: list[UserError]


@strawberry.type
class FollowUpQuery:
    @strawberry.field(
        description="The calling agent's follow-ups due on or before `dueBefore`, soonest first."
    )
    async def my_follow_ups(
        self, info: Info, due_before: datetime | None = None, include_completed: bool = False
    ) -> list[FollowUp]:
        rows = await resolve_my_follow_ups(
            info, due_before=due_before, include_completed=include_completed
        )
        return [FollowUp.from_record(row) for row in rows]


@strawberry.type
class FollowUpMutation:
    @strawberry.mutation(description="Complete a follow-up: records who, when and the outcome.")
    async def complete_follow_up(
        self, info: Info, id: strawberry.ID, outcome: str | None = None
    ) -> FollowUpPayload:
        result = await resolve_complete_follow_up(info, str(id), outcome)
        return FollowUpPayload(
            follow_up=FollowUp.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )
