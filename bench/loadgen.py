"""A load generator in a process of its own: ``python -m bench.loadgen CONFIG.json``.

The client must not share a GIL with the gateway it loads (nor with the benchmark process
that samples the gateway), so it runs as a child process: it reads a `LoadConfig` from the
JSON file, drives the targets for the warm-up and then for the measured duration, and prints
one JSON `LoadSummary` on stdout. The parent side is `run_load`.

Each of `concurrency` workers sends one request at a time, choosing the operation by the
weighted mix and the target round-robin (one `httpx.AsyncClient` per target). An answer is an
error when its HTTP status is not 200, when it carries GraphQL errors other than the demo
upstreams' deliberate ``BAD_UPSTREAM_DATA`` partial answers, or when createNote returns user
errors; errors are counted per operation and a few are kept as examples.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import random
import sys
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx

from bench.latency import Latencies
from core.settings import REPO_ROOT

CUSTOMER360 = """
query Customer360($id: ID!) {
  customer(id: $id) {
    id name email phone lastActivityAt badges
    orders(first: 20) { totalCount edges { node {
      number channel status placedAt total currency } } }
    invoices(first: 20) { totalCount edges { node { number status total } } }
    tickets(first: 20) { totalCount edges { node { id subject status priority } } }
    notes(first: 20) { totalCount edges { node { id subject scope tags version } } }
  }
}
"""
CUSTOMERS = """
query Customers($first: Int!) {
  customers(first: $first) {
    totalCount
    edges { cursor node { id name badges } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
SEARCH = """
query Search($q: String!) {
  searchNotes(query: $q, first: 20) {
    totalCount
    edges { score node { id subject customerId } highlights { subject body } }
    facets { tags { value count } }
  }
}
"""
CREATE = """
mutation Create($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId version } errors { field code message } }
}
"""
KEYWORDS = ("delivery", "installation", "refund", "warranty", "quote", '"missed delivery"')
"""searchNotes queries, words the demo notes use."""
DEFAULT_MIX: dict[str, float] = {
    "customer360": 0.4,
    "customers": 0.25,
    "searchNotes": 0.25,
    "createNote": 0.1,
}
TOLERATED_CODES = frozenset({"BAD_UPSTREAM_DATA"})
"""The demo upstreams hold deliberately bad payloads: those answers are partial, not errors."""
_EXAMPLES = 5


@dataclasses.dataclass(frozen=True, slots=True)
class LoadConfig:
    """What to load, how hard and for how long."""

    targets: list[str]
    token: str
    customer_ids: list[str]
    duration_seconds: float = 60.0
    warmup_seconds: float = 10.0
    concurrency: int = 16
    mix: dict[str, float] = dataclasses.field(default_factory=lambda: dict(DEFAULT_MIX))
    seed: int = 1
    timeout_seconds: float = 60.0

    def __post_init__(self) -> None:
        unknown = set(self.mix) - set(DEFAULT_MIX)
        if unknown:
            raise ValueError(f"unknown operations in the mix: {sorted(unknown)}")
        if not self.targets or not self.customer_ids:
            raise ValueError("a load needs targets and customer ids")


@dataclasses.dataclass(frozen=True, slots=True)
class OperationStats:
    """Measured requests of one operation."""

    requests: int
    errors: int
    p50_ms: float
    p95_ms: float


@dataclasses.dataclass(frozen=True, slots=True)
class CreatedNote:
    """A note the load created (warm-up included), with the version createNote answered."""

    id: str
    version: int
    marker: str


@dataclasses.dataclass(frozen=True, slots=True)
class LoadSummary:
    """What the load generator printed."""

    requests: int
    errors: int
    warmup_requests: int
    warmup_errors: int
    seconds: float
    requests_per_second: float
    operations: dict[str, OperationStats]
    per_target: dict[str, int]
    error_examples: list[str]
    created_notes: list[CreatedNote]
    measured_from: float  # wall-clock (time.time()) bounds of the measured window
    measured_to: float

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> LoadSummary:
        """The summary from its JSON form."""
        values = dict(raw)
        values["operations"] = {
            name: OperationStats(**stats) for name, stats in raw["operations"].items()
        }
        values["created_notes"] = [CreatedNote(**note) for note in raw["created_notes"]]
        return cls(**values)


@dataclasses.dataclass
class _Tally:
    latencies: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    errors: dict[str, int] = dataclasses.field(default_factory=dict)
    warmup_requests: int = 0
    warmup_errors: int = 0
    per_target: dict[str, int] = dataclasses.field(default_factory=dict)
    examples: list[str] = dataclasses.field(default_factory=list)
    created: list[CreatedNote] = dataclasses.field(default_factory=list)

    def error(self, operation: str, message: str) -> None:
        if len(self.examples) < _EXAMPLES:
            self.examples.append(f"{operation}: {message[:300]}")


def _request(
    operation: str, rng: random.Random, customers: list[str]
) -> tuple[str, dict[str, Any]]:
    """The query and variables of one request of `operation`."""
    if operation == "customer360":
        return CUSTOMER360, {"id": rng.choice(customers)}
    if operation == "customers":
        return CUSTOMERS, {"first": 20}
    if operation == "searchNotes":
        return SEARCH, {"q": rng.choice(KEYWORDS)}
    marker = f"mark{uuid.uuid4().hex[:12]}"
    return CREATE, {
        "input": {
            "customerId": rng.choice(customers),
            "subject": f"Load note {marker}",
            "body": f"Customer called about the delivery window ({marker}).",
            "category": "GENERAL",
            "type": "INTERACTION_LOG",
            "scope": "INTERNAL",
            "tags": ["load"],
        }
    }


def _problem(response: httpx.Response) -> tuple[str | None, dict[str, Any] | None]:
    """Why an answer counts as an error (None if it does not), and its data."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}", None
    body: dict[str, Any] = response.json()
    unexpected = [
        error
        for error in body.get("errors") or []
        if (error.get("extensions") or {}).get("code") not in TOLERATED_CODES
    ]
    if unexpected:
        return json.dumps(unexpected)[:300], None
    data: dict[str, Any] | None = body.get("data")
    return None, data


async def generate(config: LoadConfig) -> LoadSummary:
    """Drive the targets for the warm-up and the measured duration; summarise."""
    timeout = httpx.Timeout(config.timeout_seconds)
    limits = httpx.Limits(
        max_connections=config.concurrency, max_keepalive_connections=config.concurrency
    )
    headers = {"Authorization": f"Bearer {config.token}"}
    clients = [
        httpx.AsyncClient(base_url=url, headers=headers, timeout=timeout, limits=limits)
        for url in config.targets
    ]
    operations = [name for name, weight in config.mix.items() if weight > 0]
    weights = [config.mix[name] for name in operations]
    turn = itertools.count()
    tally = _Tally(latencies={name: [] for name in operations}, errors=dict.fromkeys(operations, 0))
    started = time.perf_counter()
    wall_offset = time.time() - started
    warm_end = started + config.warmup_seconds
    end = warm_end + config.duration_seconds

    async def worker(index: int) -> None:
        rng = random.Random(config.seed * 1_000 + index)
        while time.perf_counter() < end:
            operation = rng.choices(operations, weights)[0]
            target = next(turn) % len(clients)
            query, variables = _request(operation, rng, config.customer_ids)
            sent = time.perf_counter()
            try:
                response = await clients[target].post(
                    "/graphql", json={"query": query, "variables": variables}
                )
                problem, data = _problem(response)
            except httpx.HTTPError as exc:
                problem, data = f"{type(exc).__name__}: {exc}", None
            if problem is None and operation == "createNote" and data is not None:
                payload = data["createNote"]
                if payload["errors"]:
                    problem = json.dumps(payload["errors"])
                else:
                    marker = variables["input"]["subject"].rsplit(" ", 1)[1]
                    note = payload["note"]
                    tally.created.append(CreatedNote(note["noteId"], int(note["version"]), marker))
            elapsed = (time.perf_counter() - sent) * 1_000
            measured = sent >= warm_end
            if problem is not None:
                tally.error(operation, problem)
                if measured:
                    tally.errors[operation] += 1
                else:
                    tally.warmup_errors += 1
            if measured:
                tally.latencies[operation].append(elapsed)
                url = config.targets[target]
                tally.per_target[url] = tally.per_target.get(url, 0) + 1
            else:
                tally.warmup_requests += 1

    try:
        await asyncio.gather(*(worker(index) for index in range(config.concurrency)))
    finally:
        for client in clients:
            await client.aclose()
    finished = time.perf_counter()
    seconds = finished - warm_end
    requests = sum(len(values) for values in tally.latencies.values())
    return LoadSummary(
        requests=requests,
        errors=sum(tally.errors.values()),
        warmup_requests=tally.warmup_requests,
        warmup_errors=tally.warmup_errors,
        seconds=seconds,
        requests_per_second=requests / seconds if seconds > 0 else 0.0,
        operations={name: _stats(tally.latencies[name], tally.errors[name]) for name in operations},
        per_target=tally.per_target,
        error_examples=tally.examples,
        created_notes=tally.created,
        measured_from=wall_offset + warm_end,
        measured_to=wall_offset + finished,
    )


def _stats(latencies: list[float], errors: int) -> OperationStats:
    if not latencies:
        return OperationStats(0, errors, float("nan"), float("nan"))
    measured = Latencies(tuple(latencies))
    return OperationStats(len(latencies), errors, measured.p50, measured.p95)


async def run_load(config: LoadConfig, directory: Path) -> LoadSummary:
    """Run ``python -m bench.loadgen`` with `config` and return its summary.

    Awaits the child without blocking the caller's event loop, so the caller can sample the
    gateway (e.g. its RSS) while the load runs.
    """
    path = directory / f"load-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(dataclasses.asdict(config)), encoding="utf-8")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.loadgen",
        str(path),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(
            f"load generator exited with {process.returncode}: {stderr.decode()[-2000:]}"
        )
    return LoadSummary.from_json(json.loads(stdout))


def main(argv: list[str]) -> int:
    """The child: read the config, run the load, print the summary as one JSON line."""
    if len(argv) != 2:
        print("usage: python -m bench.loadgen CONFIG.json", file=sys.stderr)
        return 2
    config = LoadConfig(**json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    summary = asyncio.run(generate(config))
    print(json.dumps(dataclasses.asdict(summary)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
