"""People: the Agent type, the `Agent` field beside every id that names a person, the picker."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers.agents import (
    AgentRecord,
    resolve_agent_node,
    resolve_agents,
    resolve_named_agent,
    resolve_own_agent,
)
from resolvers.context import Info
from schema.closed_sets import Role, role_or_none
from schema.connections import Connection
from schema.node import Node, NodeID, raw_key

DEPRECATED = "Use {field} {{ agentId }} (or its global `id`). Removed in v2."
_TRIMMED = " Null when the policy does not show it to the caller."


@strawberry.type(
    description="A member of staff. Who sees which agent, and which of its fields, is the "
    "policy's (policies/agents.csv): staff see staff; a person named on a record the caller "
    "sees is shown at least by id and name; email is personal data and is null unless shown."
)
class Agent(Node):
    id: NodeID[str]
    agent_id: strawberry.ID = raw_key("agent")
    name: str
    email: str | None = strawberry.field(description="Work email." + _TRIMMED)
    role: Role | None = strawberry.field(
        description="The agent's role in the directory (OTHER: one the policy does not know)."
        + _TRIMMED
    )
    branch_id: strawberry.ID | None = strawberry.field(
        description="The agent's branch, if any." + _TRIMMED
    )
    active: bool | None = strawberry.field(
        description="False once the agent left the directory." + _TRIMMED
    )

    @classmethod
    def from_record(cls, row: AgentRecord) -> Self:
        """Build from a policy-trimmed agent record."""
        return cls(
            id=row.id,
            name=row.name,
            email=row.email,
            role=role_or_none(row.role),
            branch_id=strawberry.ID(row.branch_id) if row.branch_id else None,
            active=row.active,
        )


def deprecated_id(field: str) -> str:
    """The deprecation reason of an id field that now has an `Agent` sibling."""
    return DEPRECATED.format(field=field)


async def named_agent(info: Info, agent_id: str | None) -> Agent | None:
    """The `Agent` object of a person a visible record names by id (batched per request)."""
    record = await resolve_named_agent(info, agent_id)
    return Agent.from_record(record) if record is not None else None


def agent_field(description: str) -> str:
    """The description of an `Agent` sibling field."""
    return (
        f"{description} Null for an id no agent has (an automated job) or an agent the "
        "policy does not show."
    )


@strawberry.type
class AgentQuery:
    @strawberry.field(
        description="Agents for pickers: those the caller's policy shows in full (staff see "
        "staff; the branch role its branches' agents), matched by name, or by email where "
        "emails are shown (case and punctuation insensitive), ordered by name then id. "
        "Active agents only unless `includeInactive`. Partner and customer callers get none."
    )
    async def agents(
        self,
        info: Info,
        query: str | None = None,
        first: int = 20,
        after: str | None = None,
        include_inactive: bool = False,
    ) -> Connection[Agent] | None:
        page = await resolve_agents(
            info, query=query, first=first, after=after, include_inactive=include_inactive
        )
        return Connection[Agent].of(page, Agent.from_record)


async def agent_node(info: Info, agent_id: str) -> Agent | None:
    """An agent for `node(id:)`, shown only if the policy shows it in full."""
    record = await resolve_agent_node(info, agent_id)
    return Agent.from_record(record) if record is not None else None


async def own_agent(info: Info) -> Agent | None:
    """The caller's own `Agent` (for `me`)."""
    record = await resolve_own_agent(info)
    return Agent.from_record(record) if record is not None else None
