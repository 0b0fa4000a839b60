"""`python -m gateway rebuild-rollups` as an operator runs it: a real subprocess on SQLite."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

from sqlalchemy import delete, func, select

from core.settings import REPO_ROOT
from store.db import create_engine
from store.models import NoteRollup


def _gateway(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("C360_") and key not in {"DATABASE_URL", "OPENSEARCH_URL"}
    }
    env.update(
        C360_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        C360_ATTACHMENTS_DIR=str(tmp_path / "attachments"),
        C360_ENVIRONMENT="development",
    )
    return subprocess.run(
        [sys.executable, "-m", "gateway", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def _rollup_rows(url: str, *, wipe: bool = False) -> int:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            counted = int(await connection.scalar(select(func.sum(NoteRollup.count))) or 0)
            if wipe:
                await connection.execute(delete(NoteRollup))
            return counted
    finally:
        await engine.dispose()


def test_rebuild_rollups_recounts_a_lost_rollup(tmp_path: Path) -> None:
    # Given a seeded store whose rollup was lost
    assert _gateway(tmp_path, "migrate").returncode == 0
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert seeded.returncode == 0, seeded.stderr
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    counted = asyncio.run(_rollup_rows(url, wipe=True))
    assert counted > 0, "the seed counts its notes into the rollup"

    # When the operator rebuilds it
    rebuilt = _gateway(tmp_path, "rebuild-rollups")

    # Then it reports the rows written, with its progress bar, and every count is back
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert re.search(r"note rollups: [\d,]+ rows in [\d.]+ s", rebuilt.stderr)
    assert "note rollups" in rebuilt.stderr.splitlines()[0]
    assert asyncio.run(_rollup_rows(url)) == counted
