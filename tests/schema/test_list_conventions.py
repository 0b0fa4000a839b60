"""docs/api-conventions.md "Lists" and "People", walked over the live schema: one filter input
per list kind, a person is always "agent", and report lists that can grow are connections."""

from __future__ import annotations

import graphql
import pytest

from core.settings import Settings
from schema import build_schema

SCHEMA = build_schema(Settings(environment="test"))._schema
_ROOT = SCHEMA.query_type
assert _ROOT is not None
QUERY: graphql.GraphQLObjectType = _ROOT
# The one filter input of each list kind, by the type of the list's nodes.
FILTERS = {
    "Note": "NoteFilter",
    "AuditEntry": "AuditFilter",
    "IntakeFailure": "IntakeFailureFilter",
}
# Arguments that page, order or search a list rather than narrow it.
NOT_FILTERS = {"first", "after", "last", "before", "orderBy", "sort", "query", "filter"}
# Root reports over notes: each takes the notes' filter.
NOTE_REPORTS = {"noteReport", "notesPerAgentPerDay", "noteCreationTimes", "qaReport"}
PERSON_NAMES = {"authorId", "actorId", "operatorId", "userId"}


def _object_types() -> list[graphql.GraphQLObjectType]:
    return [
        kind
        for name, kind in SCHEMA.type_map.items()
        if isinstance(kind, graphql.GraphQLObjectType) and not name.startswith("__")
    ]


def _node_of_connection(kind: graphql.GraphQLNamedType) -> str | None:
    """The node type's name when `kind` is a connection (edges { node }); else None."""
    if not isinstance(kind, graphql.GraphQLObjectType) or "edges" not in kind.fields:
        return None
    edge = graphql.get_named_type(kind.fields["edges"].type)
    assert isinstance(edge, graphql.GraphQLObjectType)
    return str(graphql.get_named_type(edge.fields["node"].type).name)


def _lists_of(node: str) -> list[tuple[str, graphql.GraphQLField]]:
    return [
        (f"{owner.name}.{name}", field)
        for owner in _object_types()
        for name, field in owner.fields.items()
        if _node_of_connection(graphql.get_named_type(field.type)) == node
    ]


@pytest.mark.parametrize("node", sorted(FILTERS))
def test_every_list_of_a_kind_takes_its_one_filter(node: str) -> None:
    lists = _lists_of(node)
    assert lists, f"no connection of {node}"
    problems = []
    for key, field in lists:
        given = field.args.get("filter")
        if given is None or graphql.get_named_type(given.type).name != FILTERS[node]:
            problems.append(f"{key}: no `filter: {FILTERS[node]}`")
        problems += [
            f"{key}({name}): a flat filter argument that is not deprecated"
            for name, argument in field.args.items()
            if name not in NOT_FILTERS and argument.deprecation_reason is None
        ]
    assert not problems, problems


def test_every_note_report_takes_the_note_filter() -> None:
    fields = QUERY.fields
    for name in NOTE_REPORTS:
        given = fields[name].args.get("filter")
        assert given is not None, name
        assert graphql.get_named_type(given.type).name == "NoteFilter", name


def test_a_person_is_an_agent_in_every_argument_input_and_grouping() -> None:
    found = []
    for kind in SCHEMA.type_map.values():
        if isinstance(kind, graphql.GraphQLObjectType):
            found += [
                f"{kind.name}.{field}({name})"
                for field, definition in kind.fields.items()
                for name, argument in definition.args.items()
                if name in PERSON_NAMES and argument.deprecation_reason is None
            ]
        elif isinstance(kind, graphql.GraphQLInputObjectType):
            found += [
                f"{kind.name}.{name}"
                for name, field in kind.fields.items()
                if name in PERSON_NAMES and field.deprecation_reason is None
            ]
        elif isinstance(kind, graphql.GraphQLEnumType) and not kind.name.startswith("__"):
            found += [
                f"{kind.name}.{name}"
                for name, value in kind.values.items()
                if name in {"OPERATOR", "AUTHOR", "USER"} and value.deprecation_reason is None
            ]
    found += [
        f"Query.{name}"
        for name, field in QUERY.fields.items()
        if name in PERSON_NAMES and field.deprecation_reason is None
    ]
    assert not found, found


def test_every_root_report_list_is_a_connection() -> None:
    plain = [
        name
        for name, field in QUERY.fields.items()
        if ("report" in name.lower() or name in NOTE_REPORTS)
        and isinstance(graphql.get_nullable_type(field.type), graphql.GraphQLList)
    ]
    assert not plain, plain
    for name in NOTE_REPORTS:
        field = QUERY.fields[name]
        assert _node_of_connection(graphql.get_named_type(field.type)), name
        assert {"first", "after"} <= set(field.args), name
