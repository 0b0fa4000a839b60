"""`sync-agents` from a staff directory served over HTTP (an HR system) instead of a CRM table.

The HR system is the demo's (`demo/upstreams/hr_app.py`) under uvicorn on loopback, serving
the demo's staff as JSON; the test hires, renames and lets go through its mutable list.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.errors import BadUpstreamData
from core.settings import Settings
from datasources.config import StaffApiConfig, UpstreamConfig
from demo.seed import seed
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.data import UpstreamData
from demo.upstreams.hr_app import create_hr_app, staff_objects
from demo.upstreams.serve import DemoServer, DemoUpstreams
from gateway.jobs.agent_sync import AgentSyncReport, sync_agents
from gateway.runtime import open_runtime
from store.db import create_engine
from store.models import Agent
from tests.fixtures.upstreams import FAST

CUSTOMERS = 20


class HrSystem:
    """The running HR app, its staff list and its fault switches."""

    def __init__(self) -> None:
        self.staff = staff_objects(UpstreamData(42, CUSTOMERS).crm_staff)
        self.behaviour = Behaviour()
        self.server = DemoServer(create_hr_app(self.staff, self.behaviour), self.behaviour)


@pytest.fixture
def hr() -> Iterator[HrSystem]:
    system = HrSystem()
    system.server.start()
    try:
        yield system
    finally:
        system.server.stop()


async def _agents(database_url: str) -> dict[str, Agent]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(Agent))).all()
    finally:
        await engine.dispose()
    return {row.id: row for row in rows}  # type: ignore[misc]


async def _sync(database_url: str, config: UpstreamConfig) -> AgentSyncReport:
    async with open_runtime(Settings(environment="test", database_url=database_url), config) as rt:
        return await sync_agents(rt)


async def test_sync_from_an_http_staff_directory(
    database_url: str, demo_upstreams_sqlite: DemoUpstreams, hr: HrSystem
) -> None:
    # Given the demo store, and an HR system that lists the demo's staff plus a new hire, one
    # entry that does not read, and job titles mapped onto gateway roles
    engine = create_engine(database_url)
    try:
        await seed(engine, customers=CUSTOMERS, notes=10)
    finally:
        await engine.dispose()
    now = datetime.now(UTC)
    hr.staff["agent-900"] = {
        "id": "agent-900", "name": "Nia Patel", "email": "nia.patel@staff.example.com",
        "role": "Sales Executive", "branch": "branch-3", "active": True,
        "updated_at": (now - timedelta(days=1)).isoformat(),
    }  # fmt: skip
    hr.staff["agent-901"] = {"id": "agent-901", "name": "Odd", "updated_at": "last tuesday"}
    titles = {entry["role"]: entry["role"] for entry in hr.staff.values() if "role" in entry}
    api = StaffApiConfig(
        base_url=hr.server.url,
        page_size=7,  # several pages
        roles={**titles, "Sales Executive": "sales"},
        resilience=FAST,
    )
    config = demo_upstreams_sqlite.config.with_resilience(FAST).model_copy(
        update={"staff_api": api}
    )

    # When it syncs, syncs again, the HR system changes (a rename, a leaver marked inactive,
    # one removed) and it syncs once more
    first = await _sync(database_url, config)
    second = await _sync(database_url, config)
    later = (now + timedelta(minutes=5)).isoformat()
    hr.staff["agent-8"] |= {"name": "Renamed Agent", "updated_at": later}
    hr.staff["agent-5"] |= {"active": False, "updated_at": later}
    del hr.staff["agent-7"]
    third = await _sync(database_url, config)

    # Then it reads every page, inserts the hire with its mapped role, repeats as a no-op and
    # applies exactly the changes; the unreadable entry is reported by id
    listed = len(hr.staff) + 1  # agent-7 was listed at the first run
    assert first.read == listed
    assert first.inserted == 1
    assert [row.split(":")[0] for row in first.unreadable] == ["agent-901"]
    assert second.touched == 0
    assert (third.inserted, third.updated, third.deactivated) == (0, 2, 2)
    agents = await _agents(database_url)
    assert (agents["agent-900"].name, agents["agent-900"].role) == ("Nia Patel", "sales")
    assert agents["agent-8"].name == "Renamed Agent"
    assert not agents["agent-5"].active
    assert not agents["agent-7"].active
    assert "agent-901" not in agents

    # And a broken answer stops the sync with a coded upstream error: nobody is deactivated
    # because a page could not be read
    hr.behaviour.set_faults(malformed=True)
    with pytest.raises(BadUpstreamData):
        await _sync(database_url, config)
    hr.behaviour.reset()
    after = await _agents(database_url)
    assert {k for k, a in after.items() if a.active} == {k for k, a in agents.items() if a.active}
