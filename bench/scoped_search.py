"""Scoped searchNotes against an all-customers search, on a real OpenSearch cluster.

`python -m bench.scoped_search --opensearch-url URL [--docs 600000 --customers 1000000]`

Bulk-indexes small note documents over many customers (40 branches, 25 partners, 500 field
agents), at a tenth of the size and at full size, and times one searchNotes page for a caller
reaching every customer, a branch, a partner and a field agent's assigned customers. A scoped
caller's visibility is filters on the document's reach fields (branch, partner, assigned
agents), never a list of customer ids, so the request body has the same size at any number of
reachable customers and the scoped/all ratio stays flat as the index grows. At 1,000,000
customers (600,000 documents, a few minutes to index) every scoped caller is well within 1.5x
of the all-customers search (BENCHMARKS.md "Notes and reports at 10M notes").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.vocabulary import Scope
from search.documents import NoteDocument
from search.opensearch_backend import OpenSearchBackend
from search.opensearch_dsl import request_body
from search.request import NoteSearch, build_search
from store.enums import Importance, NoteCategory, NoteType
from store.visibility import NoteVisibility, note_visibility

BRANCHES, PARTNERS, FIELD_AGENTS = 40, 25, 500
WORDS = ("delivery", "sofa", "warranty", "invoice", "refund", "install", "quote", "call")
TAGS = ("vip", "complaint", "delivery", "handoff", "pricing")
BATCH = 5_000
START = datetime(2025, 1, 1, tzinfo=UTC)


def _branch(customer: int) -> str:
    return f"br-{customer % BRANCHES}"


def _partner(customer: int) -> str | None:
    return f"pa-{customer % PARTNERS}" if customer % 4 == 0 else None


def _agent(customer: int) -> str:
    return f"ag-{customer % FIELD_AGENTS}"


def documents(count: int, customers: int, seed: int = 7) -> Iterator[NoteDocument]:
    """`count` small note documents spread over `customers` customers and one year."""
    rng = random.Random(seed)
    for number in range(count):
        customer = rng.randrange(customers)
        at = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
        yield NoteDocument(
            note_id=f"n-{number}",
            version=1,
            subject=" ".join(rng.sample(WORDS, 2)),
            body=" ".join(rng.choices(WORDS, k=8)),
            tags=tuple(rng.sample(TAGS, rng.randrange(3))),
            scope=rng.choice(list(Scope)).value,
            type=rng.choice(list(NoteType)).value,
            category=rng.choice(list(NoteCategory)).value,
            importance=rng.choice(list(Importance)).value,
            author_id=f"ag-{rng.randrange(FIELD_AGENTS)}",
            customer_id=f"c-{customer}",
            branch_id=_branch(customer),
            partner_id=_partner(customer),
            assigned_agents=(_agent(customer),),
            created_at=at,
            updated_at=at,
        )


@dataclass(frozen=True, slots=True)
class Caller:
    """A benchmark caller: a role and the customers it reaches."""

    name: str
    principal: Principal
    reaches: int


def callers(customers: int) -> list[Caller]:
    """Everyone (senior), one branch, one partner, one field agent."""
    ids = range(customers)
    return [
        Caller("all customers (manager)", Principal("ag-0", ("manager",)), customers),
        Caller(
            "one branch (branch)",
            Principal("ag-1", ("branch",), branches=("br-3",)),
            sum(_branch(c) == "br-3" for c in ids),
        ),
        Caller(
            "one partner (partner)",
            Principal("pt-1", ("partner",), partner="pa-4"),
            sum(_partner(c) == "pa-4" for c in ids),
        ),
        Caller(
            "assigned (field)",
            Principal("ag-7", ("field",)),
            sum(_agent(c) == "ag-7" for c in ids),
        ),
    ]


@dataclass(frozen=True, slots=True)
class Timing:
    """One caller's searchNotes page at one index size."""

    caller: str
    reaches: int
    total: int
    median_ms: float
    body_bytes: int


async def _load(backend: OpenSearchBackend, count: int, customers: int) -> float:
    started = time.perf_counter()
    index = await backend.create_index()
    batch: list[NoteDocument] = []
    for document in documents(count, customers):
        batch.append(document)
        if len(batch) == BATCH:
            await backend.write(batch, index=index)
            batch = []
    await backend.write(batch, index=index)
    await backend.swap_alias(index)
    return count / (time.perf_counter() - started)


async def _time(
    backend: OpenSearchBackend, search: NoteSearch, visibility: NoteVisibility, rounds: int
) -> tuple[float, int]:
    await backend.search(search, visibility)  # warm the caches the other callers share
    samples, total = [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        page = await backend.search(search, visibility)
        samples.append((time.perf_counter() - started) * 1000)
        total = page.total
    return statistics.median(samples), total


async def measure(url: str, count: int, customers: int, rounds: int) -> list[Timing]:
    """Index `count` documents over `customers` customers; time each caller's search page."""
    engine = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    backend = OpenSearchBackend(url, f"bench-scoped-{uuid.uuid4().hex[:8]}", timeout=60)
    search = build_search(query="delivery", first=20)
    try:
        rate = await _load(backend, count, customers)
        print(f"indexed {count:,} docs over {customers:,} customers at {rate:,.0f} docs/s")
        timings = []
        for caller in callers(customers):
            visibility = note_visibility(engine.compile(caller.principal))
            median, total = await _time(backend, search, visibility, rounds)
            size = len(json.dumps(request_body(search, visibility)))
            timings.append(Timing(caller.name, caller.reaches, total, median, size))
        return timings
    finally:
        await backend.client.indices.delete(index=f"{backend.alias}*", ignore_unavailable=True)
        await backend.close()


def table(sizes: list[tuple[int, list[Timing]]]) -> str:
    """The timings side by side: each caller's median and its ratio to all customers."""
    lines = [
        f"{'caller':<24}"
        + "".join(f"| {f'{c:,} customers':<44}" for c, _ in sizes)
        + "\n"
        + f"{'':<24}"
        + "".join(
            f"| {'reach':>7} {'hits':>7} {'ms':>7} {'ratio':>6} {'body B':>7}   " for _ in sizes
        )
    ]
    for row in range(len(sizes[0][1])):
        cells = []
        for _, timings in sizes:
            timing, everyone = timings[row], timings[0]
            ratio = timing.median_ms / everyone.median_ms
            cells.append(
                f"| {timing.reaches:>7,} {timing.total:>7,} {timing.median_ms:>7.1f} "
                f"{ratio:>6.2f} {timing.body_bytes:>7,}   "
            )
        lines.append(f"{sizes[0][1][row].caller:<24}" + "".join(cells))
    return "\n".join(lines)


async def main(url: str, count: int, customers: int, rounds: int) -> None:
    """A tenth of the size, then full size; print both side by side."""
    sizes = []
    for scale in (10, 1):
        timings = await measure(url, count // scale, customers // scale, rounds)
        sizes.append((customers // scale, timings))
    print(table(sizes))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opensearch-url", required=True)
    parser.add_argument("--docs", type=int, default=600_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main(args.opensearch_url, args.docs, args.customers, args.rounds))
