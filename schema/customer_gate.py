"""The schema extension that gives every operation its turns at customers' upstream work.

See `resolvers.customer_gate`: the operation's upstream loaders take a turn per customer
inside the scope opened here, and every turn is given back when the operation ends.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension

from resolvers.customer_gate import request_scope


class CustomerGateScope(SchemaExtension):
    """Opens the operation's customer-gate scope; closes it when the operation ends."""

    async def on_operation(self) -> AsyncIterator[None]:
        async with request_scope():
            yield
