"""Appends the request's partial-result errors to the response, at their fields' paths."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from resolvers.context import Context


class PartialResultErrors(SchemaExtension):
    """Turns `Context.partial` entries into GraphQL errors beside the data that did resolve."""

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        result = self.execution_context.result
        if not isinstance(context, Context) or result is None or not context.partial.entries:
            return
        extra = [
            GraphQLError(
                error.message,
                path=list(path),
                original_error=error,
                extensions=error.graphql_extensions(),
            )
            for error, path in context.partial.entries
        ]
        result.errors = [*(result.errors or []), *extra]
