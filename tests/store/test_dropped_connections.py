"""The pool does not ping before every checkout; a connection the server dropped costs one
retry, not a failed request: after pg_terminate_backend of every gateway connection, the next
request (rate-limit spend, customer and notes reads) still answers, and is counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import select

from core.settings import Settings
from devservices.postgres import ExternalPostgres, PostgresServer
from gateway.auth import mint_token
from store import db
from store.db import create_engine
from store.models import Customer
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore

pytestmark = [pytest.mark.postgres]

QUERY = """query($id: ID!) { customer(id: $id) { id name
  notes(first: 5) { totalCount edges { node { id tags } } } } }"""


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the pool and its disconnects are asyncpg's."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def test_checkouts_are_not_pinged_unless_the_connection_sat_idle(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(database_url)
    pings: list[object] = []
    original = engine.sync_engine.dialect.do_ping

    def counting(dbapi_connection: Any) -> bool:
        pings.append(dbapi_connection)
        return original(dbapi_connection)

    monkeypatch.setattr(engine.sync_engine.dialect, "do_ping", counting)
    try:
        for _ in range(3):
            async with engine.connect() as connection:
                await connection.scalar(select(1))
        assert pings == []  # busy connections: no round trips in front of the statement
        monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
        async with engine.connect() as connection:
            await connection.scalar(select(1))
        assert len(pings) == 1  # an idle one is pinged first
    finally:
        await engine.dispose()


async def test_the_next_request_after_the_server_dropped_every_connection_answers(
    seeded_store: SeededStore, database_url: str, tmp_path: Path
) -> None:
    settings: Settings = sqlite_settings(
        tmp_path,
        database_url=database_url,
        search_embedded_path=tmp_path / "search.db",
        search_indexer=False,
    )
    async with seeded_store.sessions() as session:
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    token = mint_token(settings, subject="agent-2", roles=("manager",))
    with serve_in_thread(settings) as url:
        async with httpx.AsyncClient(
            base_url=url, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as client:

            async def ask() -> tuple[dict[str, object], int]:
                response = await client.post(
                    "/graphql", json={"query": QUERY, "variables": {"id": customer}}
                )
                assert response.status_code == 200, response.text
                body: dict[str, object] = response.json()
                assert "errors" not in body, body
                # Counted by the rate limiter, not skipped as if the store were down.
                return body, int(response.headers["RateLimit-Remaining"])

            first, remaining = await ask()
            for _ in range(2):
                admin = await asyncpg.connect(_plain(database_url))
                try:
                    killed = await admin.fetchval(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                finally:
                    await admin.close()
                assert killed >= 1  # the gateway's pooled connections (and the fixture's)
                body, left = await ask()
                assert body == first
                assert left < remaining
                remaining = left
