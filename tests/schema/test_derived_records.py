"""Derived records obey their source's policy: history, follow-ups, audit rows, ids, links.

Each test reproduces a leak found on the earlier code (issue 15, Trust II) through HTTP with
real tokens, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from core.settings import Settings
from store.models import Agent, Customer
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    ADMIN,
    BRANCH_1,
    MANAGER,
    QA,
    SALES_1,
    SALES_2,
    gql,
    nodes,
    seeded_settings,
    store_engine,
)

CUSTOMER = "cust-00001"
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId version } errors { field code message } }
}
"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version scope } errors { field code message } }
}
"""
HISTORY = """
query H($id: ID!) { note(id: $id) { scope history { edges { node {
  version changes { field before after } } } } } }
"""
AUDIT = """
query A($c: ID) {
  auditLog(customerId: $c, first: 100) {
    edges { node { action targetType targetId before after detail } } totalCount
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
    """Create a note and return its raw key (the store's id, as audit rows name it)."""
    payload = (await gql(http, token, CREATE, input=note_input(**overrides)))["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["noteId"]
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
    assert [r["version"] for r in nodes(customer["data"]["note"]["history"])] == [3]
    assert [r["version"] for r in nodes(staff["data"]["note"]["history"])] == [3, 2]


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
    assert [r["version"] for r in nodes(sales["data"]["note"]["history"])] == [4]
    assert "restricted-body" not in dump(qa_audit)
    qa_rows = [e for e in nodes(qa_audit["data"]["auditLog"]) if e["targetId"] == note_id]
    assert [e["action"] for e in qa_rows] == ["note.update"]
    # Restricted notes are encrypted at rest: their audit rows record that the body changed,
    # not the text (append-only rows could never be re-encrypted); the history keeps the text
    # for the readers of its scopes.
    assert "restricted-body-r1" not in dump(manager_audit)
    manager_rows = [e for e in nodes(manager_audit["data"]["auditLog"]) if e["targetId"] == note_id]
    assert len(manager_rows) > len(qa_rows)
    manager_history = await gql(http, manager, HISTORY, id=note_id)
    assert "restricted-body-r1" in dump(manager_history)


FOLLOW_UPS = (
    "query F($c: ID!) { customer(id: $c) { "
    "followUps { edges { node { id noteId instructions } } } } }"
)
COMPLETE = """
mutation C($id: ID!) {
  completeFollowUp(id: $id, outcome: "Done") {
    followUp { completedBy instructions } errors { field code message }
  }
}
"""
REASSIGN = """
mutation R($id: ID!, $a: ID!) {
  reassignFollowUp(id: $id, assigneeId: $a) {
    followUp { assigneeId } errors { field code message }
  }
}
"""
CANCEL = """
mutation X($id: ID!) {
  cancelFollowUp(id: $id) { followUp { cancelledBy } errors { field code message } }
}
"""
LOG = """
mutation L($input: LogInteractionInput!) {
  logInteraction(input: $input) { followUp { id } errors { field code message } }
}
"""
RAISE = """
mutation R($c: ID!, $r: String!) {
  raiseRiskFlag(customerId: $c, kind: MANUAL_FLAG, reason: $r) {
    riskFlag { id reason } errors { code }
  }
}
"""
TAG = """
mutation T($c: ID!, $t: String!) {
  tagCustomer(customerId: $c, tag: $t) { tags errors { field code } }
}
"""
NOTE = "query N($id: ID!) { note(id: $id) { subject refKind refId } }"
LINKS = "query L($c: ID!) { customer(id: $c) { referredById referredBy { id } } }"


def soon(hours: int = 3) -> str:
    """An ISO time a few hours ahead."""
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def interaction(assignee: str, customer: str = CUSTOMER) -> dict[str, Any]:
    """A call with a follow-up for `assignee`."""
    return {
        "customerId": customer,
        "type": "CALL",
        "purpose": "SALES",
        "subject": "Quote",
        "followUp": {"assigneeId": assignee, "dueAt": soon(), "instructions": "Send quote"},
    }


async def test_follow_ups_of_an_unreadable_note_do_not_exist_for_the_reader(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    manager = token_for("manager", sub=MANAGER)
    follow_up = {"assigneeId": MANAGER, "dueAt": soon(), "instructions": "do-not-tell-f1"}
    note_id = await create_note(
        http, manager, scope="RESTRICTED", type="FOLLOW_UP", followUp=follow_up
    )
    hidden = nodes(
        (await gql(http, manager, FOLLOW_UPS, c=CUSTOMER))["data"]["customer"]["followUps"]
    )
    hidden_id = next(f["id"] for f in hidden if f["noteId"] == note_id)

    for role, sub in (("sales", SALES_1), ("qa", QA), ("fulfillment", "agent-5")):
        token = token_for(role, sub=sub)
        seen = await gql(http, token, FOLLOW_UPS, c=CUSTOMER)
        audit = await gql(http, token, AUDIT, c=CUSTOMER)
        assert "do-not-tell-f1" not in dump(seen), role
        assert note_id not in dump(seen), role
        assert note_id not in dump(audit), role
    completed = await gql(http, token_for("sales", sub=SALES_1), COMPLETE, id=hidden_id)
    assert "do-not-tell-f1" not in dump(completed)
    assert [e["code"] for e in completed["data"]["completeFollowUp"]["errors"]] == ["NOT_FOUND"]


async def test_audit_rows_need_the_field_group_they_carry(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    support = token_for("support", sub="agent-4")
    raised = await gql(http, support, RAISE, c="cust-00002", r="risk-reason-a1")
    assert raised["data"]["raiseRiskFlag"]["errors"] == []

    qa = await gql(http, token_for("qa", sub=QA), AUDIT, c="cust-00002")
    admin = await gql(http, token_for("admin", sub=ADMIN), AUDIT, c="cust-00002")

    assert "risk-reason-a1" not in dump(qa)
    assert "manual_flag" not in dump(qa)
    assert all(e["targetType"] != "risk_flag" for e in nodes(qa["data"]["auditLog"]))
    assert "risk-reason-a1" in dump(admin)


async def test_only_the_assignee_the_author_or_a_manager_completes_a_follow_up(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    author = token_for("sales", sub=SALES_1)
    logged = (await gql(http, author, LOG, input=interaction(SALES_1)))["data"]["logInteraction"]
    assert logged["errors"] == []
    follow_up_id = logged["followUp"]["id"]

    other = await gql(http, token_for("sales", sub=SALES_2), COMPLETE, id=follow_up_id)
    moved = await gql(http, token_for("sales", sub=SALES_2), REASSIGN, id=follow_up_id, a=SALES_2)
    manager = await gql(http, token_for("manager", sub=MANAGER), COMPLETE, id=follow_up_id)

    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert other["data"] == {"completeFollowUp": None}
    assert moved["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert manager["data"]["completeFollowUp"]["followUp"]["completedBy"] == MANAGER


async def test_an_assignee_must_reach_the_customer(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    engine = store_engine(gateway_settings)
    try:
        async with engine.connect() as connection:
            branch = await connection.scalar(select(Agent.branch_id).where(Agent.id == BRANCH_1))
            outside = await connection.scalar(
                select(Customer.id).where(Customer.branch_id != branch).limit(1)
            )
    finally:
        await engine.dispose()
    assert outside is not None
    author = token_for("sales", sub=SALES_1)

    refused = await gql(http, author, LOG, input=interaction(BRANCH_1, customer=outside))
    logged = await gql(http, author, LOG, input=interaction(SALES_1, customer=outside))
    follow_up_id = logged["data"]["logInteraction"]["followUp"]["id"]
    reassigned = await gql(http, author, REASSIGN, id=follow_up_id, a=BRANCH_1)
    handed_on = await gql(http, author, REASSIGN, id=follow_up_id, a=SALES_2)

    errors = refused["data"]["logInteraction"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("followUp.assigneeId", "INVALID")]
    errors = reassigned["data"]["reassignFollowUp"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("assigneeId", "INVALID")]
    assert handed_on["data"]["reassignFollowUp"]["followUp"] == {"assigneeId": SALES_2}


async def test_plain_text_fields_neutralise_markup(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    support = token_for("support", sub="agent-4")
    tagged = await gql(http, support, TAG, c="cust-00004", t="<script>alert(1)</script>Gold")
    flag = await gql(
        http, support, RAISE, c="cust-00004", r='Late <img src=x onerror="steal()"> payer'
    )
    note_id = await create_note(
        http, support, subject='<b>Call</b> <img src=x onerror="steal()">back', scope="SUPPORT"
    )
    note = (await gql(http, support, NOTE, id=note_id))["data"]["note"]

    assert "gold" in tagged["data"]["tagCustomer"]["tags"]
    assert all("<" not in tag for tag in tagged["data"]["tagCustomer"]["tags"])
    assert flag["data"]["raiseRiskFlag"]["riskFlag"]["reason"] == "Late payer"
    assert note["subject"] == "Call back"


async def test_a_link_to_an_invoice_needs_financial_rights_to_write_and_to_read(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales = token_for("sales", sub=SALES_1)
    finance = token_for("finance", sub="agent-6")
    link = {"refKind": "INVOICE", "refId": "INV-0001"}
    denied = await gql(http, sales, CREATE, input=note_input(**link))
    note_id = await create_note(http, finance, **link)

    by_sales = (await gql(http, sales, NOTE, id=note_id))["data"]["note"]
    by_finance = (await gql(http, finance, NOTE, id=note_id))["data"]["note"]

    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (by_sales["refKind"], by_sales["refId"]) == (None, None)
    assert (by_finance["refKind"], by_finance["refId"]) == ("INVOICE", "INV-0001")


async def test_the_id_of_an_out_of_reach_referrer_is_never_shown(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    engine = store_engine(gateway_settings)
    try:
        async with engine.connect() as connection:
            referred = (await connection.execute(select(Customer).limit(1))).one()
            referrer = await connection.scalar(
                select(Customer.id).where(Customer.branch_id != referred.branch_id).limit(1)
            )
        # A write of its own: on SQLite a transaction that read first cannot take the write
        # lock once the gateway's indexer has committed in between ("database is locked").
        async with engine.begin() as connection:
            await connection.execute(
                update(Customer).where(Customer.id == referred.id).values(referred_by_id=referrer)
            )
    finally:
        await engine.dispose()

    branch = token_for("branch", sub=BRANCH_1, branches=[referred.branch_id])
    seen = (await gql(http, branch, LINKS, c=referred.id))["data"]["customer"]
    admin = (await gql(http, token_for("admin", sub=ADMIN), LINKS, c=referred.id))["data"]

    assert seen == {"referredById": None, "referredBy": None}
    assert admin["customer"]["referredById"] == referrer


async def test_only_the_assignee_the_author_or_a_manager_cancels_a_follow_up(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    author = token_for("sales", sub=SALES_1)
    logged = (await gql(http, author, LOG, input=interaction(SALES_1)))["data"]["logInteraction"]
    follow_up_id = logged["followUp"]["id"]

    other = await gql(http, token_for("sales", sub=SALES_2), CANCEL, id=follow_up_id)
    cancelled = await gql(http, author, CANCEL, id=follow_up_id)
    completed = await gql(http, author, COMPLETE, id=follow_up_id)

    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert cancelled["data"]["cancelFollowUp"] == {
        "followUp": {"cancelledBy": SALES_1},
        "errors": [],
    }
    errors = completed["data"]["completeFollowUp"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "CONFLICT")]
