"""The frozen API: the committed v1 baseline SDL, the changes against it, the deprecation rule.

`schema/v1.graphql` is what clients of v1 were promised. A change to the live schema that
graphql-core's breaking-change finder flags (a removed field, a nullable field made non-null
in an input, an output field's type changed, …) fails the check until the baseline is
rewritten on purpose (`python -m gateway sdl --baseline --accept-breaking`). Dangerous
changes (a new enum value, a changed default) are reported, not refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graphql import GraphQLSchema, build_schema, find_breaking_changes, find_dangerous_changes
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)

BASELINE_PATH = Path(__file__).with_name("v1.graphql")

DEPRECATION_REASON = re.compile(r"\bRemoved in v(?P<version>\d+)\.")
"""Every `@deprecated(reason:)` names the version that removes it: "Use `x`. Removed in v2."."""


@dataclass(frozen=True, slots=True)
class SchemaChanges:
    """What the live schema changes against the baseline, as readable lines."""

    breaking: tuple[str, ...]
    dangerous: tuple[str, ...]


def compare(baseline_sdl: str, live_sdl: str) -> SchemaChanges:
    """The breaking and dangerous changes from `baseline_sdl` to `live_sdl`."""
    old, new = build_schema(baseline_sdl), build_schema(live_sdl)
    return SchemaChanges(
        breaking=tuple(
            f"{change.type.name}: {change.description}"
            for change in find_breaking_changes(old, new)
        ),
        dangerous=tuple(
            f"{change.type.name}: {change.description}"
            for change in find_dangerous_changes(old, new)
        ),
    )


def deprecations_without_removal(schema: GraphQLSchema) -> list[str]:
    """Coordinates of deprecated fields, arguments and enum values whose reason names no
    removal version (see `DEPRECATION_REASON`)."""
    missing: list[str] = []

    def check(coordinate: str, reason: str | None) -> None:
        if reason is not None and not DEPRECATION_REASON.search(reason):
            missing.append(coordinate)

    for name, named in schema.type_map.items():
        if name.startswith("__"):
            continue
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                check(f"{name}.{field_name}", field.deprecation_reason)
                for arg_name, arg in field.args.items():
                    check(f"{name}.{field_name}({arg_name}:)", arg.deprecation_reason)
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                check(f"{name}.{field_name}", input_field.deprecation_reason)
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                check(f"{name}.{value_name}", value.deprecation_reason)
    return missing
