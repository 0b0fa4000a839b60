"""The `restore` job: a backup directory (gateway/jobs/backup.py) back into the runtime's store.

Every file is checked against the manifest before anything is written; a damaged backup is
refused whole. A store that holds data is refused unless `force`, which wipes the native data
(and the attachments' files) first. Then the store (pg_restore, or the SQLite copy), the
attachments and the policy files come back, and the search index is rebuilt from the restored
notes (gateway/jobs/reindex.py).
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from core.progress import SILENT, Progress
from core.secrets import mask_url_password
from core.settings import Settings
from gateway.jobs.backup import ATTACHMENT_DIR, POLICY_DIR, table_counts
from gateway.jobs.backup_files import (
    PG_DUMP_FILE,
    SQLITE_FILE,
    BackupError,
    copy_private,
    find_pg_tool,
    libpq_target,
    read_manifest,
    sqlite_path,
    verify,
)
from gateway.jobs.reindex import reindex
from gateway.runtime import Runtime
from search.reindex import DEFAULT_BATCH_SIZE, ReindexReport
from store.blobs import FilesystemBlobStore

TASK = "restore"


class StoreNotEmpty(BackupError):
    """The target store holds data and the restore was not forced."""


@dataclass(slots=True)
class RestoreReport:
    """What a restore brought back."""

    counts: dict[str, int]
    expected: dict[str, int]
    attachments: int
    policies: int
    index: ReindexReport

    @property
    def matches(self) -> bool:
        """Whether every table holds as many rows as the backup counted."""
        return all(self.counts.get(name) == count for name, count in self.expected.items())


async def restore(
    runtime: Runtime,
    directory: Path,
    *,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress = SILENT,
) -> RestoreReport:
    """Check the backup, then restore it into the runtime's store; see the module docstring."""
    settings = runtime.settings
    manifest = read_manifest(directory)
    listed = {item.path for item in verify(directory, manifest)}
    dump = SQLITE_FILE if settings.is_sqlite else PG_DUMP_FILE
    if dump not in listed:
        store = manifest.get("store")
        raise BackupError(f"the backup holds a {store} store, not one for {_backend(settings)}")
    policy_targets = _policy_targets(settings, directory, listed)
    _check_writable(policy_targets)
    existing = await _existing_rows(runtime)
    if existing and not force:
        raise StoreNotEmpty(
            f"the store already holds {existing:,} rows; restore into an empty store, or pass "
            "--force to wipe it first"
        )
    progress.start(TASK, total=4)
    if existing:
        await _wipe_attachments(runtime)
    # Pooled connections would keep the replaced database's file (SQLite) or locks open.
    await runtime.engine.dispose()
    if settings.is_sqlite:
        await asyncio.to_thread(_sqlite_restore, directory / SQLITE_FILE, sqlite_path(settings))
    else:
        await asyncio.to_thread(_pg_restore, settings, directory / PG_DUMP_FILE)
    await runtime.engine.dispose()
    progress.advance(TASK)
    attachments = _restore_attachments(settings, directory, listed)
    progress.advance(TASK)
    _restore_policies(policy_targets)
    policies = len([path for path in listed if path.startswith(f"{POLICY_DIR}/")])
    progress.advance(TASK)
    index = await reindex(runtime, batch_size=batch_size)
    progress.advance(TASK)
    progress.finish(TASK)
    counts = await table_counts(runtime.engine)
    expected = {str(k): int(v) for k, v in dict(manifest.get("counts") or {}).items()}
    return RestoreReport(counts, expected, attachments, policies, index)


def _backend(settings: Settings) -> str:
    return "sqlite" if settings.is_sqlite else "postgresql"


async def _existing_rows(runtime: Runtime) -> int:
    """Rows in the native store; 0 when it is not even migrated (a brand-new database)."""
    try:
        counts = await table_counts(runtime.engine)
    except SQLAlchemyError:
        return 0
    return sum(counts.values())


async def _wipe_attachments(runtime: Runtime) -> None:
    """Remove the files of the attachments the store refers to now (the rows go with the
    store's replacement)."""
    from gateway.jobs.backup import _attachment_keys

    if runtime.settings.attachments_backend != "filesystem":
        return
    blobs = FilesystemBlobStore(runtime.settings.attachments_dir)
    try:
        keys = await _attachment_keys(runtime.engine)
    except SQLAlchemyError:
        return
    for key in keys:
        await blobs.delete(key)


def _sqlite_restore(source: Path, target: Path) -> None:
    """Replace the target database's content with the backup's, page by page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _pg_restore(settings: Settings, dump: Path) -> None:
    """`pg_restore --clean --if-exists`: drops what the dump holds (a forced restore's wipe)
    and recreates it, in one transaction."""
    uri, env = libpq_target(settings)
    command = [
        str(find_pg_tool("pg_restore")),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        uri,
        str(dump),
    ]
    done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
        command, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        message = lines[-1] if lines else "no message"
        raise BackupError(f"pg_restore failed: {mask_url_password(message)}")


def _restore_attachments(settings: Settings, directory: Path, listed: set[str]) -> int:
    keys = sorted(path.split("/", 1)[1] for path in listed if path.startswith(f"{ATTACHMENT_DIR}/"))
    if settings.attachments_backend != "filesystem":
        return 0
    blobs = FilesystemBlobStore(settings.attachments_dir)
    for key in keys:
        copy_private(directory / ATTACHMENT_DIR / key, blobs.path_of(key))
    return len(keys)


def _policy_targets(settings: Settings, directory: Path, listed: set[str]) -> dict[Path, Path]:
    """Backup file → where it goes, for the policy files that differ from what is there."""
    names = sorted(path.split("/", 1)[1] for path in listed if path.startswith(f"{POLICY_DIR}/"))
    targets: dict[Path, Path] = {}
    for name in names:
        source = directory / POLICY_DIR / name
        model = settings.casbin_model_path
        target = model if name == model.name else settings.policy_dir / name
        if not (target.is_file() and target.read_bytes() == source.read_bytes()):
            targets[source] = target
    return targets


def _check_writable(targets: dict[Path, Path]) -> None:
    """BackupError unless every target can be written (checked before the store is touched)."""
    for target in targets.values():
        existing = target
        while not existing.exists():
            existing = existing.parent
        if not os.access(existing, os.W_OK):
            raise BackupError(
                f"cannot write {target}: point C360_POLICY_DIR / C360_CASBIN_MODEL_PATH at a "
                "writable place (the installation may be read-only)"
            )


def _restore_policies(targets: dict[Path, Path]) -> None:
    for source, target in targets.items():
        copy_private(source, target)
