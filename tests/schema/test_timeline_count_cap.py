"""`Customer360.timeline`'s `totalCount` sums what the sources count; a source that counts
only up to `TOTAL_CAP` (the web shop here, with more orders than that) makes the sum a lower
bound, and `totalCountCapped` says so; a customer under the cap everywhere is exact."""

from __future__ import annotations

from typing import Any

from datasources.registry import Upstreams
from datasources.source_pages import TOTAL_CAP
from tests.datasources.order_pages_world import orders_world, world_fixtures
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import run_as_admin

BIG, SMALL = "cust-00001", "cust-00002"  # seeded customers; their orders are this world's
WORLD = orders_world({BIG: (TOTAL_CAP + 5, 2, 1), SMALL: (3, 2, 1)})
TIMELINE = """query T($id: ID!) { customer(id: $id) {
  timeline(first: 5) { totalCount totalCountCapped edges { node { kind } } }
  orders(first: 1) { totalCount totalCountCapped } } }"""


oms_url, market, upstreams = world_fixtures(WORLD, "timeline-cap", postgres=False)


async def _timeline(store: SeededStore, upstreams: Upstreams, customer: str) -> dict[str, Any]:
    result = await run_as_admin(store, upstreams, TIMELINE, id=customer)
    assert result.errors is None, result.errors
    assert result.data is not None
    data: dict[str, Any] = result.data["customer"]
    return data


async def test_a_capped_source_marks_the_timeline_total_a_lower_bound(
    seeded_store: SeededStore, upstreams: Upstreams
) -> None:
    # Given a customer whose web shop holds more orders than a source counts
    data = await _timeline(seeded_store, upstreams, BIG)
    # Then the orders' total is capped, and so is the timeline's, which includes it
    assert data["orders"]["totalCountCapped"] is True
    timeline = data["timeline"]
    assert timeline["totalCountCapped"] is True
    assert timeline["totalCount"] >= data["orders"]["totalCount"] >= TOTAL_CAP
    assert len(timeline["edges"]) == 5


async def test_a_customer_under_every_cap_has_an_exact_timeline_total(
    seeded_store: SeededStore, upstreams: Upstreams
) -> None:
    data = await _timeline(seeded_store, upstreams, SMALL)
    assert data["orders"] == {"totalCount": 6, "totalCountCapped": False}
    assert data["timeline"]["totalCountCapped"] is False
    assert data["timeline"]["totalCount"] >= 6
