"""Readiness hangs on the store only: /readyz is 503 with the store down, 200 ``degraded`` with
search and every upstream down, and shows anonymous callers nothing but its status; the
details (versions, breakers, latencies) are in /health, for roles holding ``health/read``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.settings import Settings
from datasources.config import (
    BillingConfig,
    CrmConfig,
    HelpdeskConfig,
    OmsConfig,
    UpstreamConfig,
)
from devservices.ports import free_port
from gateway.auth import mint_token
from store.migrate import async_upgrade
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import run_async


def _nowhere_sql() -> str:
    return f"postgresql+asyncpg://nobody@127.0.0.1:{free_port()}/none"


@pytest.fixture(scope="module")
def gateway_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A gateway whose store and search point at ports where nothing listens."""
    return sqlite_settings(
        tmp_path_factory.mktemp("down"),
        database_url=_nowhere_sql(),
        opensearch_url=f"http://127.0.0.1:{free_port()}",
        search_indexer=False,
        log_json=True,
    )


async def test_readyz_is_503_with_the_store_down_and_says_nothing_more(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


async def test_healthz_stays_up_when_dependencies_are_down(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).status_code == 200


@pytest.fixture(scope="module")
def degraded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A gateway whose store answers, while search and every upstream are down."""
    directory: Path = tmp_path_factory.mktemp("degraded")
    settings = sqlite_settings(
        directory,
        opensearch_url=f"http://127.0.0.1:{free_port()}",
        search_indexer=False,
        # One JSON line per failed check: the console renderer's rich tracebacks would stall
        # the event loop for seconds and time the store check out.
        log_json=True,
    )
    run_async(async_upgrade(settings.database_url))
    nowhere = f"http://127.0.0.1:{free_port()}"
    upstreams = UpstreamConfig(
        crm=CrmConfig(url=_nowhere_sql()),
        oms=OmsConfig(url=_nowhere_sql()),
        billing=BillingConfig(url=_nowhere_sql()),
        helpdesk=HelpdeskConfig(base_url=nowhere),
    )
    with serve_in_thread(settings, upstreams) as url:
        yield url, settings


async def test_readyz_stays_200_degraded_when_search_and_upstreams_are_down(
    degraded: tuple[str, Settings],
) -> None:
    url, _ = degraded
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        response = await client.get("/readyz")
    assert response.status_code == 200
    # No versions, breaker states or component names for anonymous callers.
    assert response.json() == {"status": "degraded"}


async def test_health_shows_each_component_to_roles_that_may_read_it(
    degraded: tuple[str, Settings],
) -> None:
    url, settings = degraded
    admin = mint_token(settings, subject="ops-1", roles=["admin"])
    sales = mint_token(settings, subject="agent-1", roles=["sales"])
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        anonymous = await client.get("/health")
        refused = await client.get("/health", headers={"Authorization": f"Bearer {sales}"})
        shown = await client.get("/health", headers={"Authorization": f"Bearer {admin}"})
    assert anonymous.status_code == 401
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = shown.json()
    assert shown.status_code == 200, body
    assert body["status"] == "degraded"
    components = body["components"]
    assert components["store"] == {**components["store"], "status": "up", "detail": "sqlite"}
    assert components["search"]["status"] == "down"
    assert "OpenSearch" in components["search"]["detail"]
    assert components["upstream:helpdesk"]["status"] == "down"
    assert {"upstream:crm", "upstream:oms", "upstream:billing"} <= set(components)
