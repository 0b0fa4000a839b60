"""Derived records obey their source's policy: history, follow-ups, audit rows, ids, links.

Each test reproduces a leak found on the earlier code (issue 15, Trust II) through HTTP with
real tokens, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, MANAGER, QA, SALES_1, gql, seeded_settings

CUSTOMER = "cust-00001"
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id version } errors { field code message } }
}
"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version scope } errors { field code message } }
}
"""
HISTORY = """
query H($id: ID!) { note(id: $id) { scope history { version changes { field before after } } } }
"""
AUDIT = """
query A($c: ID) {
  auditLog(customerId: $c, first: 100) {
    entries { action targetType targetId before after detail } totalCount
  }
}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("derived"))


def note_input(**overrides: Any) -> dict[str, Any]:
    """A valid internal note for the first demo customer."""
    values: dict[str, Any] = {
        "customerId": CUSTOMER,
        "subject": "Plain subject",
        "body": "Plain body",
        "category": "GENERAL",
        "type": "INTERACTION_LOG",
        "scope": "INTERNAL",
        "tags": [],
    }
    return values | overrides


async def create_note(http: httpx.AsyncClient, token: str, **overrides: Any) -> str:
    """Create a note and return its id."""
    payload = (await gql(http, token, CREATE, input=note_input(**overrides)))["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["id"]
    return note_id


async def edit(
    http: httpx.AsyncClient, token: str, note_id: str, version: int, **fields: Any
) -> None:
    """Edit a note at `version`; the edit must succeed."""
    payload = await gql(
        http, token, UPDATE, input={"id": note_id, "expectedVersion": version} | fields
    )
    assert payload["data"]["updateNote"]["errors"] == [], payload


def dump(value: Any) -> str:
    """A response as text, to assert a secret appears nowhere in it."""
    return json.dumps(value)


async def test_history_hides_text_written_in_a_more_private_scope(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    admin = token_for("admin", sub=ADMIN)
    note_id = await create_note(http, admin, subject="internal-subject-x1", body="internal-body-x1")
    await edit(
        http, admin, note_id, 1, scope="CUSTOMER", subject="Hello", body="Your order shipped"
    )
    await edit(http, admin, note_id, 2, body="Your order shipped today")

    customer = await gql(http, token_for("customer", customer=CUSTOMER), HISTORY, id=note_id)
    staff = await gql(http, token_for("sales", sub=SALES_1), HISTORY, id=note_id)

    assert "internal-body-x1" not in dump(customer)
    assert "internal-subject-x1" not in dump(customer)
    assert [r["version"] for r in customer["data"]["note"]["history"]] == [3]
    assert [r["version"] for r in staff["data"]["note"]["history"]] == [3, 2]


async def test_restricted_era_text_stays_out_of_history_and_audit(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    manager = token_for("manager", sub=MANAGER)
    note_id = await create_note(http, manager, scope="RESTRICTED", body="restricted-body-r1")
    await edit(http, manager, note_id, 1, body="restricted-body-r2")
    await edit(http, manager, note_id, 2, scope="INTERNAL", body="now internal")
    await edit(http, manager, note_id, 3, subject="Internal subject")

    sales = await gql(http, token_for("sales", sub=SALES_1), HISTORY, id=note_id)
    qa_audit = await gql(http, token_for("qa", sub=QA), AUDIT, c=CUSTOMER)
    manager_audit = await gql(http, manager, AUDIT, c=CUSTOMER)

    assert "restricted-body" not in dump(sales)
    assert [r["version"] for r in sales["data"]["note"]["history"]] == [4]
    assert "restricted-body" not in dump(qa_audit)
    qa_rows = [e for e in qa_audit["data"]["auditLog"]["entries"] if e["targetId"] == note_id]
    assert [e["action"] for e in qa_rows] == ["note.update"]
    assert "restricted-body-r1" in dump(manager_audit)
