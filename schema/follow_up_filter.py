"""`FollowUpFilter`: the one filter of every follow-up list (the team view, the task list, a
customer's follow-ups), and the `FollowUpStatus` enum."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.node import AGENT, CUSTOMER, parse_optional_id
from store.follow_up_lists import FollowUpFilter as StoreFilter
from store.follow_up_lists import FollowUpStatus

__all__ = ["FollowUpFilter", "FollowUpStatus", "store_filter"]

strawberry.enum(
    FollowUpStatus,
    description="Where a follow-up is: OPEN until it is COMPLETED or CANCELLED.",
)


@strawberry.input(
    description=(
        "Narrows a list of follow-ups; fields left out narrow nothing, fields given all apply. "
        "The due window is half-open: `dueFrom` ≤ dueAt < `dueTo`."
    )
)
class FollowUpFilter:
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agent the follow-ups are assigned to (its global id)."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (its global id)."
    )
    branch_id: strawberry.ID | None = strawberry.field(
        default=None, description="The branch of the follow-ups' customers."
    )
    due_from: datetime | None = strawberry.field(
        default=None, description="Due at or after this instant."
    )
    due_to: datetime | None = strawberry.field(default=None, description="Due before this instant.")
    overdue: bool | None = strawberry.field(
        default=None,
        description="true: open follow-ups due before now; false: every other one.",
    )
    status: list[FollowUpStatus] | None = strawberry.field(
        default=None, description="Any of these statuses."
    )

    def to_store(self, argument: str = "filter") -> StoreFilter:
        """The store's filter (ids parsed: a global id of another type is BAD_USER_INPUT)."""
        return StoreFilter(
            assignee_id=parse_optional_id(self.assignee_id, AGENT, f"{argument}.assigneeId"),
            customer_id=parse_optional_id(self.customer_id, CUSTOMER, f"{argument}.customerId"),
            branch_id=str(self.branch_id) if self.branch_id is not None else None,
            due_from=self.due_from,
            due_to=self.due_to,
            overdue=self.overdue,
            statuses=frozenset(self.status) if self.status is not None else None,
        )


def store_filter(value: FollowUpFilter | None, argument: str = "filter") -> StoreFilter:
    """The store's filter for an optional argument (None narrows nothing)."""
    return value.to_store(argument) if value is not None else StoreFilter()
