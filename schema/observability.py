"""Counts and times every GraphQL operation into the app's metrics, by name and outcome."""

from __future__ import annotations

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from resolvers.context import Context
from schema.operation_names import operation_label


class OperationMetrics(SchemaExtension):
    """Records `c360_graphql_operations_total` and the operation latency histogram."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context.context
        if not isinstance(context, Context):
            return
        # Names are client-chosen: only the project's own become label values (bounded series).
        name = context.meter.operation_label or operation_label(
            self.execution_context.operation_name
        )
        try:
            kind = self.execution_context.operation_type.value
        except RuntimeError:
            kind = "unknown"  # the document did not parse
        result = self.execution_context.result
        outcome = "error" if result is None or result.errors else "ok"
        metrics = context.metrics
        metrics.operations.labels(operation=name, type=kind, outcome=outcome).inc()
        metrics.operation_latency.labels(operation=name, type=kind).observe(
            time.perf_counter() - started
        )
