"""Authorization overhead: one Customer360 list query, policy on vs an unrestricted baseline.

The principal is a manager, who may read everything, so both variants return the same data;
the difference is the cost of the policy itself — compiling the PolicyView from Casbin on every
request (its cache dropped each time, the pessimistic case), the scope and reach clauses in SQL,
and the field-group checks.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.harness import Comparison, compare
from core.metrics import Metrics
from core.settings import REPO_ROOT, Settings
from demo.seed import seed
from gateway.cli import progress_bars
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.context import Context
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from schema import build_schema
from search.embedded import EmbeddedSearch
from store.db import create_engine, session_factory
from store.migrate import async_upgrade

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
    with tempfile.TemporaryDirectory() as directory:
        url = url or f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"
        await async_upgrade(url)
        engine = create_engine(url)
        try:
            with progress_bars(progress) as bars:
                await seed(engine, customers=customers, notes=notes, progress=bars)
            policy = await PolicyEngine.load(
                REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies"
            )
            settings = Settings(environment="test", database_url=url)
            schema = build_schema(settings)
            sessions = session_factory(engine)
            principal = Principal(subject="agent-2", roles=("manager",))

            def context(view: PolicyView) -> Context:
                return Context(
                    settings=settings,
                    principal=principal,
                    policy=view,
                    policy_engine=policy,
                    store=StoreLoaders.create(sessions, view),
                    upstream=None,
                    request_id="bench",
                    sessions=sessions,
                    search=EmbeddedSearch(engine),
                    metrics=Metrics(),
                    denials=DenialLog(),
                    partial=PartialErrors(),
                )

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
        finally:
            await engine.dispose()
