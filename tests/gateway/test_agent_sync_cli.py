"""`python -m gateway sync-agents` as an operator runs it, against the demo CRM's staff table."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.fixtures.cli import run_gateway, said


def _gateway(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_gateway(
        *args,
        settings={
            "C360_DATA_DIR": str(tmp_path),
            "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
            "C360_LOG_JSON": "true",
            "C360_ENVIRONMENT": "development",
            "PYTHONUNBUFFERED": "1",
        },
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
    adopted = re.search(r"0 inserted, (\d+) updated, 0 deactivated", said(first))
    assert adopted is not None, said(first)
    assert int(adopted.group(1)) >= 21
    assert second.returncode == 0, second.stderr
    assert "0 inserted, 0 updated, 0 deactivated" in said(second)
