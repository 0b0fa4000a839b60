"""`followUps` (the team view) and `myFollowUps`, through HTTP on SQLite and PostgreSQL.

Every role's principal lists exactly what the policy and the derived-record rule give it,
computed in Python over the seeded rows; canaries planted in follow-ups of restricted notes
(instructions, and a reschedule reason in the audit log) reach only readers of those notes.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store.models import Agent, Customer, FollowUp
from tests.fixtures.app import TokenFactory
from tests.schema.follow_up_world import (
    PAGE,
    all_pages,
    as_utc,
    end_of_today,
    is_open,
    listable,
    listing,
    note_with_follow_up,
    ordered,
    policy_engine,
    principal_token,
    read_rows,
    visible,
)
from tests.schema.native_gateway import (
    MANAGER,
    SALES_1,
    SALES_2,
    gql,
    seeded_settings,
    store_engine,
)

ROLES = [
    "owner", "admin", "manager", "executive", "support", "finance", "sales", "branch",
    "fulfillment", "field", "qa", "partner", "customer",
]  # fmt: skip
CANARY_INSTRUCTIONS = "canary-fu-instructions-7Q2"
CANARY_REASON = "canary-fu-reason-7Q2"
CANARY_MOVED = "canary-fu-moved-7Q2"
CANARIES = (CANARY_INSTRUCTIONS, CANARY_REASON, CANARY_MOVED)
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id } errors { field code message } }
}
"""
RESCHEDULE = """
mutation R($input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { id dueAt } errors { field code message } }
}
"""
AUDIT = """
query A($c: ID) { auditLog(customerId: $c, first: 100) {
  totalCount edges { node { action targetId before after detail } } } }
"""
MINE = """
query M($f: FollowUpFilter) { myFollowUps(filter: $f, first: 100) {
  totalCount edges { node { id followUpId dueAt status instructions } } } }
"""
MINE_DEFAULT = "{ myFollowUps(first: 100) { totalCount edges { node { followUpId } } } }"


@dataclass(frozen=True)
class Planted:
    """The customer the canaries are about, and the follow-ups made for the tests."""

    customer: Customer
    field_agent: str
    restricted_follow_up: str
    moved_follow_up: str
    # SALES_1's own: one assigned to it, one it made for SALES_2.
    own_follow_ups: tuple[str, str]


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("follow-up-lists"))


@pytest.fixture(scope="module")
async def engine_policy() -> PolicyEngine:
    return await policy_engine()


def soon(hours: float = 3) -> str:
    """An ISO time some hours ahead."""
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


@pytest.fixture(scope="module")
async def engine(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    """An engine on the gateway's store, to read the rows the oracle needs."""
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="module")
async def planted(gateway_settings: Settings, gateway_url: str, engine: AsyncEngine) -> Planted:
    """Canaries in follow-ups a sales agent may not read, planted once per store."""
    rows = await read_rows(engine)
    customer_id, field_agent = next(
        (cid, agent) for cid, agent in sorted(rows.assigned)
        if rows.customers[cid].branch_id and rows.customers[cid].partner_id
    )  # fmt: skip
    customer = rows.customers[customer_id]
    manager = principal_token(gateway_settings, Principal(MANAGER, ("manager",)))
    sales = principal_token(gateway_settings, Principal(SALES_1, ("sales",)))
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        _, restricted = await note_with_follow_up(
            http, engine, manager, customer_id, "RESTRICTED",
            {"assigneeId": MANAGER, "dueAt": soon(5), "instructions": CANARY_INSTRUCTIONS},
        )  # fmt: skip
        moved = await gql(
            http, manager, RESCHEDULE,
            input={"id": restricted, "dueAt": soon(6), "reason": CANARY_REASON},
        )  # fmt: skip
        assert moved["data"]["rescheduleFollowUp"]["errors"] == [], moved
        # A sales agent's own follow-up, until a manager moves its note out of sales' scopes.
        note_id, moved_out = await note_with_follow_up(
            http, engine, sales, customer_id, "SALES",
            {"assigneeId": SALES_1, "dueAt": soon(2), "instructions": CANARY_MOVED},
        )  # fmt: skip
        edited = await gql(
            http,
            manager,
            UPDATE,
            input={"id": note_id, "expectedVersion": 1, "scope": "RESTRICTED"},
        )
        assert edited["data"]["updateNote"]["errors"] == [], edited
        own = [
            (await note_with_follow_up(
                http, engine, sales, customer_id, "INTERNAL",
                {"assigneeId": assignee, "dueAt": soon(20), "instructions": "own"},
            ))[1]
            for assignee in (SALES_1, SALES_2)
        ]  # fmt: skip
    return Planted(customer, field_agent, restricted, moved_out, (own[0], own[1]))


def principal_for(role: str, planted: Planted, agents: dict[str, Agent]) -> Principal:
    """The role's principal, generated: an agent of that role as subject (so "own" means
    something) and the claims that make the planted customer reachable for it."""
    if role == "field":
        subject = planted.field_agent
    elif role in ("partner", "customer"):
        subject = f"{role}-portal"
    else:
        subject = min(a.id for a in agents.values() if a.role == role)
    return Principal(
        subject=subject,
        roles=(role,),
        branches=(planted.customer.branch_id,) if role == "branch" else (),
        partner=planted.customer.partner_id if role == "partner" else None,
        customer=planted.customer.id if role == "customer" else None,
    )


@pytest.mark.parametrize("role", ROLES)
async def test_each_role_lists_what_the_policy_gives_it_and_no_canary(
    http: httpx.AsyncClient,
    gateway_settings: Settings,
    engine_policy: PolicyEngine,
    engine: AsyncEngine,
    planted: Planted,
    role: str,
) -> None:
    rows = await read_rows(engine)
    principal = principal_for(role, planted, rows.agents)
    view = engine_policy.compile(principal)
    token = principal_token(gateway_settings, principal)

    found, answers = await all_pages(http, token, None, size=40)
    audit = await gql(http, token, AUDIT, c=planted.customer.id)
    mine = await gql(http, token, MINE, f={})

    expected = listable(engine_policy, view, rows)
    text = json.dumps([answers, audit, mine])
    for canary in CANARIES:
        assert (canary in text) is (canary in _readable_canaries(view)), (role, canary)
    if listing(engine_policy, principal.roles) == "none":
        assert answers[0]["data"]["followUps"] is None
        assert [e["extensions"]["code"] for e in answers[0]["errors"]] == ["FORBIDDEN"]
        return
    assert [n["followUpId"] for n in found] == [row.id for row in expected]
    assert answers[0]["data"]["followUps"]["totalCount"] == len(expected)


def _readable_canaries(view: Any) -> set[str]:
    # Every canary sits on a restricted note: only its readers (the senior roles) see them.
    return set(CANARIES) if "restricted" in view.readable_scopes else set()


async def test_a_supervisor_sees_the_team_an_agent_its_own_a_partner_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine, planted: Planted
) -> None:
    rows = await read_rows(engine)
    manager, _ = await all_pages(http, token_for("manager", sub=MANAGER), None)
    sales, _ = await all_pages(http, token_for("sales", sub=SALES_1), None)
    partner, answers = await all_pages(
        http, token_for("partner", sub="p", partner=planted.customer.partner_id), None
    )

    assert len({n["assignee"]["agentId"] for n in manager}) > 3
    assert planted.restricted_follow_up in {n["followUpId"] for n in manager}
    own = {SALES_1}
    assert set(planted.own_follow_ups) <= {n["followUpId"] for n in sales}
    assert all(
        n["assignee"]["agentId"] in own or rows.follow_ups[n["followUpId"]].created_by in own
        for n in sales
    )
    # Its own follow-up whose note moved out of its scopes is gone for it (derived record).
    assert planted.moved_follow_up not in {n["followUpId"] for n in sales}
    assert partner == []
    assert answers[0]["data"]["followUps"] is None


FILTERS: dict[str, Any] = {
    "assignee": lambda p, rows: (
        {"assigneeId": SALES_1},
        lambda r, now: r.assignee_id == SALES_1,
    ),
    "due window": lambda p, rows: (
        {"dueFrom": _iso(-10), "dueTo": _iso(3)},
        lambda r, now: _at(-10) <= as_utc(r.due_at) < _at(3),
    ),
    "overdue": lambda p, rows: (
        {"overdue": True},
        lambda r, now: is_open(r) and as_utc(r.due_at) < now,
    ),
    "not overdue": lambda p, rows: (
        {"overdue": False},
        lambda r, now: not (is_open(r) and as_utc(r.due_at) < now),
    ),
    "branch": lambda p, rows: (
        {"branchId": p.customer.branch_id},
        lambda r, now: rows.customers[r.customer_id].branch_id == p.customer.branch_id,
    ),
    "status": lambda p, rows: (
        {"status": ["COMPLETED", "CANCELLED"]},
        lambda r, now: not is_open(r),
    ),
    "open of one customer, due soon": lambda p, rows: (
        {"status": ["OPEN"], "customerId": p.customer.id, "dueTo": _iso(30)},
        lambda r, now: is_open(r) and r.customer_id == p.customer.id and as_utc(r.due_at) < _at(30),
    ),
}
_NOW = datetime.now(UTC).replace(microsecond=0)


def _at(days: int) -> datetime:
    return _NOW + timedelta(days=days)


def _iso(days: int) -> str:
    return _at(days).isoformat()


@pytest.mark.parametrize("name", sorted(FILTERS))
async def test_filters_match_a_computation_over_the_rows(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    engine_policy: PolicyEngine,
    engine: AsyncEngine,
    planted: Planted,
    name: str,
) -> None:
    rows = await read_rows(engine)
    sent, keep = FILTERS[name](planted, rows)
    view = engine_policy.compile(Principal(MANAGER, ("manager",)))
    now = datetime.now(UTC)

    found, answers = await all_pages(http, token_for("manager", sub=MANAGER), sent, size=25)

    expected = ordered(
        r for r in rows.follow_ups.values() if visible(view, rows, r) and keep(r, now)
    )
    assert expected, f"the seed gives no row for {name}"
    assert [n["followUpId"] for n in found] == [r.id for r in expected]
    assert answers[0]["data"]["followUps"]["totalCount"] == len(expected)


async def test_pages_read_the_same_list_forwards_and_backwards(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    token = token_for("manager", sub=MANAGER)
    forwards, _ = await all_pages(http, token, None, size=7)
    backwards: list[dict[str, Any]] = []
    before = None
    while True:
        body = await gql(http, token, PAGE, last=7, before=before)
        connection = body["data"]["followUps"]
        backwards = [edge["node"] for edge in connection["edges"]] + backwards
        if not connection["pageInfo"]["hasPreviousPage"]:
            break
        before = connection["pageInfo"]["startCursor"]

    assert len(forwards) > 14
    assert [n["followUpId"] for n in backwards] == [n["followUpId"] for n in forwards]
    due = [n["dueAt"] for n in forwards]
    assert [datetime.fromisoformat(d) for d in due] == sorted(
        datetime.fromisoformat(d) for d in due
    )


async def test_my_follow_ups_defaults_to_open_ones_due_by_the_end_of_today(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    engine_policy: PolicyEngine,
    engine: AsyncEngine,
    planted: Planted,
) -> None:
    token = token_for("sales", sub=SALES_2)
    now = datetime.now(UTC)
    today = now + min(timedelta(minutes=30), (end_of_today() - now) / 2)
    tomorrow = end_of_today() + timedelta(hours=1)
    ids = {}
    dues = {"today": today, "tomorrow": tomorrow, "overdue": now + timedelta(hours=1)}
    for label, due in dues.items():
        _, ids[label] = await note_with_follow_up(
            http, engine, token, planted.customer.id, "SALES",
            {"assigneeId": SALES_2, "dueAt": due.isoformat(), "instructions": label},
        )  # fmt: skip
    async with engine.begin() as connection:
        await connection.execute(
            update(FollowUp)
            .where(FollowUp.id == ids["overdue"])
            .values(due_at=now - timedelta(days=2))
        )

    body = await gql(http, token, MINE_DEFAULT)

    rows = await read_rows(engine)
    view = engine_policy.compile(Principal(SALES_2, ("sales",)))
    expected = ordered(
        r for r in rows.follow_ups.values()
        if r.assignee_id == SALES_2 and is_open(r) and visible(view, rows, r)
        and as_utc(r.due_at) < end_of_today()
    )  # fmt: skip
    listed = [e["node"]["followUpId"] for e in body["data"]["myFollowUps"]["edges"]]
    assert ids["today"] in listed
    assert ids["overdue"] in listed
    assert ids["tomorrow"] not in listed
    assert listed == [r.id for r in expected]


async def test_a_customers_follow_ups_take_the_same_filter(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    engine_policy: PolicyEngine,
    engine: AsyncEngine,
    planted: Planted,
) -> None:
    query = """
    query C($id: ID!, $f: FollowUpFilter) { customer(id: $id) {
      followUps(filter: $f, first: 100) { totalCount edges { node { followUpId status } } } } }
    """
    token = token_for("sales", sub=SALES_1)
    body = await gql(http, token, query, id=planted.customer.id, f={"status": ["OPEN"]})

    rows = await read_rows(engine)
    view = engine_policy.compile(Principal(SALES_1, ("sales",)))
    expected = ordered(
        r for r in rows.follow_ups.values()
        if r.customer_id == planted.customer.id and is_open(r) and visible(view, rows, r)
    )  # fmt: skip
    listed = body["data"]["customer"]["followUps"]
    assert [e["node"]["followUpId"] for e in listed["edges"]] == [r.id for r in expected]
    assert {e["node"]["status"] for e in listed["edges"]} == {"OPEN"}
    assert planted.moved_follow_up not in {r.id for r in expected}
