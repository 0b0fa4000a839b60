"""The policy engine: Casbin's AsyncEnforcer over casbin_model.conf and policies/*.csv.

`compile` turns a principal into a `PolicyView`; the role-dependent part is cached per role
set, because decisions depend only on roles, and the cache is dropped on every reload.
`reload` builds a fresh enforcer and swaps it in atomically, so a request never sees half a
policy; `watch` polls the files so every instance pointed at them picks changes up. Every
line is checked before the swap (`policies.validation`): a broken edit is logged with its
file, line and reason and the previous policy stays in force; a broken policy at startup
refuses to start.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import casbin
import structlog

from policies.adapter import PolicyDirectoryAdapter
from policies.principal import Principal
from policies.validation import PolicyError
from policies.view import PolicyView, reach_for
from policies.vocabulary import TOKEN_CLAIM, Capability, FieldGroup, Reach, Scope

_log = structlog.get_logger("policies")


@dataclass(frozen=True, slots=True)
class _RoleGrants:
    readable: frozenset[Scope]
    writable: frozenset[Scope]
    handoff_readable: frozenset[Scope]
    field_groups: frozenset[FieldGroup]
    reach: frozenset[Reach]
    capabilities: frozenset[Capability]


class PolicyEngine:
    """Loads, answers and reloads the access policy."""

    def __init__(self, model_path: Path, policy_dir: Path) -> None:
        self.model_path = model_path
        self.policy_dir = policy_dir
        self._enforcer: casbin.AsyncEnforcer | None = None
        self._grants: dict[tuple[str, ...], _RoleGrants] = {}
        # Raw grants of each single role (writes and handoffs not yet narrowed): a role set's
        # grants are their union, so a new combination asks Casbin nothing new.
        self._role_grants: dict[str, _RoleGrants] = {}
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self._token_roles: frozenset[str] = frozenset()
        self._refused: tuple[tuple[str, int, int], ...] = ()
        self._lock = asyncio.Lock()

    @classmethod
    async def load(cls, model_path: Path, policy_dir: Path) -> PolicyEngine:
        """An engine with the policy loaded; raises if the model or files are invalid."""
        engine = cls(model_path, policy_dir)
        await engine.reload()
        return engine

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Name, size and mtime of the model and every policy file."""
        paths = [self.model_path, *sorted(self.policy_dir.glob("*.csv"))]
        return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths)

    async def reload(self) -> None:
        """Build a new enforcer from the files and swap it in; the old one serves until then.

        Raises `PolicyError` (file, line, reason) when a line is refused; nothing is swapped.
        """
        async with self._lock:
            fingerprint = self.fingerprint()
            enforcer = casbin.AsyncEnforcer(
                str(self.model_path), PolicyDirectoryAdapter(self.policy_dir)
            )
            try:
                await enforcer.load_policy()
            except PolicyError as error:
                self._refused = fingerprint
                _log.error(
                    "policy refused; the previous policy stays in force"
                    if self._enforcer is not None
                    else "policy refused",
                    problems=[str(problem) for problem in error.problems],
                    directory=str(self.policy_dir),
                )
                raise
            self._enforcer = enforcer
            self._grants = {}
            self._role_grants = {}
            # Only roles declared claimable (policies/token_roles.csv), each on its own line:
            # inheritance must not make an internal group such as "senior" claimable.
            self._token_roles = frozenset(
                rule[0] for rule in enforcer.get_policy() if tuple(rule[1:3]) == TOKEN_CLAIM
            )
            self._fingerprint = fingerprint
        _log.info("policy loaded", files=[name for name, _, _ in fingerprint])

    async def reload_if_changed(self) -> bool:
        """Reload when a file changed since the last load; True if it did.

        Files refused once are not retried (nor logged again) until they change again.
        """
        fingerprint = self.fingerprint()
        if fingerprint in (self._fingerprint, self._refused):
            return False
        await self.reload()
        return True

    async def watch(self, interval_seconds: float) -> None:
        """Poll the policy files forever; a broken edit is logged and the old policy kept."""
        while True:
            await asyncio.sleep(interval_seconds)
            try:
                await self.reload_if_changed()
            except PolicyError:
                pass  # logged by reload with every refused line
            except Exception:  # a bad policy edit must not take the gateway down
                _log.exception("policy reload failed; keeping the previous policy")

    def non_token_roles(self, roles: tuple[str, ...]) -> list[str]:
        """Roles no token may carry (a token claiming one is rejected)."""
        return [role for role in roles if role not in self._token_roles]

    def enforce(self, role: str, obj: str, act: str) -> bool:
        """One raw Casbin decision; tests use it as the oracle for the compiled views."""
        if self._enforcer is None:
            raise RuntimeError("policy not loaded")
        return bool(self._enforcer.enforce(role, obj, act))

    def compile(self, principal: Principal) -> PolicyView:
        """The principal's permissions for one request."""
        roles = tuple(sorted(set(principal.roles)))
        grants = self._grants.get(roles)
        if grants is None:
            grants = self._grants[roles] = self._grants_for(roles)
        return PolicyView(
            principal=principal,
            readable_scopes=grants.readable,
            writable_scopes=grants.writable,
            handoff_readable=grants.handoff_readable,
            field_groups=grants.field_groups,
            reach=reach_for(principal, grants.reach),
            capabilities=grants.capabilities,
        )

    def _grants_for(self, roles: tuple[str, ...]) -> _RoleGrants:
        """The union of the roles' grants (the model is allow-only: a principal's rights are
        the union of its roles'); a scope is writable only if it is also readable, whatever
        a policy line says, and handoff reading adds only scopes not readable outright."""
        each = [self._raw_grants(role) for role in roles]
        readable = frozenset().union(*(g.readable for g in each))
        return _RoleGrants(
            readable=readable,
            writable=frozenset().union(*(g.writable for g in each)) & readable,
            handoff_readable=frozenset().union(*(g.handoff_readable for g in each)) - readable,
            field_groups=frozenset().union(*(g.field_groups for g in each)),
            reach=frozenset().union(*(g.reach for g in each)),
            capabilities=frozenset().union(*(g.capabilities for g in each)),
        )

    def _raw_grants(self, role: str) -> _RoleGrants:
        """One role's grants as Casbin answers them, asked once per role and policy."""
        grants = self._role_grants.get(role)
        if grants is None:
            grants = self._role_grants[role] = _RoleGrants(
                readable=frozenset(s for s in Scope if self.enforce(role, f"scope:{s}", "read")),
                writable=frozenset(s for s in Scope if self.enforce(role, f"scope:{s}", "write")),
                handoff_readable=frozenset(
                    s for s in Scope if self.enforce(role, f"handoff:{s}", "read")
                ),
                field_groups=frozenset(
                    g for g in FieldGroup if self.enforce(role, f"fields:{g}", "read")
                ),
                reach=frozenset(r for r in Reach if self.enforce(role, f"reach:{r}", "use")),
                capabilities=frozenset(c for c in Capability if self.enforce(role, c.obj, c.act)),
            )
        return grants
