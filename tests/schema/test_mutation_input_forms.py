"""The `input` form of each v1 mutation through HTTP, on SQLite and PostgreSQL.

The input form does what the old loose arguments did; the payloads return what changed (the
customer, a deleted note marked deleted) and a deleted note is readable nowhere else. Both
forms at once, or neither: tests/schema/test_mutation_input_rule.py.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    ADMIN,
    SALES_1,
    SUPPORT,
    gql,
    nodes,
    row_counts,
    seeded_settings,
)

CUSTOMER = "cust-00003"
CREATE = """
mutation N($input: CreateNoteInput!) { createNote(input: $input) { note { id } errors { code } } }
"""
NOTE_FIELDS = "note { noteId tags deleted deletedAt } errors { field code }"
TAG_NOTE_OLD = (
    f"mutation T($id: ID!, $t: [String!]!) {{ tagNote(id: $id, tags: $t) {{ {NOTE_FIELDS} }} }}"
)
TAG_NOTE = f"mutation T($input: TagNoteInput!) {{ tagNote(input: $input) {{ {NOTE_FIELDS} }} }}"
UNTAG_NOTE_OLD = (
    f"mutation U($id: ID!, $t: [String!]!) {{ untagNote(id: $id, tags: $t) {{ {NOTE_FIELDS} }} }}"
)
UNTAG_NOTE = (
    f"mutation U($input: UntagNoteInput!) {{ untagNote(input: $input) {{ {NOTE_FIELDS} }} }}"
)
DELETE_OLD = f"mutation D($id: ID!) {{ deleteNote(id: $id) {{ {NOTE_FIELDS} }} }}"
DELETE = f"""
mutation D($input: DeleteNoteInput!) {{
  deleteNote(input: $input) {{ {NOTE_FIELDS} customer {{ id noteCount }} }}
}}
"""
RESTORE = (
    f"mutation R($input: RestoreNoteInput!) {{ restoreNote(input: $input) {{ {NOTE_FIELDS} }} }}"
)
READ_NOTE = "query N($id: ID!) { note(id: $id) { id deleted } }"
NODE = "query N($id: ID!) { node(id: $id) { id } }"
SEARCH = """
query S($c: ID!) { searchNotes(customerId: $c, query: "Input forms", first: 100) {
  edges { node { id } } } }
"""
CUSTOMER_NOTES = """
query C($id: ID!) { customer(id: $id) { noteCount notes(first: 100) { edges { node { id } } } } }
"""
TAGS_FIELDS = (
    "tags errors { field code } customer { id customerId tags(first: 100) { edges { node } } }"
)
TAG_CUSTOMER_OLD = (
    "mutation T($c: ID!, $t: String!) "
    f"{{ tagCustomer(customerId: $c, tag: $t) {{ {TAGS_FIELDS} }} }}"
)
TAG_CUSTOMER = (
    f"mutation T($input: TagCustomerInput!) {{ tagCustomer(input: $input) {{ {TAGS_FIELDS} }} }}"
)
UNTAG_CUSTOMER = (
    "mutation U($input: UntagCustomerInput!) "
    f"{{ untagCustomer(input: $input) {{ {TAGS_FIELDS} }} }}"
)
FLAG_FIELDS = (
    "riskFlag { id kind reason clearedAt } errors { field code } "
    "customer { id badges riskFlags(first: 100) { edges { node { id clearedAt } } } }"
)
RAISE_OLD = f"""
mutation R($c: ID!) {{ raiseRiskFlag(customerId: $c, kind: MANUAL_FLAG, reason: "<b>Odd</b>") {{
  {FLAG_FIELDS} }} }}
"""
RAISE = (
    "mutation R($input: RaiseRiskFlagInput!) "
    f"{{ raiseRiskFlag(input: $input) {{ {FLAG_FIELDS} }} }}"
)
CLEAR = (
    "mutation C($input: ClearRiskFlagInput!) "
    f"{{ clearRiskFlag(input: $input) {{ {FLAG_FIELDS} }} }}"
)
CLEAR_OLD = f"mutation C($id: ID!) {{ clearRiskFlag(id: $id) {{ {FLAG_FIELDS} }} }}"
HANDOFF_OLD = """
mutation H($c: ID!, $ids: [ID!]) {
  handoffToSupport(customerId: $c, noteIds: $ids) { notes { tags } errors { field code } }
}
"""
HANDOFF = """
mutation H($input: HandoffToSupportInput!) {
  handoffToSupport(input: $input) { notes { tags } errors { field code } customer { noteCount } }
}
"""
CHOICE = "choice { value label active } errors { field code }"
SAVE_OLD = (
    f"mutation S($v: String!) {{ saveChoice(list: MOOD, value: $v, label: $v) {{ {CHOICE} }} }}"
)
SAVE = f"mutation S($input: SaveChoiceInput!) {{ saveChoice(input: $input) {{ {CHOICE} }} }}"
RETIRE_OLD = f"mutation R($v: String!) {{ retireChoice(list: MOOD, value: $v) {{ {CHOICE} }} }}"
RETIRE = f"mutation R($input: RetireChoiceInput!) {{ retireChoice(input: $input) {{ {CHOICE} }} }}"
RULES = "requiredFields { noteType category field } errors { field code }"
RULES_OLD = f"""
mutation F {{
  setRequiredFields(noteType: TECHNICAL, category: SUPPORT, fields: [TAGS]) {{ {RULES} }}
}}
"""
RULES_NEW = f"""
mutation F($input: SetRequiredFieldsInput!) {{ setRequiredFields(input: $input) {{ {RULES} }} }}
"""
REDRIVE = "results { resolved } errors { field code message }"
REDRIVE_OLD = f'mutation R {{ redriveIntakeFailures(ids: ["if-none"]) {{ {REDRIVE} }} }}'
REDRIVE_NEW = f"""
mutation R($input: RedriveIntakeFailuresInput!) {{
  redriveIntakeFailures(input: $input) {{ {REDRIVE} }}
}}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("inputs"))


def note_input(**overrides: Any) -> dict[str, Any]:
    """A valid sales note for the test's customer."""
    values = {
        "customerId": CUSTOMER,
        "subject": "Input forms",
        "body": "Checked",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }
    return values | overrides


async def new_note(http: httpx.AsyncClient, token: str) -> str:
    """Create a sales note; its global id."""
    body = await gql(http, token, CREATE, input=note_input())
    note_id: str = body["data"]["createNote"]["note"]["id"]
    return note_id


def tag_names(customer: dict[str, Any]) -> list[str]:
    """The tags of a customer in the answer."""
    return [str(tag) for tag in nodes(customer["tags"])]


async def test_tag_and_untag_note_by_input_do_what_the_old_arguments_did(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    old_id, new_id = await new_note(http, token), await new_note(http, token)
    tags = [" Gold ", "SILVER"]

    old = (await gql(http, token, TAG_NOTE_OLD, id=old_id, t=tags))["data"]["tagNote"]
    new = (await gql(http, token, TAG_NOTE, input={"id": new_id, "tags": tags}))["data"]["tagNote"]
    old_un = await gql(http, token, UNTAG_NOTE_OLD, id=old_id, t=["gold"])
    new_un = await gql(http, token, UNTAG_NOTE, input={"id": new_id, "tags": ["gold"]})

    assert new["errors"] == old["errors"] == []
    assert new["note"]["tags"] == old["note"]["tags"] == ["gold", "silver"]
    assert new_un["data"]["untagNote"]["note"]["tags"] == ["silver"]
    assert old_un["data"]["untagNote"]["note"]["tags"] == ["silver"]


async def test_delete_note_payload_shows_it_deleted_and_nothing_else_shows_it(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    old_id, new_id = await new_note(http, token), await new_note(http, token)
    count = (await gql(http, token, CUSTOMER_NOTES, id=CUSTOMER))["data"]["customer"]["noteCount"]

    old = (await gql(http, token, DELETE_OLD, id=old_id))["data"]["deleteNote"]
    new = (await gql(http, token, DELETE, input={"id": new_id}))["data"]["deleteNote"]
    read = await gql(http, token, READ_NOTE, id=new_id)
    node = await gql(http, token, NODE, id=new_id)
    found = (await gql(http, token, SEARCH, c=CUSTOMER))["data"]["searchNotes"]
    listed = (await gql(http, token, CUSTOMER_NOTES, id=CUSTOMER))["data"]["customer"]

    assert new["errors"] == old["errors"] == []
    assert new["note"]["deleted"] is old["note"]["deleted"] is True
    assert new["note"]["deletedAt"] is not None
    assert new["customer"]["noteCount"] == count - 2 == listed["noteCount"]
    assert read["data"]["note"] is None
    assert read["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert node["data"]["node"] is None
    assert {old_id, new_id}.isdisjoint(n["id"] for n in nodes(listed["notes"]))
    assert found is not None
    assert {old_id, new_id}.isdisjoint(n["id"] for n in nodes(found))

    restored = (await gql(http, token, RESTORE, input={"id": new_id}))["data"]["restoreNote"]
    again = await gql(http, token, READ_NOTE, id=new_id)
    assert (restored["note"]["deleted"], restored["note"]["deletedAt"]) == (False, None)
    assert again["data"]["note"] == {"id": new_id, "deleted": False}


async def test_tag_customer_takes_a_list_and_returns_the_customer_with_its_tags(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)

    old = (await gql(http, token, TAG_CUSTOMER_OLD, c=CUSTOMER, t=" Key  Account "))["data"]
    new = await gql(
        http, token, TAG_CUSTOMER, input={"customerId": CUSTOMER, "tags": ["Gold", " silver "]}
    )
    payload = new["data"]["tagCustomer"]

    assert old["tagCustomer"]["errors"] == payload["errors"] == []
    assert {"key account", "gold", "silver"} <= set(payload["tags"])
    assert payload["customer"]["customerId"] == CUSTOMER
    assert tag_names(payload["customer"]) == payload["tags"]
    assert tag_names(old["tagCustomer"]["customer"]) == old["tagCustomer"]["tags"]

    removed = await gql(
        http, token, UNTAG_CUSTOMER, input={"customerId": CUSTOMER, "tags": ["GOLD", "silver"]}
    )
    after = removed["data"]["untagCustomer"]
    assert after["errors"] == []
    assert not {"gold", "silver"} & set(after["tags"])
    assert tag_names(after["customer"]) == after["tags"]


async def test_untagging_a_list_is_all_or_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub=SALES_1)
    await gql(http, token, TAG_CUSTOMER, input={"customerId": CUSTOMER, "tags": ["keep"]})
    before = await row_counts(gateway_settings)

    body = await gql(
        http, token, UNTAG_CUSTOMER, input={"customerId": CUSTOMER, "tags": ["keep", "never"]}
    )
    empty = await gql(http, token, TAG_CUSTOMER, input={"customerId": CUSTOMER, "tags": []})

    assert body["data"]["untagCustomer"]["errors"] == [{"field": "tags", "code": "NOT_FOUND"}]
    assert body["data"]["untagCustomer"]["customer"] is None
    assert empty["data"]["tagCustomer"]["errors"] == [{"field": "tags", "code": "REQUIRED"}]
    assert await row_counts(gateway_settings) == before


async def test_raise_and_clear_risk_flag_by_input_return_the_customer_badges(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("support", sub=SUPPORT)
    # Two kinds: a second open flag of one kind is a CONFLICT.
    flag = {"customerId": CUSTOMER, "kind": "ABUSIVE_BEHAVIOR", "reason": "<b>Odd</b>"}

    old = (await gql(http, token, RAISE_OLD, c=CUSTOMER))["data"]["raiseRiskFlag"]
    new = (await gql(http, token, RAISE, input=flag))["data"]["raiseRiskFlag"]

    assert old["errors"] == new["errors"] == []
    pick = ("reason", "clearedAt")
    assert [new["riskFlag"][k] for k in pick] == [old["riskFlag"][k] for k in pick]
    assert [new["riskFlag"][k] for k in pick] == ["Odd", None]
    assert (old["riskFlag"]["kind"], new["riskFlag"]["kind"]) == ("MANUAL_FLAG", "ABUSIVE_BEHAVIOR")
    assert "UNDER_REVIEW" in new["customer"]["badges"]
    listed = [n["id"] for n in nodes(new["customer"]["riskFlags"])]
    assert {old["riskFlag"]["id"], new["riskFlag"]["id"]} <= set(listed)

    # Clear every open flag (one by each form): the badge goes with the last one.
    open_ids = [n["id"] for n in nodes(new["customer"]["riskFlags"]) if n["clearedAt"] is None]
    last = None
    for index, flag_id in enumerate(open_ids):
        if index % 2:
            last = (await gql(http, token, CLEAR_OLD, id=flag_id))["data"]["clearRiskFlag"]
        else:
            last = (await gql(http, token, CLEAR, input={"id": flag_id}))["data"]["clearRiskFlag"]
        assert last["errors"] == []
        assert last["riskFlag"]["clearedAt"] is not None
    assert last is not None
    assert "UNDER_REVIEW" not in last["customer"]["badges"]


async def test_handoff_by_input_does_what_the_old_arguments_did(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    old_id, new_id = await new_note(http, token), await new_note(http, token)

    old = await gql(http, token, HANDOFF_OLD, c=CUSTOMER, ids=[old_id])
    new = await gql(http, token, HANDOFF, input={"customerId": CUSTOMER, "noteIds": [new_id]})

    assert old["data"]["handoffToSupport"] == {"notes": [{"tags": ["handoff"]}], "errors": []}
    assert new["data"]["handoffToSupport"]["notes"] == [{"tags": ["handoff"]}]
    assert new["data"]["handoffToSupport"]["customer"]["noteCount"] > 0


async def test_choices_and_rules_by_input_do_what_the_old_arguments_did(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("admin", sub=ADMIN)

    old = (await gql(http, token, SAVE_OLD, v="Serene"))["data"]["saveChoice"]
    new = await gql(http, token, SAVE, input={"list": "MOOD", "value": "Calm", "label": "Calm"})
    old_retired = (await gql(http, token, RETIRE_OLD, v="serene"))["data"]["retireChoice"]
    new_retired = await gql(http, token, RETIRE, input={"list": "MOOD", "value": "calm"})
    rule = {"noteType": "TECHNICAL", "category": "SUPPORT", "fields": ["TAGS"]}
    old_rules = (await gql(http, token, RULES_OLD))["data"]["setRequiredFields"]
    new_rules = (await gql(http, token, RULES_NEW, input=rule))["data"]["setRequiredFields"]

    assert old == {"choice": {"value": "serene", "label": "Serene", "active": True}, "errors": []}
    assert new["data"]["saveChoice"] == {
        "choice": {"value": "calm", "label": "Calm", "active": True},
        "errors": [],
    }
    assert old_retired["choice"]["active"] is False
    assert new_retired["data"]["retireChoice"]["choice"] == {
        "value": "calm",
        "label": "Calm",
        "active": False,
    }
    assert new_rules == old_rules
    assert {"noteType": "TECHNICAL", "category": "SUPPORT", "field": "TAGS"} in (
        new_rules["requiredFields"]
    )


async def test_redrive_by_input_answers_as_the_old_arguments_did(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("fulfillment", sub="agent-7")

    old = await gql(http, token, REDRIVE_OLD)
    new = await gql(http, token, REDRIVE_NEW, input={"ids": ["if-none"]})

    assert new["data"] == old["data"]
    assert new["data"]["redriveIntakeFailures"]["errors"][0]["code"] == "NOT_FOUND"


async def test_a_wrong_type_of_id_in_the_input_names_the_input_field(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    note_id = await new_note(http, token)

    body = await gql(http, token, TAG_CUSTOMER, input={"customerId": note_id, "tags": ["x"]})

    assert body["data"] == {"tagCustomer": None}
    error = body["errors"][0]["extensions"]
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "input.customerId")


async def test_each_payload_reads_the_customer_after_its_own_write(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # Two mutations in one document: the second payload must not show the customer as the
    # first one's read cached it.
    fields = "customer { tags(first: 100) { edges { node } } }"
    text = f"""
    mutation {{
      first: tagCustomer(input: {{customerId: "{CUSTOMER}", tags: ["one-of-two"]}}) {{ {fields} }}
      second: tagCustomer(input: {{customerId: "{CUSTOMER}", tags: ["two-of-two"]}}) {{ {fields} }}
    }}
    """
    body = await gql(http, token_for("sales", sub=SALES_1), text)

    first, second = (tag_names(body["data"][key]["customer"]) for key in ("first", "second"))
    assert "one-of-two" in first
    assert "two-of-two" not in first
    assert {"one-of-two", "two-of-two"} <= set(second)
