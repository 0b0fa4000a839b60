"""Strawberry's ParserCache, minus one sharp edge: a syntax error is left to the normal parse.

ParserCache raises syntax errors from its ``on_parse`` hook, outside the operation's error
handling, so the errors skip every ``on_operation`` extension (no ``extensions.code``).
Here a failed cached parse leaves the document unset; strawberry then parses the query
itself inside its own error handling and reports the syntax error like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import ParserCache


class SafeParserCache(ParserCache):
    """LRU-cached parsing whose failures are reported through the usual error path."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        try:
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        except GraphQLError:
            context.graphql_document = None
        yield
