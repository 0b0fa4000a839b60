"""The `reloadPolicy` mutation: pick up edited policy files now instead of at the next poll."""

from __future__ import annotations

import strawberry

from resolvers.context import Info
from resolvers.policy_admin import resolve_reload_policy


@strawberry.type
class PolicyReloadPayload:
    files: list[str] = strawberry.field(description="The model and policy files now in force.")


@strawberry.type
class PolicyAdminMutation:
    @strawberry.mutation(
        description="Reload casbin_model.conf and policies/*.csv. FORBIDDEN without the "
        "policy/reload capability. Every instance also polls the files on its own."
    )
    async def reload_policy(self, info: Info) -> PolicyReloadPayload | None:
        return PolicyReloadPayload(files=await resolve_reload_policy(info))
