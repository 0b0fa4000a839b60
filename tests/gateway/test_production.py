"""Production is the default and fails closed: what it refuses to start with, and what a
running production gateway shows anonymous callers (no schema, no suggestions, no demo tokens)
and writes for them (a bounded sample of 401s, however many arrive)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from core.settings import DEVELOPMENT_JWT_SECRET, REPO_ROOT, Environment, Settings
from gateway.app import create_app
from gateway.auth import mint_token
from schema import SDL_PATH
from store.db import create_engine, session_factory
from store.migrate import async_upgrade
from store.models import AuditLog
from tests.fixtures.app import PRODUCTION_ENCRYPTION_KEYS, serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import run_async

SECRET = "production-secret-for-tests-0123456789abcdef"
ENCRYPTION_KEY = PRODUCTION_ENCRYPTION_KEYS


def test_production_is_the_default_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("C360_ENVIRONMENT", raising=False)
    settings = Settings()
    assert settings.environment is Environment.PRODUCTION
    assert not settings.graphiql_enabled
    assert not settings.introspection_enabled
    assert settings.mask_errors_enabled
    assert not settings.demo_enabled


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({}, "C360_JWT_PUBLIC_KEY or C360_JWT_SECRET"),
        ({"jwt_secret": DEVELOPMENT_JWT_SECRET}, "C360_JWT_SECRET is the development secret"),
        ({"jwt_secret": "a"}, "C360_JWT_SECRET must be at least 32 bytes"),
        ({"jwt_secret": SECRET, "demo": True}, "C360_DEMO"),
        ({"jwt_secret": SECRET}, "C360_ENCRYPTED_SCOPES needs a key"),
    ],
    ids=["no-key", "development-secret", "short-secret", "demo", "no-encryption-key"],
)
def test_production_refuses_to_start_with_an_unsafe_configuration(
    tmp_path: Path, values: dict[str, Any], named: str
) -> None:
    settings = sqlite_settings(tmp_path, environment="production", **values)
    with pytest.raises(ValueError, match=named):
        create_app(settings)


def _cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("C360_") and key not in {"DATABASE_URL", "OPENSEARCH_URL"}
    }
    env.update(C360_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}", **extra)
    return env


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        ((), {}, "C360_JWT_PUBLIC_KEY or C360_JWT_SECRET"),
        (("--host", "0.0.0.0"), {"C360_ENVIRONMENT": "development"}, "loopback"),  # noqa: S104
    ],
    ids=["production-without-a-key", "development-on-all-interfaces"],
)
def test_serve_refuses_to_start_and_names_the_setting(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], named: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve", *args],
        cwd=REPO_ROOT,
        env=_cli_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert named in result.stderr + result.stdout


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A production gateway (own secret) over a migrated SQLite store."""
    settings = sqlite_settings(
        tmp_path_factory.mktemp("production"),
        environment="production",
        jwt_secret=SECRET,
        encryption_keys=ENCRYPTION_KEY,
        graphiql=None,
        search_indexer=False,
    )
    run_async(async_upgrade(settings.database_url))
    with serve_in_thread(settings) as url:
        yield url, settings


async def test_errors_suggest_no_field_names_in_production(
    production: tuple[str, Settings],
) -> None:
    url, settings = production
    token = mint_token(settings, subject="agent-1", roles=["sales"])
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ me { subjec } }"},
            headers={"Authorization": f"Bearer {token}"},
        )
    message = response.json()["errors"][0]["message"]
    assert "subjec" in message
    assert "Did you mean" not in message
    assert "subject" not in message.replace("subjec", "")


async def test_the_sdl_needs_a_token_in_production(production: tuple[str, Settings]) -> None:
    url, settings = production
    token = mint_token(settings, subject="agent-1", roles=["sales"])
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        anonymous = await client.get("/schema.graphql")
        signed_in = await client.get(
            "/schema.graphql", headers={"Authorization": f"Bearer {token}"}
        )
    assert anonymous.status_code == 401
    assert "type Query" not in anonymous.text
    assert signed_in.status_code == 200
    assert signed_in.text == SDL_PATH.read_text()


async def test_no_demo_page_or_token_endpoint_in_production(
    production: tuple[str, Settings],
) -> None:
    url, _ = production
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        minted = await client.post("/demo/token", json={"role": "owner", "sub": "mallory"})
        page = await client.get("/demo")
    assert minted.status_code == 404
    assert page.status_code == 404


async def _rejection_rows(settings: Settings) -> tuple[int, int]:
    engine = create_engine(settings.database_url)
    try:
        async with session_factory(engine)() as session:
            rows = list(
                await session.scalars(
                    select(AuditLog).where(AuditLog.action == "denied:authenticate")
                )
            )
            assert await session.scalar(select(func.count()).select_from(AuditLog)) == len(rows)
    finally:
        await engine.dispose()
    longest = max((len(str(row.detail)) + len(row.request_id or "") for row in rows), default=0)
    return len(rows), longest


async def test_a_flood_of_bad_tokens_is_counted_but_cannot_grow_the_audit_log(
    production: tuple[str, Settings],
) -> None:
    # Given an anonymous client sending garbage tokens with 60 KB paths and request ids
    url, settings = production
    before, _ = await _rejection_rows(settings)
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        for attempt in range(40):
            response = await client.get(
                "/x" * 30_000,
                headers={"Authorization": f"Bearer garbage.{attempt}.x", "X-Request-ID": "r" * 60},
            )
            assert response.status_code == 401
        metrics = (await client.get("/metrics")).text

    # Then every refusal is counted, while the audit log gains one short row
    assert 'c360_auth_rejections_total{reason="malformed"} 40.0' in metrics
    after, longest = await _rejection_rows(settings)
    assert after - before == 1
    assert longest < 1_000


async def test_a_production_deployment_may_publish_its_schema(tmp_path: Path) -> None:
    settings = sqlite_settings(
        tmp_path,
        environment="production",
        jwt_secret=SECRET,
        encryption_keys=ENCRYPTION_KEY,
        publish_schema=True,
    )
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        response = await client.get("/schema.graphql")
    assert response.status_code == 200
    assert response.text == SDL_PATH.read_text()
