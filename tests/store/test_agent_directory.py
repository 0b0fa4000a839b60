"""The agent directory in the store: the actor check, just-in-time agents, directory batches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound
from policies.decisions import is_directory_agent
from policies.principal import Principal
from store.agent_directory import (
    AgentDeactivated,
    AgentSource,
    DirectoryAgent,
    apply_directory,
    check_actor,
    deactivate_missing,
    directory_watermark,
)
from store.models import Agent, AuditLog
from store.write_context import WriteContext
from tests.store.native import given_directory, policy

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


async def _ctx(subject: str, role: str, **claims: object) -> WriteContext:
    principal = Principal(subject=subject, roles=(role,), **claims)  # type: ignore[arg-type]
    return WriteContext(view=(await policy()).compile(principal), request_id="req-dir", now=NOW)


async def _provisions(session: AsyncSession, agent_id: str) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(AuditLog)
        .where(AuditLog.action == "agent.provision", AuditLog.target_id == agent_id)
    )
    return count or 0


@pytest.mark.parametrize(
    ("role", "staff"),
    [
        *[(r, True) for r in ("owner", "admin", "manager", "executive", "support", "finance")],
        *[(r, True) for r in ("sales", "branch", "fulfillment", "field", "qa")],
        ("partner", False),
        ("customer", False),
    ],
)
async def test_staff_are_the_roles_the_policy_names_directory_members(
    role: str, staff: bool
) -> None:
    view = (await policy()).compile(Principal(subject="x", roles=(role,)))
    assert is_directory_agent(view) is staff


async def test_an_unknown_agent_is_not_found_by_name_when_provisioning_is_off(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await _ctx("new-hire-1", "sales")

    with pytest.raises(NotFound, match=r"agent new-hire-1 is not in the agent directory") as err:
        await check_actor(session, ctx, provision=False)

    assert "provisioning is off" in err.value.message
    assert await session.get(Agent, "new-hire-1") is None


async def test_a_new_staff_member_is_provisioned_once_from_the_claims(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await _ctx(
        "new-hire-2", "support", branches=("b-2",), name="Nia Patel", email="nia@example.com"
    )

    await check_actor(session, ctx, provision=True)
    await check_actor(session, ctx, provision=True)

    agent = await session.get(Agent, "new-hire-2")
    assert agent is not None
    assert (agent.name, agent.email, agent.role, agent.branch_id, agent.active) == (
        "Nia Patel",
        "nia@example.com",
        "support",
        "b-2",
        True,
    )
    assert agent.source == AgentSource.JIT
    assert await _provisions(session, "new-hire-2") == 1


async def test_provisioning_without_an_email_or_a_known_branch_still_makes_a_unique_agent(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await _ctx("new-hire-3", "sales", branches=("nowhere",))

    await check_actor(session, ctx, provision=True)

    agent = await session.get(Agent, "new-hire-3")
    assert agent is not None
    assert (agent.name, agent.email, agent.branch_id) == (
        "new-hire-3",
        "new-hire-3@agents.invalid",
        None,
    )


async def test_an_email_of_another_agent_is_not_provisioned_but_named(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await _ctx("new-hire-4", "sales", email="a-sales@example.com")

    with pytest.raises(NotFound, match="agent new-hire-4 is not in the agent directory"):
        await check_actor(session, ctx, provision=True)

    assert await _provisions(session, "new-hire-4") == 0


async def test_a_deactivated_agent_may_not_write_even_with_provisioning_on(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    agent = await session.get(Agent, "a-sales")
    assert agent is not None
    agent.active = False
    await session.flush()

    with pytest.raises(AgentDeactivated, match="agent a-sales is deactivated") as err:
        await check_actor(session, await _ctx("a-sales", "sales"), provision=True)

    assert (err.value.code, err.value.extensions) == ("FORBIDDEN", {"reason": "AGENT_DEACTIVATED"})


async def test_portal_principals_are_not_agents_and_are_not_checked(
    session: AsyncSession,
) -> None:
    await given_directory(session)

    await check_actor(session, await _ctx("portal-1", "partner", partner="p-1"), provision=True)
    await check_actor(session, await _ctx("cust-1", "customer", customer="c-1"), provision=False)

    assert await session.get(Agent, "portal-1") is None


def _row(agent_id: str, **overrides: object) -> DirectoryAgent:
    values: dict[str, object] = {
        "id": agent_id,
        "name": agent_id.title(),
        "email": f"{agent_id}@staff.example.com",
        "role": "sales",
        "branch_id": "b-1",
        "active": True,
        "updated_at": NOW - timedelta(days=1),
    }
    values.update(overrides)
    return DirectoryAgent(**values)  # type: ignore[arg-type]


async def test_directory_batches_insert_update_deactivate_and_skip_what_is_unchanged(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    first = await apply_directory(session, [_row("d-1"), _row("d-2"), _row("d-3")], NOW)
    again = await apply_directory(session, [_row("d-1"), _row("d-2"), _row("d-3")], NOW)
    later = NOW + timedelta(hours=1)
    changed = await apply_directory(
        session,
        [
            _row("d-1", name="Renamed", updated_at=later),
            _row("d-2", active=False, updated_at=later),
        ],
        later,
    )
    gone = await deactivate_missing(session, ["d-1", "d-2"], later)

    assert (first.inserted, first.updated, first.deactivated) == (3, 0, 0)
    assert (again.inserted, again.updated, again.deactivated) == (0, 0, 0)
    assert (changed.inserted, changed.updated, changed.deactivated) == (0, 2, 1)
    assert gone == 1
    agents = {a.id: a for a in await session.scalars(select(Agent).where(Agent.id.like("d-%")))}
    assert agents["d-1"].name == "Renamed"
    assert [agents[i].active for i in ("d-1", "d-2", "d-3")] == [True, False, False]
    assert agents["d-2"].deactivated_at == later
    assert await directory_watermark(session) == later
    # Agents the directory never listed (seed, jit) are not its leavers.
    seeded = await session.get(Agent, "a-admin")
    assert seeded is not None
    assert seeded.active


async def test_a_directory_row_with_another_agents_email_is_skipped(
    session: AsyncSession,
) -> None:
    await given_directory(session)

    changes = await apply_directory(session, [_row("d-9", email="a-qa@example.com")], NOW)

    assert changes.skipped == ("d-9",)
    assert await session.get(Agent, "d-9") is None
