"""Records the request's reads of sensitive data when the operation ends."""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from resolvers.access_audit import flush
from resolvers.context import Context


class AccessAuditFlush(SchemaExtension):
    """Writes `Context.access` in one upsert after the operation resolved."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, Context):
            await flush(context)
