"""The `reloadPolicy` mutation: pick up edited policy files now instead of at the next poll."""

from __future__ import annotations

import strawberry

from resolvers.context import Info
from resolvers.policy_admin import resolve_reload_policy
from schema.user_errors import UserError


@strawberry.type
class PolicyReloadPayload:
    files: list[str] = strawberry.field(
        description="The model and policy files now in force (empty when `errors` is not)."
    )
    errors: list[UserError] = strawberry.field(
        description="The caller's own problem (an agent unknown to the directory). Files that "
        "do not load are an INVALID error and a null payload, the policy in force unchanged."
    )


@strawberry.type
class PolicyAdminMutation:
    @strawberry.mutation(
        description="Reload casbin_model.conf and policies/*.csv. FORBIDDEN without the "
        "policy/reload capability. Every instance also polls the files on its own."
    )
    async def reload_policy(self, info: Info) -> PolicyReloadPayload | None:
        outcome = await resolve_reload_policy(info)
        return PolicyReloadPayload(
            files=outcome.value or [], errors=UserError.from_records(outcome.errors)
        )
