"""The widest read queries, built from the running schema by introspection.

Every root field of `Query` becomes one or more documents that select every scalar and enum
field reachable from it, recursing into object, interface and union types up to a depth bound
and never revisiting a type already on the path. Required arguments are supplied generically:
ids from the seeded world (picked by the argument's name), every value of a required enum (as
aliases), small page sizes for nested lists, `true` for optional Boolean switches. A field or
type added to the schema is therefore covered without editing this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLType,
    GraphQLUnionType,
    build_client_schema,
    get_introspection_query,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined

ROOT_PAGE = 100
NESTED_PAGE = 50
MAX_DEPTH = 7
SEARCH_ALL = "canary*"
# How a page's continuation is found in a root answer, for the connection shapes in use.
PAGE_KEYS = (("pageInfo", "endCursor", "hasNextPage"), (None, "endCursor", "hasNextPage"))


def introspection_query() -> str:
    """The standard introspection query (descriptions name the guarded field groups)."""
    return get_introspection_query(descriptions=True)


GUARD = re.compile(r"may not see (\w+) fields")


def guarded_fields(schema: GraphQLSchema) -> dict[tuple[str, str], str]:
    """(type, field) -> field group, for every field documented as null + FORBIDDEN."""
    guarded = {}
    for type_ in schema.type_map.values():
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
            for name, field_ in type_.fields.items():
                match = GUARD.search(field_.description or "")
                if match:
                    guarded[(type_.name, name)] = match.group(1)
    return guarded


def schema_from_introspection(result: Mapping[str, Any]) -> GraphQLSchema:
    """A client-side schema from an introspection answer's `data`."""
    return build_client_schema(result)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Document:
    """One read operation: its text, the root field it covers and how deep it goes."""

    root: str
    text: str
    depth: int
    pageable: bool
    variables: dict[str, Any] = field(default_factory=dict)


@dataclass
class Ids:
    """Ids from the seeded world, offered to ID arguments by their names."""

    by_kind: dict[str, list[str]]

    def for_argument(self, name: str, owner: str) -> list[str]:
        """Candidate ids for argument `name` of a field returning type `owner`."""
        stem = name.lower().removesuffix("ids").removesuffix("id")
        if not stem:  # `id` / `ids` of the field's own type: `node(id:)`, `nodes(ids:)`
            stem = owner.lower() + ("s" if name.lower().endswith("ids") else "")
        if stem in self.by_kind:
            return self.by_kind[stem]
        for kind, ids in self.by_kind.items():
            if stem.startswith(kind) or kind.startswith(stem):
                return ids
        return [i for ids in self.by_kind.values() for i in ids]


def _is_list(type_: GraphQLType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _unwrap(type_: GraphQLType) -> GraphQLNamedType:
    return get_named_type(type_)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Enum):
        return value.name
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(value)


@dataclass(frozen=True)
class _Enum:
    name: str


def _scalar_value(name: str, type_name: str) -> Any:
    """A harmless value for a required scalar argument nobody configured."""
    if type_name == "Int":
        return NESTED_PAGE if name == "first" else 1
    if type_name == "Float":
        return 1.0
    if type_name == "Boolean":
        return True
    if type_name == "DateTime":
        return (datetime.now(UTC) + timedelta(days=3650)).isoformat()
    return "a"


class Builder:
    """Builds selection sets for one schema; `documents()` gives the root documents."""

    def __init__(self, schema: GraphQLSchema, ids: Ids, max_depth: int = MAX_DEPTH) -> None:
        self.schema = schema
        self.ids = ids
        self.max_depth = max_depth
        self.deepest = 0

    def _argument_sets(
        self, owner: str, args: Mapping[str, GraphQLArgument], *, root: bool
    ) -> list[dict[str, Any]] | None:
        """The argument combinations to ask with; None when a required input can't be made."""
        fixed: dict[str, Any] = {}
        choices: list[tuple[str, list[Any]]] = []
        for name, arg in args.items():
            named = _unwrap(arg.type)
            required = isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined
            if root and name == "query" and named.name == "String":
                # Free text: the whole list, and a search that matches every canary.
                choices.append((name, [None, SEARCH_ALL]))
            elif name == "first":
                fixed[name] = ROOT_PAGE if root else NESTED_PAGE
            elif named.name == "Boolean" and not isinstance(arg.type, GraphQLList):
                fixed[name] = True  # the widest answer: include completed, retired, resolved
            elif not required:
                continue
            elif isinstance(named, GraphQLInputObjectType):
                return None
            elif isinstance(named, GraphQLEnumType):
                values = [_Enum(v) for v in named.values]
                if _is_list(arg.type):
                    fixed[name] = values
                else:
                    choices.append((name, values))
            elif named.name == "ID":
                ids = self.ids.for_argument(name, owner)
                if _is_list(arg.type):
                    fixed[name] = ids
                else:
                    choices.append((name, ids))
            else:
                fixed[name] = _scalar_value(name, named.name)
        combos: list[dict[str, Any]] = [dict(fixed)]
        for name, values in choices:
            combos = [{**combo, name: value} for combo in combos for value in values]
        return combos

    def selection(
        self, type_: GraphQLNamedType, depth: int, path: frozenset[str], prefix: str = ""
    ) -> str:
        """Every field of `type_` reachable within the depth bound, as a selection set body.

        Under an interface or union each possible type's fields are aliased `<Type>_<field>`:
        two types may share a field name with different types (`ID` and `ID!`), and such
        fields may not meet unaliased in one selection (the document would be invalid and
        answer nothing at all).
        """
        self.deepest = max(self.deepest, depth)
        if isinstance(type_, GraphQLUnionType | GraphQLInterfaceType):
            parts = ["__typename"]
            for possible in self.schema.get_possible_types(type_):
                inner = self.selection(possible, depth, path, prefix=f"{possible.name}_")
                if inner:
                    parts.append(f"... on {possible.name} {{ {inner} }}")
            return " ".join(parts)
        assert isinstance(type_, GraphQLObjectType)
        parts = ["__typename"]
        for name, field_ in type_.fields.items():
            part = self._field(
                type_.name, name, field_, depth, path | {type_.name}, root=False, prefix=prefix
            )
            if part:
                parts.append(part)
        return " ".join(parts)

    def _field(
        self,
        owner: str,
        name: str,
        field_: GraphQLField,
        depth: int,
        path: frozenset[str],
        *,
        root: bool,
        prefix: str = "",
    ) -> str:
        named = _unwrap(field_.type)
        if not is_leaf_type(named) and (named.name in path or depth >= self.max_depth):
            return ""
        combos = self._argument_sets(named.name, field_.args, root=root)
        if not combos:
            return ""
        inner = ""
        if not is_leaf_type(named):
            inner = self.selection(named, depth + 1, path)
            if not inner:
                return ""
        parts = []
        for index, combo in enumerate(combos):
            args = ", ".join(f"{k}: {_literal(v)}" for k, v in combo.items())
            if len(combos) > 1:
                alias = f"{prefix}{name}_{index}: "
            else:
                alias = f"{prefix}{name}: " if prefix else ""
            call = f"{alias}{name}({args})" if args else f"{alias}{name}"
            parts.append(f"{call} {{ {inner} }}" if inner else call)
        return " ".join(parts)

    def documents(self) -> list[Document]:
        """One document per root field and per id it is asked about."""
        query = self.schema.query_type
        assert query is not None
        documents = []
        for name, field_ in query.fields.items():
            named = _unwrap(field_.type)
            combos = self._argument_sets(named.name, field_.args, root=True)
            if combos is None:
                continue
            self.deepest = 0
            inner = self.selection(named, 1, frozenset()) if not is_leaf_type(named) else ""
            pageable = "after" in field_.args
            calls = []
            for index, combo in enumerate(combos):
                args = ", ".join(f"{k}: {_literal(v)}" for k, v in combo.items())
                if pageable:
                    args = f"{args}, after: $after" if args else "after: $after"
                # Several argument sets of a list that pages go one per document (each pages
                # on its own); the others share one document under aliases.
                alias = f"{name}_{index}: " if len(combos) > 1 and not pageable else ""
                call = f"{alias}{name}({args})" if args else f"{alias}{name}"
                calls.append(f"{call} {{ {inner} }}" if inner else call)
            if pageable:
                texts = [f"query Widest($after: String) {{ {call} }}" for call in calls]
            else:
                texts = [f"query Widest {{ {' '.join(calls)} }}"]
            documents += [Document(name, text, self.deepest, pageable) for text in texts]
        return documents


def next_cursor(answer: Mapping[str, Any], root: str) -> str | None:
    """The cursor of the next page of a root connection in `answer`, if it has one."""
    data = answer.get("data") or {}
    node = data.get(root)
    if not isinstance(node, Mapping):
        return None
    for info, cursor, more in PAGE_KEYS:
        holder = node.get(info) if info else node
        if isinstance(holder, Mapping) and holder.get(more) and holder.get(cursor):
            return str(holder[cursor])
    return None


def json_paths(value: Any, needle: str, path: Sequence[str | int] = ()) -> list[str]:
    """Paths in a decoded JSON answer whose string (or key) contains `needle` (lower-cased)."""
    found: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if needle in str(key).lower():
                found.append(_render([*path, key]))
            found += json_paths(item, needle, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += json_paths(item, needle, [*path, index])
    elif value is not None and needle in str(value).lower():
        found.append(_render(path))
    return found


def _render(path: Sequence[str | int]) -> str:
    return ".".join("[]" if isinstance(p, int) else str(p) for p in path)
