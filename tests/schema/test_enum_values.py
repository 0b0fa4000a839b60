"""Enum values through HTTP on SQLite and PostgreSQL: permissions, roles, note links, and the
enum values inside JSON (note history, audit before/after) all UPPER_CASE."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, MANAGER, SALES_1, gql, nodes, seeded_settings

CUSTOMER = "cust-00001"
ME = "{ me { roles permissions { readableScopes writableScopes fieldGroups capabilities } } }"
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId scope refKind refId } errors { field code } }
}
"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { version } errors { field code } }
}
"""
HISTORY = """
query H($id: ID!) {
  note(id: $id) { history { edges { node { changes { field before after } } } } }
}
"""
AUDIT = """
query A($c: ID, $a: ID) {
  auditLog(customerId: $c, actorId: $a, first: 5) {
    edges { node { actorRole action targetId before after } }
  }
}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("enums"))


def note_input(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "customerId": CUSTOMER,
        "subject": "Asked about delivery",
        "body": "Prefers mornings.",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
        "importance": "NORMAL",
    }
    return values | overrides


async def test_me_shows_roles_scopes_groups_and_capabilities_as_enum_names(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales = (await gql(http, token_for("sales", sub=SALES_1), ME))["data"]["me"]
    manager = (await gql(http, token_for("manager", sub=MANAGER), ME))["data"]["me"]

    assert sales["roles"] == ["SALES"]
    assert "SALES" in sales["permissions"]["readableScopes"]
    assert "SALES" in sales["permissions"]["writableScopes"]
    assert "EDIT_OWN_NOTE" in sales["permissions"]["capabilities"]
    assert manager["roles"] == ["MANAGER"]
    assert "FINANCIALS" in manager["permissions"]["fieldGroups"]
    assert "EDIT_ANY_NOTE" in manager["permissions"]["capabilities"]
    for me in (sales, manager):
        for values in me["permissions"].values():
            assert values == sorted(values)
            assert all(value == value.upper() and "/" not in value for value in values)


async def test_history_and_audit_json_show_enum_values_upper_case(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    writer = token_for("manager", sub=MANAGER)
    created = (await gql(http, writer, CREATE, input=note_input()))["data"]["createNote"]
    assert created["errors"] == []
    note = created["note"]
    edit = {
        "id": note["id"],
        "expectedVersion": 1,
        "scope": "SUPPORT",
        "type": "TECHNICAL",
        "category": "SUPPORT",
        "importance": "HIGH",
    }
    assert (await gql(http, writer, UPDATE, input=edit))["data"]["updateNote"]["errors"] == []

    history = await gql(http, writer, HISTORY, id=note["id"])
    changes = nodes(history["data"]["note"]["history"])[0]["changes"]
    audit = await gql(http, token_for("admin", sub=ADMIN), AUDIT, c=CUSTOMER, a=MANAGER)
    entries = [e for e in nodes(audit["data"]["auditLog"]) if e["targetId"] == note["noteId"]]

    assert {c["field"]: (c["before"], c["after"]) for c in changes} == {
        "category": ("SALES", "SUPPORT"),
        "importance": ("NORMAL", "HIGH"),
        "scope": ("SALES", "SUPPORT"),
        "type": ("INTERACTION_LOG", "TECHNICAL"),
    }
    update, create = entries
    assert (update["action"], update["actorRole"]) == ("note.update", "MANAGER")
    assert (update["before"]["scope"], update["after"]["scope"]) == ("SALES", "SUPPORT")
    assert update["after"]["type"] == "TECHNICAL"
    assert create["action"] == "note.create"
    assert {k: create["after"][k] for k in ("category", "type", "scope", "importance")} == {
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
        "importance": "NORMAL",
    }
    assert create["after"]["subject"] == "Asked about delivery"  # text stays as written


async def test_a_note_links_a_record_by_ref_kind_enum(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales = token_for("sales", sub=SALES_1)
    created = await gql(http, sales, CREATE, input=note_input(refKind="ORDER", refId="WEB-1"))
    bad = await gql(http, sales, CREATE, input=note_input(refKind="car", refId="1"))

    assert created["data"]["createNote"]["errors"] == []
    assert created["data"]["createNote"]["note"]["refKind"] == "ORDER"
    assert created["data"]["createNote"]["note"]["refId"] == "WEB-1"
    assert bad.get("data") is None
    assert "RefKind" in bad["errors"][0]["message"]
    assert bad["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
