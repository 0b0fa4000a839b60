"""A walk through a customer's timeline page by page, as a client pages it, in process."""

from __future__ import annotations

from datasources.registry import Upstreams
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import run_as_admin

TIMELINE = """query T($id: ID!, $first: Int!, $after: String) { customer(id: $id) {
  timeline(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { kind reference at } } } } }"""
Entry = tuple[str, str]
"""A timeline entry as (KIND, reference)."""


async def walk_timeline(
    store: SeededStore, upstreams: Upstreams, customer: str, first: int
) -> tuple[list[Entry], list[str], set[int]]:
    """Every entry of the walk with pages of `first`, every edge's cursor, and the totals the
    pages reported. Each page must answer without errors and hold `first` entries unless it
    is the last, ending at its last edge's cursor."""
    walked: list[Entry] = []
    cursors: list[str] = []
    totals: set[int] = set()
    after = None
    for _ in range(500):
        result = await run_as_admin(
            store, upstreams, TIMELINE, id=customer, first=first, after=after
        )
        assert result.errors is None, result.errors
        page = result.data["customer"]["timeline"]
        totals.add(page["totalCount"])
        edges = page["edges"]
        assert len(edges) <= first
        walked += [(edge["node"]["kind"], edge["node"]["reference"]) for edge in edges]
        cursors += [edge["cursor"] for edge in edges]
        if not page["pageInfo"]["hasNextPage"]:
            break
        assert len(edges) == first  # a page stops short only at the end
        assert page["pageInfo"]["endCursor"] == edges[-1]["cursor"]
        after = page["pageInfo"]["endCursor"]
    return walked, cursors, totals
