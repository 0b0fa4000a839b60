"""Prometheus metrics: one registry per app, so tests and several apps in a process never clash.

Requests and GraphQL operations are recorded by the app and schema extensions; upstream calls
by the datasources (through `Metrics.upstream_call`), which is why this module sits at the
bottom of the import graph with settings and errors. The search indexer running inside the
app reports each batch through `Metrics.indexer_batch`, so every process can show what its
own indexer claimed and wrote (several instances share one outbox).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "INDEX_WRITE_OUTCOMES", "IndexerBatch", "Metrics"]

INDEX_WRITE_OUTCOMES = ("written", "stale", "retried", "dead_lettered")


class IndexerBatch(Protocol):
    """What one indexer batch did (search.indexer.DrainReport has this shape)."""

    @property
    def claimed(self) -> int: ...
    @property
    def written(self) -> int: ...
    @property
    def stale(self) -> int: ...
    @property
    def retried(self) -> int: ...
    @property
    def dead_lettered(self) -> int: ...


_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The gateway's counters and histograms, registered in their own registry."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.http_requests = Counter(
            "c360_http_requests_total",
            "HTTP requests by route and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.http_latency = Histogram(
            "c360_http_request_duration_seconds",
            "HTTP request latency by route.",
            ["method", "route"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.operations = Counter(
            "c360_graphql_operations_total",
            "GraphQL operations by name, type and outcome.",
            ["operation", "type", "outcome"],
            registry=self.registry,
        )
        self.operation_latency = Histogram(
            "c360_graphql_operation_duration_seconds",
            "GraphQL operation latency by name.",
            ["operation", "type"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.upstream_calls = Counter(
            "c360_upstream_calls_total",
            "Calls to upstream sources by source and outcome.",
            ["source", "outcome"],
            registry=self.registry,
        )
        self.upstream_latency = Histogram(
            "c360_upstream_call_duration_seconds",
            "Upstream call latency by source.",
            ["source"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.outbox_claimed = Counter(
            "c360_search_outbox_claimed_total",
            "Search outbox rows claimed by this process's indexer (settled or retried).",
            registry=self.registry,
        )
        self.index_writes = Counter(
            "c360_search_index_writes_total",
            "Outbox rows this process's indexer settled or rescheduled, by outcome.",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in INDEX_WRITE_OUTCOMES:
            # Exposed at 0 from the start, so a scrape can tell "none yet" from "not indexing".
            self.index_writes.labels(outcome=outcome)
        self.access_audit_flushes = Counter(
            "c360_access_audit_flushes_total",
            "Requests whose reads of sensitive data were recorded (ok) or lost (failed).",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in ("ok", "failed"):
            self.access_audit_flushes.labels(outcome=outcome)

    @contextmanager
    def upstream_call(self, source: str) -> Iterator[None]:
        """Count and time one call to an upstream source, labelling failures."""
        started = time.perf_counter()
        outcome = "ok"
        try:
            yield
        except asyncio.CancelledError:
            outcome = "cancelled"  # the caller gave up (a deadline): no news about the source
            raise
        except BaseException:
            outcome = "error"
            raise
        finally:
            self.upstream_calls.labels(source=source, outcome=outcome).inc()
            self.upstream_latency.labels(source=source).observe(time.perf_counter() - started)

    def indexer_batch(self, batch: IndexerBatch) -> None:
        """Count one committed indexer batch."""
        self.outbox_claimed.inc(batch.claimed)
        counts = {
            "written": batch.written,
            "stale": batch.stale,
            "retried": batch.retried,
            "dead_lettered": batch.dead_lettered,
        }
        for outcome, count in counts.items():
            if count:
                self.index_writes.labels(outcome=outcome).inc(count)

    def render(self) -> bytes:
        """The registry in Prometheus text exposition format."""
        return generate_latest(self.registry)
