"""Resolvers for people: an agent named on a record, the caller's own agent, the picker."""

from __future__ import annotations

from dataclasses import dataclass

from policies.agent_access import (
    AgentDetail,
    agent_detail,
    agent_reach,
    can_search_agent_emails,
    can_see_agent_email,
)
from policies.view import PolicyView
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.directory import search_agents
from store.models import Agent
from store.pagination import Page


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """An agent as the caller may see it: trimmed fields are None."""

    id: str
    name: str
    email: str | None
    role: str | None
    branch_id: str | None
    active: bool | None


def trimmed(view: PolicyView, row: Agent, *, named: bool) -> AgentRecord | None:
    """The agent with what the policy hides set to None; None when it is not shown at all."""
    detail = agent_detail(view, agent_id=row.id, branch_id=row.branch_id, named=named)
    if detail is AgentDetail.NONE:
        return None
    full = detail is AgentDetail.FULL
    return AgentRecord(
        id=row.id,
        name=row.name,
        email=row.email if can_see_agent_email(view, agent_id=row.id, detail=detail) else None,
        role=row.role if full else None,
        branch_id=row.branch_id if full else None,
        active=row.active if full else None,
    )


async def resolve_named_agent(info: Info, agent_id: str | None) -> AgentRecord | None:
    """The agent a visible record names by id; None for no id, an id no agent has (a job such
    as ``system:intake``) or an agent the policy hides. Batched per request."""
    if not agent_id:
        return None
    row = await info.context.store.agent_by_id.load(str(agent_id))
    return trimmed(info.context.policy, row, named=True) if row is not None else None


async def resolve_agent_node(info: Info, agent_id: str) -> AgentRecord | None:
    """An agent by id for `node(id:)`: only one the caller sees in full (as in the picker),
    never one it could name only through a record it reads."""
    require_authenticated(info)
    row = await info.context.store.agent_by_id.load(agent_id)
    return trimmed(info.context.policy, row, named=False) if row is not None else None


async def resolve_own_agent(info: Info) -> AgentRecord | None:
    """The caller's own agent record, when its subject is an agent the policy lets it see."""
    require_authenticated(info)
    row = await info.context.store.agent_by_id.load(info.context.principal.subject)
    return trimmed(info.context.policy, row, named=False) if row is not None else None


async def resolve_agents(
    info: Info, *, query: str | None, first: int, after: str | None, include_inactive: bool
) -> Page[AgentRecord]:
    """The agents the caller sees in full, for pickers (name or email, name order)."""
    require_authenticated(info)
    view = info.context.policy
    reach = agent_reach(view)
    async with info.context.sessions() as session:
        page = await search_agents(
            session,
            reach,
            query=query,
            first=first,
            after=after,
            include_inactive=include_inactive,
            # Searching by email only where emails are shown: a match must not reveal one.
            match_email=can_search_agent_emails(view),
        )
    records = [trimmed(view, row, named=False) for row in page.items]
    return Page(
        items=[record for record in records if record is not None],
        cursors=[c for c, r in zip(page.cursors, records, strict=True) if r is not None],
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        total_count=page.total_count,
    )
