"""A span per SQL statement of the native store, under the request's span (when traced).

SQLAlchemy's cursor events bracket each statement: the span carries ``db.system`` and the
statement's text cut to `MAX_STATEMENT` characters, with its placeholders, never the values
bound to them (they are customers' data). `store.db.create_engine` listens only when tracing
is on; outside a sampled trace a statement then pays two listener calls and a flag check.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from core import tracing

MAX_STATEMENT = 300
_SPAN = "_c360_span"


def trace_statements(engine: Engine) -> None:
    """Listen on `engine` (an AsyncEngine's ``sync_engine``) for every statement it runs."""
    system = engine.dialect.name

    @event.listens_for(engine, "before_cursor_execute")
    def _before(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        if context is None or not tracing.in_trace():
            return
        verb = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracing.start_child(
            f"db {verb}",
            kind=tracing.SpanKind.CLIENT,
            attributes={"db.system": system, "db.statement": statement[:MAX_STATEMENT]},
        )
        if span is not None:
            setattr(context, _SPAN, span)

    @event.listens_for(engine, "after_cursor_execute")
    def _after(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        span = getattr(context, _SPAN, None)
        if span is not None:
            setattr(context, _SPAN, None)
            tracing.end_span(span)

    @event.listens_for(engine, "handle_error")
    def _failed(exception_context: Any) -> None:
        context = exception_context.execution_context
        span = getattr(context, _SPAN, None)
        if span is not None:
            setattr(context, _SPAN, None)
            tracing.end_span(span, exception_context.original_exception)
