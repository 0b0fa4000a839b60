"""Resolver for reloading the access policy without a restart (an admin action)."""

from __future__ import annotations

from core.errors import PolicyDenied
from policies.decisions import can_reload_policy
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, agent_problems
from store.audit import Target, append
from store.write_context import WriteContext, transaction


async def resolve_reload_policy(info: Info) -> Outcome[list[str]]:
    """Re-read casbin_model.conf and policies/*.csv now; the files loaded (audited), or the
    caller's own problem (an agent unknown to the directory) as a user error."""
    require_authenticated(info)
    context = info.context
    target = Target(type="policy", id="policies")
    if not can_reload_policy(context.policy):
        context.denials.add("policy.reload", target, "caller may not reload the policy")
        raise PolicyDenied("the caller's role may not reload the policy")
    problems = await agent_problems(info)
    if problems:
        return Outcome(errors=problems)
    await context.policy_engine.reload()
    files = [name for name, _, _ in context.policy_engine.fingerprint()]
    ctx = WriteContext(view=context.policy, request_id=context.request_id)
    async with transaction(context.sessions) as session:
        await append(session, ctx, "policy.reload", target, detail={"files": files})
    return Outcome(files)
