"""Policy reload without a restart: by the admin mutation, and by the file watcher."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import REPO_ROOT, Settings
from tests.fixtures.app import TokenFactory
from tests.fixtures.seeded import SeededStore

RELOAD = "mutation { reloadPolicy { files } }"
SCOPES = "{ me { permissions { readableScopes } } }"


@pytest.fixture(scope="module")
def policy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("policy") / "policies"
    shutil.copytree(REPO_ROOT / "policies", target, ignore=shutil.ignore_patterns("*.py"))
    return target


@pytest.fixture(scope="module")
def gateway_settings(seeded_store: SeededStore, policy_dir: Path) -> Settings:
    return seeded_store.settings.model_copy(
        update={"policy_dir": policy_dir, "policy_reload_seconds": 0.2, "log_level": "WARNING"}
    )


async def _post(http: httpx.AsyncClient, token: str, query: str) -> Any:
    response = await http.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.json()


async def _sales_scopes(http: httpx.AsyncClient, token_for: TokenFactory) -> list[str]:
    body = await _post(http, token_for("sales"), SCOPES)
    scopes: list[str] = body["data"]["me"]["permissions"]["readableScopes"]
    return scopes


async def test_only_an_admin_may_reload(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    refused = await _post(http, token_for("sales"), RELOAD)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    done = await _post(http, token_for("admin"), RELOAD)
    assert "note_scopes.csv" in done["data"]["reloadPolicy"]["files"]


async def test_a_policy_edit_takes_effect_without_a_restart(
    http: httpx.AsyncClient, token_for: TokenFactory, policy_dir: Path
) -> None:
    assert "FINANCE" not in await _sales_scopes(http, token_for)
    scopes = policy_dir / "note_scopes.csv"
    original = scopes.read_text()
    try:
        scopes.write_text(original + "p, sales, scope:finance, read\n")
        await _post(http, token_for("admin"), RELOAD)
        assert "FINANCE" in await _sales_scopes(http, token_for)
    finally:
        scopes.write_text(original)
        await _post(http, token_for("admin"), RELOAD)
    assert "FINANCE" not in await _sales_scopes(http, token_for)


async def test_the_watcher_picks_up_a_changed_file(
    http: httpx.AsyncClient, token_for: TokenFactory, policy_dir: Path
) -> None:
    scopes = policy_dir / "note_scopes.csv"
    original = scopes.read_text()
    try:
        scopes.write_text(original + "p, sales, scope:branch, read\n")
        for _ in range(50):
            if "BRANCH" in await _sales_scopes(http, token_for):
                break
            await asyncio.sleep(0.1)
        assert "BRANCH" in await _sales_scopes(http, token_for)
    finally:
        scopes.write_text(original)
        await _post(http, token_for("admin"), RELOAD)


async def _admin_reload(http: httpx.AsyncClient, token_for: TokenFactory) -> Any:
    return await _post(http, token_for("admin"), RELOAD)


async def _wait_for(condition: Callable[[], Awaitable[bool]]) -> bool:
    for _ in range(50):
        if await condition():
            return True
        await asyncio.sleep(0.1)
    return False


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        pytest.param(
            "p, sales, scope:finance\n", "has 3 values, this one has 2", id="missing-column"
        ),
        pytest.param("this is not a policy line\n", "unknown line type", id="garbage"),
        pytest.param("p, sales, scope:finanse, read\n", "unknown permission", id="typo"),
        pytest.param("p, sales, scope:finance, read, extra\n", "this one has 4", id="extra-column"),
    ],
)
async def test_a_broken_edit_is_refused_and_the_previous_policy_stays_in_force(
    http: httpx.AsyncClient, token_for: TokenFactory, policy_dir: Path, broken: str, reason: str
) -> None:
    scopes = policy_dir / "note_scopes.csv"
    original = scopes.read_text()
    line_number = len(original.splitlines()) + 1
    try:
        scopes.write_text(original + broken)
        await asyncio.sleep(0.6)  # the watcher (every 0.2 s) has seen and refused the edit
        me = await _post(http, token_for("sales"), "{ me { subject } }")
        assert me == {"data": {"me": {"subject": "agent-1"}}}
        assert "FINANCE" not in await _sales_scopes(http, token_for)
        refused = await _admin_reload(http, token_for)
        error = refused["errors"][0]
        assert error["extensions"]["code"] == "INVALID"
        assert f"note_scopes.csv:{line_number}" in error["message"]
        assert reason in error["message"]
        assert "FINANCE" not in await _sales_scopes(http, token_for)
        # The fix is picked up by the watcher like any other edit.
        scopes.write_text(original + "p, sales, scope:finance, read\n")

        async def finance_readable() -> bool:
            return "FINANCE" in await _sales_scopes(http, token_for)

        assert await _wait_for(finance_readable)
    finally:
        scopes.write_text(original)
        await _admin_reload(http, token_for)
    assert "FINANCE" not in await _sales_scopes(http, token_for)
