"""The agent directory: who may write, where each agent came from, and who has left.

Staff (the roles the policy names `agent_directory/member`) write as agents: every write
checks the actor once (`check_actor`, called by the resolvers' `perform`) before anything is
written. An unknown agent is provisioned just in time from its token's claims when that is
switched on (insert-if-absent, so concurrent first writes make one row and one audit row), and
is otherwise a NOT_FOUND naming it; a deactivated agent keeps its history and gets FORBIDDEN.
Partner and customer principals are not agents and are not checked here.

`sync-agents` copies the staff directory in with `apply_directory` (insert, update, deactivate
rows marked inactive) and `deactivate_missing` (rows gone from the source); its watermark is
the newest source change time it has copied (`directory_watermark`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound, PolicyDenied
from policies.decisions import is_directory_agent
from store.audit import Target, append, append_job
from store.models import Agent, Branch
from store.write_context import WriteContext

ID_LENGTH = 64
NAME_LENGTH = 200
# Used when a token carries no e-mail: unique per agent, and a domain that never delivers.
PLACEHOLDER_EMAIL_DOMAIN = "agents.invalid"


class AgentSource(StrEnum):
    """Where an agent row came from."""

    SEED = "seed"
    DIRECTORY = "directory"
    JIT = "jit"


class AgentDeactivated(PolicyDenied):
    """The actor is a deactivated agent: its history stays, its writes are refused."""

    def __init__(self, agent_id: str) -> None:
        super().__init__(f"agent {agent_id} is deactivated", reason="AGENT_DEACTIVATED")


@dataclass(frozen=True, slots=True)
class DirectoryAgent:
    """One staff directory row, in the store's terms."""

    id: str
    name: str
    email: str
    role: str
    branch_id: str | None
    active: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class DirectoryChanges:
    """Rows one batch of a sync touched."""

    inserted: int = 0
    updated: int = 0
    deactivated: int = 0
    skipped: tuple[str, ...] = ()

    def __add__(self, other: DirectoryChanges) -> DirectoryChanges:
        return DirectoryChanges(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deactivated + other.deactivated,
            self.skipped + other.skipped,
        )


def _insert(session: AsyncSession, model: type[Any]) -> Any:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


# --- the actor check of every write ------------------------------------------------------------


async def check_actor(session: AsyncSession, ctx: WriteContext, *, provision: bool) -> None:
    """Refuse a write by staff that is not an active agent; provision it first if asked to."""
    if not is_directory_agent(ctx.view):
        return
    subject = ctx.actor
    agent = await _agent(session, subject)
    if agent is None and provision:
        agent = await provision_agent(session, ctx)
    if agent is None:
        hint = (
            "it could not be provisioned from the token: its id is too long or its e-mail "
            "is another agent's"
            if provision
            else "just-in-time provisioning is off: sync the staff directory (sync-agents) "
            "or enable C360_AGENTS_JIT"
        )
        raise NotFound(f"agent {subject} is not in the agent directory ({hint})")
    if not agent.active:
        raise AgentDeactivated(subject)


async def _agent(session: AsyncSession, agent_id: str) -> Agent | None:
    row = await session.execute(select(Agent).where(Agent.id == agent_id))
    return row.scalar_one_or_none()


async def provision_agent(session: AsyncSession, ctx: WriteContext) -> Agent | None:
    """Insert the actor as an agent from its token's claims unless it exists; audit the insert.

    Returns the agent, or None when it cannot be made (an id longer than the column, or an
    e-mail that is another agent's).
    """
    principal = ctx.view.principal
    if len(principal.subject) > ID_LENGTH:
        return None
    branch = await session.scalar(select(Branch.id).where(Branch.id.in_(principal.branches[:1])))
    row = {
        "id": principal.subject,
        "name": (principal.name or principal.subject)[:NAME_LENGTH],
        "email": principal.email or f"{principal.subject}@{PLACEHOLDER_EMAIL_DOMAIN}",
        "role": principal.role,
        # Only a branch the store knows: a token's claim does not create branches.
        "branch_id": branch,
        "active": True,
        "created_at": ctx.now,
        "source": AgentSource.JIT.value,
    }
    # Without a conflict target: a clash on the id (a concurrent first write) or on the e-mail
    # both leave the table as it is.
    statement = _insert(session, Agent).values(row).on_conflict_do_nothing()
    inserted = await session.scalar(statement.returning(Agent.id))
    if inserted is not None:
        after = {key: row[key] for key in ("name", "email", "role", "branch_id", "source")}
        await append(
            session, ctx, "agent.provision", Target("agent", principal.subject), after=after
        )
    return await _agent(session, principal.subject)


# --- sync from the staff directory --------------------------------------------------------------


async def directory_watermark(session: AsyncSession) -> datetime | None:
    """The newest source change time copied so far; None before the first sync."""
    newest: datetime | None = await session.scalar(
        select(func.max(Agent.source_updated_at)).where(Agent.source == AgentSource.DIRECTORY.value)
    )
    return newest


async def _ensure_branches(session: AsyncSession, ids: set[str]) -> None:
    if ids:
        rows = [{"id": each, "name": each} for each in sorted(ids)]
        statement = _insert(session, Branch).values(rows)
        await session.execute(statement.on_conflict_do_nothing(index_elements=["id"]))


async def apply_directory(
    session: AsyncSession, rows: Sequence[DirectoryAgent], now: datetime
) -> DirectoryChanges:
    """Insert new agents, update changed ones, deactivate those marked inactive.

    An unchanged row is not written at all, so a re-read of the watermark's own rows touches
    nothing. A row whose e-mail is another agent's is skipped and named in the result.
    """
    if not rows:
        return DirectoryChanges()
    ids = [row.id for row in rows]
    known = {a.id: a for a in await session.scalars(select(Agent).where(Agent.id.in_(ids)))}
    emails = {
        email: agent_id
        for agent_id, email in await session.execute(
            select(Agent.id, Agent.email).where(Agent.email.in_({row.email for row in rows}))
        )
    }
    await _ensure_branches(session, {row.branch_id for row in rows if row.branch_id})
    inserted = updated = deactivated = 0
    skipped: list[str] = []
    for row in rows:
        owner = emails.get(row.email)
        if owner is not None and owner != row.id:
            skipped.append(row.id)
            continue
        agent = known.get(row.id)
        if agent is None:
            new = _new_agent(row, now)
            session.add(new)
            inserted += 1
            _audit(session, now, "agent.sync.insert", row.id, None, _shown(new, AUDITED))
            continue
        values = _changed_values(agent, row, now)
        if values:
            deactivated += bool(agent.active and not row.active)
            updated += 1
            changed = [key for key in AUDITED if key in values]
            before = _shown(agent, changed)
            await session.execute(update(Agent).where(Agent.id == row.id).values(**values))
            if changed:
                after = {key: values[key] for key in changed}
                _audit(session, now, "agent.sync.update", row.id, before, after)
    await session.flush()
    return DirectoryChanges(inserted, updated, deactivated, tuple(skipped))


# What the audit trail of a synced agent shows (the watermark and source are bookkeeping).
AUDITED = ("name", "email", "role", "branch_id", "active")
SYNC_JOB = "sync-agents"


def _shown(agent: Agent, keys: Iterable[str]) -> dict[str, Any]:
    return {key: getattr(agent, key) for key in keys}


def _audit(
    session: AsyncSession,
    now: datetime,
    action: str,
    agent_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    target = Target("agent", agent_id)
    append_job(session, SYNC_JOB, now, action, target, before=before, after=after)


def _new_agent(row: DirectoryAgent, now: datetime) -> Agent:
    return Agent(
        id=row.id,
        name=row.name[:NAME_LENGTH],
        email=row.email,
        role=row.role,
        branch_id=row.branch_id,
        active=row.active,
        created_at=now,
        source=AgentSource.DIRECTORY.value,
        source_updated_at=row.updated_at,
        deactivated_at=None if row.active else now,
    )


def _changed_values(agent: Agent, row: DirectoryAgent, now: datetime) -> dict[str, Any]:
    wanted: dict[str, Any] = {
        "name": row.name[:NAME_LENGTH],
        "email": row.email,
        "role": row.role,
        "branch_id": row.branch_id,
        "active": row.active,
        "source": AgentSource.DIRECTORY.value,
        "source_updated_at": row.updated_at,
    }
    values = {key: value for key, value in wanted.items() if getattr(agent, key) != value}
    if "active" in values:
        # Leaving stamps the time; a rehire clears it.
        values["deactivated_at"] = None if row.active else now
    return values


async def deactivate_missing(session: AsyncSession, listed: Iterable[str], now: datetime) -> int:
    """Deactivate synced agents the directory no longer lists; returns how many."""
    still = set(listed)
    active = await session.scalars(
        select(Agent.id).where(Agent.source == AgentSource.DIRECTORY.value, Agent.active)
    )
    gone = sorted(set(active) - still)
    for start in range(0, len(gone), 500):
        await session.execute(
            update(Agent)
            .where(Agent.id.in_(gone[start : start + 500]))
            .values(active=False, deactivated_at=now)
        )
    for agent_id in gone:
        _audit(session, now, "agent.sync.deactivate", agent_id, {"active": True}, {"active": False})
    return len(gone)
