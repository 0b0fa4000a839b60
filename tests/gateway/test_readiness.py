"""/readyz names the component that is down and answers 503; /healthz stays up."""

from __future__ import annotations

import httpx
import pytest

from core.settings import Settings
from devservices.ports import free_port
from tests.fixtures.app import sqlite_settings


@pytest.fixture(scope="module")
def gateway_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A gateway whose store and search point at ports where nothing listens."""
    return sqlite_settings(
        tmp_path_factory.mktemp("down"),
        database_url=f"postgresql+asyncpg://nobody@127.0.0.1:{free_port()}/none",
        opensearch_url=f"http://127.0.0.1:{free_port()}",
    )


async def test_readyz_is_503_and_names_each_component_down(http: httpx.AsyncClient) -> None:
    response = await http.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["components"]["store"]["status"] == "down"
    assert body["components"]["search"]["status"] == "down"
    assert "OpenSearch" in body["components"]["search"]["detail"]


async def test_healthz_stays_up_when_dependencies_are_down(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).status_code == 200
