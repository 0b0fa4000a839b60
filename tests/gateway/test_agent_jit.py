"""Just-in-time agents: a staff token the gateway has never seen writes, and becomes an agent."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import func, select

from core.settings import Settings
from gateway.identity import ClaimMapping
from store.models import Agent, AuditLog, Note
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import gql, seeded_settings, store_engine

CREATE = """
mutation N($input: CreateNoteInput!) {
  createNote(input: $input) { note { id authorId author { name } } errors { code message } }
}
"""
TAG = """
mutation T($c: ID!, $t: String!) {
  tagCustomer(customerId: $c, tag: $t) { tags errors { code message } }
}
"""


def note_input(subject: str = "First call") -> dict[str, object]:
    return {
        "customerId": "cust-00001",
        "subject": subject,
        "body": "Introduced myself.",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(
        database_url, tmp_path_factory.mktemp("agent-jit"), agents_jit=True
    )


async def _agent(settings: Settings, agent_id: str) -> Agent | None:
    engine = store_engine(settings)
    try:
        async with engine.connect() as connection:
            row = (await connection.execute(select(Agent).where(Agent.id == agent_id))).first()
    finally:
        await engine.dispose()
    return row  # type: ignore[return-value]


async def _count(settings: Settings, *where: object) -> int:
    engine = store_engine(settings)
    try:
        async with engine.connect() as connection:
            count = await connection.scalar(
                select(func.count()).select_from(AuditLog).where(*where)  # type: ignore[arg-type]
            )
    finally:
        await engine.dispose()
    return count or 0


async def test_a_never_seen_staff_member_writes_a_note_under_their_name(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    # Given a valid token for a new hire the gateway has never seen, with JIT on
    token = token_for(
        "sales",
        sub="agent-new-hire",
        branches=["branch-2"],
        name="Nia Patel",
        email="nia.patel@example.com",
    )

    # When they write a note
    body = await gql(http, token, CREATE, input=note_input())

    # Then the note is theirs and the agents table holds them from the claims
    payload = body["data"]["createNote"]
    assert payload["errors"] == []
    assert payload["note"]["authorId"] == "agent-new-hire"
    assert payload["note"]["author"] == {"name": "Nia Patel"}
    # And a manager reading the customer's notes sees the new hire's name on it
    manager = token_for("manager", sub="agent-2")
    read = await gql(
        http,
        manager,
        "query($id: ID!) { note(id: $id) { author { agentId name email } } }",
        id=payload["note"]["id"],
    )
    assert read["data"]["note"]["author"] == {
        "agentId": "agent-new-hire",
        "name": "Nia Patel",
        "email": "nia.patel@example.com",
    }
    agent = await _agent(gateway_settings, "agent-new-hire")
    assert agent is not None
    assert (agent.name, agent.email, agent.role, agent.branch_id, agent.active) == (
        "Nia Patel",
        "nia.patel@example.com",
        "sales",
        "branch-2",
        True,
    )
    assert agent.source == "jit"
    assert await _count(gateway_settings, AuditLog.action == "agent.provision") == 1


async def test_concurrent_first_writes_make_one_agent_and_one_provisioning(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub="agent-racer", name="Ray Cer", email="ray@example.com")
    writes = [gql(http, token, TAG, c="cust-00001", t=f"race {i}") for i in range(4)]
    writes += [gql(http, token, CREATE, input=note_input(f"Race {i}")) for i in range(4)]

    bodies = await asyncio.gather(*writes)

    assert [body.get("errors") for body in bodies] == [None] * 8
    errors = [error for body in bodies for error in next(iter(body["data"].values()))["errors"]]
    assert errors == []
    provisions = AuditLog.action == "agent.provision", AuditLog.target_id == "agent-racer"
    assert await _count(gateway_settings, *provisions) == 1
    engine = store_engine(gateway_settings)
    try:
        async with engine.connect() as connection:
            notes = await connection.scalar(
                select(func.count()).select_from(Note).where(Note.author_id == "agent-racer")
            )
    finally:
        await engine.dispose()
    assert notes == 4


async def test_a_partner_token_is_not_provisioned_and_stays_read_only(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("partner", sub="portal-new", partner="partner-1", name="Portal")

    body = await gql(http, token, CREATE, input={**note_input(), "scope": "CUSTOMER"})

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await _agent(gateway_settings, "portal-new") is None


@pytest.mark.parametrize(
    ("environment", "asked", "enabled"),
    [
        ("development", None, True),
        ("test", None, False),
        ("production", None, False),
        ("production", True, True),
        ("development", False, False),
    ],
)
def test_jit_is_on_by_default_in_development_only(
    environment: str, asked: bool | None, enabled: bool
) -> None:
    settings = Settings(environment=environment, agents_jit=asked, jwt_secret="x" * 40)
    assert settings.agents_jit_enabled is enabled


def test_name_and_email_come_from_the_configured_claims_and_never_reject_a_token() -> None:
    settings = Settings(environment="test", jwt_name_claim="profile.display", jwt_email_claim="upn")
    mapping = ClaimMapping(settings)
    base = {"sub": "agent-x", "roles": ["sales"]}

    named = mapping.principal({**base, "profile": {"display": " Nia "}, "upn": "n@example.com"})
    odd = mapping.principal({**base, "profile": {"display": ["not", "text"]}, "upn": ""})

    assert (named.name, named.email) == ("Nia", "n@example.com")
    assert (odd.name, odd.email) == (None, None)
