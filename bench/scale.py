"""Scale: what one customer's Customer360 fields cost at 10 … 50,000 records per source.

Customers with N orders (web / POS / marketplace), N invoices and N tickets each, for every
N in the run, live side by side in one data set (`bench.scale_world`). Each round asks every
field below once for every size, the sizes in a rotating order, so a noisy machine slows all
sizes alike; the figure is each size's median over the rounds and its ratio to the smallest
size. A first page should cost about the same however long the list behind it is.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from rich.progress import Progress

from bench.scale_world import World

FIELDS: dict[str, str] = {
    "orders": "orders(first: 20) { edges { cursor node { number channel status placedAt "
    "total currency } } pageInfo { hasNextPage endCursor } }",
    "timeline": "timeline(first: 20) { edges { cursor node { at kind title reference source } }"
    " pageInfo { hasNextPage endCursor } }",
    "lifetimeValue": "lifetimeValue { amount currency }",
    "badges": "badges",
    "invoices": "invoices(first: 20) { edges { cursor node { number status total } } "
    "pageInfo { hasNextPage endCursor } }",
    "tickets": "tickets(first: 20) { edges { cursor node { id subject status priority } } "
    "pageInfo { hasNextPage endCursor } }",
}
# The demo upstreams hold deliberately broken marketplace payloads: partial answers, not
# failures. Any other error code is counted against the field and size.
TOLERATED = frozenset({"BAD_UPSTREAM_DATA"})


def field_query(name: str) -> str:
    """The Customer360 query asking one field of one customer."""
    return f"query Scale($id: ID!) {{ customer(id: $id) {{ id {FIELDS[name]} }} }}"


@dataclass
class Timing:
    """Milliseconds of one field at one size over the rounds, and the errors seen."""

    samples: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def p50(self) -> float:
        """Median."""
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        """95th percentile (nearest rank)."""
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


Timings = dict[str, dict[int, Timing]]
"""Field → records per source → timing."""


async def ask(client: httpx.AsyncClient, query: str, customer: str) -> tuple[Any, list[str]]:
    """POST one query; returns its data and the codes of its untolerated errors."""
    response = await client.post("/graphql", json={"query": query, "variables": {"id": customer}})
    if response.status_code != 200:
        return None, [f"HTTP {response.status_code}"]
    body: dict[str, Any] = response.json()
    codes = [
        str(error.get("extensions", {}).get("code", "UNCODED"))
        for error in body.get("errors") or []
    ]
    return body.get("data"), [code for code in codes if code not in TOLERATED]


def client(url: str, token: str, *, timeout: float = 600.0) -> httpx.AsyncClient:
    """An HTTP client on the gateway at `url` with `token`."""
    return httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=timeout
    )


async def counts(world: World) -> dict[int, dict[str, int | str]]:
    """What the gateway counts for each big customer (proves the load reached it)."""
    found: dict[int, dict[str, int | str]] = {}
    async with client(world.url, world.token()) as http:
        for size, customer in sorted(world.big.items()):
            found[size] = {}
            for name in ("orders", "invoices", "tickets"):
                query = f"query C($id: ID!) {{ customer(id: $id) {{ {name} {{ totalCount }} }} }}"
                data, errors = await ask(http, query, customer)
                found[size][name] = (
                    ", ".join(errors) if errors else data["customer"][name]["totalCount"]
                )
    return found


async def measure(
    world: World,
    *,
    fields: Sequence[str] = tuple(FIELDS),
    rounds: int,
    warmup: int = 1,
    progress: bool = False,
) -> Timings:
    """Each round asks every field of every size once, sizes in a rotating order."""
    sizes = sorted(world.big)
    timings: Timings = {name: {size: Timing() for size in sizes} for name in fields}
    async with client(world.url, world.token()) as http:
        with Progress(disable=not progress, transient=True) as bar:
            task = bar.add_task("scale rounds", total=warmup + rounds)
            for index in range(warmup + rounds):
                shift = index % len(sizes)
                for size in sizes[shift:] + sizes[:shift]:
                    for name in fields:
                        started = time.perf_counter()
                        _, errors = await ask(http, field_query(name), world.big[size])
                        elapsed = (time.perf_counter() - started) * 1000
                        if index >= warmup:
                            timings[name][size].samples.append(elapsed)
                            timings[name][size].errors.update(errors)
                bar.advance(task)
    return timings


def ratios(timings: Timings) -> dict[str, dict[int, float]]:
    """Each size's median over the smallest size's, per field."""
    result: dict[str, dict[int, float]] = {}
    for name, by_size in timings.items():
        smallest = by_size[min(by_size)].p50
        result[name] = {size: timing.p50 / smallest for size, timing in by_size.items()}
    return result


def as_json(timings: Timings) -> dict[str, Any]:
    """Timings as plain JSON: field → size → p50, p95, ratio, errors."""
    scaled = ratios(timings)
    return {
        name: {
            str(size): {
                "p50_ms": round(timing.p50, 2),
                "p95_ms": round(timing.p95, 2),
                "ratio": round(scaled[name][size], 3),
                "errors": dict(timing.errors),
            }
            for size, timing in by_size.items()
        }
        for name, by_size in timings.items()
    }
