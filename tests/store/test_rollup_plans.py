"""PostgreSQL sums a note report from the rollup rows of the caller's scopes only: each
readable scope (or scope '*') is one range of the reach index, no row read and dropped; the
label groupings (SENTIMENT, URGENCY) too."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.note_store import NOW, Shape, load
from devservices.postgres import ExternalPostgres, PostgresServer
from policies.principal import Principal
from store.db import session_factory
from store.note_reads import NoteFilter
from store.reports import NoteGroup, ReportWindow, report_groups
from tests.fixtures.database import Backend
from tests.store.native import policy

pytestmark = [pytest.mark.postgres]


@pytest.fixture(scope="module")
def database_backend(postgres_server: PostgresServer | ExternalPostgres) -> Backend:
    """PostgreSQL only: the plans are PostgreSQL's."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


@pytest.fixture(scope="module")
async def loaded(database_url: str) -> str:
    """The 10M bench store's shape at 30,000 notes, rollup rebuilt, vacuumed."""
    await load(
        database_url,
        Shape(customers=3_000, notes=30_000, big_notes=500, chunks=2),
        say=lambda _: None,
    )
    return database_url


def rollup_scans(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of a JSON plan reading note_rollups."""
    found = [plan] if plan.get("Relation Name") == "note_rollups" else []
    for child in plan.get("Plans", []):
        found += rollup_scans(child)
    return found


@pytest.mark.parametrize(
    ("roles", "group"),
    [
        (("manager",), NoteGroup.AGENT),
        (("manager",), NoteGroup.DAY),
        (("manager",), NoteGroup.SCOPE),
        (("branch",), NoteGroup.AGENT),
        (("finance",), NoteGroup.TYPE),
        (("manager",), NoteGroup.SENTIMENT),
        (("branch",), NoteGroup.URGENCY),
    ],
)
async def test_a_report_reads_only_the_rollup_rows_it_sums(
    engine: AsyncEngine, loaded: str, roles: tuple[str, ...], group: NoteGroup
) -> None:
    view = (await policy()).compile(Principal("ag-0", roles, branches=("br-0",)))
    midnight = NOW.replace(hour=0, minute=0)
    window = ReportWindow(midnight - timedelta(days=365), midnight)
    async with session_factory(engine)() as session:
        statement = report_groups(session, view, group, window, NoteFilter())
        sql = str(statement.compile(session.bind, compile_kwargs={"literal_binds": True}))
    async with engine.connect() as connection:
        # Small tables: make the planner show how it reads the index at scale.
        await connection.exec_driver_sql("SET enable_seqscan = off")
        await connection.exec_driver_sql("SET enable_bitmapscan = off")
        result = await connection.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        [[document]] = result.all()
    plan = (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]
    scans = rollup_scans(plan)
    assert scans, plan
    for scan in scans:
        # A range read of the scope-led index: the scope is in the index condition, and no
        # row of another scope is read only to be dropped by a filter (a caller with handoff
        # scopes, support, drops the untagged rows of those: the tag is not an index key).
        assert scan["Index Name"] == "ix_note_rollups_reach_scope", scan
        assert "scope" in scan["Index Cond"], scan
        assert scan.get("Rows Removed by Filter", 0) == 0, scan
