"""Authorization overhead: one Customer360 list query, policy on vs an unrestricted baseline.

The principal is a manager, who may read everything, so both variants return the same data;
the difference is the cost of the policy itself — compiling the PolicyView from Casbin on every
request (its cache dropped each time, the pessimistic case), the scope and reach clauses in SQL,
and the field-group checks.
"""

from __future__ import annotations

from bench.harness import Comparison, compare
from bench.in_process import request_context, seeded_store
from core.settings import Settings
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.context import Context
from schema import build_schema

QUERY = """
query List($first: Int!) {
  customers(first: $first) {
    totalCount
    edges { node { id name noteCount
                   notes(first: 20) { edges { node { id subject scope tags } } }
                   riskFlags { edges { node { kind } } } interactions { totalCount } } }
  }
}
"""


async def run(
    *, customers: int, notes: int, rounds: int, page: int, progress: bool, url: str | None = None
) -> list[Comparison]:
    """Seed a store (SQLite in a temp dir unless `url`), then compare the two variants."""
    async with seeded_store(customers=customers, notes=notes, progress=progress, url=url) as store:
        policy = store.policy
        settings = Settings(environment="test", database_url=store.url)
        schema = build_schema(settings)
        principal = Principal(subject="agent-2", roles=("manager",))

        def context(view: PolicyView) -> Context:
            return request_context(settings, principal, view, policy, store.engine, store.sessions)

        async def with_policy_cold() -> None:
            policy._grants.clear()  # pessimistic: no compile cache across requests
            await with_policy()

        async def with_policy() -> None:
            result = await schema.execute(
                QUERY,
                variable_values={"first": page},
                context_value=context(policy.compile(principal)),
            )
            assert not result.errors, result.errors

        async def unrestricted() -> None:
            result = await schema.execute(
                QUERY,
                variable_values={"first": page},
                context_value=context(PolicyView.unrestricted(principal)),
            )
            assert not result.errors, result.errors

        return [
            await compare(
                "authorization overhead (policy compiled once per role set)",
                unrestricted,
                with_policy,
                rounds=rounds,
                progress=progress,
            ),
            await compare(
                "authorization overhead (policy compiled from Casbin every request)",
                unrestricted,
                with_policy_cold,
                rounds=rounds,
                progress=progress,
            ),
        ]
