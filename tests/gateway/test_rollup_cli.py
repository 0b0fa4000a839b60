"""`python -m gateway rebuild-rollups` as an operator runs it: a real subprocess on SQLite."""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path

from sqlalchemy import delete, func, select

from store.db import create_engine
from store.models import NoteRollup
from tests.fixtures.cli import run_gateway


def _gateway(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_gateway(
        *args,
        settings={
            "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
            "C360_ATTACHMENTS_DIR": str(tmp_path / "attachments"),
            "C360_ENVIRONMENT": "development",
        },
        timeout=120,
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
