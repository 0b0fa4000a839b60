"""The `backup` job: the native store, the attachments, the policy files and the non-secret
settings into one private directory with a checksummed manifest (gateway/jobs/backup_files.py).

PostgreSQL is dumped with `pg_dump --format=custom`, SQLite copied with the online backup API,
so both run while the gateway serves. Attachments in the filesystem store are copied; an S3
bucket is backed up by its own versioning/replication and the manifest records the object keys
the store refers to. Secrets are never written: `settings.json` leaves them out by name.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.progress import SILENT, Progress
from core.secrets import SECRET_FIELDS, mask_url_password
from core.settings import Settings
from gateway.jobs.backup_files import (
    FORMAT,
    PG_DUMP_FILE,
    SQLITE_FILE,
    BackupError,
    FileEntry,
    copy_private,
    entry,
    find_pg_tool,
    libpq_target,
    new_private_dir,
    private_file,
    sqlite_path,
    write_manifest,
    write_private,
)
from gateway.runtime import Runtime
from store.blobs import FilesystemBlobStore
from store.migrate import async_current
from store.models import Attachment, Base

TASK = "backup"
POLICY_DIR = "policies"
ATTACHMENT_DIR = "attachments"
SETTINGS_FILE = "settings.json"


@dataclass(slots=True)
class BackupReport:
    """What a backup wrote."""

    directory: Path
    files: list[FileEntry]
    counts: dict[str, int]
    revision: str | None
    attachments: int
    left_out: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        size = sum(item.size for item in self.files)
        return (
            f"backup in {self.directory}: {len(self.files)} files, {size:,} bytes, "
            f"{sum(self.counts.values()):,} rows, {self.attachments} attachments, "
            f"revision {self.revision}"
        )


async def backup(runtime: Runtime, directory: Path, *, progress: Progress = SILENT) -> BackupReport:
    """Back the runtime's store, attachments, policies and settings up into `directory`
    (created 0700; it must be empty or new)."""
    settings = runtime.settings
    await asyncio.to_thread(new_private_dir, directory)
    keys = await _attachment_keys(runtime.engine)
    progress.start(TASK, total=4 + len(keys))
    counts = await table_counts(runtime.engine)
    revision = await async_current(runtime.engine)
    files = [await _dump_store(settings, directory)]
    progress.advance(TASK)
    files += _copy_attachments(settings, directory, keys, progress)
    files += _copy_policies(settings, directory)
    progress.advance(TASK)
    left_out = settings_left_out(settings)
    write_private(directory / SETTINGS_FILE, _settings_json(settings, left_out).encode())
    files.append(entry(directory, SETTINGS_FILE))
    progress.advance(TASK)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "gateway_version": gateway_version(),
        "alembic_revision": revision,
        "store": "sqlite" if settings.is_sqlite else "postgresql",
        "counts": counts,
        "attachments": _attachment_record(settings, keys),
        "settings_left_out": left_out,
        "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in files],
    }
    write_manifest(directory, manifest)
    progress.advance(TASK)
    progress.finish(TASK)
    return BackupReport(directory, files, counts, revision, len(keys), left_out)


async def table_counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows per table of the native store."""
    counts: dict[str, int] = {}
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            counted = await connection.scalar(select(func.count()).select_from(table))
            counts[table.name] = int(counted or 0)
    return counts


def gateway_version() -> str:
    """The installed gateway's version."""
    try:
        return version("customer360-gateway")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without install
        return "unknown"


def settings_left_out(settings: Settings) -> list[str]:
    """The settings a backup never writes: every secret and the files secrets are read from."""
    fields = type(settings).model_fields
    secret = {name for name, info in fields.items() if "SecretStr" in str(info.annotation)}
    names = set(SECRET_FIELDS) | secret
    names |= {f"{name}_file" for name in names if f"{name}_file" in fields}
    return sorted(names)


def _settings_json(settings: Settings, left_out: list[str]) -> str:
    import json

    values = settings.model_dump(mode="json", exclude=set(left_out))
    for name, value in values.items():
        if isinstance(value, str):
            # A password inside a URL (database_url, opensearch_url) is a secret too.
            values[name] = mask_url_password(value)
    return json.dumps(values, indent=2, sort_keys=True) + "\n"


def _attachment_record(settings: Settings, keys: list[str]) -> dict[str, Any]:
    """The attachments' part of the manifest: the store's keys and, for S3 (whose bytes the
    bucket's own versioning/replication keeps), the bucket and its object keys."""
    record: dict[str, Any] = {"backend": settings.attachments_backend, "keys": keys}
    if settings.attachments_backend == "s3":
        prefix = settings.attachments_s3_key_prefix
        record["bucket"] = settings.attachments_s3_bucket
        record["object_keys"] = [f"{prefix}{key}" for key in keys]
    return record


async def _attachment_keys(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        keys = await connection.scalars(select(Attachment.storage_key).order_by(Attachment.id))
        return list(keys)


async def _dump_store(settings: Settings, directory: Path) -> FileEntry:
    if settings.is_sqlite:
        await asyncio.to_thread(_sqlite_backup, sqlite_path(settings), directory / SQLITE_FILE)
        return entry(directory, SQLITE_FILE)
    await asyncio.to_thread(_pg_dump, settings, directory / PG_DUMP_FILE)
    return entry(directory, PG_DUMP_FILE)


def _sqlite_backup(source: Path, target: Path) -> None:
    """A consistent copy while writers may be active (sqlite3's online backup API)."""
    if not source.is_file():
        raise BackupError(f"the SQLite store {source} does not exist")
    write_private(target, b"")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    private_file(target)


def _pg_dump(settings: Settings, target: Path) -> None:
    uri, env = libpq_target(settings)
    write_private(target, b"")
    command = [str(find_pg_tool("pg_dump")), "--format=custom", "--no-owner", "--file"]
    done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        [*command, str(target), "--dbname", uri],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {mask_url_password(_last_line(done.stderr))}")
    private_file(target)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def _copy_attachments(
    settings: Settings, directory: Path, keys: list[str], progress: Progress
) -> list[FileEntry]:
    if settings.attachments_backend != "filesystem":
        progress.advance(TASK, len(keys))
        return []
    blobs = FilesystemBlobStore(settings.attachments_dir)
    files = []
    for key in keys:
        source = blobs.path_of(key)
        if not source.is_file():
            raise BackupError(f"attachment {key} has no file in {settings.attachments_dir}")
        relative = f"{ATTACHMENT_DIR}/{key}"
        copy_private(source, directory / relative)
        files.append(entry(directory, relative))
        progress.advance(TASK)
    return files


def _copy_policies(settings: Settings, directory: Path) -> list[FileEntry]:
    sources = [settings.casbin_model_path, *sorted(settings.policy_dir.glob("*.csv"))]
    files = []
    for source in sources:
        relative = f"{POLICY_DIR}/{source.name}"
        copy_private(source, directory / relative)
        files.append(entry(directory, relative))
    return files
