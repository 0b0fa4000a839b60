"""Interactions across customers never leak: generated principals, canaries, raw enforce.

Every customer of a seeded store gets an interaction whose subject and detail are canaries.
For each generated principal (roles x branches x partners x assigned agents x own customer),
one HTTP request asks the root `interactions` (every page) and `interactionReport` by
CUSTOMER, AGENT, DAY and TYPE; the oracle, built from raw `enforce` calls over the raw rows,
says which customers the principal reaches and whether it sees activity fields and reports.
No canary of another customer may appear anywhere in the response text, and every count must
be exactly what the principal may see — never more, and (non-vacuity) never less.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.settings import REPO_ROOT, Settings
from gateway.auth import mint_token
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store.enums import InteractionPurpose, InteractionType
from store.models import Customer, CustomerAssignment, Interaction, new_id
from tests.fixtures.decisions import raw_decisions
from tests.schema.native_gateway import seeded_settings, store_engine
from tests.security.world import ROLES

CASES = 150
NOW = datetime.now(UTC).replace(microsecond=0)
WINDOW = {
    "from": (NOW - timedelta(days=3 * 365)).isoformat(),
    "to": (NOW + timedelta(days=1)).isoformat(),
}
QUERY = """
query Leak($after: String, $f: InteractionFilter) {
  interactions(filter: $f, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id interactionId customerId subject detail loggedByAgent { agentId } } }
  }
  byCustomer: interactionReport(groupBy: CUSTOMER, filter: $f, first: 1000) {
    totalCount edges { node { key count } }
  }
  byAgent: interactionReport(groupBy: AGENT, filter: $f, first: 1000) {
    totalCount edges { node { key count agent { agentId } } }
  }
  byDay: interactionReport(groupBy: DAY, filter: $f, first: 1000) {
    totalCount edges { node { key count } }
  }
  byType: interactionReport(groupBy: TYPE, filter: $f, first: 1000) {
    totalCount edges { node { key count } }
  }
}"""
REPORTS = ("byCustomer", "byAgent", "byDay", "byType")


@dataclass(frozen=True)
class World:
    """The raw rows the oracle judges by, and the canaries planted in them."""

    customers: dict[str, Customer]
    assigned: frozenset[tuple[str, str]]
    interactions: dict[str, str]  # interaction id -> customer id
    canaries: dict[str, str]  # canary text -> customer id


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A gateway on a seeded store (see `world` for what is planted)."""
    return await seeded_settings(database_url, tmp_path_factory.mktemp("interaction-leaks"))


@pytest.fixture(scope="module")
async def world(gateway_settings: Settings) -> World:
    """One canary interaction per customer, then the whole store read back raw."""
    engine: AsyncEngine = store_engine(gateway_settings)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        customers = {c.id: c for c in await session.scalars(select(Customer))}
        # End the read: on SQLite a transaction that read first cannot take the write lock once
        # the running gateway has committed in between ("database is locked").
        await session.commit()
        canaries: dict[str, str] = {}
        rows = []
        for n, customer in enumerate(sorted(customers)):
            subject, detail = (f"canary-{part}-{secrets.token_hex(6)}" for part in ("s", "d"))
            canaries[subject] = canaries[detail] = customer
            at = NOW - timedelta(hours=n + 1)
            rows.append(
                {
                    "id": new_id(),
                    "customer_id": customer,
                    "logged_by": "agent-1",
                    "type": InteractionType.CALL,
                    "purpose": InteractionPurpose.SERVICE,
                    "subject": subject,
                    "detail": detail,
                    "occurred_at": at,
                    "created_at": at,
                }
            )
        await session.execute(insert(Interaction), rows)
        await session.commit()
        assigned = frozenset(
            (a.customer_id, a.agent_id) for a in await session.scalars(select(CustomerAssignment))
        )
        interactions = {
            key: customer
            for key, customer in await session.execute(
                select(Interaction.id, Interaction.customer_id)
            )
        }
    await engine.dispose()
    return World(customers, assigned, interactions, canaries)


@pytest.fixture(scope="module")
async def policy() -> PolicyEngine:
    """The policy files, for raw enforce calls (the oracle never compiles a view)."""
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


class Oracle:
    """What the policy allows one principal, from raw enforce calls over the raw rows."""

    def __init__(self, policy: PolicyEngine, world: World, principal: Principal) -> None:
        self.policy, self.world, self.p = policy, world, principal

    def allows(self, obj: str, act: str) -> bool:
        return raw_decisions(self.policy).any(self.p.roles, obj, act)

    def reaches(self, customer: str) -> bool:
        c = self.world.customers[customer]
        return (
            self.allows("reach:all", "use")
            or (self.allows("reach:branch", "use") and c.branch_id in self.p.branches)
            or (self.allows("reach:partner", "use") and c.partner_id == self.p.partner is not None)
            or (
                self.allows("reach:assigned", "use")
                and (c.id, self.p.subject) in self.world.assigned
            )
            or (self.allows("reach:self", "use") and c.id == self.p.customer)
        )

    def visible(self) -> set[str]:
        """The interactions the principal may see (none without the activity field group)."""
        if not self.allows("fields:activity", "read"):
            return set()
        return {i for i, customer in self.world.interactions.items() if self.reaches(customer)}

    def reports(self) -> bool:
        return self.allows("reports", "read") and self.allows("fields:activity", "read")


def principals(world: World) -> st.SearchStrategy[Principal]:
    """Roles x branches x partners x subjects (assigned field agents among them) x customer."""
    branches = sorted({c.branch_id for c in world.customers.values()} | {"branch-x"})
    partners = sorted({c.partner_id for c in world.customers.values() if c.partner_id})
    agents = sorted({agent for _, agent in world.assigned} | {"agent-1", "agent-8", "agent-x"})
    return st.builds(
        Principal,
        subject=st.sampled_from(agents),
        roles=st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True).map(tuple),
        branches=st.lists(st.sampled_from(branches), max_size=2, unique=True).map(tuple),
        partner=st.none() | st.sampled_from([*partners, "partner-x"]),
        customer=st.none() | st.sampled_from([*sorted(world.customers)[:4], "cust-99999"]),
    )


async def ask(
    http: httpx.AsyncClient, token: str, f: dict[str, Any]
) -> tuple[list[dict[str, Any]], str]:
    """Every page of the document's answer (the report fields repeat on each), as JSON and
    as the raw text a canary is searched in."""
    answers: list[dict[str, Any]] = []
    texts: list[str] = []
    after = None
    for _ in range(20):
        response = await http.post(
            "/graphql",
            json={"query": QUERY, "variables": {"after": after, "f": f}},
            headers={"Authorization": f"Bearer {token}"},
        )
        texts.append(response.text)
        assert response.status_code in (200, 401), response.text
        if response.status_code == 401:
            return [], "\n".join(texts)
        body = response.json()
        answers.append(body)
        page = (body.get("data") or {}).get("interactions")
        if not page or not page["pageInfo"]["hasNextPage"]:
            return answers, "\n".join(texts)
        after = page["pageInfo"]["endCursor"]
    raise AssertionError("the list did not end")


def check(answers: list[dict[str, Any]], text: str, oracle: Oracle, world: World) -> None:
    """Nothing the oracle hides is in the text; every count is exactly what it allows."""
    visible = oracle.visible()
    reachable = {world.interactions[i] for i in visible}
    hidden = [token for token, customer in world.canaries.items() if customer not in reachable]
    assert [token for token in hidden if token in text] == []
    if not answers:
        return  # a token the gateway refused (401) reads nothing
    listed = [
        edge["node"]
        for answer in answers
        for edge in ((answer["data"] or {}).get("interactions") or {"edges": []})["edges"]
    ]
    first = answers[0]
    data = first.get("data") or {}
    codes = {error["extensions"]["code"] for error in first.get("errors", [])}
    assert codes <= {"FORBIDDEN"}, first["errors"]
    if oracle.allows("fields:activity", "read"):
        assert data["interactions"]["totalCount"] == len(visible)
        assert {node["interactionId"] for node in listed} == visible
        assert all(node["customerId"] in reachable for node in listed)
        shown = {c for c, customer in world.canaries.items() if customer in reachable}
        assert all(token in text for token in shown), "a visible canary is missing"
    else:
        assert data["interactions"] is None
        assert "FORBIDDEN" in codes
    for name in REPORTS:
        if not oracle.reports():
            assert data[name] is None
            continue
        rows = {edge["node"]["key"]: edge["node"]["count"] for edge in data[name]["edges"]}
        assert data[name]["totalCount"] == len(rows)
        assert sum(rows.values()) == len(visible), name
    if oracle.reports():
        by_customer = {e["node"]["key"]: e["node"]["count"] for e in data["byCustomer"]["edges"]}
        assert by_customer == Counter(world.interactions[i] for i in visible)


@settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_no_principal_sees_or_counts_an_interaction_it_may_not(
    data: st.DataObject,
    http: httpx.AsyncClient,
    gateway_settings: Settings,
    world: World,
    policy: PolicyEngine,
) -> None:
    principal = data.draw(principals(world))
    token = mint_token(
        gateway_settings,
        subject=principal.subject,
        roles=principal.roles,
        branches=principal.branches,
        partner=principal.partner,
        customer=principal.customer,
    )

    answers, text = await ask(http, token, WINDOW)

    check(answers, text, Oracle(policy, world, principal), world)


@pytest.mark.parametrize("role", ROLES)
async def test_each_role_with_its_claims(
    role: str,
    http: httpx.AsyncClient,
    gateway_settings: Settings,
    world: World,
    policy: PolicyEngine,
) -> None:
    # The first customer, reached by every slice: its branch, partner, assigned agent, itself.
    main = next(
        c
        for c in sorted(world.customers.values(), key=lambda c: c.id)
        if c.partner_id and any(cid == c.id for cid, _ in world.assigned)
    )
    agent = next(a for cid, a in sorted(world.assigned) if cid == main.id)
    principal = Principal(
        subject=agent if role == "field" else f"{role}-user",
        roles=(role,),
        branches=(main.branch_id,) if role == "branch" else (),
        partner=main.partner_id if role == "partner" else None,
        customer=main.id if role == "customer" else None,
    )
    token = mint_token(
        gateway_settings,
        subject=principal.subject,
        roles=principal.roles,
        branches=principal.branches,
        partner=principal.partner,
        customer=principal.customer,
    )
    oracle = Oracle(policy, world, principal)

    answers, text = await ask(http, token, WINDOW)

    assert answers, f"{role}: the token was refused"
    check(answers, text, oracle, world)
    # A filter naming a customer out of reach narrows to nothing, never to that customer.
    hidden = next((c for c in sorted(world.customers) if not oracle.reaches(c)), None)
    if hidden is not None:
        answers, text = await ask(http, token, {**WINDOW, "customerId": hidden})
        assert [
            t for t, customer in world.canaries.items() if customer == hidden and t in text
        ] == []
        interactions = (answers[0]["data"] or {}).get("interactions")
        assert interactions is None or interactions["totalCount"] == 0
