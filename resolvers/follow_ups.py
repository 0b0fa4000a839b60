"""Resolvers for follow-ups: the lists (team view, task list, a customer's) and the changes."""

from __future__ import annotations

from datetime import datetime

from aiodataloader import DataLoader

from policies.decisions import FollowUpListing, follow_up_listing
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, deny, perform
from store import follow_ups
from store.audit import Target
from store.follow_up_lists import (
    FollowUpFilter,
    assigned_page,
    customer_follow_up_pages,
    team_follow_up_page,
)
from store.models import FollowUp, utcnow
from store.pagination import Page, PageRequest


async def resolve_team_follow_ups(
    info: Info, follow_up_filter: FollowUpFilter, request: PageRequest
) -> Page[FollowUp]:
    """A page of the follow-ups the policy lets the caller list (every one it reaches, or its
    own), narrowed by the filter; a caller that may list none is refused and audited."""
    require_authenticated(info)
    if follow_up_listing(info.context.policy) is FollowUpListing.NONE:
        raise await deny(
            info,
            "follow_up.list",
            Target("follow_up"),
            "the caller's role may not list follow-ups",
        )
    async with info.context.sessions() as session:
        return await team_follow_up_page(
            session, info.context.policy, follow_up_filter, request, now=utcnow()
        )


async def resolve_my_follow_ups(
    info: Info, follow_up_filter: FollowUpFilter, request: PageRequest
) -> Page[FollowUp]:
    """A page of the calling agent's own task list, narrowed by the filter."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await assigned_page(
            session,
            info.context.policy,
            info.context.principal.subject,
            follow_up_filter,
            request,
            now=utcnow(),
        )


async def customer_follow_up_page(
    info: Info, customer_id: str, follow_up_filter: FollowUpFilter, request: PageRequest
) -> Page[FollowUp]:
    """A page of the customer's follow-ups, soonest due first, batched across customers."""
    now = utcnow()
    loader: DataLoader[str, Page[FollowUp]] = info.context.store.pages(
        ("follow-ups", follow_up_filter, request),
        lambda s, view, ids: customer_follow_up_pages(
            s, view, ids, follow_up_filter, request, now=now
        ),
    )
    return await loader.load(customer_id)


async def resolve_complete_follow_up(
    info: Info,
    follow_up_id: str,
    outcome: str | None,
    comment: str | None = None,
    *,
    free_text: bool = False,
) -> Outcome[FollowUp]:
    """Complete a follow-up, recording who, when, the outcome and a comment."""
    return await perform(
        info,
        "follow_up.complete",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.complete_follow_up(
            s, ctx, follow_up_id, outcome, comment, free_text=free_text
        ),
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


async def resolve_reschedule_follow_up(
    info: Info, follow_up_id: str, due_at: datetime, reason: str | None
) -> Outcome[FollowUp]:
    """Move an open follow-up's due time."""
    return await perform(
        info,
        "follow_up.reschedule",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.reschedule_follow_up(s, ctx, follow_up_id, due_at, reason),
    )


async def resolve_cancel_follow_up(
    info: Info, follow_up_id: str, reason: str | None = None
) -> Outcome[FollowUp]:
    """Cancel an open follow-up that is no longer needed."""
    return await perform(
        info,
        "follow_up.cancel",
        Target("follow_up", follow_up_id),
        lambda s, ctx: follow_ups.cancel_follow_up(s, ctx, follow_up_id, reason),
    )
