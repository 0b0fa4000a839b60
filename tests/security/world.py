"""The canary world: a seeded gateway per backend, canaries planted in phases, every role swept.

Phases (one store, one history): `indexed` — canaries planted with the indexer running and the
outbox drained; `indexer-stopped` — a note re-scoped and rewritten, one deleted and one created
while nothing drains the outbox (the search index is stale); `reindexed` — the indexer runs
again, the deleted note is restored. Every role runs every widest document after each phase.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.settings import REPO_ROOT, Settings
from datasources.config import UpstreamConfig
from gateway.auth import mint_token
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from schema.node import compose_key, global_id
from schema.node_query import MAX_NODES
from store.models import Customer, CustomerAssignment, SearchOutbox
from tests.fixtures.app import serve_in_thread
from tests.security.canaries import Planter
from tests.security.sweep import (
    Finding,
    canary_findings,
    customer_id_findings,
    guarded_findings,
    invalid_documents,
    run_documents,
    server_failures,
)
from tests.security.widest import (
    Builder,
    Document,
    Ids,
    guarded_fields,
    introspection_query,
    schema_from_introspection,
)

ROLES = [
    "owner", "admin", "manager", "executive", "support", "finance", "sales", "branch",
    "fulfillment", "field", "qa", "partner", "customer",
]  # fmt: skip
SCOPES = [
    "internal",
    "sales",
    "branch",
    "support",
    "finance",
    "fulfillment",
    "restricted",
    "customer",
]
# Demo roster ids (demo/distributions.py): agent-1 admin, -2 manager, -3 qa, -4 support,
# -6 finance, -7 fulfillment, then sales/branch/field per branch.
SUBJECTS = {
    "owner": "agent-1", "admin": "agent-1", "manager": "agent-2", "executive": "agent-2",
    "support": "agent-4", "finance": "agent-6", "sales": "agent-8", "branch": "agent-9",
    "fulfillment": "agent-7", "qa": "agent-3",
}  # fmt: skip
# The widest queries are far past the production limits on purpose: the sweep must reach every
# field, so cost, deadline and answer size are lifted too (they have their own tests).
LIMITS = {
    "max_query_depth": 40,
    "max_aliases": 500,
    "max_tokens": 200_000,
    "max_query_cost": 10**12,
    "request_deadline_seconds": 120.0,
    "max_response_bytes": 1_000_000_000,
}


@dataclass
class Role:
    """A principal of the matrix, its token and what the policy lets it read."""

    name: str
    principal: Principal
    token: str
    view: PolicyView
    reachable: frozenset[str] | None


@dataclass
class SweepWorld:
    """Everything the tests judge: findings, what each role saw, and the figures."""

    findings: list[Finding] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seen: dict[tuple[str, str], str] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    roots: set[str] = field(default_factory=set)
    query_roots: set[str] = field(default_factory=set)
    canaries: Counter[str] = field(default_factory=Counter)
    backend: str = ""
    guarded: dict[tuple[str, str], str] = field(default_factory=dict)
    requests: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    planter: Planter | None = None
    roles: dict[str, Role] = field(default_factory=dict)


@dataclass(frozen=True)
class Cast:
    """The customers and agent the canaries are planted around."""

    main: str
    other: str
    branch: str
    partner: str
    field_agent: str
    all_ids: frozenset[str]
    rows: dict[str, Customer]
    assigned: frozenset[tuple[str, str]]


async def cast(engine: AsyncEngine) -> Cast:
    """A customer every slice reaches (branch, partner, assigned field agent) and one none do."""
    async with AsyncSession(engine) as session:
        rows = {c.id: c for c in await session.scalars(select(Customer))}
        assigned = {
            (a.customer_id, a.agent_id) for a in await session.scalars(select(CustomerAssignment))
        }
    main = next(
        c
        for c in sorted(rows.values(), key=lambda c: c.id)
        if c.branch_id and c.partner_id and any(cid == c.id for cid, _ in assigned)
    )
    agent = next(agent for cid, agent in sorted(assigned) if cid == main.id)
    other = next(
        c
        for c in sorted(rows.values(), key=lambda c: c.id)
        if c.branch_id != main.branch_id
        and c.partner_id != main.partner_id
        and (c.id, agent) not in assigned
    )
    return Cast(
        main.id, other.id, main.branch_id or "", main.partner_id or "", agent, frozenset(rows),
        rows, frozenset(assigned),
    )  # fmt: skip


def principal_for(role: str, c: Cast) -> Principal:
    """The role's principal, with the claims that make `c.main` reachable for it."""
    subject = SUBJECTS.get(role, c.field_agent if role == "field" else f"{role}-user")
    return Principal(
        subject=subject,
        roles=(role,),
        branches=(c.branch,) if role == "branch" else (),
        partner=c.partner if role == "partner" else None,
        customer=c.main if role == "customer" else None,
    )


def reachable(view: PolicyView, c: Cast) -> frozenset[str] | None:
    """The customers the view reaches, from the raw rows (None: all of them)."""
    reach = view.reach
    if reach.everyone:
        return None
    return frozenset(
        cid
        for cid, row in c.rows.items()
        if row.branch_id in reach.branches
        or (reach.partner is not None and row.partner_id == reach.partner)
        or (reach.assigned_agent is not None and (cid, reach.assigned_agent) in c.assigned)
        or cid == reach.customer
    )


async def drained(engine: AsyncEngine, within: float = 60.0) -> None:
    """Wait until the indexer has processed every outbox row."""
    deadline = time.monotonic() + within
    while True:
        async with engine.connect() as connection:
            pending = await connection.scalar(
                select(func.count())
                .select_from(SearchOutbox)
                .where(SearchOutbox.processed_at.is_(None))
            )
        if not pending:
            return
        assert time.monotonic() < deadline, f"{pending} outbox rows still pending"
        await asyncio.sleep(0.1)


@asynccontextmanager
async def gateway(
    settings: Settings, upstreams: UpstreamConfig
) -> AsyncIterator[httpx.AsyncClient]:
    """A real gateway on loopback and a client for it."""
    with serve_in_thread(settings, upstreams) as url:
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            yield client


async def build_world(
    settings: Settings, upstreams: UpstreamConfig, engine: AsyncEngine, directory: Path
) -> SweepWorld:
    """Plant, change and sweep through the three phases; return what was found."""
    started = time.monotonic()
    c = await cast(engine)
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    world = SweepWorld()
    for name in ROLES:
        principal = principal_for(name, c)
        view = policy.compile(principal)
        token = mint_token(
            settings,
            subject=principal.subject,
            roles=principal.roles,
            branches=principal.branches,
            partner=principal.partner,
            customer=principal.customer,
        )
        world.roles[name] = Role(name, principal, token, view, reachable(view, c))
    admin = world.roles["admin"].token
    stopped = settings.model_copy(update={"search_indexer": False})

    async with gateway(settings, upstreams) as http:
        planter = Planter(http, admin, assignee=SUBJECTS["sales"], fallback_assignee="agent-1")
        world.planter = planter
        per_scope: dict[str, str] = {}
        for scope in SCOPES:
            per_scope[scope] = await planter.note(c.main, scope, follow_up=True)
            revised = await planter.note(c.main, scope, kind="revision", follow_up=False)
            await _rewrite(planter, revised, c.main, scope)
        for scope in ("internal", "customer"):
            await planter.note(c.other, scope, follow_up=True)
        rescoped = []
        for before, after in (
            ("restricted", "internal"),
            ("internal", "customer"),
            ("internal", "restricted"),
        ):
            moved = await planter.note(c.main, before, kind="rescope", follow_up=False)
            await _rewrite(planter, moved, c.main, after, scope=after)
            rescoped.append(moved)
        await planter.complete_follow_ups(c.main)
        for customer in (c.main, c.other):
            await planter.risk_flag(customer)
            await planter.interaction(customer)
        doomed = await planter.note(c.main, "support", kind="deleted", follow_up=False)
        stale = await planter.note(c.main, "internal", kind="stale", follow_up=False)
        await drained(engine)
        introspected = await http.post(
            "/graphql",
            json={"query": introspection_query()},
            headers={"Authorization": f"Bearer {admin}"},
        )
        schema = schema_from_introspection(introspected.json()["data"])
        ids = Ids(
            {
                "customer": [c.main, c.other],
                "note": sorted(planter.notes),
                # nodes(ids:): the global ids of the customers, the planted notes and their
                # edits (a rescoped edit keeps text written in a scope a reader lacks).
                # node(id:) asks one alias per id, each selecting every Node type, so it gets a
                # sample within the alias limit: a note and the edit that moved restricted
                # text into the internal scope.
                "node": [
                    global_id("Note", rescoped[0]),
                    global_id("NoteRevision", compose_key(rescoped[0], "2")),
                ],
                "nodes": [global_id("Customer360", c.main), global_id("Customer360", c.other)]
                + [global_id("Note", note) for note in sorted(planter.notes)]
                + [
                    global_id("NoteRevision", compose_key(note, str(version)))
                    for note, state in sorted(planter.notes.items())
                    for version in range(2, state["version"] + 1)
                ],
            }
        )
        assert len(ids.by_kind["nodes"]) <= MAX_NODES, "nodes(ids:) would refuse the whole list"
        builder = Builder(schema, ids)
        world.documents = builder.documents()
        world.query_roots = set(schema.query_type.fields) if schema.query_type else set()
        guarded = world.guarded = guarded_fields(schema)
        await _sweep(world, "indexed", http, c, guarded)

    async with gateway(stopped, upstreams) as http:
        planter.http = http
        await planter.delete(doomed)
        await _rewrite(planter, stale, c.main, "restricted", scope="restricted")
        await planter.note(c.main, "restricted", kind="unindexed", follow_up=False)
        await _sweep(world, "indexer-stopped", http, c, guarded)

    async with gateway(settings, upstreams) as http:
        planter.http = http
        await planter.delete(doomed, restore=True)
        await drained(engine)
        await _sweep(world, "reindexed", http, c, guarded)

    world.canaries = Counter(canary.kind for canary in planter.canaries)
    world.seconds = time.monotonic() - started
    return world


async def _rewrite(
    planter: Planter, note_id: str, customer: str, text_scope: str, scope: str | None = None
) -> None:
    """Replace a note's subject, body and tags with new canaries (and maybe its scope)."""
    subject = planter.add("note.subject", customer, {text_scope}, note=note_id)
    body = planter.add("note.body", customer, {text_scope}, note=note_id)
    tag = planter.add("note.tag", customer, {text_scope}, note=note_id)
    changes: dict[str, Any] = {"subject": subject, "body": f"Rewritten. {body}", "tags": [tag]}
    if scope is not None:
        changes["scope"] = scope.upper()
    await planter.update(note_id, customer, **changes)


async def _sweep(
    world: SweepWorld,
    phase: str,
    http: httpx.AsyncClient,
    c: Cast,
    guarded: dict[tuple[str, str], str],
) -> None:
    assert world.planter is not None
    canaries = list(world.planter.canaries)
    roles = list(world.roles.values())
    # One role after another: SQLite serialises writers and reads append denial-audit and
    # intake rows, so concurrent sweeps lose rows to "database is locked" (reported apart);
    # sequential sweeps keep every backend's answers deterministic.
    results = [
        await run_documents(http, role.token, world.documents, world.timings) for role in roles
    ]
    for role, answers in zip(roles, results, strict=True):
        world.requests += len(answers)
        world.roots |= {a.document.root for a in answers}
        world.seen[(phase, role.name)] = "\n".join(a.text.lower() for a in answers)
        world.failures += [f"[{phase}] {role.name} {f}" for f in server_failures(answers)]
        world.failures += [f"[{phase}] {role.name} {f}" for f in invalid_documents(answers)]
        world.findings += canary_findings(
            phase, role.name, answers, canaries, role.view, role.reachable
        )
        if role.reachable is not None:
            world.findings += customer_id_findings(
                phase, role.name, answers, c.all_ids, role.reachable
            )
        world.findings += guarded_findings(phase, role.name, answers, guarded, role.view)
