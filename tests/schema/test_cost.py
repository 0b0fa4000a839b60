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
        "query Q($n: Int!) { customers(first: $n) { edges { node { "
        "notes(first: 3) { edges { node { id } } } } } } }"
    )
    # each customer: its notes connection 1 + 3 edges + 3 notes
    assert cost(query, n=10) == 1 + 10 + 10 + 10 * (1 + 3 + 3)
    # Customer360.orders defaults to first: 20; Order.lines is an unpaged list (10 assumed).
    assert cost('{ customer(id: "c") { orders { edges { node { lines { sku } } } } } }') == (
        1 + 1 + 20 + 20 + 20 * 10
    )


def test_fragments_count_like_inline_selections() -> None:
    inline = (
        "{ customers(first: 4) { edges { node { notes(first: 2) { edges { node { id } } } } } } }"
    )
    spread = """
    query { customers(first: 4) { edges { node { ...N } } } }
    fragment N on Customer360 { notes(first: 2) { edges { node { id } } } }
    """
    assert cost(spread) == cost(inline)


def test_a_page_larger_than_its_field_accepts_counts_as_the_largest_accepted() -> None:
    # The resolver refuses first: 10000 with INVALID before any work; the estimate caps it.
    assert cost("{ customers(first: 10000) { edges { node { id } } } }") == 1 + 100 + 100


def test_a_connection_read_backwards_or_without_a_size_costs_its_page() -> None:
    backwards = '{ customer(id: "c") { notes(last: 7) { edges { node { id } } } } }'
    assert cost(backwards) == 1 + 1 + 7 + 7
    # Neither first nor last: the page the resolver returns by default (20).
    unsized = '{ customer(id: "c") { interactions { edges { node { id } } } } }'
    assert cost(unsized) == 1 + 1 + 20 + 20
    # noteReport pages up to 1,000 rows, 100 by default.
    assert cost("{ noteReport(groupBy: DAY) { edges { node { key } } } }") == 1 + 100 + 100
    assert cost("{ noteReport(groupBy: DAY, first: 5000) { edges { node { key } } } }") == (
        1 + 1000 + 1000
    )


def test_weights_and_list_sizes_are_configurable_per_field() -> None:
    query = '{ customer(id: "c") { lifetimeValue { amount } } }'
    assert cost(query) == 1 + 10
    heavier = CostModel(
        limit=1,
        weights={"Customer360.lifetimeValue": 3},
        list_sizes={"Customer360.lifetimeValue": 5},
    )
    assert cost(query, heavier) == 1 + 5 * 3


def test_introspection_is_free() -> None:
    assert cost("{ __schema { types { name fields { name args { name } } } } }") == 0
