"""The query cost estimate: list sizes times nested selections, on the real schema."""

from __future__ import annotations

from typing import Any

from graphql import parse

from core.settings import Settings
from schema import build_schema
from schema.cost import CostModel, estimate_cost

SCHEMA = build_schema(Settings(environment="test"))._schema
MODEL = CostModel(limit=50_000)


def cost(query: str, model: CostModel = MODEL, **variables: Any) -> int:
    """The estimate for the document's only operation."""
    return estimate_cost(SCHEMA, parse(query), None, variables, model)


def test_scalars_are_free_and_each_object_costs_one() -> None:
    assert cost("{ me { subject roles } }") == 1
    assert cost("{ me { subject permissions { readableScopes } } }") == 2


def test_a_connection_hands_its_page_size_to_its_edges() -> None:
    # customers 1 + 5 edges + 5 nodes; pageInfo 1
    assert cost("{ customers(first: 5) { pageInfo { hasNextPage } edges { node { id } } } }") == 12


def test_sizes_come_from_variables_then_defaults_and_multiply_down() -> None:
    query = (
        "query Q($n: Int!) { customers(first: $n) { edges { node { notes(first: 3) { id } } } } }"
    )
    assert cost(query, n=10) == 1 + 10 + 10 + 10 * 3
    # Customer360.orders defaults to first: 20; Order.lines is an unpaged list (10 assumed).
    assert cost('{ customer(id: "c") { orders { edges { node { lines { sku } } } } } }') == (
        1 + 1 + 20 + 20 + 20 * 10
    )


def test_fragments_count_like_inline_selections() -> None:
    inline = "{ customers(first: 4) { edges { node { notes(first: 2) { id } } } } }"
    spread = """
    query { customers(first: 4) { edges { node { ...N } } } }
    fragment N on Customer360 { notes(first: 2) { id } }
    """
    assert cost(spread) == cost(inline)


def test_a_page_larger_than_its_field_accepts_counts_as_the_largest_accepted() -> None:
    # The resolver refuses first: 10000 with INVALID before any work; the estimate caps it.
    assert cost("{ customers(first: 10000) { edges { node { id } } } }") == 1 + 100 + 100


def test_weights_and_list_sizes_are_configurable_per_field() -> None:
    query = '{ customer(id: "c") { interactions { id } } }'
    assert cost(query) == 1 + 10
    heavier = CostModel(
        limit=1, weights={"Customer360.interactions": 3}, list_sizes={"Customer360.interactions": 5}
    )
    assert cost(query, heavier) == 1 + 5 * 3


def test_introspection_is_free() -> None:
    assert cost("{ __schema { types { name fields { name args { name } } } } }") == 0
