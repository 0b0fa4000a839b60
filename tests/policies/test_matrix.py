"""The PRODUCT.md policy matrix, row by row, against the compiled views of the real policy."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.vocabulary import Capability, FieldGroup, Reach, Scope

ALL: set[str] = {str(scope) for scope in Scope}
SENIOR = ("owner", "admin", "manager", "executive")
FINANCIAL_GROUPS = {FieldGroup.FINANCIALS, FieldGroup.RISK_FLAGS, FieldGroup.LIFETIME_VALUE}

# role: (scopes read, reach, sees financials/risk/LTV, reads audit) — PRODUCT.md, verbatim.
MATRIX: dict[str, tuple[set[str], Reach, bool, bool]] = {
    "owner": (ALL, Reach.ALL, True, True),
    "admin": (ALL, Reach.ALL, True, True),
    "manager": (ALL, Reach.ALL, True, True),
    "executive": (ALL, Reach.ALL, True, True),
    "support": ({"internal", "support", "customer"}, Reach.ALL, True, False),
    "finance": ({"internal", "finance", "customer"}, Reach.ALL, True, False),
    "sales": ({"internal", "sales", "customer"}, Reach.ALL, False, False),
    "branch": ({"internal", "branch", "customer"}, Reach.BRANCH, False, False),
    "fulfillment": ({"internal", "fulfillment", "customer"}, Reach.ALL, False, False),
    "field": ({"internal", "fulfillment", "customer"}, Reach.ASSIGNED, False, False),
    "qa": (ALL - {"restricted"}, Reach.ALL, False, True),
    "partner": ({"customer"}, Reach.PARTNER, False, False),
    "customer": ({"customer"}, Reach.SELF, False, False),
}
READ_ONLY = {"qa", "partner", "customer"}


@pytest.fixture(scope="module")
async def engine() -> PolicyEngine:
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


def _principal(*roles: str) -> Principal:
    return Principal(
        subject="agent-1", roles=roles, branches=("north",), partner="p-1", customer="cust-1"
    )


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_role_reads_exactly_its_scopes(engine: PolicyEngine, role: str) -> None:
    scopes, _, _, _ = MATRIX[role]
    assert engine.compile(_principal(role)).readable_scopes == scopes


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_role_writes_its_readable_scopes_unless_read_only(engine: PolicyEngine, role: str) -> None:
    view = engine.compile(_principal(role))
    expected = set() if role in READ_ONLY else set(view.readable_scopes)
    if role not in SENIOR:
        expected.discard("restricted")
    assert view.writable_scopes == expected
    assert view.writable_scopes <= view.readable_scopes


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_role_sees_the_field_groups_of_its_row(engine: PolicyEngine, role: str) -> None:
    _, _, financials, audit = MATRIX[role]
    view = engine.compile(_principal(role))
    assert (view.field_groups >= FINANCIAL_GROUPS) is financials
    assert bool(FINANCIAL_GROUPS & view.field_groups) is financials
    assert view.sees(FieldGroup.AUDIT) is audit
    assert view.sees(FieldGroup.ACTIVITY) is (role not in {"partner", "customer"})
    assert view.can(Capability.READ_AUDIT_LOG) is audit


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_role_reaches_the_customers_of_its_row(engine: PolicyEngine, role: str) -> None:
    _, reach, _, _ = MATRIX[role]
    view = engine.compile(_principal(role)).reach
    assert view.everyone is (reach is Reach.ALL)
    assert (view.branches == {"north"}) is (reach is Reach.BRANCH)
    assert (view.partner == "p-1") is (reach is Reach.PARTNER)
    assert (view.assigned_agent == "agent-1") is (reach is Reach.ASSIGNED)
    assert (view.customer == "cust-1") is (reach is Reach.SELF)


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_risk_flags_are_managed_by_the_roles_that_see_them(engine: PolicyEngine, role: str) -> None:
    view = engine.compile(_principal(role))
    sees = view.sees(FieldGroup.RISK_FLAGS)
    assert view.can(Capability.RAISE_RISK_FLAG) is sees
    assert view.can(Capability.CLEAR_RISK_FLAG) is sees


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_note_editing_rights(engine: PolicyEngine, role: str) -> None:
    view = engine.compile(_principal(role))
    assert view.can(Capability.EDIT_ANY_NOTE) is (role in {"owner", "admin", "manager"})
    assert view.can(Capability.DELETE_ANY_NOTE) is (role in {"owner", "admin", "manager"})
    assert view.can(Capability.EDIT_OWN_NOTE) is (role not in READ_ONLY)


def test_unknown_role_grants_nothing(engine: PolicyEngine) -> None:
    view = engine.compile(_principal("superuser"))
    assert not view.readable_scopes
    assert not view.writable_scopes
    assert not view.field_groups
    assert not view.capabilities
    assert view.reach.nobody


def test_a_slice_without_its_claim_reaches_nobody(engine: PolicyEngine) -> None:
    bare = Principal(subject="p", roles=("partner",))
    assert engine.compile(bare).reach.nobody


@pytest.mark.parametrize("pair", list(itertools.combinations(sorted(MATRIX), 2)))
def test_several_roles_get_the_union(engine: PolicyEngine, pair: tuple[str, str]) -> None:
    first, second = (engine.compile(_principal(role)) for role in pair)
    both = engine.compile(_principal(*pair))
    assert both.readable_scopes == first.readable_scopes | second.readable_scopes
    assert both.field_groups == first.field_groups | second.field_groups
    assert both.capabilities == first.capabilities | second.capabilities


def test_compiled_views_agree_with_raw_enforce(engine: PolicyEngine) -> None:
    for role in MATRIX:
        view = engine.compile(_principal(role))
        for scope in Scope:
            assert (scope in view.readable_scopes) is engine.enforce(role, f"scope:{scope}", "read")


async def test_editing_a_policy_line_changes_behaviour_without_code(tmp_path: Path) -> None:
    policy_dir = tmp_path / "policies"
    shutil.copytree(REPO_ROOT / "policies", policy_dir, ignore=shutil.ignore_patterns("*.py"))
    engine = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", policy_dir)
    assert "finance" not in engine.compile(_principal("sales")).readable_scopes

    scopes_file = policy_dir / "note_scopes.csv"
    scopes_file.write_text(scopes_file.read_text() + "p, sales, scope:finance, read\n")
    assert await engine.reload_if_changed() is True
    assert "finance" in engine.compile(_principal("sales")).readable_scopes
    assert await engine.reload_if_changed() is False


async def test_a_broken_policy_edit_keeps_the_previous_policy(tmp_path: Path) -> None:
    policy_dir = tmp_path / "policies"
    shutil.copytree(REPO_ROOT / "policies", policy_dir, ignore=shutil.ignore_patterns("*.py"))
    engine = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", policy_dir)
    for path in policy_dir.glob("*.csv"):
        path.unlink()
    with pytest.raises(FileNotFoundError):
        await engine.reload()
    assert engine.compile(_principal("support")).readable_scopes == {
        "internal",
        "support",
        "customer",
    }
