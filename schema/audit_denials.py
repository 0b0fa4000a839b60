"""Appends the request's denied reads to the audit log when the operation ends."""

from __future__ import annotations

from collections.abc import AsyncIterator

import structlog
from strawberry.extensions import SchemaExtension

from resolvers.context import Context

_log = structlog.get_logger("gateway.audit")


class AuditDenials(SchemaExtension):
    """Flushes `Context.denials` in one transaction after the operation resolved."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        if not isinstance(context, Context) or not len(context.denials):
            return
        try:
            await context.denials.flush(context.sessions, context.policy, context.request_id)
        except Exception:
            # The answer is already decided; a failed audit write is logged loudly, not raised.
            _log.exception("could not append denied reads to the audit log")
