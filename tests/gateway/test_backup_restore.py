"""The backup and restore drill on real stores: seed, write, back up, restore into a fresh
database, and compare what an operator would check (rows, note checksums, attachment bytes,
search totals); a store with data needs --force; a damaged backup is refused before any write.

Runs on SQLite and on PostgreSQL (pg_dump/pg_restore), each with OpenSearch for the reindex.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import REPO_ROOT, Settings
from devservices.opensearch import ExternalOpenSearch, OpenSearchServer
from devservices.postgres import create_database, drop_database
from gateway.jobs.backup import BackupReport, backup, table_counts
from gateway.jobs.backup_files import MANIFEST, BackupError
from gateway.jobs.reindex import reindex
from gateway.jobs.restore import RestoreReport, StoreNotEmpty, restore
from gateway.jobs.seed import seed_store
from gateway.runtime import Runtime, open_runtime
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from search.request import build_search
from store.attachment_uploads import UploadLimits, upload_attachment
from store.attachments import UploadTarget
from store.blobs import FilesystemBlobStore
from store.enums import NoteCategory, NoteType, Scope
from store.migrate import async_upgrade
from store.models import Agent, Attachment, AuditLog, Base, Customer, Note, NoteRevision
from store.note_drafts import NoteDraft
from store.notes import create_note
from store.visibility import note_visibility
from store.write_context import WriteContext, transaction
from tests.fixtures.database import Backend

# Bulk requests small enough for the HTTP client (a body over 1 MiB warns, and warnings fail).
BATCH = 250
QUERIES = ("refund", "delivery", "backup drill", "invoice")
CHECKSUMMED = (Note, NoteRevision, AuditLog, Attachment)
ATTACHMENT_BYTES = b"%PDF-1.4\n" + b"backup drill attachment\n" * 64


@dataclass(slots=True)
class Snapshot:
    """What the drill compares before and after."""

    counts: dict[str, int]
    checksums: dict[str, str]
    attachment_bytes: dict[str, str]
    search_totals: dict[str, int]


@dataclass(slots=True)
class Drill:
    """The backed-up source and where its backup lies."""

    backend: Backend
    source: Snapshot
    report: BackupReport
    directory: Path
    tmp: Path


class Stores:
    """Fresh, empty (not even migrated) stores for one backend; dropped afterwards."""

    def __init__(self, backend: Backend, tmp: Path, search_url: str) -> None:
        self.backend, self.tmp, self.search_url = backend, tmp, search_url
        self.databases: list[str] = []

    async def fresh(self, name: str, *, policies: Path | None = None) -> Settings:
        """Settings for a new empty store named `name`, its own attachments, index and policy
        paths (the repository's policies unless `policies`)."""
        if self.backend.admin_dsn is None:
            url = f"sqlite+aiosqlite:///{self.tmp / name}.db"
        else:
            database = f"c360_backup_{name}_{uuid.uuid4().hex[:8]}"
            url = await create_database(self.backend.admin_dsn, database)
            self.databases.append(database)
        paths: dict[str, Any] = {}
        if policies is not None:
            paths = {
                "casbin_model_path": policies / "casbin_model.conf",
                "policy_dir": policies,
            }
        return Settings(
            environment="test",
            database_url=url,
            attachments_dir=self.tmp / f"{name}-attachments",
            opensearch_url=self.search_url,
            opensearch_index_prefix=f"backup-{name}-{uuid.uuid4().hex[:8]}",
            search_indexer=False,
            log_json=False,
            log_level="WARNING",
            **paths,
        )

    async def close(self) -> None:
        """Drop the PostgreSQL databases made."""
        for database in self.databases:
            assert self.backend.admin_dsn is not None
            await drop_database(self.backend.admin_dsn, database)


@pytest.fixture(scope="module")
async def stores(
    database_backend: Backend,
    opensearch_server: OpenSearchServer | ExternalOpenSearch,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stores]:
    """Fresh stores on this module's backend, with OpenSearch for the search index."""
    made = Stores(database_backend, tmp_path_factory.mktemp("backup"), opensearch_server.url)
    try:
        yield made
    finally:
        await made.close()


@pytest.fixture(scope="module")
async def drill(stores: Stores) -> Drill:
    """A seeded store with an upload and notes written through the store, backed up."""
    settings = await stores.fresh("source")
    await async_upgrade(settings.database_url)
    async with open_runtime(settings, connect_upstreams=False) as runtime:
        await seed_store(runtime, customers=200, notes=2_000)
        await _write_through_the_store(runtime)
        await reindex(runtime, batch_size=BATCH)
        source = await snapshot(runtime)
        directory = stores.tmp / "backup"
        report = await backup(runtime, directory)
    return Drill(stores.backend, source, report, directory, stores.tmp)


@pytest.fixture(scope="module")
async def restored(drill: Drill, stores: Stores) -> tuple[Settings, RestoreReport, Snapshot]:
    """The backup restored into a fresh, empty store, and what that store then holds."""
    settings = await stores.fresh("target", policies=drill.tmp / "target-policies")
    async with open_runtime(settings, connect_upstreams=False, load_policy=False) as runtime:
        report = await restore(runtime, drill.directory, batch_size=BATCH)
    async with open_runtime(settings, connect_upstreams=False) as runtime:
        return settings, report, await snapshot(runtime)


async def test_a_restore_brings_back_rows_notes_files_and_search(
    drill: Drill, restored: tuple[Settings, RestoreReport, Snapshot]
) -> None:
    settings, report, after = restored
    before = drill.source
    assert before.counts["notes"] >= 2_002
    assert before.counts["audit_log"] > 0, "the drill's writes are audited"
    assert before.counts["attachments"] > 0
    assert after.counts == before.counts
    assert report.matches
    assert report.counts == drill.report.counts
    assert after.checksums == before.checksums
    assert after.attachment_bytes == before.attachment_bytes
    assert ATTACHMENT_BYTES_SHA in after.attachment_bytes.values()
    assert after.search_totals == before.search_totals
    assert before.search_totals["backup drill"] >= 2
    assert report.index.notes > 0
    assert report.attachments == before.counts["attachments"]
    restored_policies = sorted(path.name for path in settings.policy_dir.iterdir())
    repo_policies = sorted(path.name for path in (REPO_ROOT / "policies").glob("*.csv"))
    assert restored_policies == sorted([*repo_policies, "casbin_model.conf"])
    assert (settings.policy_dir / "roles.csv").read_bytes() == (
        REPO_ROOT / "policies" / "roles.csv"
    ).read_bytes()


async def test_a_store_with_data_is_refused_unless_forced(
    drill: Drill, restored: tuple[Settings, RestoreReport, Snapshot]
) -> None:
    settings, _, before = restored
    async with open_runtime(settings, connect_upstreams=False, load_policy=False) as runtime:
        await _add_note(runtime, "written after the restore")
        with pytest.raises(StoreNotEmpty, match="--force"):
            await restore(runtime, drill.directory, batch_size=BATCH)
        assert (await table_counts(runtime.engine))["notes"] == before.counts["notes"] + 1
        report = await restore(runtime, drill.directory, force=True, batch_size=BATCH)
    assert report.matches
    async with open_runtime(settings, connect_upstreams=False) as runtime:
        after = await snapshot(runtime)
    assert after == drill.source


@pytest.mark.parametrize("damage", ["attachment", "dump", "manifest", "missing"])
async def test_a_damaged_backup_is_refused_before_anything_is_written(
    drill: Drill, stores: Stores, damage: str
) -> None:
    copy = drill.tmp / f"damaged-{damage}-{uuid.uuid4().hex[:6]}"
    shutil.copytree(drill.directory, copy)
    manifest = json.loads((copy / MANIFEST).read_text())
    paths = [item["path"] for item in manifest["files"]]
    if damage == "attachment":
        victim = copy / next(p for p in paths if p.startswith("attachments/"))
        victim.write_bytes(victim.read_bytes()[:-1] + b"!")
    elif damage == "dump":
        victim = copy / paths[0]
        data = bytearray(victim.read_bytes())
        data[len(data) // 2] ^= 0xFF
        victim.write_bytes(bytes(data))
    elif damage == "manifest":
        (copy / MANIFEST).write_text("{not json")
    else:
        (copy / next(p for p in paths if p.startswith("policies/"))).unlink()
    settings = await stores.fresh(f"damaged_{damage}", policies=drill.tmp / f"pol-{damage}")
    async with open_runtime(settings, connect_upstreams=False, load_policy=False) as runtime:
        with pytest.raises(BackupError) as refused:
            await restore(runtime, copy)
        assert await _table_names(runtime.engine) == []
    assert (
        "damaged" in str(refused.value)
        or "manifest" in str(refused.value)
        or ("missing" in str(refused.value))
    )
    assert not settings.policy_dir.exists()
    assert not settings.attachments_dir.exists()


def test_the_backup_is_private_and_holds_no_secret(drill: Drill) -> None:
    for path in [drill.directory, *drill.directory.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    manifest = json.loads((drill.directory / MANIFEST).read_text())
    assert manifest["alembic_revision"] == drill.report.revision is not None
    assert manifest["gateway_version"]
    assert manifest["counts"] == drill.source.counts
    assert len(manifest["attachments"]["keys"]) == drill.source.counts["attachments"]
    for item in manifest["files"]:
        data = (drill.directory / item["path"]).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (item["sha256"], item["size"])
    written = json.loads((drill.directory / "settings.json").read_text())
    assert "jwt_secret" not in written
    assert "database_password" not in written
    assert "jwt_secret" in manifest["settings_left_out"]
    assert written["attachments_backend"] == "filesystem"


ATTACHMENT_BYTES_SHA = hashlib.sha256(ATTACHMENT_BYTES).hexdigest()


async def snapshot(runtime: Runtime) -> Snapshot:
    """Counts, row checksums, attachment bytes and search totals of a runtime's store."""
    engine = runtime.engine
    checksums: dict[str, str] = {}
    async with engine.connect() as connection:
        for model in CHECKSUMMED:
            table = Base.metadata.tables[model.__tablename__]
            order = list(table.primary_key.columns)
            rows = (await connection.execute(select(table).order_by(*order))).all()
            checksums[table.name] = hashlib.sha256(
                repr([tuple(r) for r in rows]).encode()
            ).hexdigest()
        keys = list(await connection.scalars(select(Attachment.storage_key)))
    blobs = FilesystemBlobStore(runtime.settings.attachments_dir)
    attachment_bytes = {}
    for key in keys:
        sha = hashlib.sha256()
        async for chunk in blobs.open(key):
            sha.update(chunk)
        attachment_bytes[key] = sha.hexdigest()
    view = await _admin(runtime)
    totals = {}
    for query in QUERIES:
        page = await runtime.search.search(build_search(query=query, first=10), view)
        totals[query] = page.total
    return Snapshot(await table_counts(engine), checksums, attachment_bytes, totals)


async def _admin(runtime: Runtime) -> Any:
    policy = await PolicyEngine.load(
        runtime.settings.casbin_model_path, runtime.settings.policy_dir
    )
    async with runtime.sessions() as session:
        agent = await session.scalar(select(Agent.id).order_by(Agent.id).limit(1))
    assert agent is not None
    return note_visibility(policy.compile(Principal(agent, ("admin",))))


async def _write_through_the_store(runtime: Runtime) -> None:
    await _add_note(runtime, "backup drill: first note")
    note = await _add_note(runtime, "backup drill: second note")
    ctx, _ = await _admin_write(runtime)

    async def chunks() -> AsyncIterable[bytes]:
        yield ATTACHMENT_BYTES

    await upload_attachment(
        runtime.sessions,
        FilesystemBlobStore(runtime.settings.attachments_dir),
        ctx,
        UploadTarget(note.note.customer_id, note.note.id),
        file_name="drill.pdf",
        declared_type="application/pdf",
        declared_length=len(ATTACHMENT_BYTES),
        chunks=chunks(),
        limits=UploadLimits(max_bytes=1 << 20, content_types=frozenset({"application/pdf"})),
    )


async def _admin_write(runtime: Runtime) -> tuple[WriteContext, str]:
    """A write context of an admin who is a real agent, and the first customer's id."""
    policy = await PolicyEngine.load(
        runtime.settings.casbin_model_path, runtime.settings.policy_dir
    )
    async with runtime.sessions() as session:
        agent = await session.scalar(select(Agent.id).order_by(Agent.id).limit(1))
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    assert agent is not None
    assert customer is not None
    return WriteContext(policy.compile(Principal(agent, ("admin",)))), customer


async def _add_note(runtime: Runtime, subject: str) -> Any:
    ctx, customer = await _admin_write(runtime)
    draft = NoteDraft(
        customer_id=customer,
        subject=subject,
        body=f"{subject}: restored notes must keep every word",
        category=NoteCategory.GENERAL,
        type=NoteType.INTERACTION_LOG,
        scope=Scope.INTERNAL,
        tags=(),
    )
    async with transaction(runtime.sessions) as session:
        return await create_note(session, ctx, draft)


async def _table_names(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return await connection.run_sync(lambda sync: inspect(sync).get_table_names())
