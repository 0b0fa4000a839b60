"""`python -m gateway …` as a user runs it: real subprocesses, real files, real HTTP."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import jwt
import pytest
from rich.console import Console
from rich.progress import Progress as RichProgress

from core.settings import REPO_ROOT, Settings
from devservices.ports import free_port
from gateway.cli import Bars


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("C360_") and key not in {"DATABASE_URL", "OPENSEARCH_URL"}
    }
    env.update(
        C360_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        C360_ATTACHMENTS_DIR=str(tmp_path / "attachments"),
        C360_LOG_JSON="true",
        C360_ENVIRONMENT="development",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def _gateway(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        cwd=REPO_ROOT,
        env=_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_token_mints_a_verifiable_jwt(tmp_path: Path) -> None:
    result = _gateway(
        tmp_path, "token", "--role", "branch", "--sub", "agent-7", "--branch", "north"
    )
    assert result.returncode == 0, result.stderr
    settings = Settings()
    claims = jwt.decode(
        result.stdout.strip(),
        settings.jwt_secret.get_secret_value(),
        algorithms=["HS256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
    )
    assert claims["sub"] == "agent-7"
    assert claims["roles"] == ["branch"]
    assert claims["branches"] == ["north"]


def test_token_without_a_secret_in_production_is_one_clear_line(tmp_path: Path) -> None:
    result = _gateway(
        tmp_path, "token", "--role", "admin", "--sub", "agent-1", C360_ENVIRONMENT="production"
    )
    assert result.returncode == 2
    assert "C360_JWT_SECRET" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not result.stdout.startswith("ey"), "no token may be printed"


def test_migrate_seed_and_refuse_a_second_seed(tmp_path: Path) -> None:
    migrated = _gateway(tmp_path, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress")
    assert seeded.returncode == 0, seeded.stderr
    assert "notes" in seeded.stderr
    # The demo's files (a PDF, a PNG and a text per customer for three), private to the gateway.
    files = [path for path in (tmp_path / "attachments").rglob("*") if path.is_file()]
    assert len(files) == 9
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o600}
    again = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress")
    assert again.returncode == 1
    assert "Traceback" not in again.stderr
    down = _gateway(tmp_path, "migrate", "--down", "--revision", "base")
    assert down.returncode == 0, down.stderr


def test_the_jobs_run_end_to_end_on_one_store(tmp_path: Path) -> None:
    # Given a migrated store seeded without its search index
    assert _gateway(tmp_path, "migrate").returncode == 0
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert seeded.returncode == 0, seeded.stderr

    # When the jobs run one after the other
    reindexed = _gateway(tmp_path, "reindex", "--batch-size", "50")
    letters = _gateway(tmp_path, "search-dead-letters", "--redrive")
    redriven = _gateway(tmp_path, "redrive", "--no-progress")

    # Then each reports what it did and exits 0
    assert reindexed.returncode == 0, reindexed.stderr
    assert re.search(r"reindexed 1\d\d notes into embedded index", reindexed.stderr)
    assert letters.returncode == 0, letters.stderr
    assert "search dead letters" in letters.stderr
    assert "outbox depth: 0" in letters.stderr
    assert redriven.returncode == 0, redriven.stderr
    assert "redrive: 0 attempted, 0 resolved, 0 still failing" in redriven.stderr


def test_progress_bars_draw_what_a_job_reports() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with RichProgress(console=console) as drawn:
        bars = Bars(drawn)
        bars.start("reindex", 40)
        bars.advance("reindex", 15)
        bars.advance("reindex", 25)
        bars.advance("customers", 3)  # a task of unknown size that never announced itself
        bars.finish("customers")
        bars.finish("reindex")
    assert {task.description: (task.completed, task.total) for task in drawn.tasks} == {
        "reindex": (40, 40),
        "customers": (3, 3),
    }
    assert "reindex" in out.getvalue()


def test_unknown_size_and_bad_settings_are_clear_errors(tmp_path: Path) -> None:
    size = _gateway(tmp_path, "seed", "--size", "enormous")
    assert size.returncode == 2
    assert "tiny" in size.stderr
    bad = _gateway(tmp_path, "token", "--role", "x", "--sub", "y", C360_PORT="not-a-port")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def test_a_job_on_a_store_not_yet_migrated_says_so_in_one_line(tmp_path: Path) -> None:
    # Given a new data directory whose store was never migrated
    result = _gateway(tmp_path, "score-risk", "--no-progress", C360_DATA_DIR=str(tmp_path))

    # Then the job stops with one line naming the way out, not a traceback
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    said = " ".join((result.stdout + result.stderr).split())
    assert "not migrated yet? run `python -m gateway migrate` first" in said


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gateway", "serve", "--prepare", "--port", str(port)],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            assert process.poll() is None, process.communicate()[1]
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        process.stderr.close()


def test_serve_prepare_runs_the_embedded_default(
    served: tuple[str, subprocess.Popen[str]], tmp_path: Path
) -> None:
    url, process = served
    token = _gateway(tmp_path, "token", "--role", "admin", "--sub", "agent-1").stdout.strip()
    ready = httpx.get(f"{url}/readyz", timeout=5)
    assert ready.status_code == 200, ready.text
    answer = httpx.post(
        f"{url}/graphql",
        json={"query": "{ customers(first: 5) { totalCount } }"},
        headers={"Authorization": f"Bearer {token}", "X-Request-ID": "cli-test-1"},
        timeout=5,
    )
    assert answer.json()["data"]["customers"]["totalCount"] == 200
    page = httpx.get(f"{url}/graphql", headers={"Accept": "text/html"}, timeout=5)
    assert "graphiql" in page.text.lower()
    process.terminate()
    _, stderr = process.communicate(timeout=30)
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("event") == "request"]
    assert any(line.get("request_id") == "cli-test-1" for line in requests)
    assert all("request_id" in line for line in requests)
