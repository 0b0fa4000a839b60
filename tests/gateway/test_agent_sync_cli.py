"""`python -m gateway sync-agents` as an operator runs it, against the demo CRM's staff table.

The store is prepared with the same command lines run in this process (`migrate` and `seed`
have subprocess tests of their own in test_cli.py); the first sync is a real subprocess, the
second, which must find nothing to do, runs in process too.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.cli import run_gateway, run_gateway_main, said


def _settings(tmp_path: Path) -> dict[str, str]:
    return {
        "C360_DATA_DIR": str(tmp_path),
        "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "C360_LOG_JSON": "true",
        "C360_ENVIRONMENT": "development",
        "PYTHONUNBUFFERED": "1",
    }


def _gateway(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_gateway(*args, settings=_settings(tmp_path))


def test_sync_agents_adopts_the_demo_staff_then_has_nothing_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a seeded store and the demo upstreams (started by the command itself)
    settings = _settings(tmp_path)
    assert run_gateway_main("migrate", settings=settings, monkeypatch=monkeypatch) == 0
    seed = ("seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert run_gateway_main(*seed, settings=settings, monkeypatch=monkeypatch) == 0
    capsys.readouterr()

    # When the staff directory is synced twice
    first = _gateway(tmp_path, "sync-agents", "--no-progress")
    second = run_gateway_main(
        "sync-agents", "--no-progress", settings=settings, monkeypatch=monkeypatch
    )

    # Then the first run adopts the demo's agents and the second writes nothing
    assert first.returncode == 0, first.stderr
    adopted = re.search(r"0 inserted, (\d+) updated, 0 deactivated", said(first))
    assert adopted is not None, said(first)
    assert int(adopted.group(1)) >= 21
    printed = capsys.readouterr()
    assert second == 0, printed.err
    assert "0 inserted, 0 updated, 0 deactivated" in " ".join((printed.out + printed.err).split())
