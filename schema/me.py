"""The `me` root field: who the gateway thinks is calling."""

from __future__ import annotations

from typing import Self

import strawberry

from policies.principal import Principal
from resolvers.context import Info
from resolvers.me import resolve_me


@strawberry.type(description="The authenticated caller, as read from the bearer token.")
class Me:
    subject: str
    roles: list[str]
    branches: list[str]
    partner: str | None
    customer: str | None

    @classmethod
    def from_record(cls, principal: Principal) -> Self:
        """Build from the request's principal."""
        return cls(
            subject=principal.subject,
            roles=list(principal.roles),
            branches=list(principal.branches),
            partner=principal.partner,
            customer=principal.customer,
        )


@strawberry.type
class MeQuery:
    @strawberry.field(description="The caller. UNAUTHENTICATED without a bearer token.")
    def me(self, info: Info) -> Me:
        return Me.from_record(resolve_me(info))
