"""Duplicate detection through HTTP on SQLite and PostgreSQL: createNote and logInteraction
refuse a near-copy of a recent note or interaction of the same customer with
DUPLICATE_SUSPECTED and its candidates (only ones the caller reads), write nothing, and save
once the caller confirms with `allowDuplicate`."""

from __future__ import annotations

import asyncio
import json
import uuid
from base64 import b64encode
from collections.abc import AsyncIterator
from datetime import timedelta
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from intelligence.duplicates import DEFAULT_THRESHOLD
from resolvers.context import Info
from resolvers.duplicate_writes import duplicate_check
from store.models import AuditLog, Interaction, Note, SearchOutbox, utcnow
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    MANAGER,
    SALES_1,
    SALES_2,
    gql,
    seeded_settings,
    store_engine,
)

CREATE = """
mutation Create($input: CreateNoteInput!) {
  createNote(input: $input) {
    note { id noteId subject }
    errors { field code message }
    duplicates { similarity note { id noteId subject body author { id name } createdAt } }
  }
}
"""
LOG = """
mutation L($input: LogInteractionInput!) {
  logInteraction(input: $input) {
    interaction { id interactionId subject }
    errors { field code message }
    duplicates { similarity interaction { id interactionId subject detail } }
  }
}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(
        database_url,
        tmp_path_factory.mktemp("duplicates"),
        max_body_bytes=4_000_000,
        duplicate_check=True,
    )


@pytest.fixture
async def store(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


def note_input(customer: str, **overrides: Any) -> dict[str, Any]:
    """A valid sales note."""
    values: dict[str, Any] = {
        "customerId": customer,
        "subject": "Delivery window",
        "body": "Customer called about order O-18822, wants delivery after 3pm.",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }
    return values | overrides


async def create(http: httpx.AsyncClient, token: str, customer: str, **overrides: Any) -> Any:
    """createNote's payload."""
    body = await gql(http, token, CREATE, input=note_input(customer, **overrides))
    assert "errors" not in body, body
    return body["data"]["createNote"]


async def counts(store: AsyncEngine) -> tuple[int, int, int, int]:
    """Rows of notes, interactions, audit and outbox."""
    async with store.connect() as connection:
        return tuple(  # type: ignore[return-value]
            [
                int(await connection.scalar(select(func.count()).select_from(table)) or 0)
                for table in (Note, Interaction, AuditLog, SearchOutbox)
            ]
        )


def codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["errors"]]


async def test_a_near_copy_is_refused_with_its_candidates_and_nothing_is_written(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    first = await create(http, token_for("sales", sub=SALES_1), "cust-00002")
    assert first["errors"] == []
    assert first["duplicates"] == []
    before = await counts(store)

    # Another agent retypes the same call.
    copy = await create(
        http,
        token_for("sales", sub=SALES_2),
        "cust-00002",
        subject="delivery window",
        body="Customer called re order O-18822 - wants the delivery after 3pm.",
    )

    assert copy["note"] is None
    assert codes(copy) == ["DUPLICATE_SUSPECTED"]
    assert "allowDuplicate" in copy["errors"][0]["message"]
    [candidate] = copy["duplicates"]
    assert candidate["note"]["noteId"] == first["note"]["noteId"]
    assert candidate["note"]["author"]["id"] == b64encode(f"Agent:{SALES_1}".encode()).decode()
    assert DEFAULT_THRESHOLD <= candidate["similarity"] <= 1.0
    assert await counts(store) == before  # no note, no audit row, no outbox row


async def test_confirmed_with_allow_duplicate_the_near_copy_is_saved(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    assert (await create(http, token, "cust-00003"))["errors"] == []
    refused = await create(http, token, "cust-00003")
    before = await counts(store)

    saved = await create(http, token, "cust-00003", allowDuplicate=True)

    assert codes(refused) == ["DUPLICATE_SUSPECTED"]
    assert saved["errors"] == []
    assert saved["duplicates"] == []
    assert saved["note"]["subject"] == "Delivery window"
    notes, interactions, audits, outboxed = await counts(store)
    assert (notes, interactions, audits, outboxed) == (
        before[0] + 1,
        before[1],
        before[2] + 1,
        before[3] + 1,
    )


async def test_another_customer_another_amount_or_an_old_note_is_no_duplicate(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    invoice = "Invoice INV-55210 (£1,240.00) 15 days overdue. Sent first reminder."
    first = await create(http, token, "cust-00004", body=invoice)

    other_customer = await create(http, token, "cust-00005", body=invoice)
    other_amount = await create(
        http,
        token,
        "cust-00004",
        body="Invoice INV-55211 (£2,410.00) 15 days overdue. Sent first reminder.",
    )
    # The first note was written four days ago: outside the 72-hour window.
    async with store.begin() as connection:
        await connection.execute(
            update(Note)
            .where(Note.customer_id == "cust-00004")
            .values(created_at=utcnow() - timedelta(hours=96))
        )
    old = await create(http, token, "cust-00004", body=invoice)

    assert first["errors"] == []
    for payload in (other_customer, other_amount, old):
        assert payload["errors"] == [], payload
        assert payload["note"] is not None


async def test_a_note_the_caller_cannot_read_is_never_a_candidate(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    canary = f"CANARY-{uuid.uuid4().hex}"
    text = f"Board approved the settlement for the kitchen claim {canary}."
    restricted = await create(
        http, token_for("manager", sub=MANAGER), "cust-00006", scope="RESTRICTED", body=text
    )
    assert restricted["errors"] == []
    hidden_id = restricted["note"]["id"]
    hidden_key = restricted["note"]["noteId"]

    # A sales agent writes the same words; it may not read restricted notes.
    response = await http.post(
        "/graphql",
        json={"query": CREATE, "variables": {"input": note_input("cust-00006", body=text)}},
        headers={"Authorization": f"Bearer {token_for('sales', sub=SALES_1)}"},
    )
    raw = response.text
    payload = json.loads(raw)["data"]["createNote"]

    assert payload["errors"] == []
    assert payload["duplicates"] == []
    assert payload["note"] is not None
    for secret in (hidden_id, hidden_key, "Board approved"):
        assert secret not in raw
    # The manager, who reads both, is warned about both.
    again = await create(
        http, token_for("manager", sub=MANAGER), "cust-00006", scope="RESTRICTED", body=text
    )
    assert codes(again) == ["DUPLICATE_SUSPECTED"]
    assert {c["note"]["noteId"] for c in again["duplicates"]} == {
        hidden_key,
        payload["note"]["noteId"],
    }


async def test_a_deleted_note_is_no_candidate(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)
    first = await create(http, token, "cust-00007")
    deleted = await gql(
        http,
        token,
        "mutation D($id: ID!) { deleteNote(input: {id: $id}) { errors { code } } }",
        id=first["note"]["id"],
    )
    assert deleted["data"]["deleteNote"]["errors"] == []

    assert (await create(http, token, "cust-00007"))["errors"] == []


async def test_a_retry_with_the_same_idempotency_key_returns_the_original_note(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    key = f"widget-{uuid.uuid4()}"
    first = await create(http, token, "cust-00008", idempotencyKey=key)
    before = await counts(store)

    again = await create(http, token, "cust-00008", idempotencyKey=key)
    other_key = await create(http, token, "cust-00008", idempotencyKey=f"widget-{uuid.uuid4()}")

    assert first["errors"] == []
    assert again["errors"] == []
    assert again["duplicates"] == []
    assert again["note"] == first["note"]
    assert await counts(store) == before
    # A new key is a new request: that one is a near-copy.
    assert codes(other_key) == ["DUPLICATE_SUSPECTED"]


async def test_concurrent_requests_with_one_idempotency_key_make_one_note(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    key = f"widget-{uuid.uuid4()}"

    results = await asyncio.gather(
        *(create(http, token, "cust-00009", idempotencyKey=key) for _ in range(4))
    )

    assert all(result["errors"] == [] for result in results), results
    assert len({result["note"]["id"] for result in results}) == 1
    async with store.connect() as connection:
        made = select(func.count()).select_from(Note).where(Note.customer_id == "cust-00009")
        made_now = made.where(Note.created_at >= utcnow() - timedelta(minutes=5))
        assert await connection.scalar(made_now) == 1


@pytest.mark.parametrize(
    ("customer", "subject", "body"),
    [
        pytest.param("cust-00010", "🎉", "🎉🎉 😡", id="emoji-only"),
        pytest.param("cust-00011", "Markup", "<p><b>Spec sheet</b> <i>sent</i></p>", id="html"),
        pytest.param("cust-00012", "Lieferung", "Lieferung auf den 12.12. verschoben.", id="de"),
        pytest.param("cust-00013", "配送", "客户要求周五送货 已确认", id="zh"),
        pytest.param("cust-00014", "Long", "Kitchen survey notes. " * 4_500, id="99kb"),
    ],
)
async def test_odd_texts_have_a_defined_answer(
    http: httpx.AsyncClient, token_for: TokenFactory, customer: str, subject: str, body: str
) -> None:
    token = token_for("sales", sub=SALES_1)
    first = await create(http, token, customer, subject=subject, body=body)
    again = await create(http, token, customer, subject=subject, body=body)

    assert first["errors"] == []
    assert codes(again) == ["DUPLICATE_SUSPECTED"]
    assert [c["note"]["noteId"] for c in again["duplicates"]] == [first["note"]["noteId"]]


@pytest.mark.parametrize(
    ("customer", "body", "code"),
    [
        pytest.param("cust-00015", "", "REQUIRED", id="empty"),
        pytest.param("cust-00017", "x" * 100_001, "TOO_LONG", id="over-100k"),
    ],
)
async def test_an_invalid_note_is_a_validation_error_not_a_duplicate(
    http: httpx.AsyncClient, token_for: TokenFactory, customer: str, body: str, code: str
) -> None:
    token = token_for("sales", sub=SALES_1)
    assert (await create(http, token, customer, body="x"))["errors"] == []

    payload = await create(http, token, customer, body=body)

    assert payload["note"] is None
    assert payload["duplicates"] == []
    assert codes(payload) == [code]


def interaction(customer: str, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "customerId": customer,
        "type": "CALL",
        "purpose": "SALES",
        "subject": "Quote follow-up",
        "detail": "Sent quote Q-1182 for fitted kitchen, £12,450 incl. VAT. Follow up on 14 Dec.",
    }
    return values | overrides


async def test_an_interaction_near_copy_is_refused_until_confirmed(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    first = (await gql(http, token, LOG, input=interaction("cust-00016")))["data"]
    before = await counts(store)

    copy = (
        await gql(
            http,
            token_for("sales", sub=SALES_2),
            LOG,
            input=interaction(
                "cust-00016",
                detail="Follow up on 14 Dec: quote Q-1182 sent for the fitted kitchen "
                "(£12,450 incl. VAT).",
            ),
        )
    )["data"]["logInteraction"]
    after_refusal = await counts(store)
    confirmed = (await gql(http, token, LOG, input=interaction("cust-00016", allowDuplicate=True)))[
        "data"
    ]["logInteraction"]
    other_quote = (
        await gql(
            http,
            token,
            LOG,
            input=interaction("cust-00016", detail="Sent quote Q-1190 for a bathroom, £4,100."),
        )
    )["data"]["logInteraction"]

    logged = first["logInteraction"]["interaction"]
    assert copy["interaction"] is None
    assert codes(copy) == ["DUPLICATE_SUSPECTED"]
    [candidate] = copy["duplicates"]
    assert candidate["interaction"]["interactionId"] == logged["interactionId"]
    assert candidate["similarity"] >= DEFAULT_THRESHOLD
    assert after_refusal == before
    assert confirmed["errors"] == []
    assert confirmed["interaction"] is not None
    assert other_quote["errors"] == [], other_quote


def test_the_check_follows_the_settings_and_the_confirmation() -> None:
    def info(**settings: Any) -> Info:
        values = {"environment": "test"} | settings
        return cast(Info, SimpleNamespace(context=SimpleNamespace(settings=Settings(**values))))

    check = duplicate_check(
        info(duplicate_window_hours=24, duplicate_max_compared=50), allow_duplicate=False
    )

    assert check is not None
    assert (check.window, check.threshold, check.max_compared) == (
        timedelta(hours=24),
        DEFAULT_THRESHOLD,
        50,
    )
    assert Settings(environment="test").duplicate_threshold == DEFAULT_THRESHOLD
    assert duplicate_check(info(), allow_duplicate=True) is None
    assert duplicate_check(info(duplicate_check=False), allow_duplicate=False) is None
