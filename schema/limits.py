"""Query depth and alias limits whose validation rules are built once, not per request.

Strawberry's limiters define a new validator class in every constructor; extensions are built
per request, so the rule set — part of `ValidationCache`'s key — changed every time and the
cache never hit (validation re-ran on each request, ~2.4 ms of a Customer360 query). Caching
the rule class per limit keeps the key stable.
"""

from __future__ import annotations

import functools

from graphql import ValidationRule
from strawberry.extensions import AddValidationRules, max_aliases, query_depth_limiter


@functools.cache
def _depth_rule(max_depth: int) -> type[ValidationRule]:
    return query_depth_limiter.create_validator(max_depth, None, None)


@functools.cache
def _alias_rule(max_alias_count: int) -> type[ValidationRule]:
    return max_aliases.create_validator(max_alias_count)


class DepthLimit(AddValidationRules):
    """Reject documents nested deeper than `max_depth` (introspection fields ignored)."""

    def __init__(self, max_depth: int) -> None:
        super().__init__([_depth_rule(max_depth)])


class AliasLimit(AddValidationRules):
    """Reject documents with more than `max_alias_count` aliases."""

    def __init__(self, max_alias_count: int) -> None:
        super().__init__([_alias_rule(max_alias_count)])
