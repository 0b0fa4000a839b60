"""`customer { notes }` over HTTP: totalCount exact up to 1000 of the customer's notes the
caller sees, then 1000 with totalCountCapped (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, insert, select

from store.models import Agent, Customer, Note
from store.note_reads import NOTES_COUNT_CAP
from tests.fixtures.app import TokenFactory
from tests.fixtures.seeded import SeededStore
from tests.fixtures.served_gateways import on_seeded_store
from tests.schema.native_gateway import gql

QUERY = """query N($id: ID!) {
  customer(id: $id) { notes(first: 3) { totalCount totalCountCapped
    pageInfo { hasNextPage } edges { node { subject } } } }
}"""
AT = datetime(2026, 1, 1, tzinfo=UTC)


gateway_settings = on_seeded_store()


@pytest.fixture(scope="module")
async def key_account(seeded_store: SeededStore) -> str:
    """A new customer with NOTES_COUNT_CAP + 2 internal notes."""
    async with seeded_store.sessions() as session:
        branch = await session.scalar(select(Customer.branch_id).limit(1))
        author = await session.scalar(select(Agent.id).order_by(Agent.id).limit(1))
        session.add(Customer(id="key-account", name="Key Account", branch_id=branch))
        await session.flush()
        await session.execute(
            insert(Note),
            [
                {
                    "id": f"00000000-0000-4000-8000-{i:012d}",
                    "customer_id": "key-account",
                    "author_id": author,
                    "subject": f"n{i}",
                    "body": "b",
                    "category": "general",
                    "type": "interaction_log",
                    "scope": "internal",
                    "created_at": AT + timedelta(minutes=i),
                    "updated_at": AT + timedelta(minutes=i),
                }
                for i in range(NOTES_COUNT_CAP + 2)
            ],
        )
        await session.commit()
    return "key-account"


async def _notes(http: httpx.AsyncClient, token: str, customer_id: str) -> dict[str, Any]:
    body = await gql(http, token, QUERY, id=customer_id)
    assert "errors" not in body, body
    return dict(body["data"]["customer"]["notes"])


async def test_a_huge_customer_counts_to_the_cap_and_says_so(
    key_account: str, http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # (key_account first: its rows are written before the gateway starts on the store)
    capped = await _notes(http, token_for("admin"), key_account)
    assert (capped["totalCount"], capped["totalCountCapped"]) == (NOTES_COUNT_CAP, True)
    assert [e["node"]["subject"] for e in capped["edges"]] == [
        f"n{NOTES_COUNT_CAP + 1}",
        f"n{NOTES_COUNT_CAP}",
        f"n{NOTES_COUNT_CAP - 1}",
    ]
    assert capped["pageInfo"]["hasNextPage"]


async def test_a_normal_customer_counts_exactly(
    http: httpx.AsyncClient, token_for: TokenFactory, seeded_store: SeededStore
) -> None:
    async with seeded_store.sessions() as session:
        customer_id, count = (
            await session.execute(
                select(Note.customer_id, func.count())
                .where(Note.deleted_at.is_(None))
                .group_by(Note.customer_id)
                .order_by(Note.customer_id)
                .limit(1)
            )
        ).one()
    exact = await _notes(http, token_for("admin"), customer_id)
    assert (exact["totalCount"], exact["totalCountCapped"]) == (count, False)
