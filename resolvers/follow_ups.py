"""Resolvers for follow-ups: the caller's task list and completing one."""

from __future__ import annotations

from resolvers.context import Info
from resolvers.writes import Outcome, perform
from store import follow_ups
from store.audit import Target
from store.models import FollowUp


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
