"""The `me` root field: who the gateway thinks is calling."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Self

import strawberry
from sqlalchemy.exc import SQLAlchemyError

from policies.principal import Principal
from policies.view import PolicyView
from resolvers.context import Info
from resolvers.me import resolve_me
from schema.agents import Agent, own_agent
from schema.closed_sets import Role, roles_of
from schema.enums import Capability, FieldGroup, Scope
from schema.rate_limit import PARTNER_PREFIX, budgets_for
from store.outage import is_store_outage, store_unavailable
from store.rate_limits import BudgetState


@strawberry.enum(description="Whose budget: the caller's own, or its partner's (shared).")
class RateLimitScope(Enum):
    PRINCIPAL = "principal"
    PARTNER = "partner"


@strawberry.type(
    description="A cost budget the caller's operations spend from, per fixed window (this "
    "request included). Over it: HTTP 429, Retry-After and RATE_LIMITED."
)
class RateLimitBudget:
    scope: RateLimitScope
    limit: int = strawberry.field(description="Estimated query cost allowed per window.")
    used: int
    remaining: int
    window_seconds: int
    resets_at: datetime = strawberry.field(description="When the current window ends.")

    @classmethod
    def from_record(cls, state: BudgetState, window_seconds: int) -> Self:
        """Build from a budget's state."""
        partner = state.key.startswith(PARTNER_PREFIX)
        return cls(
            scope=RateLimitScope.PARTNER if partner else RateLimitScope.PRINCIPAL,
            limit=state.limit,
            used=state.used,
            remaining=state.remaining,
            window_seconds=window_seconds,
            resets_at=datetime.fromtimestamp(state.resets_at, UTC),
        )


@strawberry.type(description="What the caller may read and do, compiled from the policy.")
class Permissions:
    readable_scopes: list[Scope] = strawberry.field(description="Note scopes the caller reads.")
    writable_scopes: list[Scope] = strawberry.field(description="Note scopes the caller writes.")
    field_groups: list[FieldGroup] = strawberry.field(description="Customer360 field groups shown.")
    capabilities: list[Capability] = strawberry.field(description="Actions beyond reading.")

    @classmethod
    def from_record(cls, view: PolicyView) -> Self:
        """Build from the request's compiled policy view, in a stable order (by name)."""
        return cls(
            readable_scopes=sorted(view.readable_scopes, key=_name),
            writable_scopes=sorted(view.writable_scopes, key=_name),
            field_groups=sorted(view.field_groups, key=_name),
            capabilities=sorted(view.capabilities, key=_name),
        )


def _name(member: Scope | FieldGroup | Capability) -> str:
    return member.name


@strawberry.type(description="The authenticated caller, as read from the bearer token.")
class Me:
    subject: str
    roles: list[Role] = strawberry.field(
        description="The token's roles, each once; a role the policy does not know is OTHER."
    )
    branches: list[str]
    partner: str | None
    customer: str | None
    permissions: Permissions

    @strawberry.field(
        description="The caller's own agent record, when its subject is an agent it may see."
    )
    async def agent(self, info: Info) -> Agent | None:
        return await own_agent(info)

    @strawberry.field(
        description="The caller's rate-limit budgets now (empty when rate limits are off)."
    )
    async def rate_limits(self, info: Info) -> list[RateLimitBudget]:
        limiter = info.context.rate_limiter
        if limiter is None:
            return []
        try:
            states = await limiter.peek(budgets_for(info.context.principal, info.context.settings))
        except (SQLAlchemyError, OSError) as error:
            if is_store_outage(error):
                raise store_unavailable() from error
            raise
        return [RateLimitBudget.from_record(state, limiter.window_seconds) for state in states]

    @classmethod
    def from_record(cls, principal: Principal, view: PolicyView) -> Self:
        """Build from the request's principal."""
        return cls(
            subject=principal.subject,
            roles=roles_of(principal.roles),
            branches=list(principal.branches),
            partner=principal.partner,
            customer=principal.customer,
            permissions=Permissions.from_record(view),
        )


@strawberry.type
class MeQuery:
    @strawberry.field(description="The caller. UNAUTHENTICATED without a bearer token.")
    def me(self, info: Info) -> Me | None:
        return Me.from_record(resolve_me(info), info.context.policy)
