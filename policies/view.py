"""PolicyView: one principal's permissions, compiled once per request from the enforcer.

Resolvers, store queries and search queries read these precomputed sets; nothing downstream
calls Casbin per field or per object. Named decision functions live beside it
(`policies/decisions.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.principal import Principal
from policies.vocabulary import Capability, FieldGroup, Reach, Scope


@dataclass(frozen=True, slots=True)
class CustomerReach:
    """Which customers a principal reaches; `everyone` wins over the slices."""

    everyone: bool = False
    branches: frozenset[str] = frozenset()
    partner: str | None = None
    assigned_agent: str | None = None
    customer: str | None = None

    @property
    def nobody(self) -> bool:
        """True when the principal reaches no customer at all."""
        return not (
            self.everyone or self.branches or self.partner or self.assigned_agent or self.customer
        )


@dataclass(frozen=True, slots=True)
class PolicyView:
    """What one principal may read and do, as plain sets."""

    principal: Principal
    readable_scopes: frozenset[Scope]
    writable_scopes: frozenset[Scope]
    # Scopes whose notes become readable once tagged `handoff` (sales → support handoff).
    handoff_readable: frozenset[Scope]
    field_groups: frozenset[FieldGroup]
    reach: CustomerReach
    capabilities: frozenset[Capability]

    @classmethod
    def unrestricted(cls, principal: Principal) -> PolicyView:
        """Every right, built without the enforcer: for system jobs and the authz benchmark's
        baseline only — never for a request."""
        return cls(
            principal=principal,
            readable_scopes=frozenset(Scope),
            writable_scopes=frozenset(Scope),
            handoff_readable=frozenset(),
            field_groups=frozenset(FieldGroup),
            reach=CustomerReach(everyone=True),
            capabilities=frozenset(Capability),
        )

    def can(self, capability: Capability) -> bool:
        """True if the principal holds this capability."""
        return capability in self.capabilities

    def sees(self, group: FieldGroup) -> bool:
        """True if the principal may see this field group."""
        return group in self.field_groups


def reach_for(principal: Principal, kinds: frozenset[Reach]) -> CustomerReach:
    """Turn the reach kinds a role set grants into concrete slices from the token's claims."""
    if Reach.ALL in kinds:
        return CustomerReach(everyone=True)
    # A slice the claims do not name grants nothing: deny by default, never "all".
    return CustomerReach(
        branches=frozenset(principal.branches) if Reach.BRANCH in kinds else frozenset(),
        partner=principal.partner if Reach.PARTNER in kinds else None,
        assigned_agent=principal.subject if Reach.ASSIGNED in kinds else None,
        customer=principal.customer if Reach.SELF in kinds else None,
    )
