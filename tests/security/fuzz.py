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
# Naive and date-only values, NUL, huge strings and huge or negative numbers are hand-written
# classes (`CLASSES`), sent to every argument they fit; the drawn values leave them out so one
# known failure does not mask the rest of a field's cases.
DATETIMES = [
    "2024-02-30T00:00:00Z",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+14:00",
    "2024-01-01T00:00:00+25:00",
    "1970-01-01T00:00:00Z",
    "",
    "now",
]
NASTY_TEXT = [
    "",
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
    "\ud7ff\ue000",
    "<script>alert(1)</script>",
]


def forged_cursors() -> st.SearchStrategy[str]:
    """Cursors a client could make up: garbage, base64 of garbage, base64 of odd JSON."""
    payloads = st.one_of(
        st.binary(max_size=40),
        st.sampled_from([b"[]", b"{}", b"null", b'["x"]', b"[1e999]", b'[-1, "z"]', b"\x01"]),
        st.lists(st.one_of(st.integers(), st.text(max_size=8)), max_size=3).map(
            lambda v: json.dumps(v).encode()
        ),
    )
    encoded = payloads.flatmap(
        lambda raw: st.sampled_from(
            [base64.urlsafe_b64encode(raw).decode(), base64.b64encode(raw).decode().rstrip("=")]
        )
    )
    return st.one_of(encoded, _text(30), st.sampled_from(["", "=", "%%%"]))


def text() -> st.SearchStrategy[str]:
    """Strings: anything, plus the known troublemakers."""
    return st.one_of(_text(40), st.sampled_from(NASTY_TEXT))


def _text(size: int) -> st.SearchStrategy[str]:
    return st.text(st.characters(blacklist_characters="\x00"), max_size=size)


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
                st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
                text(),
            )
        if name == "after" or name.endswith("cursor"):
            return forged_cursors()
        if type_.name == "ID":
            known = [i for ids in self.ids.by_kind.values() for i in ids]
            forged = ["cust-99999", "../../etc/passwd", "0", "-1", "cust-00001 "]
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


# Hand-written classes: (the input type they target, the value). "cursor" targets `after`.
CLASSES: dict[str, tuple[str, Any]] = {
    "naive datetime": ("DateTime", "2024-01-01T00:00:00"),
    "date-only": ("DateTime", "2024-01-01"),
    "NUL in text": ("String", "a\x00b"),
    "NUL in id": ("ID", "\x00"),
    "huge text": ("String", "x" * 20_000),
    "huge id": ("ID", "x" * 20_000),
    "huge int": ("Int", 2**31),
    "negative int": ("Int", -1),
    "forged cursor": ("cursor", "bm90LWEtY3Vyc29y"),
}
_PLAIN = {"Int": 1, "Float": 1.0, "Boolean": False, "ID": "cust-00001"}


def _targets(type_: GraphQLInputType, name: str, target: str, seen: frozenset[str]) -> bool:
    """Does an input of this type (or a field nested in it) take the class's value?"""
    named = get_named_type(type_)
    if target == "cursor":
        return name == "after"
    if isinstance(named, GraphQLInputObjectType):
        if named.name in seen:
            return False
        return any(
            _targets(f.type, n, target, seen | {named.name}) for n, f in named.fields.items()
        )
    return named.name == target and name != "after"


def class_value(type_: GraphQLInputType, name: str, target: str, value: Any) -> Any:
    """A valid value for the input, except that every input of the class's type gets `value`."""
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if isinstance(type_, GraphQLList):
        return [class_value(type_.of_type, name, target, value)]
    if _targets(type_, name, target, frozenset()) and not isinstance(type_, GraphQLInputObjectType):
        return value
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            n: class_value(f.type, n, target, value)
            for n, f in type_.fields.items()
            if (isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined)
            or _targets(f.type, n, target, frozenset())
        }
    named = get_named_type(type_)
    if named.name == "DateTime":
        return "2099-01-01T00:00:00+00:00"
    return _PLAIN.get(named.name, "x")


def class_cases(schema: GraphQLSchema) -> list[tuple[str, str]]:
    """(root field, class) for every root field with an argument the class targets."""
    cases = []
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        if root is None:
            continue
        for name, field_ in root.fields.items():
            for label, (target, _) in CLASSES.items():
                if any(_targets(a.type, n, target, frozenset()) for n, a in field_.args.items()):
                    cases.append((f"{kind}.{name}", label))
    return cases


def class_variables(operation: Operation, label: str) -> dict[str, Any]:
    """The variables of one hand-written case: the class's value wherever it fits."""
    target, value = CLASSES[label]
    return {
        arg: class_value(type_, arg, target, value)
        for arg, type_ in operation.arguments.items()
        if isinstance(type_, GraphQLNonNull) or _targets(type_, arg, target, frozenset())
    }
