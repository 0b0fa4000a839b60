"""One extension that gives every GraphQL error a stable ``extensions.code`` and masks the rest.

Expected failures are `GatewayError`s and keep their message and code. Parse and validation
errors (no original exception) keep theirs with a GRAPHQL_* code (or the code they came with).
A store that cannot be reached is STORE_UNAVAILABLE. Anything else is a bug: logged with the
request id, and masked as INTERNAL_SERVER_ERROR unless masking is off.
"""

from __future__ import annotations

from collections.abc import Iterator

import structlog
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from core.errors import GatewayError
from store.outage import is_store_outage, store_unavailable

_log = structlog.get_logger("core.errors")
MASKED_MESSAGE = "Unexpected error."


class ErrorCodes(SchemaExtension):
    """Adds `code` (and `source` for upstream errors) to errors; masks unexpected ones."""

    def __init__(self, *, mask: bool = True) -> None:
        self.mask = mask

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._process(error) for error in result.errors]

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, GatewayError):
            extensions = {**(error.extensions or {}), **original.graphql_extensions()}
            return _copy(error, error.message, extensions, original)
        if isinstance(original, GraphQLError):
            # An extension's on_parse (ParserCache) raised the syntax error; strawberry wraps it.
            return self._process(original) if original is not error else error
        if original is None:
            code = (error.extensions or {}).get("code") or (
                "GRAPHQL_PARSE_FAILED"
                if error.message.startswith("Syntax Error")
                else "GRAPHQL_VALIDATION_FAILED"
            )
            return _copy(error, error.message, {**(error.extensions or {}), "code": code}, None)
        if is_store_outage(original):
            _log.warning("store unavailable", path=error.path, error=repr(original)[:300])
            outage = store_unavailable()
            return _copy(error, outage.message, outage.graphql_extensions(), outage)
        _log.error("unexpected resolver error", path=error.path, exc_info=original)
        if not self.mask:
            return _copy(error, error.message, {"code": "INTERNAL_SERVER_ERROR"}, original)
        return _copy(error, MASKED_MESSAGE, {"code": "INTERNAL_SERVER_ERROR"}, None)


def _copy(
    error: GraphQLError,
    message: str,
    extensions: dict[str, object],
    original: Exception | None,
) -> GraphQLError:
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=original,
        extensions=extensions,
    )
