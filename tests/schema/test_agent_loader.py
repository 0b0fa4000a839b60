"""The request's agent loader: key order, unknown ids, one query, and failures that reach
every waiting field (and are not cached)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import StoreUnavailable
from resolvers.agent_loader import AgentByIdLoader, StoreActivity
from store.directory import agents_by_ids
from store.models import Agent
from tests.fixtures.seeded import SeededStore


async def test_agents_come_in_key_order_with_none_for_ids_no_agent_has(
    seeded_store: SeededStore,
) -> None:
    calls: list[list[str]] = []

    async def batch(session: AsyncSession, ids: Sequence[str]) -> Sequence[Agent | None]:
        calls.append(list(ids))
        return await agents_by_ids(session, ids)

    loader = AgentByIdLoader(seeded_store.sessions, batch, StoreActivity())
    first = asyncio.gather(loader.load("agent-2"), loader.load("system:intake"))
    # Asked a few turns later (as a nested field would be): still the same batch.
    await asyncio.sleep(0)
    later = loader.load_many(["agent-1", "agent-2"])
    (two, job), (one, again) = await asyncio.gather(first, later)

    assert two is not None
    assert two.id == "agent-2"
    assert job is None
    assert one is not None
    assert one.id == "agent-1"
    assert again is two
    assert calls == [["agent-2", "system:intake", "agent-1"]]


async def test_a_failed_read_fails_every_waiting_field_and_is_retried(
    seeded_store: SeededStore,
) -> None:
    failing = True

    async def batch(session: AsyncSession, ids: Sequence[str]) -> Sequence[Agent | None]:
        if failing:
            raise StoreUnavailable("the store is down")
        return await agents_by_ids(session, ids)

    loader = AgentByIdLoader(seeded_store.sessions, batch, StoreActivity())
    results = await asyncio.gather(
        loader.load("agent-1"), loader.load("agent-3"), return_exceptions=True
    )
    assert all(isinstance(result, StoreUnavailable) for result in results)

    failing = False
    agent = await loader.load("agent-1")
    assert agent is not None
    assert agent.id == "agent-1"


async def test_the_batch_waits_for_store_reads_in_flight(seeded_store: SeededStore) -> None:
    activity = StoreActivity()
    calls: list[list[str]] = []

    async def batch(session: AsyncSession, ids: Sequence[str]) -> Sequence[Agent | None]:
        calls.append(list(ids))
        return await agents_by_ids(session, ids)

    loader = AgentByIdLoader(seeded_store.sessions, batch, activity)

    async def history_then_editor() -> Agent | None:
        # A store read in flight (a note's history), whose answer names another agent.
        async with activity.batch():
            await asyncio.sleep(0.05)
        return await loader.load("agent-21")

    author, editor = await asyncio.gather(loader.load("agent-1"), history_then_editor())
    assert author is not None
    assert editor is not None
    assert calls == [["agent-1", "agent-21"]]
