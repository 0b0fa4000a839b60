"""Follow-ups: the caller's task list, completing one, and the input to create one."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.context import Info
from resolvers.follow_ups import (
    resolve_cancel_follow_up,
    resolve_complete_follow_up,
    resolve_reassign_follow_up,
)
from resolvers.lists import my_follow_ups_page
from schema.activity import FollowUp
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.node import AGENT, parse_id
from schema.user_errors import UserError
from store.follow_ups import FollowUpDraft
from store.pagination import page_request


@strawberry.input(description="A follow-up created with a note or an interaction.")
class FollowUpInput:
    assignee_id: strawberry.ID = strawberry.field(
        description=(
            "An active agent whose own policy reaches the customer, handles follow-ups and "
            "reads the note's scope; anyone else is an INVALID user error on this field."
        )
    )
    due_at: datetime = strawberry.field(description="Must not be in the past.")
    instructions: str | None = strawberry.field(
        default=None, description="Markdown; any HTML in it is sanitised on write."
    )

    def to_draft(self) -> FollowUpDraft:
        """The store's draft."""
        return FollowUpDraft(
            parse_id(self.assignee_id, AGENT, "input.followUp.assigneeId"),
            self.due_at,
            self.instructions,
        )


@strawberry.type
class FollowUpPayload:
    follow_up: FollowUp | None
    errors: list[UserError]


@strawberry.type
class FollowUpQuery:
    @strawberry.field(
        description="The calling agent's open follow-ups due on or before `dueBefore`, soonest "
        "first (`includeCompleted` adds completed and cancelled ones). " + PAGE_ARGUMENTS
    )
    async def my_follow_ups(
        self,
        info: Info,
        due_before: datetime | None = None,
        include_completed: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[FollowUp] | None:
        page = await my_follow_ups_page(
            info,
            page_request(first, after, last, before),
            due_before=due_before,
            include_completed=include_completed,
        )
        return Connection.of(page, FollowUp.from_record)


@strawberry.type
class FollowUpMutation:
    @strawberry.mutation(
        description=(
            "Complete a follow-up: records who, when and the outcome (markdown, sanitised). "
            "Its assignee, its author or a role the policy lets complete any (owner, admin, "
            "manager) may; anyone else gets FORBIDDEN."
        )
    )
    async def complete_follow_up(
        self, info: Info, id: strawberry.ID, outcome: str | None = None
    ) -> FollowUpPayload | None:
        result = await resolve_complete_follow_up(info, parse_id(id, "FollowUp", "id"), outcome)
        return FollowUpPayload(
            follow_up=FollowUp.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description=(
            "Give an open follow-up to another agent (same rules as `FollowUpInput.assigneeId`). "
            "Its assignee, its author or a role the policy lets reassign any may; anyone else "
            "gets FORBIDDEN. A completed or cancelled follow-up is a CONFLICT."
        )
    )
    async def reassign_follow_up(
        self, info: Info, id: strawberry.ID, assignee_id: strawberry.ID
    ) -> FollowUpPayload | None:
        result = await resolve_reassign_follow_up(
            info, parse_id(id, "FollowUp", "id"), parse_id(assignee_id, AGENT, "assigneeId")
        )
        return FollowUpPayload(
            follow_up=FollowUp.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )

    @strawberry.mutation(
        description=(
            "Cancel an open follow-up that is no longer needed (kept, with who and when). Its "
            "assignee, its author or a role the policy lets cancel any may; anyone else gets "
            "FORBIDDEN. A completed or cancelled follow-up is a CONFLICT."
        )
    )
    async def cancel_follow_up(self, info: Info, id: strawberry.ID) -> FollowUpPayload | None:
        result = await resolve_cancel_follow_up(info, parse_id(id, "FollowUp", "id"))
        return FollowUpPayload(
            follow_up=FollowUp.from_record(result.value) if result.value else None,
            errors=UserError.from_records(result.errors),
        )
