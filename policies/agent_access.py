"""Who sees which people: named decisions over the `agents:*` capabilities (policies/agents.csv).

An agent is seen in full (id, name, role, branch, active) by a principal whose policy reaches
it (every agent, the agents of the token's branches, or its own record); its email only with
`agents:email` on top (the caller's own email with `agents:self`). A person named on a record
the caller already sees (a note's author, an assignee, an audit actor) is shown by id and
name alone with `agents:named`. Anything else is not shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from policies.view import PolicyView
from policies.vocabulary import Capability


class AgentDetail(Enum):
    """How much of one agent a principal sees."""

    NONE = "none"
    NAME = "name"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class AgentReach:
    """Which agents a principal sees in full; `everyone` wins over the slices."""

    everyone: bool = False
    branches: frozenset[str] = frozenset()
    own_id: str | None = None

    @property
    def nobody(self) -> bool:
        """True when the principal sees no agent in full."""
        return not (self.everyone or self.branches or self.own_id)


def agent_reach(view: PolicyView) -> AgentReach:
    """The agents the principal sees in full (the `agents` picker lists exactly these)."""
    if view.can(Capability.READ_ALL_AGENTS):
        return AgentReach(everyone=True)
    return AgentReach(
        branches=(
            frozenset(view.principal.branches)
            if view.can(Capability.READ_BRANCH_AGENTS)
            else frozenset()
        ),
        own_id=view.principal.subject if view.can(Capability.READ_OWN_AGENT) else None,
    )


def agent_detail(
    view: PolicyView, *, agent_id: str, branch_id: str | None, named: bool
) -> AgentDetail:
    """How much of this agent the principal sees; `named`: it is named on a record it sees."""
    reach = agent_reach(view)
    if reach.everyone or agent_id == reach.own_id or (branch_id in reach.branches):
        return AgentDetail.FULL
    if named and view.can(Capability.READ_NAMED_AGENTS):
        return AgentDetail.NAME
    return AgentDetail.NONE


def can_see_agent_email(view: PolicyView, *, agent_id: str, detail: AgentDetail) -> bool:
    """True if the principal sees this agent's email (personal data)."""
    if detail is not AgentDetail.FULL:
        return False
    if agent_id == view.principal.subject and view.can(Capability.READ_OWN_AGENT):
        return True
    return view.can(Capability.READ_AGENT_EMAIL)


def can_search_agent_emails(view: PolicyView) -> bool:
    """True if the picker may match agents by email (only where emails are shown)."""
    return view.can(Capability.READ_AGENT_EMAIL)
