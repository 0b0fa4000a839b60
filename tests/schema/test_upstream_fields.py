"""Every upstream read of a Customer360 field is declared on the field and prefetched.

The test walks the schema's own fields (no hand list): each one is queried alone, in process,
with the request's real loaders on the demo upstreams, and every upstream loader the field
ends up reading must already have been started by customer(id) before its reach check.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import graphql
import pytest
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import get_object_definition

from datasources.registry import Upstreams
from policies.principal import Principal
from resolvers.prefetch import LOADER_NAMES, UpstreamReads, reads_by_field
from resolvers.upstream_loaders import UpstreamLoaders
from schema import build_schema, render_sdl
from schema.customer import Customer360
from schema.upstream_field import describe
from tests.fixtures.seeded import SeededStore

CUSTOMER = "cust-00001"
ADMIN = Principal(subject="admin-1", roles=("admin",))  # sees every field group


def _customer360_fields() -> dict[str, str]:
    """Each Customer360 field of the schema with a minimal selection of it."""
    sdl = graphql.build_schema(render_sdl())
    customer = sdl.get_type("Customer360")
    assert isinstance(customer, graphql.GraphQLObjectType)
    return {
        name: name
        if graphql.is_leaf_type(graphql.get_named_type(field.type))
        else f"{name} {{ __typename }}"
        for name, field in customer.fields.items()
    }


def _recording(load: Callable[..., Any], event: str, events: list[str]) -> Callable[..., Any]:
    def record(*args: Any, **kwargs: Any) -> Any:
        events.append(event)
        return load(*args, **kwargs)

    return record


@pytest.mark.parametrize("field", sorted(_customer360_fields()))
async def test_each_field_s_upstream_reads_start_before_the_reach_check(
    field: str, seeded_store: SeededStore, sqlite_upstreams: Upstreams
) -> None:
    # Given the request's loaders, recording each load in order
    events: list[str] = []
    loaders = UpstreamLoaders.create(sqlite_upstreams)
    for name in LOADER_NAMES:
        loader = getattr(loaders, name)
        loader.load = _recording(loader.load, name, events)
    context = dataclasses.replace(seeded_store.context(ADMIN), upstream=loaders)
    store_load = context.store.customer_by_id
    store_load.load = _recording(store_load.load, "reach check", events)  # type: ignore[method-assign]

    # When the field alone is queried
    selection = _customer360_fields()[field]
    query = f'{{ customer(id: "{CUSTOMER}") {{ {selection} }} }}'
    result = await build_schema(seeded_store.settings).execute(query, context_value=context)

    # Then it resolved, and everything it read upstream was started before the reach check
    assert result.errors is None, result.errors
    assert "reach check" in events
    before = set(events[: events.index("reach check")])
    # A loader that reads through another (order figures → orders, when no summary is
    # stored) starts that read from its own batch: it was prefetched by starting the first.
    through = {
        name for first in before for name in getattr(getattr(loaders, first), "reads_through", ())
    }
    read = set(events) - {"reach check"} - through
    assert read <= before, f"{field} reads {sorted(read - before)} without prefetching them"


def test_the_declaration_shapes_the_description_and_names_real_loaders() -> None:
    declared = reads_by_field(Customer360, NameConverter())
    assert {"profile", "orders", "timeline", "referrals", "badges"} <= set(declared)
    assert all(set(reads.loaders) <= LOADER_NAMES for reads in declared.values())
    described = {
        f.name: f.description for f in get_object_definition(Customer360, strict=True).fields
    }
    assert described["payments"] == describe("Payment ledger, newest first.", declared["payments"])
    assert str(described["payments"]).endswith("if billing fails.")
    with pytest.raises(ValueError, match="unknown"):
        UpstreamReads(loaders=("orders_by_customer",))
