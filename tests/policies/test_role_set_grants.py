"""A principal's grants are the union of its roles' grants, each role asked of Casbin once.

Compiling a role set Casbin has answered role by role asks it nothing new (a token with a new
combination of known roles used to cost a full round of Casbin calls, a tenth of a second), and
the compiled view is still exactly what raw `enforce` calls allow.
"""

from __future__ import annotations

import itertools

import pytest

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView, reach_for
from policies.vocabulary import Capability, FieldGroup, Reach, Scope

ROLES = ["owner", "executive", "support", "finance", "sales", "branch", "partner", "customer"]


def _raw_view(engine: PolicyEngine, principal: Principal) -> tuple[object, ...]:
    """The grants straight from raw Casbin decisions (the model: allow if any role allows)."""

    def any_(obj: str, act: str) -> bool:
        return any(engine.enforce(role, obj, act) for role in principal.roles)

    readable = frozenset(s for s in Scope if any_(f"scope:{s}", "read"))
    return (
        readable,
        frozenset(s for s in readable if any_(f"scope:{s}", "write")),
        frozenset(s for s in Scope if any_(f"handoff:{s}", "read")) - readable,
        frozenset(g for g in FieldGroup if any_(f"fields:{g}", "read")),
        reach_for(principal, frozenset(r for r in Reach if any_(f"reach:{r}", "use"))),
        frozenset(c for c in Capability if any_(c.obj, c.act)),
    )


def _grants(view: PolicyView) -> tuple[object, ...]:
    return (
        view.readable_scopes,
        view.writable_scopes,
        view.handoff_readable,
        view.field_groups,
        view.reach,
        view.capabilities,
    )


def _principal(roles: tuple[str, ...]) -> Principal:
    # Every reach claim present, so a reach kind a role grants shows in the compiled view.
    return Principal(
        subject="agent-9", roles=roles, branches=("branch-1",), partner="p-1", customer="c-1"
    )


async def test_a_new_combination_of_known_roles_asks_casbin_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    for role in ROLES:
        engine.compile(_principal((role,)))
    calls: list[tuple[str, str, str]] = []
    enforce = engine.enforce

    def counted(role: str, obj: str, act: str) -> bool:
        calls.append((role, obj, act))
        return enforce(role, obj, act)

    monkeypatch.setattr(engine, "enforce", counted)
    combinations = [*itertools.combinations(ROLES, 2), ("sales", "support", "branch")]
    views = {roles: engine.compile(_principal(roles)) for roles in combinations}
    assert calls == []
    monkeypatch.undo()
    # A sample against raw decisions (each costs a full round of Casbin calls); the leak proof
    # (test_no_leaks.py) judges generated role sets of up to three roles by them too.
    for roles in [*combinations[::5], combinations[-1]]:
        assert _grants(views[roles]) == _raw_view(engine, _principal(roles)), roles
