"""The scale-out proof: two indexers on one outbox neither double-index nor lose a note.

`gather_evidence` reads what happened from the store and from each gateway's own indexer
counters (/metrics); `check_index` looks every created note up in OpenSearch at the store's
version; `verify` turns any violation into `ProofViolated`, so a broken proof fails the run
instead of printing a pass.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.loadgen import LoadSummary
from search.dead_letters import outbox_depth
from search.documents import note_version_of
from search.opensearch_backend import OpenSearchBackend
from store.models import Note, SearchDeadLetter, SearchOutbox

if TYPE_CHECKING:
    from bench.environment import Environment

DRAIN_TIMEOUT_SECONDS = 60.0
POLL_SECONDS = 0.5


class ProofViolated(RuntimeError):
    """The indexers double-indexed, lost or failed a note: the scale-out result is void."""


@dataclass(frozen=True, slots=True)
class IndexingEvidence:
    """What the store, each gateway's counters and OpenSearch say after a phase drained."""

    outbox_rows: int  # created during the phase (rows with a higher id than before it)
    claimed: tuple[int, ...]  # per gateway process, from its c360_search_outbox_claimed_total
    written: int
    stale: int
    retried: int
    dead_lettered: int
    dead_letters: int  # the phase's rows in search_dead_letters
    unprocessed: int  # outbox rows still waiting when the drain wait ended
    notes_checked: int  # the phase's notes (outbox rows and the load's createNote answers)
    not_indexed: tuple[str, ...]  # absent from OpenSearch, or at another version than stored
    index_live: int
    store_live: int


def verify(evidence: IndexingEvidence) -> None:
    """Raise `ProofViolated` unless every row was claimed once and every note is indexed."""
    e = evidence
    violations = []
    if e.unprocessed:
        violations.append(f"{e.unprocessed} outbox rows never processed")
    if sum(e.claimed) != e.outbox_rows:
        violations.append(
            f"claimed {sum(e.claimed)} rows in all ({e.claimed}) for {e.outbox_rows} created: "
            + ("some processed twice" if sum(e.claimed) > e.outbox_rows else "some lost")
        )
    if len(e.claimed) > 1 and not all(e.claimed):
        violations.append(f"an indexer claimed nothing ({e.claimed})")
    if e.retried or e.dead_lettered or e.dead_letters:
        violations.append(
            f"{e.retried} retried, {e.dead_lettered} dead-lettered ({e.dead_letters} rows)"
        )
    if e.not_indexed:
        violations.append(
            f"{len(e.not_indexed)} notes not indexed at their version: "
            + ", ".join(e.not_indexed[:10])
        )
    if e.index_live != e.store_live:
        violations.append(f"{e.index_live} live documents for {e.store_live} live notes")
    if violations:
        raise ProofViolated("indexing proof violated: " + "; ".join(violations))


_COUNTERS = {
    "claimed": "c360_search_outbox_claimed_total",
    **{
        outcome: f'c360_search_index_writes_total{{outcome="{outcome}"}}'
        for outcome in ("written", "stale", "retried", "dead_lettered")
    },
}


async def indexer_counts(url: str) -> dict[str, int]:
    """A gateway's indexer counters, from its /metrics."""
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        text = (await http.get("/metrics")).text
    values = dict(line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))
    return {key: int(float(values.get(series, 0))) for key, series in _COUNTERS.items()}


async def count_rows(sessions: async_sessionmaker[AsyncSession], statement: Any) -> int:
    async with sessions() as session:
        return int(await session.scalar(statement) or 0)


async def gather_evidence(
    sessions: async_sessionmaker[AsyncSession],
    env: Environment,
    urls: list[str],
    first_row: int,
    before: list[dict[str, int]],
    load: LoadSummary,
) -> IndexingEvidence:
    """Wait for the outbox to drain, then collect the evidence of the phase's indexing."""
    assert env.opensearch_url is not None
    deadline = time.monotonic() + DRAIN_TIMEOUT_SECONDS
    unprocessed = await outbox_depth(sessions)
    while unprocessed and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        unprocessed = await outbox_depth(sessions)
    rows = await count_rows(
        sessions, select(func.count()).select_from(SearchOutbox).where(SearchOutbox.id > first_row)
    )

    async def deltas() -> list[dict[str, int]]:
        now = [await indexer_counts(url) for url in urls]
        return [{k: n[k] - b[k] for k in n} for n, b in zip(now, before, strict=True)]

    # A batch is counted just after its commit: give the last one a moment to show.
    counted = await deltas()
    while sum(d["claimed"] for d in counted) < rows and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
        counted = await deltas()
    await asyncio.sleep(2 * POLL_SECONDS)  # and any late (double) claim too
    counted = await deltas()
    async with sessions() as session:
        phase_notes = set(
            await session.scalars(select(SearchOutbox.note_id).where(SearchOutbox.id > first_row))
        )
    noted = phase_notes | {note.id for note in load.created_notes}
    not_indexed, index_live = await check_index(sessions, env, sorted(noted))
    return IndexingEvidence(
        outbox_rows=rows,
        claimed=tuple(d["claimed"] for d in counted),
        written=sum(d["written"] for d in counted),
        stale=sum(d["stale"] for d in counted),
        retried=sum(d["retried"] for d in counted),
        dead_lettered=sum(d["dead_lettered"] for d in counted),
        dead_letters=await count_rows(
            sessions,
            select(func.count())
            .select_from(SearchDeadLetter)
            .where(SearchDeadLetter.outbox_id > first_row),
        ),
        unprocessed=unprocessed,
        notes_checked=len(noted),
        not_indexed=not_indexed,
        index_live=index_live,
        store_live=await count_rows(
            sessions, select(func.count()).select_from(Note).where(Note.deleted_at.is_(None))
        ),
    )


async def check_index(
    sessions: async_sessionmaker[AsyncSession], env: Environment, note_ids: list[str]
) -> tuple[tuple[str, ...], int]:
    """Notes absent from OpenSearch or at another version than stored; live documents.

    Refreshes the index first, so every acknowledged write is counted.
    """
    assert env.opensearch_url is not None
    backend = OpenSearchBackend(env.opensearch_url, env.prefix, timeout=60)
    wrong: list[str] = []
    try:
        await backend.refresh()
        for start in range(0, len(note_ids), 500):
            chunk = note_ids[start : start + 500]
            async with sessions() as session:
                stored = {
                    row.id: (row.version, row.deleted_at is not None)
                    for row in await session.execute(
                        select(Note.id, Note.version, Note.deleted_at).where(Note.id.in_(chunk))
                    )
                }
            found = await backend.client.mget(
                index=backend.alias, body={"ids": chunk}, params={"_source": "deleted"}
            )
            indexed = {
                doc["_id"]: (note_version_of(int(doc["_version"])), bool(doc["_source"]["deleted"]))
                for doc in found["docs"]
                if doc.get("found")
            }
            wrong += [n for n in chunk if n not in stored or indexed.get(n) != stored[n]]
        live = await backend.client.count(
            index=backend.alias, body={"query": {"term": {"deleted": False}}}
        )
    finally:
        await backend.close()
    return tuple(wrong), int(live["count"])
