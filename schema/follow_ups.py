"""Follow-ups: the team view, the caller's task list, and the input to create one."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import UserInputError
from resolvers.context import Info
from resolvers.follow_ups import resolve_my_follow_ups, resolve_team_follow_ups
from resolvers.lists import my_follow_ups_page
from schema.activity import FollowUp
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.follow_up_filter import FollowUpFilter, store_filter
from schema.node import AGENT, parse_id
from store.follow_up_lists import due_today_filter
from store.follow_ups import FollowUpDraft
from store.models import utcnow
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


DEPRECATED_ARGUMENT = "Use `filter.{field}`. Removed in v2."


@strawberry.type
class FollowUpQuery:
    @strawberry.field(
        description=(
            "The follow-ups the caller may list, narrowed by `filter`, soonest due first (then "
            "by id). Which ones is policy: the supervising roles (owner, admin, manager, "
            "executive) list every follow-up of the customers they reach (everyone, or their "
            "branch); the roles that are given follow-ups list only their own (assigned to or "
            "created by them); anyone else gets null with FORBIDDEN. A follow-up made from a "
            "note exists only for a reader of that note; `totalCount` counts what the caller "
            "may see. "
        )
        + PAGE_ARGUMENTS
    )
    async def follow_ups(
        self,
        info: Info,
        filter: FollowUpFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[FollowUp] | None:
        page = await resolve_team_follow_ups(
            info, store_filter(filter), page_request(first, after, last, before)
        )
        return Connection.of(page, FollowUp.from_record)

    @strawberry.field(
        description=(
            "The calling agent's own follow-ups (assigned to it), soonest due first. With no "
            "argument: its OPEN follow-ups due by the end of today, UTC (due before 00:00 UTC "
            "tomorrow, overdue ones included). With `filter`: exactly what the filter says "
            "(`filter.assigneeId` may only name the caller). The deprecated `dueBefore` / "
            "`includeCompleted` keep their v1 meaning (open ones due on or before `dueBefore`; "
            "`includeCompleted` adds completed and cancelled ones); sending them with `filter` "
            "is BAD_USER_INPUT. "
        )
        + PAGE_ARGUMENTS
    )
    async def my_follow_ups(
        self,
        info: Info,
        filter: FollowUpFilter | None = None,
        due_before: Annotated[
            datetime | None,
            strawberry.argument(
                deprecation_reason="Use `filter.dueTo` (before, not on or before). Removed in v2."
            ),
        ] = None,
        include_completed: Annotated[
            bool | None,
            strawberry.argument(deprecation_reason=DEPRECATED_ARGUMENT.format(field="status")),
        ] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[FollowUp] | None:
        request = page_request(first, after, last, before)
        legacy = due_before is not None or include_completed is not None
        if legacy and filter is not None:
            raise UserInputError(
                "send either `filter` or the deprecated dueBefore/includeCompleted, not both",
                argument="filter",
            )
        if legacy:
            page = await my_follow_ups_page(
                info,
                request,
                due_before=due_before,
                include_completed=bool(include_completed),
            )
            return Connection.of(page, FollowUp.from_record)
        me = info.context.principal.subject
        if filter is None:
            wanted = due_today_filter(utcnow(), me)
        else:
            wanted = filter.to_store()
            if wanted.assignee_id not in (None, me):
                raise UserInputError(
                    "myFollowUps lists the caller's own follow-ups; use followUps for others",
                    argument="filter.assigneeId",
                )
        page = await resolve_my_follow_ups(info, wanted, request)
        return Connection.of(page, FollowUp.from_record)
