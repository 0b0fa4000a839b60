"""The development-services harness: real PostgreSQL and OpenSearch, run unprivileged."""

import os
import re
import uuid
from pathlib import Path

import asyncpg
import httpx
import pytest

from devservices.opensearch import ExternalOpenSearch, OpenSearchServer
from devservices.postgres import (
    ExternalPostgres,
    PostgresServer,
    asyncpg_dsn,
    create_database,
    database_url,
    drop_database,
)
from tests.fixtures.services import harness_only, service_unavailable

PostgresFixture = PostgresServer | ExternalPostgres
OpenSearchFixture = OpenSearchServer | ExternalOpenSearch


def process_uids(pid: int) -> list[int]:
    """The real, effective, saved and filesystem uids of a running process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return [int(uid) for uid in line.split()[1:]]
    raise AssertionError(f"no Uid line for pid {pid}")


def assert_runs_unprivileged(pid: int | None) -> None:
    """As root, the server must run as another user; otherwise as the current one."""
    assert pid is not None
    uids = process_uids(pid)
    if os.geteuid() == 0:
        assert 0 not in uids
    else:
        assert set(uids) == {os.geteuid()}


# --- URLs and the CI rule (no server needed) ---


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+asyncpg://app:secret@db.example:6543/c360?ssl=require",
        "postgresql://app:secret@db.example:6543/c360?ssl=require",
        "postgres://app:secret@db.example:6543/c360?ssl=require",
    ],
)
def test_admin_urls_are_normalised_for_asyncpg(url: str) -> None:
    assert asyncpg_dsn(url) == "postgresql://app:secret@db.example:6543/c360?ssl=require"
    assert database_url(url, "other") == (
        "postgresql+asyncpg://app:secret@db.example:6543/other?ssl=require"
    )


def test_non_postgres_urls_are_rejected() -> None:
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        asyncpg_dsn("sqlite+aiosqlite:///c360.db")


async def test_database_names_cannot_inject_sql() -> None:
    with pytest.raises(ValueError, match="invalid database name"):
        await create_database("postgresql://postgres@127.0.0.1:1/postgres", 'x"; DROP TABLE t; --')


def test_missing_service_skips_locally_and_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL unavailable: boom"):
        service_unavailable("PostgreSQL", RuntimeError("boom"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL unavailable: boom"):
        service_unavailable("PostgreSQL", RuntimeError("boom"))


# --- PostgreSQL ---


async def test_postgres_answers_select_version(postgres_server: PostgresFixture) -> None:
    connection = await asyncpg.connect(postgres_server.admin_dsn)
    try:
        version: str = await connection.fetchval("select version()")
    finally:
        await connection.close()
    assert version.split()[:2] == postgres_server.version.split()


async def test_create_and_drop_database(postgres_server: PostgresFixture) -> None:
    name = f"c360_devservices_{uuid.uuid4().hex[:8]}"
    url = await create_database(postgres_server.admin_dsn, name)
    assert url.startswith("postgresql+asyncpg://")
    assert url.endswith(f"/{name}")
    # An open session must not block the drop (WITH (FORCE)).
    session = await asyncpg.connect(asyncpg_dsn(url))
    try:
        assert await session.fetchval("select current_database()") == name
        await drop_database(postgres_server.admin_dsn, name)
    finally:
        session.terminate()
    admin = await asyncpg.connect(postgres_server.admin_dsn)
    try:
        remaining = await admin.fetchval(
            "select count(*) from pg_database where datname = $1", name
        )
    finally:
        await admin.close()
    assert remaining == 0
    await drop_database(postgres_server.admin_dsn, name)  # idempotent


def test_postgres_does_not_run_as_root(postgres_server: PostgresFixture) -> None:
    if not isinstance(postgres_server, PostgresServer):
        harness_only("DATABASE_URL server: not started by the harness")
    assert_runs_unprivileged(postgres_server.pid)


async def test_postgres_restarts_with_its_data(postgres_server: PostgresFixture) -> None:
    if not isinstance(postgres_server, PostgresServer):
        harness_only("DATABASE_URL server: not started by the harness")
    name = f"c360_restart_{uuid.uuid4().hex[:8]}"
    await create_database(postgres_server.admin_dsn, name)
    postgres_server.stop()
    postgres_server.stop()  # idempotent
    assert not postgres_server.running
    postgres_server.start()
    connection = await asyncpg.connect(postgres_server.admin_dsn)
    try:
        exists = await connection.fetchval(
            "select count(*) from pg_database where datname = $1", name
        )
    finally:
        await connection.close()
    assert exists == 1
    await drop_database(postgres_server.admin_dsn, name)


# --- OpenSearch ---


async def test_opensearch_cluster_is_healthy(opensearch_server: OpenSearchFixture) -> None:
    async with httpx.AsyncClient(base_url=opensearch_server.url) as client:
        health = (await client.get("/_cluster/health")).json()
    assert health["status"] in ("green", "yellow")
    assert re.fullmatch(r"\d+\.\d+\.\d+", opensearch_server.version)


async def test_opensearch_indexes_and_finds_a_document(
    opensearch_server: OpenSearchFixture,
) -> None:
    index = f"c360-devservices-{uuid.uuid4().hex[:8]}"
    async with httpx.AsyncClient(base_url=opensearch_server.url) as client:
        created = await client.put(f"/{index}", json={"settings": {"number_of_replicas": 0}})
        assert created.status_code == 200, created.text
        indexed = await client.put(
            f"/{index}/_doc/1", params={"refresh": "true"}, json={"name": "Ada Lovelace"}
        )
        assert indexed.status_code == 201, indexed.text
        found = await client.post(
            f"/{index}/_search", json={"query": {"match": {"name": "lovelace"}}}
        )
        await client.delete(f"/{index}")
    hits = found.json()["hits"]["hits"]
    assert [hit["_id"] for hit in hits] == ["1"]


def test_opensearch_does_not_run_as_root(opensearch_server: OpenSearchFixture) -> None:
    if not isinstance(opensearch_server, OpenSearchServer):
        harness_only("OPENSEARCH_URL server: not started by the harness")
    assert_runs_unprivileged(opensearch_server.pid)


def test_opensearch_restarts_with_its_data(opensearch_server: OpenSearchFixture) -> None:
    if not isinstance(opensearch_server, OpenSearchServer):
        harness_only("OPENSEARCH_URL server: not started by the harness")
    index = f"c360-restart-{uuid.uuid4().hex[:8]}"
    with httpx.Client(base_url=opensearch_server.url) as client:
        created = client.put(f"/{index}", json={"settings": {"number_of_replicas": 0}})
        assert created.status_code == 200, created.text
        opensearch_server.stop()
        opensearch_server.stop()  # idempotent
        with pytest.raises(httpx.ConnectError):
            client.get("/")
        opensearch_server.start()
        assert client.head(f"/{index}").status_code == 200
        client.delete(f"/{index}")
