"""Policy lines are checked against the model and the vocabulary before they are used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from core.settings import REPO_ROOT
from devservices.ports import free_port
from policies.enforcer import PolicyEngine
from policies.validation import PolicyError

MODEL = REPO_ROOT / "casbin_model.conf"


def _policy_copy(directory: Path) -> Path:
    target = directory / "policies"
    shutil.copytree(REPO_ROOT / "policies", target, ignore=shutil.ignore_patterns("*.py"))
    return target


async def test_the_shipped_policy_passes_the_checks() -> None:
    engine = await PolicyEngine.load(MODEL, REPO_ROOT / "policies")
    assert engine.enforce("sales", "scope:sales", "read")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("p, sales, scope:finance", "has 3 values, this one has 2"),
        ("p, sales, scope:finance, read, now", "has 3 values, this one has 4"),
        ("g, sales", "has 2 values, this one has 1"),
        ("q, sales, scope:finance, read", "unknown line type 'q'"),
        ("hello world", "unknown line type"),
        ("p, sales, scope:finanse, read", "unknown permission 'scope:finanse' / 'read'"),
        ("p, sales, reach:all, read", "unknown permission 'reach:all' / 'read'"),
        ("p, sales, audit_log, write", "unknown permission"),
        ("p, , scope:finance, read", "'' is not a name"),
        ("p, sales team, scope:finance, read", "'sales team' is not a name"),
    ],
)
async def test_a_broken_line_refuses_the_whole_policy_naming_file_line_and_reason(
    tmp_path: Path, line: str, reason: str
) -> None:
    directory = _policy_copy(tmp_path)
    fields = directory / "fields.csv"
    original = fields.read_text()
    fields.write_text(original + line + "\n")
    with capture_logs() as logs, pytest.raises(PolicyError) as refused:
        await PolicyEngine.load(MODEL, directory)
    problem = refused.value.problems[0]
    assert (problem.file, problem.line) == ("fields.csv", len(original.splitlines()) + 1)
    assert reason in problem.reason
    assert f"fields.csv:{problem.line}: " in str(refused.value)
    assert any(
        entry["event"] == "policy refused" and str(problem) in entry["problems"] for entry in logs
    )


async def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    directory = _policy_copy(tmp_path)
    (directory / "zz.csv").write_bytes(b"# fine\n\xff\xfe p, sales\n")
    with pytest.raises(PolicyError, match=r"zz\.csv:2: not UTF-8"):
        await PolicyEngine.load(MODEL, directory)


async def test_a_runtime_reload_of_a_broken_file_keeps_the_old_policy(tmp_path: Path) -> None:
    directory = _policy_copy(tmp_path)
    engine = await PolicyEngine.load(MODEL, directory)
    scopes = directory / "note_scopes.csv"
    scopes.write_text(scopes.read_text() + "p, sales, scope:finance\n")
    with capture_logs() as logs, pytest.raises(PolicyError):
        await engine.reload_if_changed()
    assert engine.enforce("sales", "scope:sales", "read")
    assert not engine.enforce("sales", "scope:finance", "read")
    assert [entry["event"] for entry in logs] == [
        "policy refused; the previous policy stays in force"
    ]
    with capture_logs() as again:
        assert await engine.reload_if_changed() is False  # refused once: not retried
    assert again == []


def test_a_gateway_with_a_broken_policy_refuses_to_start(tmp_path: Path) -> None:
    directory = _policy_copy(tmp_path)
    (directory / "roles.csv").write_text("# the hierarchy\ng, owner\n")
    environment = {
        **os.environ,
        "C360_ENVIRONMENT": "test",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'store.db'}",
        "C360_POLICY_DIR": str(directory),
        "C360_SEARCH_INDEXER": "false",
        "C360_LOG_JSON": "false",
    }
    environment.pop("OPENSEARCH_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "serve", "--port", str(free_port())],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "roles.csv:2: a 'g' line has 2 values, this one has 1" in output
