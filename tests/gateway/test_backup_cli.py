"""`python -m gateway backup` and `restore` as an operator runs them: real subprocesses on
SQLite with the embedded search index; the S3 attachment store recorded by key; and the clear
error when pg_dump is missing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from gateway.jobs import backup_files
from gateway.jobs.backup import backup
from gateway.jobs.backup_files import BackupError, find_pg_tool
from gateway.jobs.restore import restore
from gateway.jobs.seed import seed_store
from gateway.runtime import open_runtime
from store.migrate import async_upgrade
from tests.fixtures.app import sqlite_settings
from tests.fixtures.cli import run_gateway
from tests.fixtures.s3 import ACCESS_KEY, SECRET_KEY, S3Emulator


def _gateway(tmp_path: Path, store: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_gateway(
        *args,
        settings={
            "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / store}.db",
            "C360_ATTACHMENTS_DIR": str(tmp_path / f"{store}-attachments"),
            "C360_SEARCH_EMBEDDED_PATH": str(tmp_path / f"{store}-search"),
            "C360_CASBIN_MODEL_PATH": str(tmp_path / f"{store}-policies" / "casbin_model.conf"),
            "C360_POLICY_DIR": str(tmp_path / f"{store}-policies"),
            "C360_ENVIRONMENT": "development",
            "COLUMNS": "200",
        },
        timeout=180,
    )


def test_backup_then_restore_from_the_command_line(tmp_path: Path) -> None:
    # Given a seeded store (policies from the repository) and its backup
    env_policies = tmp_path / "source-policies"
    env_policies.mkdir()
    for source in [REPO_ROOT / "casbin_model.conf", *(REPO_ROOT / "policies").glob("*.csv")]:
        (env_policies / source.name).write_bytes(source.read_bytes())
    assert _gateway(tmp_path, "source", "migrate").returncode == 0
    seeded = _gateway(tmp_path, "source", "seed", "--size", "tiny", "--no-progress")
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    backed = _gateway(tmp_path, "source", "backup", str(tmp_path / "bk"), "--no-progress")
    assert backed.returncode == 0, backed.stdout + backed.stderr
    assert "settings left out (secrets)" in backed.stdout + backed.stderr
    assert "jwt_secret" in backed.stdout + backed.stderr
    # When it is restored into a new store
    restored = _gateway(tmp_path, "target", "restore", str(tmp_path / "bk"), "--no-progress")
    # Then the counts match and the index is rebuilt
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "notes" in restored.stdout + restored.stderr
    assert "reindexed" in restored.stdout + restored.stderr
    assert "differ" not in restored.stdout + restored.stderr + restored.stderr
    # And a second restore into the now non-empty store needs --force
    again = _gateway(tmp_path, "target", "restore", str(tmp_path / "bk"), "--no-progress")
    assert again.returncode == 1
    assert "--force" in again.stdout + again.stderr
    forced = _gateway(
        tmp_path, "target", "restore", str(tmp_path / "bk"), "--force", "--no-progress"
    )
    assert forced.returncode == 0, forced.stdout + forced.stderr
    # And a backup into a directory that holds files is refused
    refused = _gateway(tmp_path, "source", "backup", str(tmp_path / "bk"), "--no-progress")
    assert refused.returncode == 1
    assert "not empty" in refused.stdout + refused.stderr


def test_a_missing_pg_dump_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup_files, "_DEBIAN_PG_ROOT", tmp_path / "postgresql")
    with pytest.raises(BackupError, match=r"pg_dump was not found .* postgresql-client"):
        find_pg_tool("pg_dump")


async def test_an_s3_bucket_is_recorded_by_key_and_no_credential_is_written(
    s3_emulator: S3Emulator, tmp_path: Path
) -> None:
    bucket = s3_emulator.new_bucket()
    source = sqlite_settings(tmp_path / "s3-source", **s3_emulator.settings(bucket))
    await async_upgrade(source.database_url)
    async with open_runtime(source, connect_upstreams=False, load_policy=False) as runtime:
        await seed_store(runtime, customers=20, notes=50)
        report = await backup(runtime, tmp_path / "bk")
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert manifest["attachments"]["backend"] == "s3"
    stored = s3_emulator.keys(bucket)
    assert report.attachments > 0
    assert len(manifest["attachments"]["keys"]) == report.attachments
    assert manifest["attachments"]["bucket"] == bucket
    assert sorted(manifest["attachments"]["object_keys"]) == stored
    assert not (tmp_path / "bk" / "attachments").exists()
    written = (tmp_path / "bk" / "settings.json").read_text()
    assert ACCESS_KEY not in written
    assert SECRET_KEY not in written
    assert json.loads(written)["attachments_s3_bucket"] == bucket
    target = sqlite_settings(
        tmp_path / "s3-target",
        casbin_model_path=tmp_path / "pol" / "casbin_model.conf",
        policy_dir=tmp_path / "pol",
        **s3_emulator.settings(bucket),
    )
    async with open_runtime(target, connect_upstreams=False, load_policy=False) as runtime:
        restored = await restore(runtime, tmp_path / "bk")
    assert restored.matches
    assert restored.attachments == 0
    assert restored.counts["attachments"] == report.attachments
