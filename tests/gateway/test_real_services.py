"""The gateway on its production parts: PostgreSQL store and OpenSearch search, both real."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from devservices.postgres import create_database, drop_database
from gateway.auth import mint_token
from store.migrate import async_upgrade
from tests.fixtures.app import serve_in_thread

pytestmark = [pytest.mark.postgres, pytest.mark.opensearch]


@pytest.fixture(scope="module")
async def production_settings(
    postgres_server: Any, opensearch_server: Any
) -> AsyncIterator[Settings]:
    """Settings for a gateway on a fresh, migrated PostgreSQL database and the real OpenSearch."""
    url = await create_database(postgres_server.admin_dsn, "gateway_real_services")
    await async_upgrade(url)
    yield Settings(
        environment="test",
        database_url=url,
        opensearch_url=opensearch_server.url,
        log_json=False,
        log_level="WARNING",
    )
    await drop_database(postgres_server.admin_dsn, "gateway_real_services")


@pytest.fixture(scope="module")
def real_gateway_url(production_settings: Settings) -> Iterator[str]:
    with serve_in_thread(production_settings) as url:
        yield url


async def test_readyz_and_health_are_up_on_postgresql_and_opensearch(
    real_gateway_url: str, opensearch_server: Any, production_settings: Settings
) -> None:
    token = mint_token(production_settings, subject="ops-1", roles=["admin"])
    async with httpx.AsyncClient(base_url=real_gateway_url) as client:
        ready = await client.get("/readyz")
        response = await client.get("/health", headers={"Authorization": f"Bearer {token}"})
    assert ready.status_code == 200, ready.text
    assert ready.json() == {"status": "ready"}
    body = response.json()
    assert response.status_code == 200, body
    assert body["components"]["store"]["detail"] == "postgresql"
    assert body["components"]["search"]["detail"] == f"OpenSearch {opensearch_server.version}"
