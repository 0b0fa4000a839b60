"""The schema extension that gives every operation its turns at customers' upstream work.

See `resolvers.customer_gate`: the operation's upstream loaders take a turn per customer
inside the scope opened here, and every turn is given back when the operation ends. The
gate's limits are the request's settings (`customer_gate_*`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from resolvers.customer_gate import CustomerGate, customer_gate, request_scope


class CustomerGateScope(SchemaExtension):
    """Opens the operation's customer-gate scope; closes it when the operation ends."""

    async def on_operation(self) -> AsyncIterator[None]:
        async with request_scope(self._gate()):
            yield

    def _gate(self) -> CustomerGate:
        settings = getattr(self.execution_context.context, "settings", None)
        if settings is None:  # a context built without settings: the default limits
            return customer_gate()
        return customer_gate(
            settings.customer_gate_per_customer,
            settings.customer_gate_wait_seconds,
            settings.customer_gate_share,
        )
