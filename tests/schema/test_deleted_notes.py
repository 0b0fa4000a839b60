"""`deletedNotes`: the deleted notes a caller may restore, through HTTP on both stores.

Three notes are planted and deleted per test (two sales agents' own notes and a manager's
restricted note whose subject is a canary); each role's list is compared with what the
restore policy allows, and every generated principal of every role is swept for the canary.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.vocabulary import Scope
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    ADMIN,
    MANAGER,
    QA,
    SALES_1,
    SALES_2,
    SUPPORT,
    gql,
    nodes,
    seeded_settings,
)
from tests.security.world import ROLES

CUSTOMER = "cust-00001"
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id } errors { field code message } }
}"""
DELETE = "mutation D($id: ID!) { deleteNote(input: {id: $id}) { note { id } errors { code } } }"
RESTORE = """
mutation R($id: ID!) {
  restoreNote(input: {id: $id}) { note { id deleted deletedAt } errors { code } }
}"""
LIST = """
query L($filter: NoteFilter, $first: Int, $after: String, $last: Int, $before: String) {
  deletedNotes(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id subject deleted deletedAt authorId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""
NOTE = "query N($id: ID!) { note(id: $id) { id subject } }"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("deleted"))


@pytest.fixture(scope="module")
async def policy() -> PolicyEngine:
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


@dataclass(frozen=True)
class Planted:
    """Three deleted notes (in deletion order) under one fresh tag, and the canary."""

    tag: str
    sales_1: str
    sales_2: str
    restricted: str
    canary: str


async def _note(http: httpx.AsyncClient, token: str, tag: str, scope: str, subject: str) -> str:
    body = await gql(
        http,
        token,
        CREATE,
        input={
            "customerId": CUSTOMER,
            "subject": subject,
            "body": "Planted for the deleted-notes list.",
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": scope,
            "tags": [tag],
        },
    )
    payload = body["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["id"]
    return note_id


@pytest.fixture
async def planted(http: httpx.AsyncClient, token_for: TokenFactory) -> Planted:
    tag = f"gone-{uuid.uuid4().hex[:8]}"
    canary = f"canary-deleted-restricted-{uuid.uuid4().hex}"
    sales_1, sales_2 = token_for("sales", sub=SALES_1), token_for("sales", sub=SALES_2)
    manager = token_for("manager", sub=MANAGER)
    first = await _note(http, sales_1, tag, "SALES", "Sales one's note")
    second = await _note(http, sales_2, tag, "SALES", "Sales two's note")
    third = await _note(http, manager, tag, "RESTRICTED", canary)
    for token, note_id in ((sales_1, first), (sales_2, second), (manager, third)):
        deleted = await gql(http, token, DELETE, id=note_id)
        assert deleted["data"]["deleteNote"]["errors"] == [], deleted
    return Planted(tag, first, second, third, canary)


async def listed(http: httpx.AsyncClient, token: str, tag: str, **page: Any) -> dict[str, Any]:
    body = await gql(http, token, LIST, filter={"tags": [tag]}, **page)
    assert "errors" not in body, body
    connection: dict[str, Any] = body["data"]["deletedNotes"]
    return connection


@pytest.mark.parametrize(
    ("role", "subject", "wanted"),
    [
        pytest.param("sales", SALES_1, ["sales_1"], id="author-sees-own"),
        pytest.param("sales", SALES_2, ["sales_2"], id="other-author-sees-own"),
        pytest.param("manager", MANAGER, ["restricted", "sales_2", "sales_1"], id="manager"),
        pytest.param("admin", ADMIN, ["restricted", "sales_2", "sales_1"], id="admin"),
        pytest.param("support", SUPPORT, [], id="support-nothing"),
        pytest.param("qa", QA, [], id="qa-nothing"),
        # Reads restricted, deletes only its own: someone else's deleted notes stay hidden.
        pytest.param("executive", "exec-1", [], id="executive-nothing"),
    ],
)
async def test_each_role_lists_what_it_may_restore_newest_deleted_first(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    planted: Planted,
    role: str,
    subject: str,
    wanted: list[str],
) -> None:
    connection = await listed(http, token_for(role, sub=subject), planted.tag)
    ids = [node["id"] for node in nodes(connection)]
    assert ids == [getattr(planted, name) for name in wanted]
    assert connection["totalCount"] == len(wanted)
    assert all(node["deleted"] and node["deletedAt"] for node in nodes(connection))


async def test_pages_by_keyset_and_restoring_from_the_list_brings_the_note_back(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    manager = token_for("manager", sub=MANAGER)
    first = await listed(http, manager, planted.tag, first=2)
    rest = await listed(http, manager, planted.tag, first=2, after=first["pageInfo"]["endCursor"])
    assert [n["id"] for n in nodes(first)] == [planted.restricted, planted.sales_2]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [n["id"] for n in nodes(rest)] == [planted.sales_1]
    assert rest["pageInfo"]["hasNextPage"] is False
    oldest = await listed(http, manager, planted.tag, last=1)
    newer = await listed(
        http, manager, planted.tag, last=2, before=oldest["pageInfo"]["startCursor"]
    )
    assert [n["id"] for n in nodes(oldest)] == [planted.sales_1]
    assert [n["id"] for n in nodes(newer)] == [planted.restricted, planted.sales_2]
    assert oldest["pageInfo"]["hasPreviousPage"] is True

    sales_1 = token_for("sales", sub=SALES_1)
    hidden = await gql(http, sales_1, NOTE, id=planted.sales_1)
    assert hidden["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    restored = await gql(
        http, sales_1, RESTORE, id=nodes(await listed(http, sales_1, planted.tag))[0]["id"]
    )
    assert restored["data"]["restoreNote"] == {
        "note": {"id": planted.sales_1, "deleted": False, "deletedAt": None},
        "errors": [],
    }
    assert nodes(await listed(http, sales_1, planted.tag)) == []
    shown = await gql(http, sales_1, NOTE, id=planted.sales_1)
    assert shown["data"]["note"]["id"] == planted.sales_1
    still = [n["id"] for n in nodes(await listed(http, manager, planted.tag))]
    assert still == [planted.restricted, planted.sales_2]


async def test_no_generated_principal_sees_a_deleted_note_it_may_not_restore(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    planted: Planted,
    policy: PolicyEngine,
) -> None:
    """Every role with a fresh subject (nobody's author): the unfiltered list never shows the
    restricted canary to a role that cannot read restricted, nor the sales agents' notes to
    anyone but the roles that restore any note."""
    seen: dict[str, list[str]] = {}
    for role in ROLES:
        subject = f"gen-{role}-{uuid.uuid4().hex[:6]}"
        view = policy.compile(Principal(subject=subject, roles=(role,)))
        token = token_for(role, sub=subject)
        response = await http.post(
            "/graphql",
            json={"query": LIST, "variables": {"first": 100}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        if Scope.RESTRICTED not in view.readable_scopes:
            assert planted.canary not in response.text, role
        ids = {n["id"] for n in nodes((response.json().get("data") or {}).get("deletedNotes"))}
        seen[role] = sorted(ids & {planted.sales_1, planted.sales_2, planted.restricted})
    restorers = {"owner", "admin", "manager"}
    assert {role for role, ids in seen.items() if ids} == restorers
    assert all(len(seen[role]) == 3 for role in restorers)


async def test_anonymous_is_unauthenticated(http: httpx.AsyncClient) -> None:
    body = await gql(http, None, LIST)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
