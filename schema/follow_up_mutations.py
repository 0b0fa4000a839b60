"""Follow-up mutations: complete, reassign, reschedule and cancel, each with one `input`.

v1's loose arguments (`completeFollowUp(id, outcome)`, …) still work until v2, optional and
deprecated: a call sends either `input` or them, never both and never neither
(BAD_USER_INPUT). Each payload returns the follow-up and its customer, whose follow-up lists
(by status, due time or assignee) the change moved it in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from core.errors import UserInputError
from resolvers import follow_ups as resolve
from resolvers.context import Info
from resolvers.customers import resolve_customer
from resolvers.writes import Outcome
from schema.activity import FollowUp
from schema.customer import Customer360
from schema.node import AGENT, parse_id
from schema.user_errors import UserError
from store.models import FollowUp as FollowUpRow

FOLLOW_UP = "FollowUp"
WHO = (
    "Its assignee, its author or a role the policy lets {act} any (owner, admin, manager) "
    "may; anyone else gets FORBIDDEN."
)


def _deprecated(field: str) -> Any:
    return strawberry.argument(deprecation_reason=f"Use `input.{field}`. Removed in v2.")


def _one_form(input_: object | None, legacy: tuple[object | None, ...]) -> bool:
    """True for the input form, False for v1's arguments; both or neither is refused."""
    sent_legacy = any(value is not None for value in legacy)
    if (input_ is None) == (not sent_legacy):
        raise UserInputError(
            "send either `input` or the deprecated arguments, not both and not neither",
            argument="input",
        )
    return input_ is not None


@strawberry.input(description="Complete a follow-up with an outcome from the outcome list.")
class CompleteFollowUpInput:
    id: strawberry.ID
    outcome: str = strawberry.field(
        description=(
            "A current value of the admin-managed outcome list (`choices(list: OUTCOME)`); "
            "anything else, a retired value included, is a NOT_IN_LIST user error."
        )
    )
    comment: str | None = strawberry.field(
        default=None, description="Free text beside the outcome: markdown, sanitised on write."
    )


@strawberry.input(description="Give an open follow-up to another agent.")
class ReassignFollowUpInput:
    id: strawberry.ID
    assignee_id: strawberry.ID = strawberry.field(
        description="Same rules as `FollowUpInput.assigneeId` (an INVALID user error otherwise)."
    )


@strawberry.input(description="Move an open follow-up's due time.")
class RescheduleFollowUpInput:
    id: strawberry.ID
    due_at: datetime = strawberry.field(
        description="Not in the past (IN_PAST), within five years (INVALID)."
    )
    reason: str | None = strawberry.field(
        default=None, description="Why (plain text, kept in the audit row)."
    )


@strawberry.input(description="Cancel an open follow-up that is no longer needed.")
class CancelFollowUpInput:
    id: strawberry.ID
    reason: str | None = strawberry.field(
        default=None, description="Why (plain text, kept in the audit row)."
    )


@strawberry.type
class FollowUpPayload:
    follow_up: FollowUp | None
    errors: list[UserError]
    customer_key: strawberry.Private[str | None] = None

    @strawberry.field(
        description="The follow-up's customer: its `followUps` lists changed (status, due "
        "time or assignee). Null when nothing was written."
    )
    async def customer(self, info: Info) -> Customer360 | None:
        if self.customer_key is None:
            return None
        return Customer360.from_record(await resolve_customer(info, self.customer_key))

    @classmethod
    def from_outcome(cls, outcome: Outcome[FollowUpRow]) -> FollowUpPayload:
        """Build from a resolver outcome."""
        row = outcome.value
        return cls(
            follow_up=FollowUp.from_record(row) if row else None,
            errors=UserError.from_records(outcome.errors),
            customer_key=row.customer_id if row else None,
        )


def _required(value: strawberry.ID | None, argument: str) -> strawberry.ID:
    if value is None:
        raise UserInputError(f"`{argument}` is required", argument=argument)
    return value


def _id(value: strawberry.ID | None, argument: str) -> str:
    return parse_id(_required(value, argument), FOLLOW_UP, argument)


@strawberry.type
class FollowUpMutation:
    @strawberry.mutation(
        description=(
            "Complete an open follow-up: records who, when, the outcome (a current value of the "
            "outcome list) and an optional comment; a completed or cancelled one is a CONFLICT. "
            + WHO.format(act="complete")
            + " v1's free-text `outcome` argument is still accepted: text naming a current "
            "outcome choice is the outcome, any other text is kept as the comment."
        )
    )
    async def complete_follow_up(
        self,
        info: Info,
        input: CompleteFollowUpInput | None = None,
        id: Annotated[strawberry.ID | None, _deprecated("id")] = None,
        outcome: Annotated[str | None, _deprecated("outcome")] = None,
    ) -> FollowUpPayload | None:
        if _one_form(input, (id, outcome)):
            assert input is not None
            result = await resolve.resolve_complete_follow_up(
                info, _id(input.id, "input.id"), input.outcome, input.comment
            )
        else:
            result = await resolve.resolve_complete_follow_up(
                info, _id(id, "id"), outcome, free_text=True
            )
        return FollowUpPayload.from_outcome(result)

    @strawberry.mutation(
        description=(
            "Give an open follow-up to another agent (same rules as `FollowUpInput.assigneeId`); "
            "a completed or cancelled one is a CONFLICT. " + WHO.format(act="reassign")
        )
    )
    async def reassign_follow_up(
        self,
        info: Info,
        input: ReassignFollowUpInput | None = None,
        id: Annotated[strawberry.ID | None, _deprecated("id")] = None,
        assignee_id: Annotated[strawberry.ID | None, _deprecated("assigneeId")] = None,
    ) -> FollowUpPayload | None:
        if _one_form(input, (id, assignee_id)):
            assert input is not None
            follow_up_id = _id(input.id, "input.id")
            assignee = parse_id(input.assignee_id, AGENT, "input.assigneeId")
        else:
            follow_up_id = _id(id, "id")
            assignee = parse_id(_required(assignee_id, "assigneeId"), AGENT, "assigneeId")
        return FollowUpPayload.from_outcome(
            await resolve.resolve_reassign_follow_up(info, follow_up_id, assignee)
        )

    @strawberry.mutation(
        description=(
            "Move an open follow-up's due time (not into the past); the reason goes to the audit "
            "row. A completed or cancelled one is a CONFLICT. " + WHO.format(act="reschedule")
        )
    )
    async def reschedule_follow_up(
        self, info: Info, input: RescheduleFollowUpInput
    ) -> FollowUpPayload | None:
        return FollowUpPayload.from_outcome(
            await resolve.resolve_reschedule_follow_up(
                info, _id(input.id, "input.id"), input.due_at, input.reason
            )
        )

    @strawberry.mutation(
        description=(
            "Cancel an open follow-up that is no longer needed (kept, with who, when and the "
            "reason in its audit row); a completed or cancelled one is a CONFLICT. "
            + WHO.format(act="cancel")
        )
    )
    async def cancel_follow_up(
        self,
        info: Info,
        input: CancelFollowUpInput | None = None,
        id: Annotated[strawberry.ID | None, _deprecated("id")] = None,
    ) -> FollowUpPayload | None:
        if _one_form(input, (id,)):
            assert input is not None
            follow_up_id, reason = _id(input.id, "input.id"), input.reason
        else:
            follow_up_id, reason = _id(id, "id"), None
        return FollowUpPayload.from_outcome(
            await resolve.resolve_cancel_follow_up(info, follow_up_id, reason)
        )
