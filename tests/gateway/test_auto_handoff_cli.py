"""`python -m gateway auto-handoff` as an operator runs it: the demo store and upstreams."""

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
            # Wide windows, so the demo's spread-out tickets and notes meet the rule.
            "C360_AUTO_HANDOFF_SALES_NOTE_DAYS": "400",
            "C360_AUTO_HANDOFF_TICKET_DAYS": "60",
            "PYTHONUNBUFFERED": "1",
        },
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
    done = re.search(r"(\d+) handed off to support, (\d+) notes tagged", said(first))
    assert done is not None, said(first)
    assert int(done.group(1)) >= 1
    assert second.returncode == 0, second.stderr
    assert "0 handed off to support, 0 notes tagged" in said(second)
