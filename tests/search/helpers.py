"""Shared steps for the indexer tests: write notes through the store, wait for search."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import insert, select

from core.errors import SearchUnavailable
from policies.principal import Principal
from policies.view import PolicyView
from search.backend import SearchBackend
from search.documents import NoteDocument
from search.request import build_search
from search.results import SearchPage
from store.enums import NoteCategory, NoteType, OutboxOp, Scope
from store.models import Agent, SearchOutbox
from store.note_drafts import NoteDraft
from store.note_reads import NoteRow
from store.notes import create_note, delete_note
from store.visibility import note_visibility
from store.write_context import WriteContext, transaction
from tests.fixtures.seeded import SeededStore


async def admin_view(store: SeededStore) -> PolicyView:
    """An admin who is a real agent (notes need an existing author)."""
    async with store.sessions() as session:
        agent = await session.scalar(select(Agent.id).order_by(Agent.id).limit(1))
    assert agent is not None
    return store.policy.compile(Principal(agent, ("admin",)))


async def write_note(
    store: SeededStore, view: PolicyView, customer_id: str, subject: str, body: str
) -> NoteRow:
    """Create a note the way the createNote mutation does (outbox row in the same commit)."""
    draft = NoteDraft(
        customer_id=customer_id,
        subject=subject,
        body=body,
        category=NoteCategory.GENERAL,
        type=NoteType.INTERACTION_LOG,
        scope=Scope.INTERNAL,
        tags=("freshness",),
    )
    async with transaction(store.sessions) as session:
        return await create_note(session, WriteContext(view), draft)


async def remove_note(store: SeededStore, view: PolicyView, note_id: str) -> None:
    """Soft-delete a note through the store."""
    async with transaction(store.sessions) as session:
        await delete_note(session, WriteContext(view), note_id)


async def enqueue(store: SeededStore, rows: Sequence[tuple[str, int, OutboxOp]]) -> None:
    """Insert outbox rows directly (note id, version, op)."""
    async with transaction(store.sessions) as session:
        await session.execute(
            insert(SearchOutbox),
            [{"note_id": n, "note_version": v, "op": op} for n, v, op in rows],
        )


async def found(backend: SearchBackend, view: PolicyView, query: str) -> set[str]:
    """Ids of the notes `query` finds for `view`."""
    page = await backend.search(build_search(query=query, first=100), note_visibility(view))
    return {hit.note_id for hit in page.hits}


async def _found_or_none(backend: SearchBackend, view: PolicyView, query: str) -> set[str] | None:
    try:
        return await found(backend, view, query)
    except SearchUnavailable:  # e.g. shards still starting after a restart
        return None


async def wait_until(
    backend: SearchBackend,
    view: PolicyView,
    query: str,
    expected: set[str],
    limit_seconds: float = 10.0,
) -> float:
    """Seconds until `query` finds exactly `expected`; fails after `limit_seconds`."""
    started = time.perf_counter()
    while (got := await _found_or_none(backend, view, query)) != expected:
        if time.perf_counter() - started > limit_seconds:
            raise AssertionError(f"{query!r} still finds {got}, not {expected}")
        await asyncio.sleep(0.02)
    return time.perf_counter() - started


def assert_counts(page: SearchPage, expected: Sequence[NoteDocument]) -> None:
    """The page's total and every facet count are exactly those of `expected`."""
    assert page.total == len(expected)
    assert {b.value: b.count for b in page.facets.tags} == dict(
        Counter(tag for doc in expected for tag in doc.tags)
    )
    assert {b.value: b.count for b in page.facets.types} == dict(Counter(d.type for d in expected))
    assert {b.value: b.count for b in page.facets.authors} == dict(
        Counter(d.author_id for d in expected)
    )
