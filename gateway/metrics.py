"""Prometheus metrics: one registry per app, so tests and several apps in a process never clash.

Requests and GraphQL operations are recorded by the app and schema extensions; upstream calls
by the datasources (through `Metrics.upstream_call`), which is why this module sits at the
bottom of the import graph with settings and errors.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]

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

    @contextmanager
    def upstream_call(self, source: str) -> Iterator[None]:
        """Count and time one call to an upstream source, labelling failures."""
        started = time.perf_counter()
        outcome = "ok"
        try:
            yield
        except BaseException:
            outcome = "error"
            raise
        finally:
            self.upstream_calls.labels(source=source, outcome=outcome).inc()
            self.upstream_latency.labels(source=source).observe(time.perf_counter() - started)

    def render(self) -> bytes:
        """The registry in Prometheus text exposition format."""
        return generate_latest(self.registry)
