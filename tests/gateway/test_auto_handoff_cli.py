"""`python -m gateway auto-handoff` as an operator runs it: the demo store and upstreams."""

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
        # Wide windows, so the demo's spread-out tickets and notes meet the rule.
        C360_AUTO_HANDOFF_SALES_NOTE_DAYS="400",
        C360_AUTO_HANDOFF_TICKET_DAYS="60",
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


def test_auto_handoff_hands_off_then_has_nothing_to_do(tmp_path: Path) -> None:
    # Given a seeded store and the demo upstreams (started by the command itself)
    assert _gateway(tmp_path, "migrate").returncode == 0
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert seeded.returncode == 0, seeded.stderr

    # When the rule is evaluated twice
    first = _gateway(tmp_path, "auto-handoff", "--no-progress")
    second = _gateway(tmp_path, "auto-handoff", "--no-progress")

    # Then the first run hands some customers off and the second writes nothing
    assert first.returncode == 0, first.stderr
    done = re.search(r"(\d+) handed off to support, (\d+) notes tagged", _said(first))
    assert done is not None, _said(first)
    assert int(done.group(1)) >= 1
    assert second.returncode == 0, second.stderr
    assert "0 handed off to support, 0 notes tagged" in _said(second)


def _said(result: subprocess.CompletedProcess[str]) -> str:
    # The console wraps long lines: compare words, not line breaks.
    return " ".join((result.stdout + result.stderr).split())
