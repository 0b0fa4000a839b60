"""Customer360 and the directory through HTTP, one test per row of the policy matrix."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.models import AuditLog, Customer, CustomerAssignment, Note
from tests.fixtures.app import TokenFactory
from tests.fixtures.seeded import SeededStore
from tests.fixtures.served_gateways import on_seeded_store
from tests.schema.native_gateway import gql, nodes

DIRECTORY = """
query Directory($first: Int!, $after: String) {
  customers(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { customerId branchId partnerId
      notes(first: 100) { totalCount edges { node { scope customerId tags } } } } }
  }
}
"""
ONE = """
query One($id: ID!) {
  customer(id: $id) { customerId name notes { edges { node { id scope } } } noteCount
    riskFlags { edges { node { kind } } } interactions { edges { node { id } } } }
}
"""
ALL = {"internal", "sales", "branch", "support", "finance", "fulfillment", "restricted", "customer"}
ROWS: dict[str, tuple[set[str], bool]] = {
    # role: (note scopes read, sees risk flags) — PRODUCT.md "Roles, scopes and fields".
    "owner": (ALL, True),
    "admin": (ALL, True),
    "manager": (ALL, True),
    "executive": (ALL, True),
    "support": ({"internal", "support", "customer"}, True),
    "finance": ({"internal", "finance", "customer"}, True),
    "sales": ({"internal", "sales", "customer"}, False),
    "branch": ({"internal", "branch", "customer"}, False),
    "fulfillment": ({"internal", "fulfillment", "customer"}, False),
    "field": ({"internal", "fulfillment", "customer"}, False),
    "qa": (ALL - {"restricted"}, False),
    "partner": ({"customer"}, False),
    "customer": ({"customer"}, False),
}


gateway_settings = on_seeded_store()


@pytest.fixture(scope="module")
async def customers(seeded_store: SeededStore) -> list[Customer]:
    async with seeded_store.sessions() as session:
        return list(await session.scalars(select(Customer).order_by(Customer.id)))


@pytest.fixture(scope="module")
async def notes(seeded_store: SeededStore) -> list[Note]:
    async with seeded_store.sessions() as session:
        return list(await session.scalars(select(Note).where(Note.deleted_at.is_(None))))


@pytest.fixture(scope="module")
async def assignments(seeded_store: SeededStore) -> list[CustomerAssignment]:
    async with seeded_store.sessions() as session:
        return list(await session.scalars(select(CustomerAssignment)))


def _claims(
    role: str,
    customers: list[Customer],
    assignments: list[CustomerAssignment],
    notes: list[Note],
) -> dict[str, Any]:
    # Pick the slice each row needs so that it has notes to read in the demo data.
    readable = ROWS[role][0]
    with_notes = {n.customer_id for n in notes if n.scope in readable}
    first = next(c for c in customers if c.id in with_notes)
    if role == "branch":
        return {"branches": [first.branch_id]}
    if role == "partner":
        partnered = next(c for c in customers if c.partner_id and c.id in with_notes)
        return {"partner": partnered.partner_id}
    if role == "customer":
        return {"customer": first.id}
    if role == "field":
        return {"sub": next(a.agent_id for a in assignments if a.customer_id in with_notes)}
    return {}


def _expected_ids(
    role: str,
    claims: dict[str, Any],
    customers: list[Customer],
    assignments: list[CustomerAssignment],
) -> set[str]:
    if role == "branch":
        return {c.id for c in customers if c.branch_id in claims["branches"]}
    if role == "partner":
        return {c.id for c in customers if c.partner_id == claims["partner"]}
    if role == "customer":
        return {claims["customer"]}
    if role == "field":
        return {a.customer_id for a in assignments if a.agent_id == claims["sub"]}
    return {c.id for c in customers}


@pytest.mark.parametrize("role", sorted(ROWS))
async def test_matrix_row(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    customers: list[Customer],
    assignments: list[CustomerAssignment],
    notes: list[Note],
    role: str,
) -> None:
    # Given a token for the role, scoped by the claims its row needs
    claims = _claims(role, customers, assignments, notes)
    token = token_for(role, **claims)
    scopes, sees_risk = ROWS[role]

    # When it lists the directory with every note
    body = await gql(http, token, DIRECTORY, first=100)

    # Then it reaches exactly its customers and reads only its scopes
    connection = body["data"]["customers"]
    returned = {edge["node"]["customerId"] for edge in connection["edges"]}
    assert returned == _expected_ids(role, claims, customers, assignments)
    assert connection["totalCount"] == len(returned)
    seen = [n for edge in connection["edges"] for n in nodes(edge["node"]["notes"])]
    seen_scopes = {n["scope"].lower() for n in seen if "handoff" not in n["tags"]}
    handed_off = {n["scope"].lower() for n in seen if "handoff" in n["tags"]}
    assert seen_scopes <= scopes
    # Handoff rule: sales notes tagged `handoff` are readable by support as well.
    assert handed_off <= scopes | ({"sales"} if role == "support" else set())
    assert seen_scopes, "the demo data should give every row some notes to read"

    # And a guarded field group is null with FORBIDDEN exactly when the row says so
    one = await gql(http, token, ONE, id=sorted(returned)[0])
    customer = one["data"]["customer"]
    if sees_risk:
        assert isinstance(customer["riskFlags"]["edges"], list)
    else:
        assert customer["riskFlags"] is None
        codes = {(tuple(e["path"]), e["extensions"]["code"]) for e in one.get("errors", [])}
        assert (("customer", "riskFlags"), "FORBIDDEN") in codes


async def test_customer_out_of_reach_does_not_exist(
    http: httpx.AsyncClient, token_for: TokenFactory, customers: list[Customer]
) -> None:
    partnered = next(c for c in customers if c.partner_id)
    other = next(c for c in customers if c.partner_id != partnered.partner_id)
    token = token_for("partner", partner=partnered.partner_id)
    body = await gql(http, token, ONE, id=other.id)
    assert body["data"]["customer"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    unknown = await gql(http, token, ONE, id="cust-does-not-exist")
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (
        unknown["errors"][0]["message"].replace("cust-does-not-exist", other.id)
        == (body["errors"][0]["message"])
    )


async def test_customer_token_naming_another_customer_reaches_only_itself(
    http: httpx.AsyncClient, token_for: TokenFactory, customers: list[Customer]
) -> None:
    me, someone_else = customers[0], customers[1]
    token = token_for("customer", customer=me.id)
    mine = await gql(http, token, ONE, id=me.id)
    theirs = await gql(http, token, ONE, id=someone_else.id)
    assert mine["data"]["customer"]["customerId"] == me.id
    assert {n["scope"] for n in nodes(mine["data"]["customer"]["notes"])} <= {"CUSTOMER"}
    assert mine["data"]["customer"]["interactions"] is None
    assert theirs["data"]["customer"] is None


async def test_pages_walk_the_whole_directory_once(
    http: httpx.AsyncClient, token_for: TokenFactory, customers: list[Customer]
) -> None:
    token = token_for("sales")
    seen: list[str] = []
    after = None
    while True:
        body = await gql(http, token, DIRECTORY, first=7, after=after)
        page = body["data"]["customers"]
        seen += [edge["node"]["customerId"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(c.id for c in customers)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    ("first", "after"), [(0, None), (-1, None), (10_000, None), (5, "garbage"), (5, "W10")]
)
async def test_bad_paging_arguments_are_clear_errors(
    http: httpx.AsyncClient, token_for: TokenFactory, first: int, after: str | None
) -> None:
    body = await gql(http, token_for("sales"), DIRECTORY, first=first, after=after)
    assert body["data"] == {"customers": None}
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_directory_search_ignores_case_and_punctuation(
    http: httpx.AsyncClient, token_for: TokenFactory, customers: list[Customer]
) -> None:
    target = customers[3]
    query = """query S($q: String!) {
      customers(query: $q, first: 50) { edges { node { customerId } } }
    }"""
    by_name = await gql(http, token_for("sales"), query, q=target.name.upper())
    assert target.id in {e["node"]["customerId"] for e in by_name["data"]["customers"]["edges"]}
    assert target.phone is not None
    digits = "".join(ch for ch in target.phone if ch.isdigit())
    spaced = " ".join([digits[:3], digits[3:6], digits[6:]])
    by_phone = await gql(http, token_for("sales"), query, q=spaced)
    assert target.id in {e["node"]["customerId"] for e in by_phone["data"]["customers"]["edges"]}


async def test_denied_reads_are_audited_once_per_request(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    customers: list[Customer],
    seeded_store: SeededStore,
) -> None:
    # Given a sales agent, who may not see risk flags, and a partner reaching one partner only
    sales = token_for("sales", sub="agent-9")
    partnered = next(c for c in customers if c.partner_id)
    outsider = next(c for c in customers if c.partner_id != partnered.partner_id)
    partner = token_for("partner", sub="portal-7", partner=partnered.partner_id)

    # When both ask for what they may not have
    await gql(http, sales, ONE, id=customers[0].id)
    await gql(http, partner, ONE, id=outsider.id)

    # Then each denial is in the audit log, with who, what and about which customer
    async with seeded_store.sessions() as session:
        rows = list(
            await session.scalars(
                select(AuditLog).where(AuditLog.action.startswith("denied:read:"))
            )
        )
    found = {(row.actor, row.action, row.customer_id) for row in rows}
    assert ("agent-9", "denied:read:risk_flags", customers[0].id) in found
    assert ("portal-7", "denied:read:customer", outsider.id) in found


async def test_rejected_tokens_are_audited(
    http: httpx.AsyncClient, token_for: TokenFactory, seeded_store: SeededStore
) -> None:
    # Given a token claiming a role the policy does not know
    token = token_for("superuser", sub="mallory")

    # When it is used
    response = await http.post(
        "/graphql",
        json={"query": "{ me { subject } }"},
        headers={"Authorization": f"Bearer {token}", "X-Request-ID": "forged-1"},
    )

    # Then it is refused with a clear error, and the refusal is in the audit log
    assert response.status_code == 401
    assert "unknown role" in response.json()["errors"][0]["message"]
    async with seeded_store.sessions() as session:
        rows = list(
            await session.scalars(select(AuditLog).where(AuditLog.request_id == "forged-1"))
        )
    assert [row.action for row in rows] == ["denied:authenticate"]
    assert rows[0].detail is not None
    assert "superuser" in rows[0].detail["reason"]
