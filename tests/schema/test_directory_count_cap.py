"""`customers(query:)` over HTTP: totalCount exact up to 1000, then 1000 with
totalCountCapped; the folded search keeps its case- and punctuation-insensitive matches."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select

from store.directory import COUNT_CAP
from store.models import Customer
from tests.fixtures.app import TokenFactory
from tests.fixtures.seeded import SeededStore
from tests.fixtures.served_gateways import on_seeded_store
from tests.schema.native_gateway import gql

QUERY = """query S($q: String!) {
  customers(query: $q, first: 3) { totalCount totalCountCapped edges { node { customerId } } }
}"""


gateway_settings = on_seeded_store()


@pytest.fixture(scope="module")
async def many_alikes(seeded_store: SeededStore) -> str:
    """COUNT_CAP + 1 customers named alike, in a branch of the seeded store."""
    async with seeded_store.sessions() as session:
        branch = await session.scalar(select(Customer.branch_id).limit(1))
        await session.execute(
            insert(Customer),
            [
                {"id": f"alike-{i:05d}", "name": f"Quennell-Alike {i:05d}", "branch_id": branch}
                for i in range(COUNT_CAP + 1)
            ],
        )
        await session.commit()
    return "quennellalike"


async def _search(http: httpx.AsyncClient, token: str, q: str) -> dict[str, Any]:
    body = await gql(http, token, QUERY, q=q)
    assert "errors" not in body, body
    return dict(body["data"]["customers"])


async def test_counts_beyond_the_cap_are_marked(
    http: httpx.AsyncClient, token_for: TokenFactory, many_alikes: str
) -> None:
    capped = await _search(http, token_for("admin"), "QUENNELL alike")
    assert (capped["totalCount"], capped["totalCountCapped"]) == (COUNT_CAP, True)
    assert [e["node"]["customerId"] for e in capped["edges"]] == [
        "alike-00000",
        "alike-00001",
        "alike-00002",
    ]
    exact = await _search(http, token_for("admin"), "Quennell-Alike 0001")
    assert (exact["totalCount"], exact["totalCountCapped"]) == (10, False)
