"""Hypothesis strategies for every argument of every root query and mutation, from introspection.

Values are drawn per GraphQL input type, with the classes that break gateways mixed in: naive
and date-only datetimes, NUL and control characters, huge and negative numbers, forged cursors
and ids, wrong enum names, nulls where the schema allows them. They travel as variables, so the
server's coercion of each one is exercised.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined
from hypothesis import strategies as st

from tests.security.widest import Builder, Ids

HUGE_INTS = [0, -1, 1, -(2**31) - 1, 2**31, 2**53 + 1, -(10**20), 10**30]
DATETIMES = [
    "2024-01-01T00:00:00",  # naive
    "2024-01-01",  # date only
    "2024-02-30T00:00:00Z",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+14:00",
    "2024-01-01T00:00:00+25:00",
    "1970-01-01T00:00:00Z",
    "",
    "now",
    "2024-01-01T00:00:00\x00Z",
]
NASTY_TEXT = [
    "",
    "\x00",
    "a\x00b",
    " ",
    "\u202e\ufeff",
    "'; DROP TABLE notes; --",
    '"unterminated',
    "(((",
    "NOT",
    "a OR",
    "*",
    "canary*",
    "%_%",
    "\\",
    "x" * 20_000,
    "\ud7ff\ue000",
    "<script>alert(1)</script>",
]


def forged_cursors() -> st.SearchStrategy[str]:
    """Cursors a client could make up: garbage, base64 of garbage, base64 of odd JSON."""
    payloads = st.one_of(
        st.binary(max_size=40),
        st.sampled_from([b"[]", b"{}", b"null", b'["x"]', b"[1e999]", b'[-1, "z"]', b"\x00"]),
        st.lists(st.one_of(st.integers(), st.text(max_size=8)), max_size=3).map(
            lambda v: json.dumps(v).encode()
        ),
    )
    encoded = payloads.flatmap(
        lambda raw: st.sampled_from(
            [base64.urlsafe_b64encode(raw).decode(), base64.b64encode(raw).decode().rstrip("=")]
        )
    )
    return st.one_of(encoded, st.text(max_size=30), st.sampled_from(["", "=", "%%%", "\x00"]))


def text() -> st.SearchStrategy[str]:
    """Strings: anything, plus the known troublemakers."""
    return st.one_of(st.text(max_size=40), st.sampled_from(NASTY_TEXT))


@dataclass
class Values:
    """Strategies for input values of one schema."""

    ids: Ids

    def scalar(self, type_: GraphQLScalarType, name: str) -> st.SearchStrategy[Any]:
        if type_.name == "Int":
            return st.one_of(st.integers(-(2**31), 2**31 - 1), st.sampled_from(HUGE_INTS))
        if type_.name == "Float":
            return st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([1e308])
        if type_.name == "Boolean":
            return st.booleans()
        if type_.name == "DateTime":
            return st.one_of(
                st.sampled_from(DATETIMES),
                st.datetimes(timezones=st.none() | st.timezones()).map(lambda d: d.isoformat()),
                text(),
            )
        if name == "after" or name.endswith("cursor"):
            return forged_cursors()
        if type_.name == "ID":
            known = [i for ids in self.ids.by_kind.values() for i in ids]
            forged = ["cust-99999", "../../etc/passwd", "0", "-1", "\x00", "cust-00001\x00"]
            return st.one_of(st.sampled_from(known + forged), text())
        # String, Decimal, JSON and any scalar added later: text, and numbers as text.
        return st.one_of(text(), st.sampled_from(["1e999", "-0", "NaN", "12.345678901234567"]))

    def value(self, type_: GraphQLInputType, name: str) -> st.SearchStrategy[Any]:
        """A value for an input of this type (nullable types also draw null)."""
        if isinstance(type_, GraphQLNonNull):
            return self._inner(type_.of_type, name)
        return st.none() | self._inner(type_, name)

    def _inner(self, type_: GraphQLInputType, name: str) -> st.SearchStrategy[Any]:
        if isinstance(type_, GraphQLList):
            return st.lists(self.value(type_.of_type, name), max_size=4)
        if isinstance(type_, GraphQLEnumType):
            return st.sampled_from([*type_.values, "NOT_A_VALUE", "restricted"])
        if isinstance(type_, GraphQLInputObjectType):
            required = {}
            optional = {}
            for field_name, field_ in type_.fields.items():
                strategy = self.value(field_.type, field_name)
                if isinstance(field_.type, GraphQLNonNull) and field_.default_value is Undefined:
                    required[field_name] = strategy
                else:
                    optional[field_name] = strategy
            return st.fixed_dictionaries(required, optional=optional)
        assert isinstance(type_, GraphQLScalarType)
        return self.scalar(type_, name)


@dataclass(frozen=True)
class Operation:
    """One root field as an operation whose arguments are all variables."""

    kind: str
    field: str
    text: str
    arguments: dict[str, GraphQLInputType]


def operations(schema: GraphQLSchema, ids: Ids) -> list[Operation]:
    """Every root query and mutation field, selecting a shallow answer."""
    builder = Builder(schema, ids, max_depth=2)
    found = []
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        if root is None:
            continue
        for name, field_ in root.fields.items():
            found.append(_operation(kind, name, field_, builder))
    return found


def _operation(kind: str, name: str, field_: GraphQLField, builder: Builder) -> Operation:
    arguments = {arg: spec.type for arg, spec in field_.args.items()}
    declared = ", ".join(f"${arg}: {type_}" for arg, type_ in arguments.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in arguments)
    named = get_named_type(field_.type)
    inner = "" if is_leaf_type(named) else builder.selection(named, 1, frozenset())
    call = f"{name}({passed})" if passed else name
    body = f"{call} {{ {inner} }}" if inner else call
    head = f"{kind} Fuzz({declared})" if declared else f"{kind} Fuzz"
    return Operation(kind, name, f"{head} {{ {body} }}", arguments)


def variables(values: Values, operation: Operation) -> st.SearchStrategy[dict[str, Any]]:
    """Variables for one operation; optional arguments are sometimes left out."""
    required = {}
    optional = {}
    for arg, type_ in operation.arguments.items():
        strategy = values.value(type_, arg)
        if isinstance(type_, GraphQLNonNull):
            required[arg] = strategy
        else:
            optional[arg] = strategy
    return st.fixed_dictionaries(required, optional=optional)
