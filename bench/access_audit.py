"""Access-audit cost: the Customer360 queries with the access audit on vs off, in one run.

A manager (who is shown restricted notes, risk flags and the audit trail) reads one customer's
360 and a directory page of customers with their notes and risk flags. Both variants run the
same schema code and collect the reads; the audit's variant also writes them (one upsert per
request, rows aggregated per agent, customer, group and hour), so the ratio is the audit's
whole cost per request. Over HTTP the write happens after the answer is sent, so a caller's
latency does not include it; the work (and a store's write capacity) does.

`python -m bench.access_audit [--admin-dsn postgresql://…] [--rounds N]` (SQLite, and PostgreSQL).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable

from rich.console import Console
from sqlalchemy import func, select

from bench.harness import Comparison, compare
from bench.in_process import request_context, seeded_store
from core.settings import Settings
from policies.principal import Principal
from resolvers import access_audit
from schema import build_schema
from store.models import AccessRead

ONE = """
query One($id: ID!) {
  customer(id: $id) {
    id name
    notes(first: 50) { edges { node { id subject scope tags } } }
    riskFlags { edges { node { kind } } }
    audit(first: 20) { edges { node { action } } }
  }
}
"""
LIST = """
query List($first: Int!) {
  customers(first: $first) {
    edges { node { id name
                   notes(first: 20) { edges { node { id subject scope } } }
                   riskFlags { edges { node { kind } } } } }
  }
}
"""


async def run(
    *, customers: int, notes: int, rounds: int, page: int, progress: bool, url: str | None = None
) -> list[Comparison]:
    """Seed a store (SQLite in a temp dir unless `url`), then compare audit off vs on."""
    async with seeded_store(customers=customers, notes=notes, progress=progress, url=url) as store:
        principal = Principal(subject="agent-2", roles=("manager",))
        view = store.policy.compile(principal)
        base = Settings(environment="test", database_url=store.url)
        variants = {
            enabled: (
                settings := base.model_copy(update={"access_audit_enabled": enabled}),
                build_schema(settings),
            )
            for enabled in (False, True)
        }

        def execute(
            enabled: bool, query: str, **variables: object
        ) -> Callable[[], Awaitable[None]]:
            settings, schema = variants[enabled]

            async def once() -> None:
                context = request_context(
                    settings, principal, view, store.policy, store.engine, store.sessions
                )
                result = await schema.execute(
                    query, variable_values=variables, context_value=context
                )
                assert not result.errors, result.errors
                # The gateway writes this after the answer is sent; counted here in full.
                await access_audit.flush(context)

            return once

        one = {"id": "cust-00001"}
        results = [
            await compare(
                "access audit, one Customer360 (notes, risk flags, audit)",
                execute(False, ONE, **one),
                execute(True, ONE, **one),
                rounds=rounds,
                progress=progress,
            ),
            await compare(
                f"access audit, {page} customers with notes and risk flags",
                execute(False, LIST, first=page),
                execute(True, LIST, first=page),
                rounds=rounds,
                progress=progress,
            ),
        ]
        async with store.engine.connect() as connection:
            rows = await connection.scalar(select(func.count()).select_from(AccessRead))
            reads = await connection.scalar(select(func.sum(AccessRead.read_count)))
        Console().print(f"access audit: {rows} rows holding {reads} reads")
        return results


async def _both(admin_dsn: str | None, rounds: int) -> list[tuple[str, Comparison]]:
    from bench.services import scratch_database

    async def sized(url: str | None) -> list[Comparison]:
        return await run(
            customers=100, notes=2_000, rounds=rounds, page=20, progress=False, url=url
        )

    results = [("SQLite", result) for result in await sized(None)]
    if admin_dsn is not None:
        async with scratch_database(admin_dsn, "access", migrate=False) as url:
            results += [("PostgreSQL", result) for result in await sized(url)]
    return results


def main() -> None:
    """Run on SQLite (and PostgreSQL with --admin-dsn) and print each comparison."""
    parser = argparse.ArgumentParser(prog="python -m bench.access_audit")
    parser.add_argument("--admin-dsn", help="PostgreSQL admin URL: also run on a scratch database")
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    for store, result in asyncio.run(_both(args.admin_dsn, args.rounds)):
        Console().print(f"[{store}] {result.line()}", soft_wrap=True)


if __name__ == "__main__":
    main()
