"""`Customer360.timeline` pages at its sources: a walk with any page size yields the whole
newest-first timeline the former whole-list merge built (recomputed here from the sources'
own lists, deliveries and installations by their own time), once; `totalCount` is the sum of
the sources; a failing source is reported beside the rest; a cursor of another list or the
former format is INVALID; the store sources read no more than a page (and one row) each."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event

from datasources.registry import Upstreams
from demo.upstreams.serve import DemoUpstreams
from policies.principal import Principal
from store.models import Interaction, Note
from store.pagination import encode_cursor
from tests.fixtures.seeded import SeededStore
from tests.fixtures.upstreams import FAST, run_as_admin
from tests.schema.timeline_walk import TIMELINE, Entry, walk_timeline

ADMIN = Principal(subject="admin-1", roles=("admin",))
SOURCES = """query S($id: ID!) { customer(id: $id) {
  orders(first: 100) { pageInfo { hasNextPage } edges { node { number kind placedAt
    deliveries { reference deliveredAt scheduledFor }
    installations { reference completedAt scheduledFor } } } }
  tickets(first: 100) { pageInfo { hasNextPage } edges { node { id createdAt } } }
  notes(first: 100) { pageInfo { hasNextPage } edges { node { id createdAt } } }
  interactions(first: 100) { pageInfo { hasNextPage } edges { node { id occurredAt } } } } }"""


def _raw(node_id: str) -> str:
    """The record's own id inside a global id (``Type:id``, base64; a ticket's id is
    ``customer:ticket``)."""
    text = base64.b64decode(node_id + "=" * (-len(node_id) % 4)).decode()
    return text.split(":", 1)[1]


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _whole(data: dict[str, Any]) -> list[Entry]:
    """The former whole-list timeline: every entry, sorted by (time, kind:reference) newest
    first."""
    keyed: list[tuple[datetime, str, Entry]] = []

    def add(at: str | None, kind: str, reference: str) -> None:
        if at is not None:
            keyed.append((_at(at), f"{kind}:{reference}", (kind.upper(), reference)))

    for edge in data["orders"]["edges"]:
        order = edge["node"]
        add(order["placedAt"], order["kind"].lower(), order["number"])
        for delivery in order["deliveries"]:
            add(
                delivery["deliveredAt"] or delivery["scheduledFor"],
                "delivery",
                delivery["reference"],
            )
        for job in order["installations"]:
            add(job["completedAt"] or job["scheduledFor"], "installation", job["reference"])
    for edge in data["tickets"]["edges"]:
        add(edge["node"]["createdAt"], "ticket", _raw(edge["node"]["id"]).rsplit(":", 1)[-1])
    for edge in data["notes"]["edges"]:
        add(edge["node"]["createdAt"], "note", _raw(edge["node"]["id"]))
    for edge in data["interactions"]["edges"]:
        add(edge["node"]["occurredAt"], "interaction", _raw(edge["node"]["id"]))
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [entry for _, _, entry in keyed]


async def _full_customer(
    store: SeededStore, sqlite_upstreams: Upstreams
) -> tuple[str, list[Entry]]:
    """A customer with every kind of entry (each source's list on one page), and its timeline."""
    for number in range(1, 40):
        customer = f"cust-{number:05d}"
        result = await run_as_admin(store, sqlite_upstreams, SOURCES, id=customer)
        assert result.errors is None, result.errors
        data = result.data["customer"]
        if any(data[name]["pageInfo"]["hasNextPage"] for name in data):
            continue
        whole = _whole(data)
        if {kind for kind, _ in whole} >= {
            "ORDER",
            "DELIVERY",
            "INSTALLATION",
            "TICKET",
            "NOTE",
            "INTERACTION",
        }:
            return customer, whole
    raise AssertionError("no demo customer has every kind of timeline entry")


@pytest.mark.parametrize("first", [1, 2, 3, 4, 5, 6, 7])
async def test_any_page_size_walks_the_former_whole_timeline_once(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, first: int
) -> None:
    customer, whole = await _full_customer(seeded_store, sqlite_upstreams)

    walked, _, totals = await walk_timeline(seeded_store, sqlite_upstreams, customer, first)

    assert walked == whole
    assert len(set(walked)) == len(walked)
    assert totals == {len(whole)}


async def test_the_first_page_is_the_newest_entries(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams
) -> None:
    customer, whole = await _full_customer(seeded_store, sqlite_upstreams)

    result = await run_as_admin(
        seeded_store, sqlite_upstreams, TIMELINE, id=customer, first=100, after=None
    )

    page = result.data["customer"]["timeline"]
    assert [(e["node"]["kind"], e["node"]["reference"]) for e in page["edges"]] == whole[:100]
    ats = [_at(e["node"]["at"]) for e in page["edges"]]
    assert ats == sorted(ats, reverse=True)


async def test_a_foreign_or_former_cursor_is_invalid(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams
) -> None:
    customer, _ = await _full_customer(seeded_store, sqlite_upstreams)
    orders = """query O($id: ID!) { customer(id: $id) {
      orders(first: 1) { pageInfo { endCursor } } } }"""
    result = await run_as_admin(seeded_store, sqlite_upstreams, orders, id=customer)
    foreign = result.data["customer"]["orders"]["pageInfo"]["endCursor"]
    former = encode_cursor("2026-01-01T00:00:00+00:00", "order:SO-100001")

    for cursor in (foreign, former, "not a cursor", "e30"):
        result = await run_as_admin(
            seeded_store, sqlite_upstreams, TIMELINE, id=customer, first=2, after=cursor
        )
        assert result.data["customer"]["timeline"] is None
        assert [e.extensions["code"] for e in result.errors] == ["INVALID"], cursor


async def test_a_failed_source_is_reported_and_the_rest_still_show(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, demo_upstreams_sqlite: DemoUpstreams
) -> None:
    customer, whole = await _full_customer(seeded_store, sqlite_upstreams)
    demo_upstreams_sqlite.helpdesk.stop()
    try:
        result = await run_as_admin(
            seeded_store, sqlite_upstreams, TIMELINE, id=customer, first=100
        )
    finally:
        demo_upstreams_sqlite.helpdesk.start()
        # The helpdesk's breaker may be open after the failure: wait until it answers again.
        for _ in range(50):
            await asyncio.sleep(FAST.breaker_reset_seconds)
            if (
                await run_as_admin(seeded_store, sqlite_upstreams, SOURCES, id=customer)
            ).errors is None:
                break

    page = result.data["customer"]["timeline"]
    shown = [(e["node"]["kind"], e["node"]["reference"]) for e in page["edges"]]
    assert shown == [entry for entry in whole if entry[0] != "TICKET"]
    errors = [e for e in result.errors or [] if e.path == ["customer", "timeline"]]
    assert errors
    assert {e.extensions["source"] for e in errors} == {"helpdesk"}


@pytest.fixture
def loaded() -> Iterator[dict[str, int]]:
    """Notes and interactions the store loads (one per row a query returns)."""
    counts = {"notes": 0, "interactions": 0}

    def note(*_: Any) -> None:
        counts["notes"] += 1

    def interaction(*_: Any) -> None:
        counts["interactions"] += 1

    event.listen(Note, "load", note)
    event.listen(Interaction, "load", interaction)
    try:
        yield counts
    finally:
        event.remove(Note, "load", note)
        event.remove(Interaction, "load", interaction)


@pytest.mark.parametrize("first", [1])
async def test_notes_and_interactions_read_at_most_a_page_and_one_row(
    seeded_store: SeededStore, sqlite_upstreams: Upstreams, loaded: dict[str, int], first: int
) -> None:
    customer, whole = await _full_customer(seeded_store, sqlite_upstreams)
    kinds = [kind for kind, _ in whole]
    assert kinds.count("NOTE") > first + 1
    assert kinds.count("INTERACTION") > first + 1
    after = None
    for _ in range(3):
        loaded.update(notes=0, interactions=0)
        result = await run_as_admin(
            seeded_store, sqlite_upstreams, TIMELINE, id=customer, first=first, after=after
        )
        assert result.errors is None, result.errors
        assert loaded["notes"] <= first + 1, loaded
        assert loaded["interactions"] <= first + 1, loaded
        after = result.data["customer"]["timeline"]["pageInfo"]["endCursor"]
