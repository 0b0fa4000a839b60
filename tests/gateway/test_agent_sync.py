"""`sync-agents`: the demo CRM's staff table becomes the agent directory, incrementally.

The CRM here is a private copy of the demo CRM (its staff table is edited by the test); the
store is seeded with the demo, whose agents the staff table lists.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, insert, select, text, update

from core.settings import Settings
from datasources.config import UpstreamConfig
from demo.seed import seed
from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import build_database, crm_staff
from demo.upstreams.serve import DemoUpstreams
from gateway.auth import mint_token
from gateway.jobs.agent_sync import AgentSyncReport, sync_agents
from gateway.runtime import open_runtime
from store.db import create_engine
from store.models import Agent, AuditLog
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import FAST
from tests.schema.native_gateway import gql

NEW_HIRE = "agent-900"
CUSTOMERS = 20


async def _crm(directory: Path) -> str:
    url = f"sqlite+aiosqlite:///{directory / 'crm.db'}"
    await build_database("crm", url, UpstreamData(42, CUSTOMERS))
    return url


async def _edit_crm(url: str, *statements: object) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(statement)  # type: ignore[call-overload]
    finally:
        await engine.dispose()


async def _agents(database_url: str) -> dict[str, Agent]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(Agent))).all()
    finally:
        await engine.dispose()
    return {row.id: row for row in rows}  # type: ignore[misc]


async def _sync_audit(database_url: str) -> list[tuple[str, str, object, object]]:
    """The audit rows the sync job wrote: (action, agent, before, after), in order."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(AuditLog.action, AuditLog.target_id, AuditLog.before, AuditLog.after)
                .where(AuditLog.actor == "system:sync-agents")
                .order_by(AuditLog.id)
            )
            return [(a, str(t), b, c) for a, t, b, c in rows.all()]
    finally:
        await engine.dispose()


async def _sync(settings: Settings, config: UpstreamConfig) -> AgentSyncReport:
    async with open_runtime(settings, config) as runtime:
        return await sync_agents(runtime)


@pytest.fixture(scope="module")
async def seeded_store(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        await seed(engine, customers=CUSTOMERS, notes=40)
    finally:
        await engine.dispose()
    return database_url


async def test_sync_inserts_updates_deactivates_leavers_and_repeats_as_a_no_op(
    seeded_store: str, demo_upstreams_sqlite: DemoUpstreams, tmp_path: Path
) -> None:
    # Given the demo store and a demo CRM whose staff table lists one new hire as well
    crm_url = await _crm(tmp_path)
    now = datetime.now(UTC)
    new_hire = {
        "staff_no": NEW_HIRE,
        "full_name": "Nia Patel",
        "work_email": "nia.patel@staff.example.com",
        "job_role": "sales",
        "branch_code": "branch-3",
        "is_active": True,
        "modified_at": now - timedelta(days=1),
    }
    unreadable = text(
        "INSERT INTO crm_staff VALUES ('agent-901', 'Odd Row', 'odd@staff.example.com', "
        "'sales', NULL, 1, 'last tuesday')"
    )
    await _edit_crm(crm_url, insert(crm_staff).values(new_hire), unreadable)
    base = demo_upstreams_sqlite.config.with_resilience(FAST)
    config = base.model_copy(update={"crm": base.crm.model_copy(update={"url": crm_url})})
    settings = Settings(environment="test", database_url=seeded_store)
    listed = len(UpstreamData(42, CUSTOMERS).crm_staff) + 1

    # When it is synced, synced again, edited (a rename, a leaver marked inactive, a leaver
    # deleted) and synced twice more
    first = await _sync(settings, config)
    audited_first = await _sync_audit(seeded_store)
    second = await _sync(settings, config)
    audited_second = await _sync_audit(seeded_store)
    agents_before_rename = (await _agents(seeded_store))["agent-8"].name
    later = now + timedelta(minutes=5)
    await _edit_crm(
        crm_url,
        update(crm_staff)
        .where(crm_staff.c.staff_no == "agent-8")
        .values(full_name="Renamed Agent", modified_at=later),
        update(crm_staff)
        .where(crm_staff.c.staff_no == "agent-5")
        .values(is_active=False, modified_at=later),
        delete(crm_staff).where(crm_staff.c.staff_no == "agent-7"),
    )
    third = await _sync(settings, config)
    audited_third = await _sync_audit(seeded_store)
    fourth = await _sync(settings, config)

    # Then the first run inserts the new hire and adopts the seeded agents, the repeats touch
    # nothing, and the edit changes exactly what changed
    assert (first.read, first.inserted, first.updated, first.deactivated) == (
        listed + 1,
        1,
        listed - 1,
        0,
    )
    # A row that does not read is reported by id and changes nothing
    assert [row.split(":")[0] for row in first.unreadable] == ["agent-901"]
    assert second.touched == 0
    assert second.read < listed  # incremental: only the rows at the watermark are re-read
    assert (third.inserted, third.updated, third.deactivated) == (0, 2, 2)
    assert third.read <= 4
    assert fourth.touched == 0
    agents = await _agents(seeded_store)
    assert (agents[NEW_HIRE].name, agents[NEW_HIRE].branch_id) == ("Nia Patel", "branch-3")
    assert agents[NEW_HIRE].source == "directory"
    assert agents["agent-8"].name == "Renamed Agent"
    assert agents["agent-8"].active
    assert not agents["agent-5"].active
    assert not agents["agent-7"].active
    assert agents["agent-7"].deactivated_at is not None
    assert "agent-901" not in agents

    # And every change the sync made is in the audit trail, as what it changed, and a run
    # that changes nothing writes nothing
    assert [row[:2] for row in audited_first if row[0] == "agent.sync.insert"] == [
        ("agent.sync.insert", NEW_HIRE)
    ]
    inserted = next(row for row in audited_first if row[1] == NEW_HIRE)
    assert inserted[2] is None
    assert inserted[3] == {
        "name": "Nia Patel",
        "email": "nia.patel@staff.example.com",
        "role": "sales",
        "branch_id": "branch-3",
        "active": True,
    }
    assert audited_second == audited_first
    changes = audited_third[len(audited_first) :]
    assert sorted(changes, key=lambda row: row[1]) == [
        ("agent.sync.update", "agent-5", {"active": True}, {"active": False}),
        ("agent.sync.deactivate", "agent-7", {"active": True}, {"active": False}),
        ("agent.sync.update", "agent-8", {"name": agents_before_rename}, {"name": "Renamed Agent"}),
    ]
    assert await _sync_audit(seeded_store) == audited_third

    # And with JIT off, the synced new hire writes a note under their directory name
    gateway = sqlite_settings(tmp_path / "gateway", database_url=seeded_store, agents_jit=False)
    (tmp_path / "gateway").mkdir()
    token = mint_token(gateway, subject=NEW_HIRE, roles=["sales"], branches=["branch-3"])
    note = {
        "customerId": "cust-00001",
        "subject": "Welcome call",
        "body": "First contact.",
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }
    create = """
    mutation N($i: CreateNoteInput!) {
      createNote(input: $i) { note { authorId author { name } } errors { code } }
    }
    """
    with serve_in_thread(gateway) as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            body = await gql(http, token, create, i=note)
            left = mint_token(gateway, subject="agent-7", roles=["fulfillment"])
            refused = await gql(http, left, create, i={**note, "scope": "FULFILLMENT"})
    assert body["data"]["createNote"] == {
        "note": {"authorId": NEW_HIRE, "author": {"name": "Nia Patel"}},
        "errors": [],
    }
    assert (await _agents(seeded_store))[NEW_HIRE].name == "Nia Patel"
    assert refused["errors"][0]["message"] == "agent agent-7 is deactivated"
