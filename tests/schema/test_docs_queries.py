"""Every GraphQL example in the docs is valid against the live schema.

A new hire copies the README's queries into GraphiQL first; a renamed field or a list turned
into a connection must update the docs in the same change, not leave them failing.
"""

from __future__ import annotations

import re

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate
from graphql.validation import NoDeprecatedCustomRule

from core.settings import REPO_ROOT
from schema import render_sdl

DOCS = [
    REPO_ROOT / "README.md",
    REPO_ROOT / "CHANGELOG.md",
    *sorted((REPO_ROOT / "docs").glob("*.md")),
]
BLOCK = re.compile(r"```graphql\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    return [
        (f"{path.name}#{number}", block)
        for path in DOCS
        for number, block in enumerate(BLOCK.findall(path.read_text(encoding="utf-8")))
    ]


@pytest.fixture(scope="module")
def live_schema() -> GraphQLSchema:
    return build_schema(render_sdl())


def test_the_readme_has_examples() -> None:
    assert sum(1 for name, _ in _examples() if name.startswith("README.md")) >= 3


@pytest.mark.parametrize(("name", "document"), _examples(), ids=lambda value: str(value)[:30])
def test_the_example_is_valid_against_the_schema(
    live_schema: GraphQLSchema, name: str, document: str
) -> None:
    errors = validate(live_schema, parse(document))
    assert not errors, f"{name}: {[error.message for error in errors]}"


def test_a_stale_example_is_caught(live_schema: GraphQLSchema) -> None:
    # The check itself fails on the shape v1 replaced (a plain list where a connection is).
    stale = 'query { customer(id: "cust-00001") { notes(first: 5) { subject } } }'
    assert validate(live_schema, parse(stale))


@pytest.mark.parametrize(
    ("name", "document"),
    [(name, doc) for name, doc in _examples() if not name.startswith("CHANGELOG.md")],
    ids=lambda value: str(value)[:30],
)
def test_the_example_uses_no_deprecated_field_or_argument(
    live_schema: GraphQLSchema, name: str, document: str
) -> None:
    # The docs teach v1's shapes; the CHANGELOG alone may show the ones being replaced.
    errors = validate(live_schema, parse(document), [NoDeprecatedCustomRule])
    assert not errors, f"{name}: {[error.message for error in errors]}"


def test_a_deprecated_example_is_caught(live_schema: GraphQLSchema) -> None:
    old = 'query { customer(id: "cust-00001") { profile { name } } }'
    assert validate(live_schema, parse(old), [NoDeprecatedCustomRule])


def test_the_widget_uses_no_deprecated_field_or_argument(live_schema: GraphQLSchema) -> None:
    # The sidebar is the first client of v1's shapes (filters, inputs, enums).
    from tests.gateway.cost_queries import widget_operations

    operations = widget_operations()
    assert "WidgetNotes" in operations
    stale = {
        name: [error.message for error in errors]
        for name, source in operations.items()
        if (errors := validate(live_schema, parse(source), [NoDeprecatedCustomRule]))
    }
    assert stale == {}
