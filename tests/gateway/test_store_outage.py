"""A store that cannot be reached answers STORE_UNAVAILABLE, a code a client can retry on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.settings import Settings
from devservices.ports import free_port
from gateway.auth import mint_token
from tests.fixtures.app import serve_in_thread, sqlite_settings


def _down_store(kind: str, directory: Path) -> str:
    if kind == "postgres":
        return f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/c360"  # nothing listens
    unreadable = directory / "store-is-a-directory"
    unreadable.mkdir()
    return f"sqlite+aiosqlite:///{unreadable}"


@pytest.fixture(scope="module", params=["postgres", "sqlite"])
def outage_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    directory = tmp_path_factory.mktemp("outage")
    return sqlite_settings(
        directory,
        database_url=_down_store(request.param, directory),
        search_embedded_path=directory / "search.db",
        search_indexer=False,
    )


@pytest.fixture(scope="module")
def outage_url(outage_settings: Settings) -> Iterator[str]:
    with serve_in_thread(outage_settings) as url:
        yield url


@pytest.mark.parametrize(
    "query",
    [
        "{ customers(first: 1) { totalCount } }",
        '{ customer(id: "cust-00001") { name } }',
        '{ note(id: "n-1") { id } }',
        "{ noteReport(groupBy: TYPE) { edges { node { key count } } } }",
        "{ myFollowUps { edges { node { id } } } }",
    ],
)
async def test_a_store_outage_is_store_unavailable(
    outage_url: str, outage_settings: Settings, query: str
) -> None:
    token = mint_token(outage_settings, subject="agent-1", roles=("admin",))
    async with httpx.AsyncClient(base_url=outage_url, timeout=20) as client:
        response = await client.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 200, response.text
    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == ["STORE_UNAVAILABLE"], errors
    assert "Traceback" not in response.text
    assert "sqlalche" not in response.text.lower()


async def test_a_persisted_query_during_an_outage_is_store_unavailable(
    outage_url: str, outage_settings: Settings
) -> None:
    token = mint_token(outage_settings, subject="agent-1", roles=("admin",))
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": "a" * 64}}
    async with httpx.AsyncClient(base_url=outage_url, timeout=20) as client:
        response = await client.post(
            "/graphql",
            json={"extensions": persisted},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 200, response.text
    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == ["STORE_UNAVAILABLE"], errors
    assert "Traceback" not in response.text
