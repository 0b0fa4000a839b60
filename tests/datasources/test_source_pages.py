"""Invoices, payments and tickets page at their source: the pages walk the whole newest-first
list exactly (no gap, no repeat, the order of the whole-list reads), totals are the lists'
sizes, a bad cursor is INVALID, and a page reads what it holds, not the customer's history
(real SQLite/PostgreSQL billing databases, the demo helpdesk over HTTP)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, text

from core.errors import GatewayError, Invalid
from core.metrics import Metrics
from datasources.config import BillingConfig
from datasources.registry import Upstreams
from datasources.source_pages import TOTAL_CAP, PageQuery
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.helpdesk_app import TicketIndex, create_helpdesk_app
from demo.upstreams.serve import DemoServer, DemoUpstreams
from resolvers.source_paging import encode_position, source_page
from resolvers.upstream_loaders import UpstreamLoaders
from store.pagination import Page, encode_cursor
from tests.datasources.billing_history import write_billing_history
from tests.fixtures.upstreams import FAST, database_on, upstream_calls

CUSTOMERS = [f"cust-{n:05d}" for n in range(1, 41)]
BIG, SMALL = "cust-big", "cust-small"
BIG_SIZE = 3_000
LISTS = {
    # loader, list name, whole-list read, record key, instants compared by the gateway
    "invoices": ("invoice_page_by_query", "invoices_by_customer_id", "number", False),
    "payments": ("payment_page_by_query", "payments_by_customer_id", "reference", False),
    "tickets": ("ticket_page_by_query", "tickets_by_customer_id", "id", True),
}


async def _walk(
    upstreams: Upstreams, name: str, first: int
) -> dict[str, tuple[list[Any], set[int]]]:
    """Page every customer's list to its end, the customers' pages batched together."""
    loader_name, _, _, instant = LISTS[name]
    cursors: dict[str, str | None] = dict.fromkeys(CUSTOMERS)
    seen: dict[str, tuple[list[Any], set[int]]] = {c: ([], set()) for c in CUSTOMERS}
    active = list(CUSTOMERS)
    for _ in range(200):
        if not active:
            return seen
        loaders = UpstreamLoaders.create(upstreams)  # a fresh request per step
        pages: list[Page[Any]] = await asyncio.gather(
            *(
                source_page(
                    getattr(loaders, loader_name),
                    name,
                    customer,
                    first=first,
                    after=cursors[customer],
                    instant=instant,
                )
                for customer in active
            )
        )
        following = []
        for customer, page in zip(active, pages, strict=True):
            assert len(page.items) <= first
            seen[customer][0].extend(page.items)
            seen[customer][1].add(page.total_count)
            assert page.has_previous_page == (cursors[customer] is not None)
            if page.has_next_page:
                assert len(page.items) == first
                cursors[customer] = page.cursors[-1]
                following.append(customer)
        active = following
    raise AssertionError("the pages never ended")


@pytest.mark.parametrize("name", sorted(LISTS))
async def test_pages_walk_the_whole_list_in_the_old_order(upstreams: Upstreams, name: str) -> None:
    _, whole_read, key, _ = LISTS[name]
    source = upstreams.helpdesk if name == "tickets" else upstreams.billing
    whole = await getattr(source, whole_read)(CUSTOMERS)
    assert sum(len(rows) for rows in whole.values()) > len(CUSTOMERS), "demo lists are there"

    for first in range(1, 8):
        walked = await _walk(upstreams, name, first)

        for customer in CUSTOMERS:
            rows, totals = walked[customer]
            expected = [getattr(row, key) for row in whole.get(customer, [])]
            assert [getattr(row, key) for row in rows] == expected, (first, customer)
            assert totals <= {len(expected)}


async def test_a_cursor_of_another_list_or_of_the_old_paging_is_invalid(
    upstreams: Upstreams,
) -> None:
    loaders = UpstreamLoaders.create(upstreams)
    first = await source_page(
        loaders.invoice_page_by_query, "invoices", "cust-00001", first=1, after=None
    )
    old = encode_cursor(datetime(2024, 1, 1, tzinfo=UTC).isoformat(), "INV-1")
    naive = encode_cursor("tickets", "t", "2024-01-01T00:00:00", "TCK-1", "", 0)
    unknown_kind = encode_cursor("invoices", "x", "1", "k", "", 0)
    negative = encode_cursor("tickets", "t", "2024-01-01T00:00:00+00:00", "TCK-1", "", -1)
    cases: list[tuple[Any, str, str, bool]] = [
        (loaders.payment_page_by_query, "payments", first.cursors[0], False),  # an invoices cursor
        (loaders.invoice_page_by_query, "invoices", old, False),  # the whole-list paging's cursor
        (loaders.invoice_page_by_query, "invoices", "%%%", False),
        (loaders.invoice_page_by_query, "invoices", unknown_kind, False),
        (loaders.ticket_page_by_query, "tickets", negative, True),
        (loaders.ticket_page_by_query, "tickets", naive, True),  # an instant without its zone
    ]
    for loader, name, cursor, instant in cases:
        with pytest.raises(Invalid) as caught:
            await source_page(loader, name, "cust-00001", first=2, after=cursor, instant=instant)
        assert caught.value.code == "INVALID"


async def test_a_failing_billing_database_is_reported_as_billing(
    demo_upstreams: DemoUpstreams, tmp_path: Any
) -> None:
    missing = f"sqlite+aiosqlite:///file:{tmp_path}/absent.db?mode=ro&uri=true"
    config = demo_upstreams.config.with_resilience(FAST)
    config = config.model_copy(update={"billing": BillingConfig(url=missing)})
    opened = Upstreams(config, Metrics())
    try:
        loaders = UpstreamLoaders.create(opened)
        with pytest.raises(GatewayError) as caught:
            await source_page(
                loaders.invoice_page_by_query, "invoices", "cust-00001", first=5, after=None
            )
    finally:
        await opened.aclose()
    assert caught.value.code == "UPSTREAM_UNAVAILABLE"
    assert caught.value.extensions["source"] == "billing"


# --- what a page costs ---------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def billing_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A billing database (the demo's, small) plus one customer with a long history."""
    with database_on(request, request.param, tmp_path, _fill_billing) as url:
        yield url


async def _fill_billing(url: str) -> None:
    # Pairs of invoices share an instant.
    await write_billing_history(
        url, big=BIG, small=SMALL, size=BIG_SIZE, prefix="INV-B", per_hour=2
    )


@pytest.fixture
async def big_billing(
    demo_upstreams_sqlite: DemoUpstreams, billing_url: str
) -> AsyncIterator[Upstreams]:
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    opened = Upstreams(
        config.model_copy(update={"billing": BillingConfig(url=billing_url)}), Metrics()
    )
    try:
        yield opened
    finally:
        await opened.aclose()


async def test_a_page_reads_at_most_first_plus_one_rows_per_customer(
    big_billing: Upstreams,
) -> None:
    # Given the driver's fetched rows counted per statement
    fetched: list[tuple[str, int]] = []

    def count(_conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        fetched.append((statement, len(cursor._rows)))  # what the driver received

    engine = big_billing.billing.engine.sync_engine
    event.listen(engine, "after_cursor_execute", count)
    try:
        whole = (await big_billing.billing.invoices_by_customer_id([BIG]))[BIG]
        middle = (await big_billing.billing.invoice_pages([PageQuery(BIG, 1_500)]))[0].rows[-1][1]
        fetched.clear()

        # When the first page, a page deep in the history and a small customer's page are asked
        pages = await big_billing.billing.invoice_pages(
            [PageQuery(BIG, 5), PageQuery(BIG, 5, middle), PageQuery(SMALL, 5)]
        )
    finally:
        event.remove(engine, "after_cursor_execute", count)

    # Then one statement reads every page with its total: at most first + 1 rows each
    assert len(fetched) == 1, fetched
    assert fetched[0][1] <= 6 + 6 + 1
    numbers = [r.number for r in whole]
    assert [r.number for r, _ in pages[0].rows] == numbers[:5]
    assert [r.number for r, _ in pages[1].rows] == numbers[1_500:1_505]
    # The long history is counted up to the cap (a lower bound, marked), the short one exactly
    assert (pages[0].total, pages[1].total, pages[2].total) == (TOTAL_CAP, TOTAL_CAP, 1)
    assert [page.total_capped for page in pages] == [True, True, False]
    assert (pages[0].has_more, pages[2].has_more) == (True, False)
    assert encode_position("invoices", middle)  # a position round-trips into a cursor


async def test_the_sqlite_page_is_an_index_range(tmp_path: Any) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    billing_url = f"sqlite+aiosqlite:///{tmp_path}/billing.db"
    await _fill_billing(billing_url)

    engine = create_async_engine(billing_url)
    try:
        async with engine.connect() as connection:
            plan = await connection.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT * FROM invoices WHERE account_no = :c AND "
                    "(issued_on, invoice_no) < (:at, :n) ORDER BY issued_on DESC, invoice_no DESC "
                    "LIMIT 6"
                ),
                {"c": BIG, "at": "2020-03-01 00:00:00.000000", "n": "INV-B001000"},
            )
            detail = " ".join(str(row[-1]) for row in plan)
    finally:
        await engine.dispose()
    assert "ix_invoices_account_issued" in detail
    assert "TEMP B-TREE" not in detail  # no sort of the customer's rows


def _tickets(count: int) -> list[dict[str, Any]]:
    start = datetime(2021, 1, 1, tzinfo=UTC)
    return [
        {
            "id": f"TCK-{n:06d}",
            "requester_id": BIG if n else SMALL,
            "subject": "s",
            "status": "open",
            "priority": "normal",
            "created_at": (start + timedelta(hours=(n * 7919) % count // 2)).isoformat(),
            "tags": [],
        }
        for n in range(count + 1)
    ]


def test_the_helpdesk_index_scans_what_a_page_holds() -> None:
    tickets = _tickets(BIG_SIZE)
    index = TicketIndex(tickets)
    newest = sorted(
        (t for t in tickets if t["requester_id"] == BIG),
        key=lambda t: (datetime.fromisoformat(t["created_at"]), t["id"]),
        reverse=True,
    )
    cut = newest[1_000]
    before = (datetime.fromisoformat(cut["created_at"]), cut["id"])

    first = index.newest([BIG], None, 5)
    deep = index.newest([BIG], before, 5)
    by_id = index.by_id([BIG, SMALL], "TCK-002000", 5)

    assert [t["id"] for t in first.tickets] == [t["id"] for t in newest[:5]]
    assert [t["id"] for t in deep.tickets] == [t["id"] for t in newest[1_001:1_006]]
    assert [t["id"] for t in by_id.tickets] == [f"TCK-{n:06d}" for n in range(2_001, 2_006)]
    assert (first.total, deep.total, by_id.total) == (BIG_SIZE, BIG_SIZE, BIG_SIZE + 1)
    assert max(first.scanned, deep.scanned, by_id.scanned) <= 6


async def test_a_ticket_page_is_one_call_of_its_size(demo_upstreams_sqlite: DemoUpstreams) -> None:
    behaviour = Behaviour()
    server = DemoServer(create_helpdesk_app(_tickets(BIG_SIZE), behaviour), behaviour)
    server.start()
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    helpdesk = config.helpdesk.model_copy(update={"base_url": server.url})
    opened = Upstreams(config.model_copy(update={"helpdesk": helpdesk}), Metrics())
    try:
        whole = (await opened.helpdesk.tickets_by_customer_id([BIG]))[BIG]
        before = behaviour.requests
        firsts = await opened.helpdesk.ticket_pages([PageQuery(BIG, 5), PageQuery(SMALL, 5)])
        cursor = (await opened.helpdesk.ticket_pages([PageQuery(BIG, 100)]))[0].rows[-1][1]
        deep = (await opened.helpdesk.ticket_pages([PageQuery(BIG, 5, cursor)]))[0]
        calls = behaviour.requests - before
    finally:
        await opened.aclose()
        server.stop()

    ids = [t.id for t in whole]
    assert [t.id for t, _ in firsts[0].rows] == ids[:5]
    assert [t.id for t, _ in firsts[1].rows] == ["TCK-000000"]
    assert [t.id for t, _ in deep.rows] == ids[100:105]
    assert (firsts[0].total, firsts[1].total, deep.total) == (BIG_SIZE, 1, BIG_SIZE)
    assert calls == 3  # both first pages in one call, the 100 in one, the deep page in one


async def test_first_pages_of_many_customers_cost_one_call_per_list(
    demo_upstreams: DemoUpstreams,
) -> None:
    async def calls_for(n: int) -> dict[str, int]:
        metrics = Metrics()
        opened = Upstreams(demo_upstreams.config.with_resilience(FAST), metrics)
        try:
            loaders = UpstreamLoaders.create(opened)
            ids = [customer["id"] for customer in demo_upstreams.data.customers[:n]]
            await asyncio.gather(
                *(
                    loader.load(PageQuery(each, 5))
                    for each in ids
                    for loader in (
                        loaders.invoice_page_by_query,
                        loaders.payment_page_by_query,
                        loaders.ticket_page_by_query,
                    )
                )
            )
        finally:
            await opened.aclose()
        return {source: upstream_calls(metrics, source) for source in ("billing", "helpdesk")}

    counts = {n: await calls_for(n) for n in (1, 10, 100)}

    assert counts[1] == counts[10] == counts[100] == {"billing": 2, "helpdesk": 1}
