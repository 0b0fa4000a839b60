"""Note mutations through HTTP with real tokens, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from store.models import AuditLog, Customer, Note, SearchOutbox
from tests.fixtures.app import TokenFactory
from tests.fixtures.database import Backend
from tests.schema.native_gateway import (
    MANAGER,
    QA,
    SALES_1,
    SALES_2,
    gql,
    seeded_settings,
    store_engine,
)

NOTE_FIELDS = "id noteId subject body tags version scope authorId"
CREATE = f"""
mutation Create($input: CreateNoteInput!) {{
  createNote(input: $input) {{ note {{ {NOTE_FIELDS} }} errors {{ field code message }} }}
}}
"""
UPDATE = f"""
mutation Update($input: UpdateNoteInput!) {{
  updateNote(input: $input) {{ note {{ {NOTE_FIELDS} }} errors {{ field code message }} }}
}}
"""
DELETE = "mutation D($id: ID!) { deleteNote(id: $id) { note { id } errors { code } } }"
RESTORE = "mutation R($id: ID!) { restoreNote(id: $id) { note { id version } errors { code } } }"
HISTORY = """
query H($id: ID!) {
  note(id: $id) { version history { edges { node {
    version editorId changes { field before after } } } } }
}
"""
CUSTOMER = "cust-00001"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # A raised body limit so a 1 MB note reaches validation instead of the HTTP limit.
    return await seeded_settings(
        database_url, tmp_path_factory.mktemp("notes"), max_body_bytes=4_000_000
    )


@pytest.fixture
async def store(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


def note_input(**overrides: Any) -> dict[str, Any]:
    """A valid sales note for the first demo customer."""
    values: dict[str, Any] = {
        "customerId": CUSTOMER,
        "subject": "Asked about delivery",
        "body": "Prefers **mornings**.",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
        "tags": ["Delivery "],
    }
    return values | overrides


async def create(http: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    """Create a note and return its payload."""
    body = await gql(http, token, CREATE, input=note_input(**overrides))
    payload: dict[str, Any] = body["data"]["createNote"]
    return payload


async def test_a_sales_agent_creates_a_sanitised_note(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    payload = await create(
        http,
        token_for("sales", sub=SALES_1),
        body='<script>alert(1)</script>Hi <img src=x onerror="steal()"> '
        '<a href="javascript:x()">y</a>',
    )
    assert payload["errors"] == []
    note = payload["note"]
    assert note["body"] == 'Hi <img src="x"> <a rel="noopener noreferrer">y</a>'
    assert (note["tags"], note["version"], note["authorId"]) == (["delivery"], 1, SALES_1)


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        pytest.param({"body": ""}, "body", "REQUIRED", id="empty-body"),
        pytest.param({"body": "x" * 1_000_000}, "body", "TOO_LONG", id="1mb-body"),
        pytest.param({"subject": "s" * 301}, "subject", "TOO_LONG", id="long-subject"),
        pytest.param({"customerId": "cust-nope"}, "customerId", "NOT_FOUND", id="wrong-customer"),
    ],
)
async def test_bad_input_is_a_typed_user_error(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    overrides: dict[str, Any],
    field: str,
    code: str,
) -> None:
    payload = await create(http, token_for("sales", sub=SALES_1), **overrides)
    assert payload["note"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]


async def test_sql_in_every_text_field_is_stored_verbatim(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sql = "x'); DROP TABLE notes; --"
    payload = await create(
        http, token_for("sales", sub=SALES_1), subject=sql, body=sql, tags=[sql], refId=sql
    )
    assert payload["errors"] == []
    assert (payload["note"]["subject"], payload["note"]["body"]) == (sql, sql)
    assert payload["note"]["tags"] == [sql.lower()]


async def test_an_unknown_enum_value_is_a_graphql_validation_error(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(
        http, token_for("sales", sub=SALES_1), CREATE, input=note_input(scope="SECRET")
    )
    assert body.get("data") is None
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_a_read_only_role_is_forbidden_and_the_denial_audited(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    body = await gql(http, token_for("qa", sub=QA), CREATE, input=note_input())
    assert body["data"] == {"createNote": None}
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    async with store.connect() as connection:
        denied = await connection.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(AuditLog.actor == QA, AuditLog.action == "denied:note.create")
        )
    assert denied == 1


async def test_anonymous_writes_are_unauthenticated(http: httpx.AsyncClient) -> None:
    body = await gql(http, None, CREATE, input=note_input())
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_edit_keeps_history_and_a_stale_version_is_a_conflict(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    note_id = (await create(http, token))["note"]["id"]

    edit = {"id": note_id, "expectedVersion": 1, "subject": "Delivery moved", "tags": ["late"]}
    updated = (await gql(http, token, UPDATE, input=edit))["data"]["updateNote"]
    stale = (await gql(http, token, UPDATE, input=edit | {"subject": "x"}))["data"]["updateNote"]
    history = (await gql(http, token, HISTORY, id=note_id))["data"]["note"]

    assert updated["errors"] == []
    assert updated["note"]["version"] == 2
    assert [e["code"] for e in stale["errors"]] == ["CONFLICT"]
    assert stale["errors"][0]["field"] == "expectedVersion"
    assert [e["node"] for e in history["history"]["edges"]] == [
        {
            "version": 2,
            "editorId": SALES_1,
            "changes": [
                {"field": "subject", "before": "Asked about delivery", "after": "Delivery moved"},
                {"field": "tags", "before": ["delivery"], "after": ["late"]},
            ],
        }
    ]


async def test_another_agents_note_is_forbidden_but_a_manager_edits_any(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    note_id = (await create(http, token_for("sales", sub=SALES_1)))["note"]["id"]
    edit = {"id": note_id, "expectedVersion": 1, "pinned": True}

    other = await gql(http, token_for("sales", sub=SALES_2), UPDATE, input=edit)
    manager = await gql(http, token_for("manager", sub=MANAGER), UPDATE, input=edit)

    assert other["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert manager["data"]["updateNote"]["note"]["version"] == 2


async def test_a_wrong_note_id_is_a_not_found_user_error(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    edit = {"id": "no-such-note", "expectedVersion": 1, "subject": "x"}
    body = await gql(http, token_for("sales", sub=SALES_1), UPDATE, input=edit)
    assert body["data"]["updateNote"] == {
        "note": None,
        "errors": [
            {"field": "id", "code": "NOT_FOUND", "message": "note 'no-such-note' not found"}
        ],
    }


async def test_delete_then_restore(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    token = token_for("sales", sub=SALES_1)
    note_id = (await create(http, token))["note"]["id"]

    deleted = await gql(http, token, DELETE, id=note_id)
    hidden = await gql(http, token, HISTORY, id=note_id)
    restored = await gql(http, token, RESTORE, id=note_id)

    assert deleted["data"]["deleteNote"]["errors"] == []
    assert hidden["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert restored["data"]["restoreNote"] == {"note": {"id": note_id, "version": 3}, "errors": []}


async def test_concurrent_updates_with_one_version_let_exactly_one_win(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    database_backend: Backend,
    store: AsyncEngine,
) -> None:
    # PostgreSQL queues the second editor on the row lock; SQLite on its database write lock.
    token = token_for("sales", sub=SALES_1)
    note_id = (await create(http, token))["note"]["noteId"]

    async def edit(subject: str) -> dict[str, Any]:
        edit = {"id": note_id, "expectedVersion": 1, "subject": subject}
        payload: dict[str, Any] = (await gql(http, token, UPDATE, input=edit))["data"]["updateNote"]
        return payload

    results = await asyncio.gather(*(edit(f"edit {i}") for i in range(2)))

    assert sorted(bool(r["note"]) for r in results) == [False, True]
    loser = next(r for r in results if r["note"] is None)
    assert [e["code"] for e in loser["errors"]] == ["CONFLICT"]
    async with store.connect() as connection:
        version = await connection.scalar(select(Note.version).where(Note.id == note_id))
        assert version == 2
        assert await connection.scalar(select(Customer.id).where(Customer.id == CUSTOMER))


async def test_a_retry_with_the_same_idempotency_key_returns_the_first_note(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    key = f"widget-{uuid.uuid4()}"
    first = await create(http, token, subject="Lost answer", idempotencyKey=key, creationMs=900)
    # The client never saw that answer; it sends the same note again (its timer moved on).
    again = await create(http, token, subject="Lost answer", idempotencyKey=key, creationMs=4200)

    assert first["errors"] == []
    assert again["errors"] == []
    assert again["note"] == first["note"]
    note_id = first["note"]["noteId"]
    async with store.connect() as connection:
        assert (
            await connection.scalar(
                select(func.count()).select_from(Note).where(Note.subject == "Lost answer")
            )
            == 1
        )
        audits = select(func.count()).select_from(AuditLog).where(AuditLog.target_id == note_id)
        assert await connection.scalar(audits) == 1
        outboxed = (
            select(func.count()).select_from(SearchOutbox).where(SearchOutbox.note_id == note_id)
        )
        assert await connection.scalar(outboxed) == 1

    # The key is the author's: another agent's identical key makes that agent's own note.
    other = await create(
        http, token_for("sales", sub=SALES_2), subject="Lost answer", idempotencyKey=key
    )
    assert other["errors"] == []
    assert other["note"]["noteId"] != note_id


async def test_an_idempotency_key_reused_for_another_note_or_malformed_is_refused(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    key = f"widget-{uuid.uuid4()}"
    assert (await create(http, token, subject="First", idempotencyKey=key))["errors"] == []

    reused = await create(http, token, subject="Something else", idempotencyKey=key)
    malformed = await create(http, token, subject="Short key", idempotencyKey="abc")

    assert reused == {
        "note": None,
        "errors": [
            {
                "field": "idempotencyKey",
                "code": "CONFLICT",
                "message": "this idempotencyKey was already used for a different note",
            }
        ],
    }
    assert malformed["note"] is None
    assert [(e["field"], e["code"]) for e in malformed["errors"]] == [("idempotencyKey", "INVALID")]


async def test_concurrent_requests_with_one_idempotency_key_make_one_note(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    key = f"widget-{uuid.uuid4()}"
    subject = f"Double click {key[-6:]}"

    results = await asyncio.gather(
        *(create(http, token, subject=subject, idempotencyKey=key) for _ in range(4))
    )

    assert all(result["errors"] == [] for result in results), results
    assert len({result["note"]["id"] for result in results}) == 1
    async with store.connect() as connection:
        made = select(func.count()).select_from(Note).where(Note.subject == subject)
        assert await connection.scalar(made) == 1
