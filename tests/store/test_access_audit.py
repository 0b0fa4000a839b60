"""The access-audit table on both stores: its migration, the aggregating upsert, the bounded
note ids, and the retention prune."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.metrics import Metrics
from core.progress import SILENT
from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.access_audit import flush
from resolvers.context import Context
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from search.embedded import EmbeddedSearch
from store.access_audit import NOTE_ID_CAP, AccessGroup, bucket_of, prune, record
from store.db import create_engine, session_factory
from store.migrate import async_downgrade, async_upgrade
from store.models import AccessRead

NOW = datetime(2026, 11, 20, 14, 25, tzinfo=UTC)


async def _rows(engine: AsyncEngine) -> list[AccessRead]:
    async with session_factory(engine)() as session:
        return list((await session.scalars(select(AccessRead).order_by(AccessRead.id))).all())


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def test_the_migration_goes_down_and_up_again(engine: AsyncEngine) -> None:
    await async_upgrade(engine)
    assert "access_audit" in await _tables(engine)

    await async_downgrade(engine, "0017_note_classification")
    assert "access_audit" not in await _tables(engine)

    await async_upgrade(engine)
    assert "access_audit" in await _tables(engine)


async def test_reads_in_one_hour_add_up_on_one_row_with_bounded_note_ids(
    engine: AsyncEngine,
) -> None:
    # Given a reader shown 60 restricted notes, then 60 more (20 of them again), and financials
    sessions = session_factory(engine)
    first = {f"n-{i:03}" for i in range(60)}
    second = {f"n-{i:03}" for i in range(40, 100 + NOTE_ID_CAP // 5)}
    reads_1 = {("c-1", AccessGroup.RESTRICTED_NOTES): first, ("c-1", AccessGroup.FINANCIALS): set()}
    reads_2: dict[tuple[str, AccessGroup], set[str]] = {
        ("c-1", AccessGroup.RESTRICTED_NOTES): second
    }

    # When both requests are recorded in the same hour (and one concurrently with a third)
    await record(sessions, principal="agent-2", role="manager", reads=reads_1, now=NOW)
    later = NOW + timedelta(minutes=20)
    await asyncio.gather(
        record(sessions, principal="agent-2", role="manager", reads=reads_2, now=later),
        record(
            sessions,
            principal="agent-2",
            role="manager",
            reads={("c-1", AccessGroup.FINANCIALS): set()},
            now=later,
        ),
    )
    # …and one more in the next hour
    await record(
        sessions, principal="agent-2", role="manager", reads=reads_2, now=NOW + timedelta(hours=1)
    )

    # Then one row per group and hour: counts added, ids capped and marked truncated
    rows = [r for r in await _rows(engine) if r.customer_id == "c-1"]
    by_key = {(r.field_group, r.bucket): r for r in rows}
    assert len(rows) == 3
    notes = by_key[("restricted_notes", bucket_of(NOW))]
    assert notes.read_count == 2
    assert notes.first_read_at == NOW
    assert notes.last_read_at == later
    assert notes.note_ids == sorted(first | second)[:NOTE_ID_CAP]
    assert notes.note_ids_truncated is True
    financials = by_key[("financials", bucket_of(NOW))]
    assert financials.read_count == 2
    assert financials.note_ids is None
    assert by_key[("restricted_notes", bucket_of(NOW + timedelta(hours=1)))].read_count == 1


async def test_prune_deletes_only_rows_past_the_retention(engine: AsyncEngine) -> None:
    # Given rows last read 40, 20 and 0 days ago
    sessions = session_factory(engine)
    for days in (40, 20, 0):
        await record(
            sessions,
            principal=f"agent-{days}",
            role="admin",
            reads={("c-prune", AccessGroup.AUDIT): set()},
            now=NOW - timedelta(days=days),
        )

    # When rows older than 30 days are pruned
    async with engine.begin() as connection:
        deleted = await prune(connection, now=NOW, retention_days=30, progress=SILENT)

    # Then only the oldest is gone
    assert deleted == 1
    left = {r.principal for r in await _rows(engine) if r.customer_id == "c-prune"}
    assert left == {"agent-20", "agent-0"}


async def test_a_failed_write_is_counted_not_raised(tmp_path: Path) -> None:
    # Given a store without the access-audit table (migrated to the revision before it)
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await async_upgrade(url, "0017_note_classification")
    engine = create_engine(url)
    metrics = Metrics()
    principal = Principal(subject="agent-2", roles=("manager",))
    view = PolicyView.unrestricted(principal)
    sessions = session_factory(engine)
    context = Context(
        settings=Settings(environment="test", database_url=url),
        principal=principal,
        policy=view,
        policy_engine=await PolicyEngine.load(
            REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies"
        ),
        store=StoreLoaders.create(sessions, view),
        upstream=None,
        request_id="r-1",
        sessions=sessions,
        search=EmbeddedSearch(engine),
        metrics=metrics,
        denials=DenialLog(),
        partial=PartialErrors(),
    )
    context.access.group("c-1", AccessGroup.FINANCIALS)

    # When the request's reads are written
    try:
        await flush(context)
    finally:
        await engine.dispose()

    # Then the failure is counted (and the request goes on)
    failed = metrics.access_audit_flushes.labels(outcome="failed")._value.get()
    assert failed == 1
