"""Every write checks its actor: an unknown agent is NOT_FOUND by name (never CONFLICT), with
nothing written; a deactivated agent keeps its notes but may no longer write (FORBIDDEN).

Just-in-time provisioning is off here (the test environment's default).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, build_schema
from sqlalchemy import update

from core.settings import Settings
from schema import render_sdl
from store.models import Agent
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    MANAGER,
    SALES_1,
    gql,
    row_counts,
    seeded_settings,
    store_engine,
)

UNKNOWN = "agent-never-seen"
SOON = (datetime.now(UTC) + timedelta(days=2)).isoformat()
NOTE = (
    '{customerId: "cust-00001", subject: "Hello", body: "Hi", category: SALES, '
    "type: INTERACTION_LOG, scope: SALES}"
)
# Arguments that would be valid for a known agent, per mutation. A mutation added to the schema
# fails `test_every_mutation_is_covered` until it has a line here.
ARGUMENTS = {
    "createNote": f"input: {NOTE}",
    "updateNote": 'input: {id: "n-1", expectedVersion: 1, subject: "New"}',
    "tagNote": 'id: "n-1", tags: ["x"]',
    "untagNote": 'id: "n-1", tags: ["x"]',
    "deleteNote": 'id: "n-1"',
    "restoreNote": 'id: "n-1"',
    "tagCustomer": 'customerId: "cust-00001", tag: "vip"',
    "untagCustomer": 'customerId: "cust-00001", tag: "vip"',
    "logInteraction": (
        'input: {customerId: "cust-00001", type: CALL, purpose: SALES, subject: "Call", '
        f'followUp: {{assigneeId: "{SALES_1}", dueAt: "{SOON}"}}}}'
    ),
    "raiseRiskFlag": 'customerId: "cust-00001", kind: OVERDUE_PAYMENT, reason: "late"',
    "clearRiskFlag": 'id: "rf-1"',
    "handoffToSupport": 'customerId: "cust-00001"',
    "completeFollowUp": 'id: "f-1"',
    "reassignFollowUp": f'id: "f-1", assigneeId: "{SALES_1}"',
    "cancelFollowUp": 'id: "f-1"',
    "rescheduleFollowUp": f'input: {{id: "f-1", dueAt: "{SOON}"}}',
    "saveChoice": 'list: MOOD, value: "calm", label: "Calm"',
    "retireChoice": 'list: MOOD, value: "happy"',
    "setRequiredFields": "noteType: INTERACTION_LOG, fields: [TAGS]",
    "reloadPolicy": "",
    "redriveIntakeFailures": 'ids: ["if-1"]',
    "deleteAttachment": 'input: {id: "att-1"}',
    "saveControlledTag": 'input: {tag: "late-payer", description: "Pays late"}',
    "retireControlledTag": 'input: {tag: "vip"}',
    "setNoteLabels": 'input: {noteId: "n-1", sentiment: NEGATIVE}',
    "setInteractionLabels": 'input: {interactionId: "i-1", urgency: HIGH}',
}


def _mutations() -> dict[str, bool]:
    """Each mutation of the schema, and whether its payload carries user `errors`."""
    mutation = build_schema(render_sdl()).mutation_type
    assert mutation is not None
    found = {}
    for name, field in mutation.fields.items():
        payload = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        assert isinstance(payload, GraphQLObjectType)
        found[name] = "errors" in payload.fields
    return found


def _operation(name: str, has_errors: bool) -> str:
    arguments = f"({ARGUMENTS[name]})" if ARGUMENTS[name] else ""
    selection = "errors { field code message }" if has_errors else "__typename"
    return f"mutation {{ {name}{arguments} {{ {selection} }} }}"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("agent-writes"))


def test_every_mutation_is_covered() -> None:
    assert set(ARGUMENTS) == set(_mutations())


@pytest.mark.parametrize("name", sorted(ARGUMENTS))
async def test_an_unknown_agent_is_not_found_by_name_on_every_write(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings, name: str
) -> None:
    # Given a valid staff token whose subject is in no directory, and JIT off
    token = token_for("admin", sub=UNKNOWN)
    before = await row_counts(gateway_settings)

    # When it calls the mutation
    body = await gql(http, token, _operation(name, _mutations()[name]))

    # Then the answer is NOT_FOUND naming the agent (never CONFLICT), and nothing is written
    if _mutations()[name]:
        assert body.get("errors") is None, body
        errors = body["data"][name]["errors"]
        codes, messages = [e["code"] for e in errors], [e["message"] for e in errors]
    else:
        codes = [e["extensions"]["code"] for e in body["errors"]]
        messages = [e["message"] for e in body["errors"]]
    assert codes == ["NOT_FOUND"]
    assert messages[0].startswith(f"agent {UNKNOWN} is not in the agent directory")
    assert "provisioning is off" in messages[0]
    assert await row_counts(gateway_settings) == before


async def test_a_partner_write_is_still_forbidden_by_the_policy_not_the_directory(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("partner", sub="portal-9", partner="partner-1")

    body = await gql(http, token, _operation("createNote", True))

    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert "agent directory" not in body["errors"][0]["message"]


async def test_a_deactivated_agents_notes_stay_readable_but_its_writes_are_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    # Given a sales agent with notes, who then leaves
    sales, manager = token_for("sales", sub=SALES_1), token_for("manager", sub=MANAGER)
    created = await gql(
        http, sales, _operation("createNote", True).replace("errors", "note { id } errors")
    )
    note_id = created["data"]["createNote"]["note"]["id"]
    engine = store_engine(gateway_settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Agent)
                .where(Agent.id == SALES_1)
                .values(active=False, deactivated_at=datetime.now(UTC))
            )
    finally:
        await engine.dispose()

    # When a manager reads the note and the leaver tries to write
    read = await gql(
        http, manager, "query N($id: ID!) { note(id: $id) { id authorId } }", id=note_id
    )
    note = await gql(http, sales, _operation("createNote", True))
    tag = await gql(http, sales, _operation("tagCustomer", True))

    # Then the history stands and every write is FORBIDDEN with the coded reason
    assert read["data"]["note"] == {"id": note_id, "authorId": SALES_1}
    for body in (note, tag):
        (error,) = body["errors"]
        assert error["message"] == f"agent {SALES_1} is deactivated"
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert error["extensions"]["reason"] == "AGENT_DEACTIVATED"
