"""noteReport(groupBy: CUSTOMER) over a year: the search engine's aggregation against the scan.

`python -m bench.report_engine --admin-dsn postgresql+asyncpg://… --opensearch-url URL
[--notes 1000000] [--rounds 10]`

Loads a scratch PostgreSQL store as `bench.report_scale` does (its statements: 100,000
customers over 40 branches, a quarter with one of 25 partners, 500 agents, `--notes` notes over
two years, tags, 2 % deleted; no rollup, CUSTOMER never reads it), indexes the same notes into
a scratch OpenSearch index prefix (rows streamed from a server-side cursor into bulk writes;
each row becomes the project's `NoteDocument`, checked equal to the indexer's own
`load_documents` on a sample, which reads per batch and is too slow for millions), then times
the first page (100 groups) of the report by customer over the last year for a manager (every
customer), a branch caller and a sales caller (some scopes): the store's scan, and what the
resolver does on the engine (the store's unsettled notes, then the terms aggregation; the
groups counted up to the cap from the same buckets), with the engine's request cache cleared
before every round, and once with it left alone. `--customers` sets how many customers the
notes fall on (100,000 by default; `bench notes load`'s store has 1,000,000). Every first
page and total is compared equal to the scan's. Both the database and the index are dropped
afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.report_scale import CALLERS, CUSTOMERS, LOAD, NOW, START
from bench.services import scratch_database
from core.crypto import is_sealed
from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.view import PolicyView
from search import report_aggregation
from search.documents import NoteDocument, index_version, load_documents
from search.opensearch_backend import OpenSearchBackend
from store.db import create_engine, session_factory
from store.models import Customer, CustomerAssignment, Note, NoteTag
from store.note_reads import NoteFilter
from store.outbox import unsettled_note_ids
from store.pagination import PageRequest
from store.reports import NoteGroup, ReportWindow, groups_of_notes, note_report
from store.visibility import note_visibility

BATCH = 5_000
WRITERS = 2
SAMPLE = 500
WINDOW = ReportWindow(NOW - timedelta(days=365), NOW)
WINDOW_BOUNDS = (WINDOW.since, WINDOW.until)


async def load(url: str, notes: int, shape: dict[str, int]) -> float:
    """The generated store (bench.report_scale's statements); seconds taken."""
    engine = create_engine(url)
    started = time.perf_counter()
    try:
        async with engine.begin() as connection:
            for statement in LOAD:
                await connection.execute(
                    text(statement),
                    {"start": START, "notes": notes, **shape},
                )
    finally:
        await engine.dispose()
    return time.perf_counter() - started


def _documents_statement() -> Any:
    """Every live note with its tags and its customer's reach fields, in one statement."""
    tags = (
        select(func.coalesce(func.array_agg(NoteTag.tag.distinct()), text("'{}'")))
        .where(NoteTag.note_id == Note.id)
        .scalar_subquery()
    )
    agents = (
        select(func.coalesce(func.array_agg(CustomerAssignment.agent_id.distinct()), text("'{}'")))
        .where(CustomerAssignment.customer_id == Note.customer_id)
        .scalar_subquery()
    )
    return (
        select(
            Note.id,
            Note.version,
            Note.subject,
            Note.body,
            Note.scope,
            Note.type,
            Note.category,
            Note.importance,
            Note.sentiment,
            Note.urgency,
            Note.pinned,
            Note.author_id,
            Note.customer_id,
            Customer.branch_id,
            Customer.partner_id,
            Note.created_at,
            Note.updated_at,
            tags.label("tags"),
            agents.label("agents"),
        )
        .join(Customer, Customer.id == Note.customer_id)
        .where(Note.deleted_at.is_(None))
    )


def _document(row: Any) -> NoteDocument:
    """A row of `_documents_statement` as the indexer's document (array_agg DISTINCT sorts)."""
    return NoteDocument(
        note_id=row.id,
        version=index_version(row.version),
        subject="" if is_sealed(row.subject) else row.subject,
        body="" if is_sealed(row.body) else row.body,
        tags=tuple(row.tags),
        scope=row.scope.value,
        type=row.type.value,
        category=row.category.value,
        importance=row.importance.value,
        sentiment=row.sentiment.value if row.sentiment else None,
        urgency=row.urgency.value if row.urgency else None,
        pinned=row.pinned,
        author_id=row.author_id,
        customer_id=row.customer_id,
        branch_id=row.branch_id,
        partner_id=row.partner_id,
        assigned_agents=tuple(row.agents),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def index_notes(
    sessions: async_sessionmaker[AsyncSession], backend: OpenSearchBackend
) -> tuple[int, float]:
    """Stream every live note into a new index, make it live; (documents, seconds)."""
    started = time.perf_counter()
    index = await backend.create_index()
    written = 0
    slots = asyncio.Semaphore(WRITERS)
    pending: set[asyncio.Task[None]] = set()

    async def write(documents: list[NoteDocument]) -> None:
        try:
            outcomes = await backend.write(documents, index=index)
            failed = [outcome for outcome in outcomes if outcome.error]
            if failed:
                raise RuntimeError(f"{len(failed)} documents refused: {failed[0].error}")
        finally:
            slots.release()

    async with sessions() as session:
        result = await session.stream(_documents_statement().execution_options(yield_per=BATCH))
        async for rows in result.partitions(BATCH):
            documents = [_document(row) for row in rows]
            await slots.acquire()
            task = asyncio.create_task(write(documents))
            pending.add(task)
            task.add_done_callback(pending.discard)
            written += len(documents)
            if written % 200_000 < BATCH:
                rate = written / (time.perf_counter() - started)
                print(f"  indexed {written:,} ({rate:,.0f} docs/s)", flush=True)
    await asyncio.gather(*pending)
    await backend.swap_alias(index)
    return written, time.perf_counter() - started


async def check_sample(sessions: async_sessionmaker[AsyncSession]) -> int:
    """The statement's documents equal the indexer's own for a sample of notes."""
    async with sessions() as session:
        ids = list(
            await session.scalars(
                select(Note.id).where(Note.deleted_at.is_(None)).order_by(Note.id).limit(SAMPLE)
            )
        )
        built = await load_documents(session, dict.fromkeys(ids, 0))
        rows = await session.execute(_documents_statement().where(Note.id.in_(ids)))
        ours = {row.id: _document(row) for row in rows}
    assert ours == built, "the bench's documents differ from the indexer's"
    return len(ids)


async def _median(
    rounds: int,
    step: Callable[[], Awaitable[Any]],
    before: Callable[[], Awaitable[Any]] | None = None,
) -> tuple[float, Any]:
    samples, answer = [], None
    for _ in range(rounds):
        if before is not None:
            await before()
        started = time.perf_counter()
        answer = await step()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), answer


async def time_caller(
    sessions: async_sessionmaker[AsyncSession],
    backend: OpenSearchBackend,
    view: PolicyView,
    rounds: int,
) -> dict[str, Any]:
    """The scan's and the engine's first page for one caller: p50 ms, pages compared."""
    visibility = note_visibility(view)
    request = PageRequest(size=100)

    async def scan() -> Any:
        async with sessions() as session:
            return await note_report(
                session, view, NoteGroup.CUSTOMER, WINDOW, NoteFilter(), request
            )

    async def cold() -> None:
        # The shard request cache would answer a repeated size-0 request by itself.
        await backend.client.indices.clear_cache(index=backend.alias, request=True)

    async def engine() -> Any:
        # What the resolver does (resolvers/report_engine.py): the store's unsettled notes
        # first (none here, so one small query), then the engine's aggregation.
        unsettled = await unsettled_note_ids(sessions)
        async with sessions() as session:
            pending = await groups_of_notes(
                session, view, NoteGroup.CUSTOMER, NoteFilter(), *WINDOW_BOUNDS, unsettled
            )
        return await report_aggregation.customer_report(
            backend,
            visibility,
            NoteFilter(),
            *WINDOW_BOUNDS,
            request,
            unsettled=unsettled,
            pending=pending,
        )

    scan_ms, scanned = await _median(rounds, scan)
    engine_ms, answer = await _median(rounds, engine, cold)
    cached_ms, _ = await _median(rounds, engine)
    rows = [(row.key, row.count) for row in answer.items]
    assert rows == [(row.key, row.count) for row in scanned.items], "first pages differ"
    totals = [(page.total_count, page.total_capped) for page in (scanned, answer)]
    assert totals[0] == totals[1], f"totals differ: {totals}"
    return {
        "groups": scanned.total_count,
        "capped": scanned.total_capped,
        "scan": scan_ms,
        "engine": engine_ms,
        "cached": cached_ms,
    }


async def timed(
    sessions: async_sessionmaker[AsyncSession], backend: OpenSearchBackend, rounds: int
) -> list[dict[str, Any]]:
    """Every caller's figures (bench.report_scale's manager, branch and sales callers)."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    results = []
    for name, principal in CALLERS.items():
        figures = await time_caller(sessions, backend, policy.compile(principal), rounds)
        results.append({"caller": name, **figures})
    return results


async def main(
    admin_dsn: str, opensearch_url: str, notes: int, rounds: int, shape: dict[str, int]
) -> None:
    """Load, index, time; print the figures."""
    prefix = f"bench-report-{uuid.uuid4().hex[:8]}"
    backend = OpenSearchBackend(opensearch_url, prefix, timeout=120.0)
    report_aggregation.TIMEOUT_SECONDS = 60.0  # a loaded machine must not fall to the scan
    try:
        async with scratch_database(admin_dsn, "report_engine") as url:
            loaded = await load(url, notes, shape)
            print(f"loaded {notes:,} notes in {loaded:.0f} s", flush=True)
            engine = create_engine(url)
            sessions = session_factory(engine)
            try:
                checked = await check_sample(sessions)
                print(f"{checked} documents equal to the indexer's", flush=True)
                documents, seconds = await index_notes(sessions, backend)
                print(
                    f"indexed {documents:,} documents in {seconds:.0f} s "
                    f"({documents / seconds:,.0f} docs/s)"
                )
                segments = len(
                    await backend.client.cat.segments(index=backend.alias, format="json")
                )
                results = {
                    f"as loaded ({segments} segments)": await timed(sessions, backend, rounds)
                }
                # A live index merges in the background; one segment is the engine's best case.
                await backend.client.indices.forcemerge(
                    index=backend.alias, max_num_segments=1, request_timeout=3600
                )
                results["merged (1 segment)"] = await timed(sessions, backend, rounds)
            finally:
                await engine.dispose()
    finally:
        await backend.client.indices.delete(
            index=f"{backend.alias}*", ignore_unavailable=True, expand_wildcards="all"
        )
        await backend.close()
    print(
        f"noteReport(groupBy: CUSTOMER) over the last year, first 100, {notes:,} notes, "
        f"p50 of {rounds} ms (engine: request cache cleared each round but 'cached')"
    )
    for label, rows in results.items():
        print(label)
        print(
            f"{'caller':<8} {'groups':>7} {'scan':>8} {'engine':>8} {'cached':>7} "
            f"{'scan/engine':>11}"
        )
        for r in rows:
            total = f"{r['groups']:,}{'+' if r['capped'] else ''}"
            print(
                f"{r['caller']:<8} {total:>7} {r['scan']:>8.1f} {r['engine']:>8.1f} "
                f"{r['cached']:>7.1f} {r['scan'] / r['engine']:>10.1f}x"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-dsn", required=True)
    parser.add_argument("--opensearch-url", required=True)
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--branches", type=int, default=40)
    parser.add_argument("--partners", type=int, default=25)
    parser.add_argument("--agents", type=int, default=500)
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    args = parser.parse_args()
    shape = {
        "branches": args.branches,
        "partners": args.partners,
        "agents": args.agents,
        "customers": args.customers,
    }
    asyncio.run(main(args.admin_dsn, args.opensearch_url, args.notes, args.rounds, shape))
