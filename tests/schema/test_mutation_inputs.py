"""Every mutation takes one `input: <Mutation>Input` and returns a payload with `errors`.

Walks `type Mutation` of the rendered schema, so a mutation added later is checked without
being listed here (docs/api-conventions.md, "Mutations").
"""

from __future__ import annotations

from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLObjectType,
    build_schema,
    get_named_type,
)

from schema import render_sdl

NO_INPUT = {"reloadPolicy"}  # takes nothing: there is nothing to put in an input


def _mutations() -> dict[str, GraphQLField]:
    mutation = build_schema(render_sdl()).mutation_type
    assert mutation is not None
    return dict(mutation.fields)


def test_every_mutation_takes_one_input_named_after_it() -> None:
    wrong = []
    for name, field in _mutations().items():
        if name in NO_INPUT:
            ok = not field.args
        elif "input" not in field.args:
            ok = False
        else:
            input_type = get_named_type(field.args["input"].type)
            ok = isinstance(input_type, GraphQLInputObjectType) and input_type.name == (
                name[0].upper() + name[1:] + "Input"
            )
        if not ok:
            wrong.append(name)
    assert wrong == []


def test_every_other_argument_of_a_mutation_is_deprecated_until_v2() -> None:
    # Both forms are optional in the schema (a new required argument would break v1 clients);
    # the old one is marked for removal so clients move to `input`.
    loose = [
        f"{name}({argument})"
        for name, field in _mutations().items()
        for argument, definition in field.args.items()
        if argument != "input"
        and (
            not definition.deprecation_reason
            or "Removed in v2." not in definition.deprecation_reason
        )
    ]
    assert loose == []


def test_every_mutation_payload_is_nullable_and_has_errors() -> None:
    wrong = []
    for name, field in _mutations().items():
        payload = field.type
        if not isinstance(payload, GraphQLObjectType) or "errors" not in payload.fields:
            wrong.append(name)
    assert wrong == []


def test_payloads_that_change_a_customer_return_it() -> None:
    # A normalised cache updates the cached customer (tags, badges, notes) from the payload.
    changing = [
        "createNote",
        "updateNote",
        "tagNote",
        "untagNote",
        "deleteNote",
        "restoreNote",
        "tagCustomer",
        "untagCustomer",
        "raiseRiskFlag",
        "clearRiskFlag",
        "handoffToSupport",
    ]
    mutations = _mutations()
    without = []
    for name in changing:
        payload = get_named_type(mutations[name].type)
        if not isinstance(payload, GraphQLObjectType) or "customer" not in payload.fields:
            without.append(name)
    assert without == []
