"""One runtime for the app and every job: the settings' pool reaches the engine a job uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.pool import QueuePool

from core.errors import UpstreamUnavailable
from core.settings import load_settings
from devservices.postgres import ExternalPostgres, PostgresServer
from gateway.jobs.dead_letters import dead_letters
from gateway.jobs.intake_scan import scan
from gateway.jobs.reindex import reindex
from gateway.runtime import open_runtime
from tests.fixtures.database import Backend


@pytest.fixture(autouse=True)
def _encryption_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # These settings are production's (the default), which needs a key for the restricted scope.
    monkeypatch.setenv("C360_ENCRYPTION_KEYS", "k1:" + "A" * 43 + "=")


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: SQLite has no connection pool to size."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


async def test_a_job_runs_on_the_pool_the_settings_configure(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given pool settings in the environment, as an operator sets them for the CLI
    monkeypatch.setenv("C360_DATABASE_URL", database_url)
    monkeypatch.setenv("C360_DATABASE_POOL_SIZE", "7")
    monkeypatch.setenv("C360_SEARCH_EMBEDDED_PATH", str(tmp_path / "search.db"))
    settings = load_settings()

    # When a job runs in the runtime opened from them
    async with open_runtime(settings, connect_upstreams=False) as runtime:
        report = await dead_letters(runtime)
        pool = runtime.engine.pool
        assert isinstance(pool, QueuePool)
        used = pool.checkedin()

    # Then the job's connections came from a pool of the configured size, closed afterwards
    assert report.letters == []
    assert report.outbox_depth == 0
    assert pool.size() == 7
    assert used >= 1, "the job read through the runtime's engine"
    disposed = runtime.engine.pool
    assert isinstance(disposed, QueuePool)
    assert disposed.checkedin() == 0, "the runtime disposed its engine on exit"


async def test_a_job_that_reads_upstreams_says_none_are_configured(
    database_url: str, tmp_path: Path
) -> None:
    settings = load_settings(
        database_url=database_url,
        search_embedded_path=tmp_path / "search.db",
        upstreams_file=None,
    )
    async with open_runtime(settings) as runtime:
        assert runtime.upstreams is None
        with pytest.raises(UpstreamUnavailable) as raised:
            await scan(runtime)
    assert raised.value.code == "UPSTREAM_UNAVAILABLE"


async def test_a_job_writes_the_search_index_the_gateway_reads(
    database_url: str, tmp_path: Path
) -> None:
    # Given an embedded search index configured away from its default place
    index_file = tmp_path / "elsewhere" / "search.db"
    settings = load_settings(
        database_url=database_url, opensearch_url=None, search_embedded_path=index_file
    )

    # When the reindex job runs in the runtime
    async with open_runtime(settings, connect_upstreams=False, load_policy=False) as runtime:
        report = await reindex(runtime)

    # Then it built the index the gateway's lifespan opens (the job used to ignore the setting)
    assert report.backend == "embedded"
    assert index_file.exists()
