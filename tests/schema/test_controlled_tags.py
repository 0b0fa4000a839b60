"""Controlled-tag administration through HTTP on both stores: who may save and retire (from the
compiled policy, for every role), the audit rows, and what `controlledTags` offers after."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.vocabulary import Capability
from store.models import AuditLog
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, SALES_1, gql, seeded_settings, store_engine
from tests.security.world import ROLES

TAG_FIELDS = "controlledTag { tag description active } errors { field code message }"
SAVE = f"""
mutation S($input: SaveControlledTagInput!) {{
  saveControlledTag(input: $input) {{ {TAG_FIELDS} }}
}}"""
RETIRE = f"""
mutation R($input: RetireControlledTagInput!) {{
  retireControlledTag(input: $input) {{ {TAG_FIELDS} }}
}}"""
OFFERED = "query O($all: Boolean!) { controlledTags(includeRetired: $all) { tag active } }"
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id } errors { field code message } }
}"""
NOTE = "query N($id: ID!) { note(id: $id) { tags } }"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("tags"))


@pytest.fixture
async def store(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


async def offered(http: httpx.AsyncClient, token: str, *, retired: bool = False) -> dict[str, bool]:
    body = await gql(http, token, OFFERED, all=retired)
    return {row["tag"]: row["active"] for row in body["data"]["controlledTags"]}


async def audit_rows(store: AsyncEngine, tag: str) -> list[tuple[str, str, Any, Any]]:
    async with store.connect() as connection:
        rows = await connection.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.before, AuditLog.after)
            .where(AuditLog.target_type == "controlled_tag", AuditLog.target_id == tag)
            .order_by(AuditLog.id)
        )
        return [tuple(row) for row in rows]


async def test_every_role_may_save_exactly_as_the_policy_says(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    allowed = []
    for role in ROLES:
        # Writers must be in the agent directory: one known agent, given each role in turn.
        subject = ADMIN
        may = policy.compile(Principal(subject=subject, roles=(role,))).can(Capability.ADMIN_LISTS)
        tag = f"by-{role}-{uuid.uuid4().hex[:6]}"
        body = await gql(http, token_for(role, sub=subject), SAVE, input={"tag": tag})
        if may:
            allowed.append(role)
            assert body["data"]["saveControlledTag"]["errors"] == [], (role, body)
            assert tag in await offered(http, token_for("sales", sub=SALES_1))
        else:
            assert body["data"] == {"saveControlledTag": None}, role
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", role
            assert tag not in await offered(http, token_for("sales", sub=SALES_1), retired=True)
    assert sorted(allowed) == ["admin", "owner"]


async def test_save_retire_and_save_again_are_audited_and_change_what_is_offered(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    admin, sales = token_for("admin", sub=ADMIN), token_for("sales", sub=SALES_1)
    tag = f"warranty-{uuid.uuid4().hex[:6]}"
    saved = await gql(
        http, admin, SAVE, input={"tag": f"  {tag.upper()} ", "description": "Under warranty"}
    )
    assert saved["data"]["saveControlledTag"] == {
        "controlledTag": {"tag": tag, "description": "Under warranty", "active": True},
        "errors": [],
    }
    note = await gql(
        http,
        sales,
        CREATE,
        input={
            "customerId": "cust-00001",
            "subject": "Tagged with a controlled tag",
            "body": "b",
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": "SALES",
            "tags": [tag],
        },
    )
    note_id = note["data"]["createNote"]["note"]["id"]
    assert (await offered(http, sales))[tag] is True

    retired = await gql(http, admin, RETIRE, input={"tag": tag})
    again = await gql(http, admin, RETIRE, input={"tag": tag})
    assert retired["data"]["retireControlledTag"]["controlledTag"]["active"] is False
    assert again["data"]["retireControlledTag"]["errors"] == []
    assert tag not in await offered(http, sales)
    assert (await offered(http, sales, retired=True))[tag] is False
    # The note keeps the retired tag.
    assert tag in (await gql(http, sales, NOTE, id=note_id))["data"]["note"]["tags"]

    back = await gql(http, admin, SAVE, input={"tag": tag, "description": "Back"})
    assert back["data"]["saveControlledTag"]["controlledTag"]["active"] is True
    assert (await offered(http, sales))[tag] is True

    assert await audit_rows(store, tag) == [
        (ADMIN, "controlled_tag.save", None, {"description": "Under warranty", "active": True}),
        (ADMIN, "controlled_tag.retire", {"active": True}, {"active": False}),
        (
            ADMIN,
            "controlled_tag.save",
            {"description": "Under warranty", "active": False},
            {"description": "Back", "active": True},
        ),
    ]


async def test_a_refused_change_is_audited_as_a_denial_and_writes_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    tag = f"sneaky-{uuid.uuid4().hex[:6]}"
    body = await gql(http, token_for("manager", sub="agent-2"), SAVE, input={"tag": tag})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    async with store.connect() as connection:
        actions = list(
            await connection.scalars(
                select(AuditLog.action).where(
                    AuditLog.actor == "agent-2", AuditLog.action.like("%controlled_tag%")
                )
            )
        )
    assert "denied:controlled_tag.save" in actions
    assert await audit_rows(store, tag) == [("agent-2", "denied:controlled_tag.save", None, None)]
    assert tag not in await offered(http, token_for("admin", sub=ADMIN), retired=True)


@pytest.mark.parametrize(
    ("mutation", "given", "field", "code"),
    [
        pytest.param(SAVE, {"tag": "  "}, "tag", "REQUIRED", id="empty"),
        pytest.param(SAVE, {"tag": "t" * 65}, "tag", "TOO_LONG", id="long"),
        pytest.param(SAVE, {"tag": "ok", "description": "d" * 301}, "description", "TOO_LONG"),
        pytest.param(RETIRE, {"tag": "no-such-tag-here"}, "tag", "NOT_FOUND", id="unknown"),
    ],
)
async def test_bad_input_is_a_typed_user_error(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    mutation: str,
    given: dict[str, str],
    field: str,
    code: str,
) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), mutation, input=given)
    (payload,) = body["data"].values()
    assert payload["controlledTag"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
