"""`python -m gateway classify` as an operator runs it: a real subprocess on SQLite."""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path

from sqlalchemy import func, select, update

from store.db import create_engine
from store.models import Note
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


async def _unlabel(url: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Note).values(sentiment=None, sentiment_source=None, classifier_version=None)
            )
            return int(await connection.scalar(select(func.count()).select_from(Note)) or 0)
    finally:
        await engine.dispose()


def test_classify_labels_the_notes_with_no_labels_and_says_how_many(tmp_path: Path) -> None:
    assert _gateway(tmp_path, "migrate").returncode == 0
    seeded = _gateway(tmp_path, "seed", "--size", "tiny", "--no-progress", "--no-reindex")
    assert seeded.returncode == 0, seeded.stderr
    notes = asyncio.run(_unlabel(f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"))

    labelled = _gateway(tmp_path, "classify")

    assert labelled.returncode == 0, labelled.stderr
    output = " ".join((labelled.stdout + labelled.stderr).split())
    assert re.search(rf"labelled {notes} notes and \d+ interactions", output), output
    assert "classifying notes" in output
    again = _gateway(tmp_path, "classify", "--no-progress")
    assert "labelled 0 notes and 0 interactions" in " ".join((again.stdout + again.stderr).split())
