"""`python -m gateway sync-agents` as an operator runs it, against the demo CRM's staff table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from core.settings import REPO_ROOT


def _gateway(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("C360_") and key not in {"DATABASE_URL", "OPENSEARCH_URL"}
    }
    env.update(
        C360_DATA_DIR=str(tmp_path),
        C360_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        C360_LOG_JSON="true",
        C360_ENVIRONMENT="development",
        PYTHONUNBUFFERED="1",
    )
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_sync_agents_adopts_the_demo_staff_then_has_nothing_to_do(tmp_path: Path) -> None:
    # Given a seeded store and the demo upstreams (started by the command itself)
    assert _gateway(tmp_path, "migrate").returncode == 0
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert seeded.returncode == 0, seeded.stderr

    # When the staff directory is synced twice
    first = _gateway(tmp_path, "sync-agents", "--no-progress")
    second = _gateway(tmp_path, "sync-agents", "--no-progress")

    # Then the first run adopts the demo's agents and the second writes nothing
    assert first.returncode == 0, first.stderr
    adopted = re.search(r"0 inserted, (\d+) updated, 0 deactivated", _said(first))
    assert adopted is not None, _said(first)
    assert int(adopted.group(1)) >= 21
    assert second.returncode == 0, second.stderr
    assert "0 inserted, 0 updated, 0 deactivated" in _said(second)


def _said(result: subprocess.CompletedProcess[str]) -> str:
    # The console wraps long lines: compare words, not line breaks.
    return " ".join((result.stdout + result.stderr).split())
