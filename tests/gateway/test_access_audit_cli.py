"""`python -m gateway prune-access-audit` as an operator runs it: a real subprocess on SQLite."""

from __future__ import annotations

import asyncio
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from store.access_audit import AccessGroup, record
from store.db import create_engine, session_factory
from store.models import AccessRead
from tests.fixtures.cli import run_gateway


def _gateway(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    return run_gateway(
        *args,
        settings={
            "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
            "C360_ATTACHMENTS_DIR": str(tmp_path / "attachments"),
            "C360_ENVIRONMENT": "development",
            **settings,
        },
        timeout=120,
    )


async def _given_reads(url: str, ages_in_days: tuple[int, ...]) -> None:
    engine = create_engine(url)
    try:
        now = datetime.now(UTC)
        for days in ages_in_days:
            await record(
                session_factory(engine),
                principal=f"agent-{days}",
                role="manager",
                reads={("cust-00001", AccessGroup.FINANCIALS): set()},
                now=now - timedelta(days=days),
            )
    finally:
        await engine.dispose()


async def _readers(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set((await connection.scalars(select(AccessRead.principal))).all())
    finally:
        await engine.dispose()


def test_prune_deletes_the_reads_older_than_the_retention(tmp_path: Path) -> None:
    # Given reads recorded 100, 40 and 1 day(s) ago
    assert _gateway(tmp_path, "migrate").returncode == 0
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    asyncio.run(_given_reads(url, (100, 40, 1)))

    # When the operator prunes with a 30-day retention
    pruned = _gateway(tmp_path, "prune-access-audit", C360_ACCESS_AUDIT_RETENTION_DAYS="30")

    # Then the two old rows are gone, and the command says so
    assert pruned.returncode == 0, pruned.stderr
    output = pruned.stdout + pruned.stderr
    assert re.search(r"access audit: 2 rows older than 30 days deleted", output), output
    assert asyncio.run(_readers(url)) == {"agent-1"}


def test_an_invalid_retention_is_refused(tmp_path: Path) -> None:
    refused = _gateway(tmp_path, "prune-access-audit", C360_ACCESS_AUDIT_RETENTION_DAYS="0")
    assert refused.returncode == 2
    assert "access_audit_retention_days" in refused.stdout + refused.stderr
