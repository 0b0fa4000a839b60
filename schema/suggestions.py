"""Outside development, GraphQL errors do not suggest names ("Did you mean 'riskFlags'?").

Suggestions let an anonymous caller map the schema field by field even with introspection
off, so they are stripped from every error message of the response.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

# graphql-core appends the hint as the message's last sentence.
_SUGGESTION = re.compile(r"\s*Did you mean\b.*$", re.DOTALL)


class HideSuggestions(SchemaExtension):
    """Removes "Did you mean …" hints from validation and coercion errors."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors or []) if result is not None else []:
            error.message = _SUGGESTION.sub("", error.message)
