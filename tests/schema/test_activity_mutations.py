"""Tags, interactions, follow-ups, risk flags, lists and the handoff, through HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, QA, SALES_1, SUPPORT, gql, nodes, seeded_settings

CUSTOMER = "cust-00002"
TAG = """
mutation T($c: ID!, $t: String!) { tagCustomer(customerId: $c, tag: $t) { tags errors { code } } }
"""
LOG = """
mutation L($input: LogInteractionInput!) {
  logInteraction(input: $input) {
    interaction { id outcome mood } followUp { id dueAt } errors { field code message }
  }
}
"""
MY_FOLLOW_UPS = (
    "query F($d: DateTime) { myFollowUps(dueBefore: $d) { edges { node { id completedBy } } } }"
)
COMPLETE = """
mutation C($id: ID!) {
  completeFollowUp(id: $id, outcome: "Quote sent") {
    followUp { completedBy outcome comment } errors { code }
  }
}
"""
RAISE = """
mutation R($c: ID!) {
  raiseRiskFlag(customerId: $c, kind: OVERDUE_PAYMENT, reason: "Late") {
    riskFlag { id } errors { code }
  }
}
"""
SAVE_CHOICE = """
mutation S {
  saveChoice(list: MOOD, value: "Relieved", label: "Relieved") { choice { value } errors { code } }
}
"""
CREATE = """
mutation N($input: CreateNoteInput!) { createNote(input: $input) { note { id } errors { code } } }
"""
HANDOFF = """
mutation H($c: ID!, $ids: [ID!]) {
  handoffToSupport(customerId: $c, noteIds: $ids) { notes { id tags } errors { field code } }
}
"""
NOTE = "query N($id: ID!) { note(id: $id) { id tags } }"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("activity"))


def soon(hours: int = 3) -> str:
    """An ISO time a few hours ahead."""
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


async def test_tagging_a_customer_normalises_the_tag(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(http, token_for("sales", sub=SALES_1), TAG, c=CUSTOMER, t="  VIP   Lead ")
    assert "vip lead" in body["data"]["tagCustomer"]["tags"]


async def test_an_interaction_with_a_follow_up_lands_in_my_task_list(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    interaction: dict[str, Any] = {
        "customerId": CUSTOMER,
        "type": "CALL",
        "purpose": "SALES",
        "subject": "Quote",
        "outcome": "interested",
        "mood": "happy",
        "followUp": {"assigneeId": SALES_1, "dueAt": soon(), "instructions": "Send quote"},
    }
    logged = (await gql(http, token, LOG, input=interaction))["data"]["logInteraction"]
    follow_up_id = logged["followUp"]["id"]
    mine = nodes((await gql(http, token, MY_FOLLOW_UPS, d=soon(4)))["data"]["myFollowUps"])
    done = (await gql(http, token, COMPLETE, id=follow_up_id))["data"]["completeFollowUp"]

    assert logged["errors"] == []
    assert follow_up_id in [f["id"] for f in mine]
    # v1's free-text outcome is not an outcome-list value: it is kept as the comment.
    completed = {"completedBy": SALES_1, "outcome": None, "comment": "Quote sent"}
    assert done == {"followUp": completed, "errors": []}


async def test_an_outcome_outside_the_list_and_a_past_due_date_are_user_errors(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    interaction = {
        "customerId": CUSTOMER,
        "type": "VISIT",
        "purpose": "SERVICE",
        "subject": "Visit",
        "outcome": "'; DELETE FROM interactions; --",
        "followUp": {"assigneeId": SALES_1, "dueAt": "2001-01-01T00:00:00+00:00"},
    }
    body = await gql(http, token_for("sales", sub=SALES_1), LOG, input=interaction)
    errors = body["data"]["logInteraction"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("outcome", "NOT_IN_LIST"),
        ("followUp.dueAt", "IN_PAST"),
    ]


async def test_risk_flags_are_for_the_roles_that_see_them(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    support = await gql(http, token_for("support", sub=SUPPORT), RAISE, c=CUSTOMER)
    sales = await gql(http, token_for("sales", sub=SALES_1), RAISE, c=CUSTOMER)
    assert support["data"]["raiseRiskFlag"]["errors"] == []
    assert sales["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_only_admins_edit_the_lists(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    admin = await gql(http, token_for("admin", sub=ADMIN), SAVE_CHOICE)
    qa = await gql(http, token_for("qa", sub=QA), SAVE_CHOICE)
    assert admin["data"]["saveChoice"] == {"choice": {"value": "relieved"}, "errors": []}
    assert qa["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_support_reads_sales_notes_only_after_the_handoff(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales, support = token_for("sales", sub=SALES_1), token_for("support", sub=SUPPORT)
    note = {
        "customerId": CUSTOMER,
        "subject": "Wants a kitchen",
        "body": "Budget agreed",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }
    note_id = (await gql(http, sales, CREATE, input=note))["data"]["createNote"]["note"]["id"]

    before = await gql(http, support, NOTE, id=note_id)
    handed = await gql(http, sales, HANDOFF, c=CUSTOMER, ids=[note_id])
    after = await gql(http, support, NOTE, id=note_id)

    assert before["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert handed["data"]["handoffToSupport"]["errors"] == []
    assert after["data"]["note"] == {"id": note_id, "tags": ["handoff"]}


async def test_handing_off_an_unknown_note_is_a_user_error(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(http, token_for("sales", sub=SALES_1), HANDOFF, c=CUSTOMER, ids=["nope"])
    assert body["data"]["handoffToSupport"]["errors"] == [{"field": "noteIds", "code": "NOT_FOUND"}]
