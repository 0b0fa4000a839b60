"""Query depth limit and production defaults (introspection off, errors masked, no GraphiQL)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import PRODUCTION_ENCRYPTION_KEYS, TokenFactory, sqlite_settings

INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture(scope="module")
def gateway_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A production-like gateway with a depth limit of 0 (root fields only)."""
    directory: Path = tmp_path_factory.mktemp("limits")
    return sqlite_settings(
        directory,
        environment="production",
        jwt_secret="production-secret-for-tests-0123456789abcdef",
        encryption_keys=PRODUCTION_ENCRYPTION_KEYS,
        max_query_depth=0,
        graphiql=None,
    )


async def test_query_deeper_than_the_limit_is_rejected(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    response = await http.post(
        "/graphql",
        json={"query": "{ me { subject } }"},
        headers={"Authorization": f"Bearer {token_for('sales')}"},
    )
    body = response.json()
    assert response.status_code != 500
    assert body["data"] is None
    assert "depth" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_introspection_is_off_in_production(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": INTROSPECTION})
    body = response.json()
    assert body.get("data") is None
    assert "introspection" in body["errors"][0]["message"].lower()


async def test_graphiql_is_not_served_in_production(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql" not in response.text.lower()
