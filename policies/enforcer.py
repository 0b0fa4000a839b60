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

    def _any(self, roles: tuple[str, ...], obj: str, act: str) -> bool:
        return any(self.enforce(role, obj, act) for role in roles)

    def _grants_for(self, roles: tuple[str, ...]) -> _RoleGrants:
        readable = frozenset(s for s in Scope if self._any(roles, f"scope:{s}", "read"))
        # A scope is writable only if it is also readable, whatever a policy line says.
        writable = frozenset(s for s in readable if self._any(roles, f"scope:{s}", "write"))
        handoff = frozenset(s for s in Scope if self._any(roles, f"handoff:{s}", "read"))
        return _RoleGrants(
            readable=readable,
            writable=writable,
            handoff_readable=handoff - readable,
            field_groups=frozenset(
                g for g in FieldGroup if self._any(roles, f"fields:{g}", "read")
            ),
            reach=frozenset(r for r in Reach if self._any(roles, f"reach:{r}", "use")),
            capabilities=frozenset(c for c in Capability if self._any(roles, c.obj, c.act)),
        )
