"""Resolvers for follow-ups: the caller's task list and completing one."""

from __future__ import annotations

from datetime import datetime

from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, perform
from store import follow_ups
from store.audit import Target
from store.models import FollowUp


async def resolve_my_follow_ups(
    info: Info, *, due_before: datetime | None, include_completed: bool
) -> list[FollowUp]:
    """Follow-ups assigned to the calling agent, due on or before `due_before`."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await follow_ups.follow_ups_for_assignee(
            session,
            info.context.policy,
            info.context.principal.subject,
            due_before=due_before,
            include_completed=include_completed,
        )


async def resolve_complete_follow_up(
    info: Info, follow_up_id: str, outcome: str | None
) -> Outcome[FollowUp]:
    """Complete a follow-up, recording who, when and the outcome."""
    return await perform(
        info,
        "follow_up.complete",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.complete_follow_up(s, ctx, follow_up_id, outcome),
    )


async def resolve_reassign_follow_up(
    info: Info, follow_up_id: str, assignee_id: str
) -> Outcome[FollowUp]:
    """Give an open follow-up to another agent who may handle it."""
    return await perform(
        info,
        "follow_up.reassign",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.reassign_follow_up(s, ctx, follow_up_id, assignee_id),
    )


async def resolve_cancel_follow_up(info: Info, follow_up_id: str) -> Outcome[FollowUp]:
    """Cancel an open follow-up that is no longer needed."""
    return await perform(
        info,
        "follow_up.cancel",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.cancel_follow_up(s, ctx, follow_up_id),
    )
