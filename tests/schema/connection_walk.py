"""Walk every connection of the schema: page through it forwards (and backwards where it
offers `last`/`before`) with small pages and check the Relay invariants against one big page.

The connection fields are found by introspection (every field whose type is a `…Connection`);
a field is reached through a `Route`: the query around it and where its answer sits.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    build_client_schema,
    get_introspection_query,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
)

Post = Callable[[str], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class ConnectionField:
    """One field returning a connection, with what it accepts."""

    owner: str
    name: str
    backward: bool
    node_selection: str
    full_selection: str
    required: tuple[str, ...]

    @property
    def key(self) -> str:
        """`Type.field`."""
        return f"{self.owner}.{self.name}"


@dataclass(frozen=True)
class Route:
    """How to reach a field of `owner`: `wrap` puts the field's selection in a whole query,
    `pick` finds the connection in the answer's data."""

    wrap: Callable[[str], str]
    pick: Callable[[dict[str, Any]], Any]


@dataclass
class Walked:
    """What one walk saw: every item in order, and the total the list claimed."""

    items: list[str] = field(default_factory=list)
    total: int = 0
    forbidden: bool = False
    bodies: list[str] = field(default_factory=list)


async def introspect(post: Post) -> GraphQLSchema:
    """The served schema, as introspection describes it."""
    body = await post(get_introspection_query())
    assert body.get("errors") is None, body
    return build_client_schema(body["data"])


def connection_fields(schema: GraphQLSchema) -> list[ConnectionField]:
    """Every field of every object type whose type is a connection."""
    found = []
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for name, definition in type_.fields.items():
            named = get_named_type(definition.type)
            if isinstance(named, GraphQLObjectType) and named.name.endswith("Connection"):
                found.append(_describe(type_.name, name, definition, named))
    return sorted(found, key=lambda f: f.key)


def _describe(
    owner: str, name: str, definition: GraphQLField, connection: GraphQLObjectType
) -> ConnectionField:
    assert {"edges", "pageInfo", "totalCount"} <= set(connection.fields), connection.name
    edge = get_named_type(connection.fields["edges"].type)
    assert isinstance(edge, GraphQLObjectType)
    assert {"cursor", "node"} <= set(edge.fields)
    node = get_named_type(edge.fields["node"].type)
    if is_leaf_type(node):
        selection = full = "node"
    else:
        assert isinstance(node, GraphQLObjectType)
        names = ["id"] if "id" in node.fields else _scalars(node)
        selection = "node { " + " ".join(names) + " }"
        full = "node { " + " ".join(_scalars(node) + _nested(node)) + " }"
    required = tuple(
        arg
        for arg, value in definition.args.items()
        if is_non_null_type(value.type) and value.default_value is None
    )
    args = definition.args
    return ConnectionField(
        owner, name, "last" in args and "before" in args, selection, full, required
    )


# Plain fields read from upstream systems (null + UPSTREAM_UNAVAILABLE without them); the
# upstream lists and their records are walked with the demo upstreams elsewhere.
UPSTREAM_LEAVES = {("Customer360", "orderFiguresAsOf")}


def _scalars(node: GraphQLObjectType) -> list[str]:
    return [
        name
        for name, definition in node.fields.items()
        if is_leaf_type(get_named_type(definition.type))
        and not definition.args
        and (node.name, name) not in UPSTREAM_LEAVES
    ]


def _nested(node: GraphQLObjectType) -> list[str]:
    # One level down, into small objects of plain values (a revision's changes); a customer's
    # objects come from upstream systems and are left out.
    if node.name == "Customer360":
        return []
    nested = []
    for name, definition in node.fields.items():
        inner = get_named_type(definition.type)
        if definition.args or not isinstance(inner, GraphQLObjectType):
            continue
        leaves = _scalars(inner)
        if leaves and len(leaves) == len(inner.fields):
            nested.append(f"{name} {{ {' '.join(leaves)} }}")
    return nested


def _args(**values: Any) -> str:
    given = {k: v for k, v in values.items() if v is not None}
    return ", ".join(f"{k}: {json.dumps(v)}" for k, v in given.items())


SELECTION = (
    "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
    "edges { cursor {node} }"
)


async def _page(
    post: Post,
    route: Route,
    target: ConnectionField,
    extra: str,
    walked: Walked,
    full: bool,
    **paging: Any,
) -> dict[str, Any] | None:
    arguments = ", ".join(part for part in (extra, _args(**paging)) if part)
    node = target.full_selection if full else target.node_selection
    selection = SELECTION.replace("{node}", node)
    query = route.wrap(f"{target.name}({arguments}) {{ {selection} }}")
    body = await post(query)
    walked.bodies.append(json.dumps(body))
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or ()]
    if codes and set(codes) == {"FORBIDDEN"}:
        walked.forbidden = True
        return None
    assert not codes, (target.key, query, body)
    connection = route.pick(body["data"])
    assert connection is not None, (target.key, query, body)
    assert isinstance(connection, dict)
    return connection


def _identity(edge: dict[str, Any]) -> str:
    return json.dumps(edge["node"], sort_keys=True)


async def walk(
    post: Post,
    route: Route,
    target: ConnectionField,
    extra: str = "",
    *,
    size: int = 2,
    full: bool = False,
) -> Walked:
    """Page through one connection both ways and check it against one whole page (`full`:
    select every plain field of the nodes, to search whole answers for canaries)."""
    walked = Walked()
    whole = await _page(post, route, target, extra, walked, full, first=100)
    if whole is None:
        return walked
    everything = [_identity(edge) for edge in whole["edges"]]
    while whole["pageInfo"]["hasNextPage"]:  # longer than the largest page: pages of 100
        after = whole["pageInfo"]["endCursor"]
        whole = await _page(post, route, target, extra, walked, full, first=100, after=after)
        assert whole is not None
        everything += [_identity(edge) for edge in whole["edges"]]
    assert len(set(everything)) == len(everything), (target.key, "duplicates", everything)
    assert whole["totalCount"] == len(everything), (target.key, whole["totalCount"])
    walked.items, walked.total = everything, len(everything)
    size = max(size, len(everything) // 6)

    seen: list[str] = []
    after = None
    while True:
        page = await _page(post, route, target, extra, walked, full, first=size, after=after)
        assert page is not None
        _check(target, page, walked.total)
        info = page["pageInfo"]
        assert info["hasPreviousPage"] == bool(seen), (target.key, "forward", info, seen)
        seen += [_identity(edge) for edge in page["edges"]]
        assert info["hasNextPage"] == (len(seen) < walked.total), (target.key, info, seen)
        if not info["hasNextPage"]:
            break
        assert page["edges"], (target.key, "an empty page that claims a next one")
        after = info["endCursor"]
    assert seen == everything, (target.key, "forward pages differ from the whole list")

    if target.backward:
        seen, before = [], None
        while True:
            page = await _page(post, route, target, extra, walked, full, last=size, before=before)
            assert page is not None
            _check(target, page, walked.total)
            info = page["pageInfo"]
            assert info["hasNextPage"] == bool(seen), (target.key, "backward", info, seen)
            seen = [_identity(edge) for edge in page["edges"]] + seen
            assert info["hasPreviousPage"] == (len(seen) < walked.total), (target.key, info)
            if not info["hasPreviousPage"]:
                break
            before = info["startCursor"]
        assert seen == everything, (target.key, "backward pages differ from the whole list")
    return walked


def _check(target: ConnectionField, page: dict[str, Any], total: int) -> None:
    assert page["totalCount"] == total, (target.key, page["totalCount"], total)
    edges = page["edges"]
    cursors = [edge["cursor"] for edge in edges]
    assert len(set(cursors)) == len(cursors), (target.key, "duplicate cursors")
    info = page["pageInfo"]
    if edges:
        assert info["startCursor"] == cursors[0], (target.key, info)
        assert info["endCursor"] == cursors[-1], (target.key, info)
    else:
        assert info["startCursor"] is None, (target.key, info)
        assert info["endCursor"] is None, (target.key, info)
