"""Names the request's span after its GraphQL operation and puts the trace id on its errors.

Runs outside `ErrorCodes` (listed before it, so it finishes after it): the errors it sees are
the final, coded ones. Nothing happens unless tracing is on and the request is sampled.
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from core import tracing

_MAX_NAME = 100  # client-chosen: bounded, like every attribute


class TraceOperation(SchemaExtension):
    """Operation name and type on the request span; ``extensions.traceId`` on every error."""

    def on_operation(self) -> Iterator[None]:
        yield
        if not tracing.enabled():
            return
        context = self.execution_context
        try:
            kind = context.operation_type.value
        except RuntimeError:
            kind = "unknown"  # the document did not parse
        tracing.annotate(
            **{
                "graphql.operation.type": kind,
                "graphql.operation.name": (context.operation_name or "")[:_MAX_NAME],
            }
        )
        trace_id = tracing.current_trace_id()
        result = context.result
        if trace_id is None or result is None or not result.errors:
            return
        for error in result.errors:
            error.extensions = {**(error.extensions or {}), "traceId": trace_id}
