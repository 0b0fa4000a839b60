"""Which roles a token may carry is policy, declared in policies/token_roles.csv."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine

MODEL = REPO_ROOT / "casbin_model.conf"
POLICIES = REPO_ROOT / "policies"
ROLES_OF_THE_MATRIX = [
    "owner",
    "admin",
    "manager",
    "executive",
    "support",
    "finance",
    "sales",
    "branch",
    "fulfillment",
    "field",
    "qa",
    "partner",
    "customer",
]


async def test_every_role_of_the_matrix_is_a_token_role_and_internal_groups_are_not() -> None:
    engine = await PolicyEngine.load(MODEL, POLICIES)
    assert engine.non_token_roles(tuple(ROLES_OF_THE_MATRIX)) == []
    # "senior" grants the top row its shared rights, but no token may claim it directly.
    assert engine.non_token_roles(("senior", "superuser", "sales")) == ["senior", "superuser"]


async def test_declaring_a_token_role_in_the_policy_files_changes_what_tokens_may_claim(
    tmp_path: Path,
) -> None:
    for path in POLICIES.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "token_roles.csv").open("a", encoding="utf-8") as file:
        file.write("p, senior, token, claim\n")
    engine = await PolicyEngine.load(MODEL, tmp_path)
    assert engine.non_token_roles(("senior",)) == []
    (tmp_path / "token_roles.csv").write_text("p, sales, token, claim\n", encoding="utf-8")
    await engine.reload()
    assert engine.non_token_roles(("sales", "admin")) == ["admin"]
