"""searchNotes latency against what a user would pick instead, on the same data and query.

For each corpus size: a PostgreSQL store seeded with that many notes, indexed into OpenSearch
by the `reindex` code path, and given the competitor's own indexes — a generated `tsvector`
column with a GIN index, and the tags as a GIN-indexed array. Every round runs the same
keyword + tag + date + scope query three ways, in rotating order:

- OpenSearch through the search backend (hits, total, highlights, tag/type/author facets,
  the manager's permission filters);
- PostgreSQL full-text search (hits ranked by ts_rank, and the total);
- SQL ILIKE on subject/body with an EXISTS on the tags (hits by date, and the total).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.latency import Latencies, Variants
from bench.report import Figure
from bench.services import scratch_database
from core.settings import REPO_ROOT
from demo.seed import seed
from gateway.cli import progress_bars
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.vocabulary import Scope
from search.opensearch_backend import OpenSearchBackend
from search.reindex import rebuild
from search.request import SortOrder, build_search
from store.db import create_engine
from store.models import utcnow
from store.visibility import note_visibility

QUERIES: tuple[tuple[str, str, Scope], ...] = (
    ("installation", "complaint", Scope.SUPPORT),
    ("delivery", "delivery", Scope.SALES),
    ("warranty", "warranty", Scope.SUPPORT),
    ("quote", "pricing", Scope.SALES),
    ("payment", "billing", Scope.FINANCE),
)
"""(keyword, tag, scope) rotated round by round so no engine answers from a one-query cache."""

_FTS_DDL = (
    "ALTER TABLE notes ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(subject, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED",
    "CREATE INDEX ix_bench_notes_search_tsv ON notes USING gin (search_tsv)",
    "ALTER TABLE notes ADD COLUMN tag_list text[] NOT NULL DEFAULT '{}'",
    "UPDATE notes SET tag_list = t.tags FROM (SELECT note_id, array_agg(tag) AS tags "
    "FROM note_tags GROUP BY note_id) t WHERE t.note_id = notes.id",
    "CREATE INDEX ix_bench_notes_tag_list ON notes USING gin (tag_list)",
    "ANALYZE note_tags",
)
_FTS_HITS = text(
    "SELECT id, subject, created_at FROM notes, websearch_to_tsquery('english', :q) query "
    "WHERE search_tsv @@ query AND tag_list @> ARRAY[CAST(:tag AS text)] "
    "AND created_at >= :since AND scope = :scope AND deleted_at IS NULL "
    "ORDER BY ts_rank(search_tsv, query) DESC, id LIMIT 20"
)
_FTS_TOTAL = text(
    "SELECT count(*) FROM notes WHERE search_tsv @@ websearch_to_tsquery('english', :q) "
    "AND tag_list @> ARRAY[CAST(:tag AS text)] AND created_at >= :since AND scope = :scope "
    "AND deleted_at IS NULL"
)
_ILIKE_HITS = text(
    "SELECT id, subject, created_at FROM notes "
    "WHERE (subject ILIKE :pattern OR body ILIKE :pattern) AND EXISTS (SELECT 1 FROM note_tags t "
    "WHERE t.note_id = notes.id AND t.tag = :tag) AND created_at >= :since AND scope = :scope "
    "AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT 20"
)
_ILIKE_TOTAL = text(
    "SELECT count(*) FROM notes "
    "WHERE (subject ILIKE :pattern OR body ILIKE :pattern) AND EXISTS (SELECT 1 FROM note_tags t "
    "WHERE t.note_id = notes.id AND t.tag = :tag) AND created_at >= :since AND scope = :scope "
    "AND deleted_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class SizeResult:
    """Latencies of the three engines at one corpus size, and their totals for query 0."""

    notes: int
    latencies: dict[str, Latencies]
    totals: dict[str, int]
    reindex_notes_per_second: float


async def measure_size(
    admin_url: str,
    opensearch_url: str,
    *,
    notes: int,
    rounds: int,
    progress: bool,
) -> SizeResult:
    """Seed, index and prepare one corpus, then time the three engines on it."""
    async with scratch_database(admin_url, f"search{notes}") as url:
        engine = create_engine(url)
        backend = OpenSearchBackend(
            opensearch_url, f"bench-search-{uuid.uuid4().hex[:8]}", timeout=30
        )
        index = None
        try:
            customers = min(10_000, max(200, notes // 50))
            with progress_bars(progress) as bars:
                await seed(engine, customers=customers, notes=notes, progress=bars)
            report = await rebuild(engine, backend)
            index = report.index
            await _add_fts(engine)
            return await _time_engines(engine, backend, notes, report.notes_per_second, rounds)
        finally:
            if index is not None:
                await backend.drop_index(index)
            await backend.close()
            await engine.dispose()


async def _add_fts(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        for statement in _FTS_DDL:
            await conn.execute(text(statement))
    # The tag backfill rewrote every row: vacuum now, so neither SQL engine is timed against
    # dead tuples or a concurrent autovacuum.
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM ANALYZE notes"))


async def _time_engines(
    engine: AsyncEngine,
    backend: OpenSearchBackend,
    notes: int,
    reindex_rate: float,
    rounds: int,
) -> SizeResult:
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    visibility = note_visibility(policy.compile(Principal(subject="agent-2", roles=("manager",))))
    since = utcnow() - timedelta(days=365)
    totals: dict[str, int] = {}

    def parameters(query: tuple[str, str, Scope]) -> dict[str, object]:
        keyword, tag, scope = query
        return {"q": keyword, "pattern": f"%{keyword}%", "tag": tag, "since": since,
                "scope": scope.value}  # fmt: skip

    async def opensearch(query: tuple[str, str, Scope]) -> None:
        keyword, tag, scope = query
        search = build_search(
            query=keyword, tags=[tag], since=since, scope=scope, sort=SortOrder.RELEVANCE
        )
        page = await backend.search(search, visibility)
        totals.setdefault(f"opensearch:{keyword}", page.total)

    async def full_text(query: tuple[str, str, Scope]) -> None:
        await _sql(engine, "postgres-fts", _FTS_HITS, _FTS_TOTAL, parameters(query), totals)

    async def ilike(query: tuple[str, str, Scope]) -> None:
        await _sql(engine, "ilike", _ILIKE_HITS, _ILIKE_TOTAL, parameters(query), totals)

    variants = Variants({"opensearch": opensearch, "postgres-fts": full_text, "ilike": ilike})
    latencies = await variants.measure(QUERIES, rounds=rounds, warmup=len(QUERIES))
    keyword = QUERIES[0][0]
    first = {name: totals.get(f"{name}:{keyword}", -1) for name in variants.functions}
    return SizeResult(notes, latencies, first, reindex_rate)


async def _sql(
    engine: AsyncEngine,
    name: str,
    hits: TextClause,
    total: TextClause,
    parameters: dict[str, object],
    totals: dict[str, int],
) -> None:
    async with engine.connect() as conn:
        rows = (await conn.execute(hits, parameters)).all()
        count = int(await conn.scalar(total, parameters) or 0)
    assert len(rows) <= 20
    totals.setdefault(f"{name}:{parameters['q']}", count)


def figures(results: Sequence[SizeResult]) -> list[Figure]:
    """Latency counts per size, the two speed-up ratios, and the scaling ratio."""
    out: list[Figure] = []
    for result in results:
        size = f"{result.notes:,} notes"
        os_ = result.latencies["opensearch"]
        fts, ilike = result.latencies["postgres-fts"], result.latencies["ilike"]
        # The issue sets the speed-up targets at 1M notes; smaller corpora are context.
        at_scale = result.notes >= 1_000_000
        out.append(
            Figure(
                f"searchNotes OpenSearch p50 @ {size}",
                os_.p50,
                "ms",
                detail=(
                    f"p95 {os_.p95:.1f} ms; totals {result.totals}; corpus indexed at "
                    f"{result.reindex_notes_per_second:,.0f} notes/s"
                ),
            )
        )
        out.append(
            Figure(
                f"PostgreSQL full-text p50 @ {size}", fts.p50, "ms", detail=f"p95 {fts.p95:.1f} ms"
            )
        )
        out.append(
            Figure(f"SQL ILIKE p50 @ {size}", ilike.p50, "ms", detail=f"p95 {ilike.p95:.1f} ms")
        )
        ilike_ratio, fts_ratio = ilike.p50 / os_.p50, fts.p50 / os_.p50
        out.append(
            Figure(
                f"ILIKE / OpenSearch p50 @ {size}",
                ilike_ratio,
                "ratio",
                ">= 20 (at 1M)" if at_scale else "",
                ilike_ratio >= 20 if at_scale else None,
            )
        )
        out.append(
            Figure(
                f"PostgreSQL full-text / OpenSearch p50 @ {size}",
                fts_ratio,
                "ratio",
                ">= 2 (at 1M)" if at_scale else "",
                fts_ratio >= 2 if at_scale else None,
            )
        )
    hundred_k = [r for r in results if r.notes == 100_000]
    if hundred_k and results[-1].notes > 100_000:
        scale = results[-1].latencies["opensearch"].p50 / hundred_k[0].latencies["opensearch"].p50
        out.append(
            Figure(
                f"OpenSearch p50 @ {results[-1].notes:,} / @ 100,000",
                scale,
                "ratio",
                "<= 2",
                scale <= 2,
            )
        )
    return out
