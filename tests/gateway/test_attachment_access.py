"""Who may see, download and upload attachments, through HTTP with generated principals of
every token role on both stores: an attachment exists only for readers of what it is attached
to (the note's scope, else the customer's reach and activity fields), and a canary file name
and content never reach anyone else, in any answer (the audit log they may read included)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from core.settings import Settings
from schema.node import global_id
from tests.fixtures.app import TokenFactory
from tests.gateway.attachment_http import (
    AUDIT,
    CREATE_NOTE,
    LIST,
    attachment_rows,
    attachment_settings,
    audit_actions,
    blob_files,
    download,
    upload,
    uploaded,
)
from tests.schema.native_gateway import ADMIN, QA, SALES_1, SUPPORT, gql, nodes

CUSTOMER = "cust-00003"
NOTE_CANARY = "canary-restricted-att-5d1c"
CUSTOMER_CANARY = "canary-customer-att-9b2e"
SENIOR = {"owner", "admin", "manager", "executive"}
# Roles that see a customer's activity fields (attachments not on a note); portals do not.
ACTIVITY = SENIOR | {"support", "finance", "sales", "branch", "fulfillment", "field", "qa"}
EVERYTHING = """
query E($c: ID!, $a: ID!) {
  customer(id: $c) {
    attachments(first: 100) { edges { node { attachmentId fileName sha256 } } }
    audit(first: 100) { edges { node { action after detail } } }
  }
  node(id: $a) { id ... on Attachment { fileName } }
}
"""
CUSTOMER_FACTS = "query F($c: ID!) { customer(id: $c) { branchId partnerId } }"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await attachment_settings(database_url, tmp_path_factory.mktemp("access"))


_planted: dict[str, dict[str, str]] = {}


async def planted(
    http: httpx.AsyncClient, token_for: TokenFactory, settings: Settings
) -> dict[str, str]:
    """Once per module: a restricted note with a canary attachment, and a canary attachment on
    the customer itself, both uploaded by an admin."""
    key = str(settings.attachments_dir)
    if key in _planted:
        return _planted[key]
    admin = token_for("admin", sub=ADMIN)
    note = await gql(
        http,
        admin,
        CREATE_NOTE,
        input={
            "customerId": CUSTOMER,
            "subject": "Signed contract",
            "body": "See the attached scan.",
            "category": "GENERAL",
            "type": "INTERACTION_LOG",
            "scope": "RESTRICTED",
            "tags": [],
        },
    )
    note_id = note["data"]["createNote"]["note"]["noteId"]
    on_note = await uploaded(
        http,
        admin,
        f"{NOTE_CANARY} content\n".encode(),
        customer_id=CUSTOMER,
        note_id=note_id,
        file_name=f"{NOTE_CANARY}.txt",
        content_type="text/plain",
    )
    on_customer = await uploaded(
        http,
        admin,
        f"{CUSTOMER_CANARY} content\n".encode(),
        customer_id=CUSTOMER,
        file_name=f"{CUSTOMER_CANARY}.txt",
        content_type="text/plain",
    )
    facts = (await gql(http, admin, CUSTOMER_FACTS, c=CUSTOMER))["data"]["customer"]
    _planted[key] = {
        "note": note_id,
        "on_note": on_note,
        "on_customer": on_customer,
        "branch": facts["branchId"],
        "partner": facts["partnerId"] or "partner-1",
    }
    return _planted[key]


def principals(token_for: TokenFactory, facts: dict[str, str]) -> dict[str, str]:
    """A token for every claimable role, each scoped to the planted customer where the role
    takes a scope (its branch, its partner, the customer itself)."""
    claims: dict[str, dict[str, Any]] = {
        "branch": {"branches": [facts["branch"]]},
        "partner": {"partner": facts["partner"]},
        "customer": {"customer": CUSTOMER},
    }
    roles = sorted(ACTIVITY | {"partner", "customer"})
    return {
        role: token_for(role, sub=f"generated-{role}", **claims.get(role, {})) for role in roles
    }


async def _reaches(http: httpx.AsyncClient, token: str) -> bool:
    answer = await gql(http, token, CUSTOMER_FACTS, c=CUSTOMER)
    return answer["data"]["customer"] is not None


async def test_a_restricted_notes_attachment_exists_only_for_readers_of_restricted(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    facts = await planted(http, token_for, gateway_settings)
    attachment_id = facts["on_note"]
    for role, token in principals(token_for, facts).items():
        fetched = await download(http, token, attachment_id)
        seen = await gql(
            http, token, EVERYTHING, c=CUSTOMER, a=global_id("Attachment", attachment_id)
        )
        audit = await gql(http, token, AUDIT, c=CUSTOMER)
        if role in SENIOR:
            assert fetched.status_code == 200, role
            assert fetched.content == f"{NOTE_CANARY} content\n".encode()
            assert NOTE_CANARY in json.dumps(seen), role  # the control: the canary is there
            continue
        assert fetched.status_code == 404, role
        assert fetched.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        for answer in (fetched.text, json.dumps(seen), json.dumps(audit)):
            assert NOTE_CANARY not in answer, role
        assert seen["data"]["node"] is None, role


async def test_an_attachment_on_the_customer_follows_reach_and_activity_fields(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    facts = await planted(http, token_for, gateway_settings)
    attachment_id = facts["on_customer"]
    for role, token in principals(token_for, facts).items():
        expected = role in ACTIVITY and await _reaches(http, token)
        fetched = await download(http, token, attachment_id)
        seen = await gql(
            http, token, EVERYTHING, c=CUSTOMER, a=global_id("Attachment", attachment_id)
        )
        audit = await gql(http, token, AUDIT, c=CUSTOMER)
        assert (fetched.status_code == 200) is expected, role
        if expected:
            continue
        assert fetched.status_code == 404, role
        for answer in (fetched.text, json.dumps(seen), json.dumps(audit)):
            assert CUSTOMER_CANARY not in answer, role


async def test_an_out_of_reach_customers_attachment_is_404(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    facts = await planted(http, token_for, gateway_settings)
    elsewhere = [
        token_for("branch", sub="generated-branch-far", branches=["no-such-branch"]),
        token_for("partner", sub="generated-partner-far", partner="no-such-partner"),
        token_for("customer", sub="cust-00004", customer="cust-00004"),
    ]
    for token in elsewhere:
        for attachment_id in (facts["on_customer"], facts["on_note"]):
            fetched = await download(http, token, attachment_id)
            assert fetched.status_code == 404
            assert CUSTOMER_CANARY not in fetched.text
            assert NOTE_CANARY not in fetched.text
    unknown = await download(http, token_for("admin", sub=ADMIN), "no-such-attachment")
    hidden = await download(http, elsewhere[0], facts["on_note"])
    assert unknown.status_code == hidden.status_code == 404
    assert unknown.json()["errors"][0]["extensions"] == hidden.json()["errors"][0]["extensions"]
    denials = [a for a, _ in await audit_actions(gateway_settings, facts["on_note"])]
    assert "denied:attachment.download" in denials


async def test_uploads_follow_the_policy(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    facts = await planted(http, token_for, gateway_settings)
    before = (await attachment_rows(gateway_settings), len(blob_files(gateway_settings)))
    content = b"hello\n"

    def send(token: str, **kwargs: Any) -> Any:
        return upload(
            http, token, content, customer_id=CUSTOMER, content_type="text/plain", **kwargs
        )

    qa = await send(token_for("qa", sub=QA))
    partner = await send(token_for("partner", sub="portal-1", partner=facts["partner"]))
    customer = await send(token_for("customer", sub=CUSTOMER, customer=CUSTOMER))
    sales_on_restricted = await send(token_for("sales", sub=SALES_1), note_id=facts["note"])
    far_branch = await send(token_for("branch", sub="agent-9", branches=["no-such-branch"]))

    for response in (qa, partner, customer):
        assert response.status_code == 403, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    for response in (sales_on_restricted, far_branch):
        assert response.status_code == 404, response.text
        assert NOTE_CANARY not in response.text
    assert (await attachment_rows(gateway_settings), len(blob_files(gateway_settings))) == before

    allowed = await send(token_for("support", sub=SUPPORT))
    assert allowed.status_code == 201, allowed.text
    listed = await gql(http, token_for("support", sub=SUPPORT), LIST, c=CUSTOMER)
    names = [n["fileName"] for n in nodes(listed["data"]["customer"]["attachments"])]
    assert NOTE_CANARY + ".txt" not in names
    assert CUSTOMER_CANARY + ".txt" in names


async def test_denied_uploads_are_audited(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    await planted(http, token_for, gateway_settings)
    await upload(
        http, token_for("qa", sub=QA), b"x\n", customer_id=CUSTOMER, content_type="text/plain"
    )

    trail = await gql(http, token_for("admin", sub=ADMIN), AUDIT, c=CUSTOMER)

    denied = [
        n for n in nodes(trail["data"]["auditLog"]) if n["action"] == "denied:attachment.upload"
    ]
    assert denied
