"""`invoices`, `payments` and `tickets` page at their source through the schema: a walk with
`after: endCursor` yields the whole newest-first list once, and a cursor that is not one of
the list's is a coded INVALID error on that field alone, never a 500."""

from __future__ import annotations

import pytest

from datasources.registry import Upstreams
from policies.principal import Principal
from store.pagination import encode_cursor
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import run_as_admin

ADMIN = Principal(subject="admin-1", roles=("admin",))
CUSTOMER = "cust-00001"
PAGE = """query P($id: ID!, $first: Int!, $after: String) { customer(id: $id) {
  invoices(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { number } } }
  payments(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { reference } } }
  tickets(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id } } } } }"""
KEYS = {"invoices": "number", "payments": "reference", "tickets": "id"}


@pytest.mark.parametrize("name", sorted(KEYS))
async def test_a_walk_by_end_cursor_is_the_whole_list_once(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, name: str
) -> None:
    whole = await run_as_admin(
        seeded_store, sqlite_upstreams, PAGE, id=CUSTOMER, first=100, after=None
    )
    assert whole.errors is None, whole.errors
    expected = [e["node"][KEYS[name]] for e in whole.data["customer"][name]["edges"]]
    assert whole.data["customer"][name]["totalCount"] == len(expected)

    walked: list[str] = []
    after = None
    for _ in range(50):
        single = f"""query P($id: ID!, $after: String) {{ customer(id: $id) {{
          {name}(first: 1, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }}
            edges {{ node {{ {KEYS[name]} }} }} }} }} }}"""
        result = await run_as_admin(
            seeded_store, sqlite_upstreams, single, id=CUSTOMER, after=after
        )
        assert result.errors is None, result.errors
        page = result.data["customer"][name]
        assert page["totalCount"] == len(expected)
        walked += [e["node"][KEYS[name]] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert walked == expected


async def test_a_foreign_or_old_cursor_is_invalid_on_its_field_alone(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams
) -> None:
    old = encode_cursor("2024-01-01T00:00:00+00:00", "INV-000001")  # the whole-list paging's

    result = await run_as_admin(
        seeded_store, sqlite_upstreams, PAGE, id=CUSTOMER, first=2, after=old
    )

    assert result.data is not None
    customer = result.data["customer"]
    assert customer == {"invoices": None, "payments": None, "tickets": None}
    codes = {tuple(e.path): e.extensions["code"] for e in result.errors or []}
    assert codes == {
        ("customer", "invoices"): "INVALID",
        ("customer", "payments"): "INVALID",
        ("customer", "tickets"): "INVALID",
    }
