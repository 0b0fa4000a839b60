"""noteReport by CUSTOMER from OpenSearch's aggregation gives the store scan's answer exactly.

A seeded PostgreSQL store gets canary customers (ids with capitals, punctuation, digits and
a non-ASCII letter, so byte order is tested), with notes in every scope, handoff-tagged sales
notes and deleted notes; the outbox is drained into a private OpenSearch index. For every
role (branch, partner, assigned field agent, self-only, several roles at once, nobody) and
every filter field, the engine's pages, paged to the end with small `first` and the cursors,
and `totalCount` equal the scan's for the same caller. Cursors cross between the two paths;
the resolver takes the engine path on OpenSearch and the scan, with the same answer and no
error, when the engine is unreachable; changes the indexer has not taken yet (a re-scope, a
deletion, a new note) are in the engine path's answer at commit; a customer moved to another
branch moves its counts between branch callers after the drain.
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select, text

from core.errors import Invalid
from devservices.ports import free_port
from intelligence.labels import Sentiment, Urgency
from policies.principal import Principal
from policies.view import PolicyView
from search import report_aggregation
from search.indexer import Indexer
from search.opensearch_backend import OpenSearchBackend
from search.reindex import rebuild
from search.report_aggregation import customer_report
from store import outbox, reports
from store.customer_refs import CustomerReference, upsert_customers
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.keyset import CappedPage
from store.label_writes import set_note_labels
from store.models import (
    Customer,
    CustomerAssignment,
    Note,
    RequiredField,
)
from store.note_drafts import NoteDraft, NotePatch
from store.note_reads import NoteFilter
from store.notes import create_note, delete_note, update_note
from store.pagination import Page, PageRequest, encode_cursor
from store.visibility import note_visibility
from store.write_context import WriteContext, transaction
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.fixtures.services import service_unavailable
from tests.fixtures.statements import recorded_statements
from tests.search.helpers import admin_view

pytestmark = [pytest.mark.postgres, pytest.mark.opensearch]

# Byte order: "Cust-B" < "Zed.1" < "cust-10" < "cust-a" < "cust_9" < "über-1" (a linguistic
# collation would interleave upper and lower case and skip the punctuation).
CANARIES = {
    # id: (branch, partner)
    "Cust-B": ("branch-1", None),
    "cust-a": ("branch-2", "partner-1"),
    "cust_9": ("branch-1", "partner-1"),
    "cust-10": ("branch-x", None),
    "über-1": ("branch-2", None),
    "Zed.1": ("branch-x", "partner-9"),
}
SCOPES = list(Scope)
TYPES = list(NoteType)
CATEGORIES = list(NoteCategory)
MIDNIGHT = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
WINDOW = reports.ReportWindow(MIDNIGHT - timedelta(days=3 * 365), MIDNIGHT + timedelta(days=2))
# A note created 999 µs into a millisecond: the index keeps its time to the millisecond, so a
# bound at the next millisecond must still leave it on the store's side of the bound.
EDGE = MIDNIGHT - timedelta(days=10, microseconds=-999)
NEXT_MS = EDGE.replace(microsecond=0) + timedelta(milliseconds=1)
RECENT = (MIDNIGHT - timedelta(days=20, hours=5), MIDNIGHT + timedelta(days=1, milliseconds=7))


@pytest.fixture(scope="module")
def database_backend(postgres_server: Any) -> Backend:
    """PostgreSQL: the store the engine's answer is compared with in production."""
    return Backend("postgres", admin_dsn=postgres_server.admin_dsn)


@pytest.fixture(scope="module")
async def engine_index(opensearch_server: Any) -> AsyncIterator[OpenSearchBackend]:
    backend = OpenSearchBackend(opensearch_server.url, f"test-{uuid.uuid4().hex[:10]}")
    try:
        yield backend
    finally:
        await backend.client.indices.delete(
            index=f"{backend.alias}*", ignore_unavailable=True, expand_wildcards="all"
        )
        await backend.close()


@pytest.fixture(scope="module", autouse=True)
def _patient() -> Iterator[None]:
    """The engine's 2 s budget is for production; a loaded test machine may need longer, and
    a fallback to the scan would hide which path answered."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_aggregation, "TIMEOUT_SECONDS", 60.0)
        yield


async def _drain(store: SeededStore, backend: OpenSearchBackend) -> None:
    indexer = Indexer(store.engine, backend)
    while (await indexer.drain_once()).claimed:
        pass
    await backend.client.indices.refresh(index=backend.alias, request_timeout=60)


def _reference(customer_id: str, branch: str, partner: str | None) -> CustomerReference:
    return CustomerReference(
        id=customer_id,
        name=f"Canary {customer_id}",
        email=None,
        phone=None,
        branch_id=branch,
        partner_id=partner,
        owner_agent_id=None,
        vip=False,
        created_at=MIDNIGHT - timedelta(days=400),
        referred_by_id=None,
    )


@pytest.fixture(scope="module")
async def world(seeded_store: SeededStore, engine_index: OpenSearchBackend) -> SeededStore:
    """The demo store plus the canaries, indexed (a rebuild, then the outbox drained)."""
    store = seeded_store
    admin = await admin_view(store)
    async with transaction(store.sessions) as session:
        # The demo's governance rules (a follow-up for escalations, …) are not under test.
        await session.execute(delete(RequiredField))
        await upsert_customers(session, [_reference(c, *placed) for c, placed in CANARIES.items()])
    ctx = WriteContext(admin)
    for i, customer in enumerate(CANARIES):
        for j, scope in enumerate(SCOPES):
            for k in range((i + j) % 3):
                draft = NoteDraft(
                    customer_id=customer,
                    subject=f"Canary {customer} {scope} {k}",
                    body="canary",
                    category=CATEGORIES[(i + k) % len(CATEGORIES)],
                    type=TYPES[(j + k) % len(TYPES)],
                    scope=scope,
                    tags=("alpha",) if k == 0 else ("alpha", "beta"),
                    importance=Importance.HIGH if (i + j) % 2 else Importance.LOW,
                )
                async with transaction(store.sessions) as session:
                    row = await create_note(session, ctx, draft)
                if (i + j + k) % 2:
                    async with transaction(store.sessions) as session:
                        await set_note_labels(
                            session,
                            ctx,
                            row.note.id,
                            sentiment=list(Sentiment)[(i + k) % 3],
                            urgency=list(Urgency)[(j + k) % 4],
                        )
        for scope, tags in ((Scope.SALES, ("handoff",)), (Scope.SUPPORT, ("gone",))):
            draft = NoteDraft(
                customer_id=customer,
                subject=f"Canary {customer} {tags[0]}",
                body="canary",
                category=NoteCategory.SALES,
                type=NoteType.FOLLOW_UP,
                scope=scope,
                tags=tags,
            )
            async with transaction(store.sessions) as session:
                row = await create_note(session, ctx, draft)
            if tags == ("gone",):
                async with transaction(store.sessions) as session:
                    await delete_note(session, ctx, row.note.id)
    async with transaction(store.sessions) as session:
        edge = NoteDraft(
            customer_id="Zed.1",
            subject="Canary at the edge of a millisecond",
            body="canary",
            category=NoteCategory.GENERAL,
            type=NoteType.INTERACTION_LOG,
            scope=Scope.INTERNAL,
            tags=("edge",),
        )
        await create_note(session, WriteContext(admin, now=EDGE), edge)
    await rebuild(store.engine, engine_index)
    await _drain(store, engine_index)
    return store


async def _principals(store: SeededStore) -> dict[str, Principal]:
    async with store.sessions() as session:
        assigned = await session.scalar(
            select(CustomerAssignment.agent_id).order_by(CustomerAssignment.agent_id).limit(1)
        )
        demo_customer = await session.scalar(
            select(Customer.id).where(Customer.id.like("cust-0%")).order_by(Customer.id).limit(1)
        )
    assert assigned is not None
    assert demo_customer is not None
    return {
        "owner": Principal("agent-1", ("owner",)),
        "admin": Principal("agent-1", ("admin",)),
        "manager": Principal("agent-2", ("manager",)),
        "executive": Principal("agent-2", ("executive",)),
        "qa": Principal("agent-3", ("qa",)),
        "support": Principal("agent-4", ("support",)),
        "finance": Principal("agent-6", ("finance",)),
        "fulfillment": Principal("agent-7", ("fulfillment",)),
        "sales": Principal("agent-8", ("sales",)),
        "branch-1": Principal("agent-9", ("branch",), branches=("branch-1",)),
        "branch-1-x": Principal("agent-9", ("branch",), branches=("branch-1", "branch-x")),
        "field": Principal(assigned, ("field",)),
        "partner-1": Principal("portal-1", ("partner",), partner="partner-1"),
        "customer-self": Principal("cust-a", ("customer",), customer="cust-a"),
        "customer-demo": Principal(demo_customer, ("customer",), customer=demo_customer),
        "sales+branch": Principal("agent-8", ("sales", "branch"), branches=("branch-x",)),
        "support+partner": Principal("agent-4", ("support", "partner"), partner="partner-9"),
        "field+customer": Principal(assigned, ("field", "customer"), customer="Zed.1"),
        "nobody": Principal("agent-z", ("bogus",)),
    }


async def _filters(store: SeededStore) -> dict[str, NoteFilter]:
    async with store.sessions() as session:
        author = await session.scalar(
            select(Note.author_id).group_by(Note.author_id).order_by(Note.author_id).limit(1)
        )
    assert author is not None
    return {
        "none": NoteFilter(),
        "customer": NoteFilter(customer_id="cust-a"),
        "agent": NoteFilter(author_id=author),
        "type": NoteFilter(type=NoteType.FOLLOW_UP),
        "category": NoteFilter(category=NoteCategory.SALES),
        "scope": NoteFilter(scope=Scope.SALES),
        "importance": NoteFilter(importance=Importance.HIGH),
        "sentiments": NoteFilter(sentiments=(Sentiment.NEGATIVE, Sentiment.POSITIVE)),
        "urgencies": NoteFilter(urgencies=(Urgency.HIGH,)),
        "tags any": NoteFilter(tags=("beta", "handoff")),
        "tags all": NoteFilter(tags=("alpha", "beta"), all_tags=True),
        "from/to": NoteFilter(since=RECENT[0], until=RECENT[1]),
        "from the next ms": NoteFilter(tags=("edge",), since=NEXT_MS),
        "to the next ms": NoteFilter(tags=("edge",), until=NEXT_MS),
    }


Rows = list[tuple[str | None, int]]


async def _scan(
    store: SeededStore, view: PolicyView, note_filter: NoteFilter, size: int, after: str | None
) -> Page[reports.ReportRow]:
    async with store.sessions() as session:
        return await reports.note_report(
            session,
            view,
            reports.NoteGroup.CUSTOMER,
            WINDOW,
            note_filter,
            PageRequest(size, after),
        )


async def _engine(
    backend: OpenSearchBackend,
    view: PolicyView,
    note_filter: NoteFilter,
    size: int,
    after: str | None,
) -> CappedPage[reports.ReportRow]:
    since, until = reports.effective_window(WINDOW, note_filter)
    return await customer_report(
        backend, note_visibility(view), note_filter, since, until, PageRequest(size, after)
    )


async def _paged_scan(
    store: SeededStore, view: PolicyView, note_filter: NoteFilter, size: int
) -> tuple[Rows, int]:
    rows: Rows = []
    after = None
    while True:
        page = await _scan(store, view, note_filter, size, after)
        rows += [(row.key, row.count) for row in page.items]
        if not page.has_next_page:
            return rows, page.total_count
        after = page.cursors[-1]


async def _paged_engine(
    backend: OpenSearchBackend, view: PolicyView, note_filter: NoteFilter, size: int
) -> tuple[Rows, list[int]]:
    rows: Rows = []
    totals: list[int] = []
    after = None
    while True:
        answer = await _engine(backend, view, note_filter, size, after)
        rows += [(row.key, row.count) for row in answer.items]
        totals.append(answer.total_count)
        assert answer.has_previous_page is (after is not None)
        if not answer.has_next_page:
            return rows, totals
        after = answer.cursors[-1]


@contextmanager
def _few_buckets() -> Iterator[None]:
    """Ask the engine for no more groups than the page needs, so that small pages exercise
    the rank hints and the growth (a few dozen groups otherwise all come back at once)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_aggregation, "MIN_BUCKETS", 1)
        yield


async def test_every_caller_gets_the_scans_groups_counts_and_total_page_by_page(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    principals = await _principals(world)
    for name, principal in principals.items():
        view = world.policy.compile(principal)
        expected, total = await _paged_scan(world, view, NoteFilter(), 1000)
        assert len(expected) == total, name
        if name in ("manager", "sales", "branch-1", "partner-1", "field"):
            assert expected, name  # the comparison is not vacuous
        for size, few in ((1000, False), (3, False), (2, True), (5, True)):
            with _few_buckets() if few else nullcontext():
                rows, totals = await _paged_engine(engine_index, view, NoteFilter(), size)
            assert rows == expected, (name, size, few)
            # Fewer groups than the cap: every page counts them all, exactly.
            assert set(totals) == {total} or not expected, (name, size, few)


async def test_past_the_cap_both_paths_count_the_cap_and_say_it_is_capped(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    """totalCount by CUSTOMER is exact up to the cap, then the cap with totalCountCapped: the
    same on the engine and the scan, whatever the page (a cap of 4 stands for 1,000 here)."""
    principals = await _principals(world)
    checked = 0
    with pytest.MonkeyPatch.context() as patch:
        for module in (reports, report_aggregation):
            patch.setattr(module, "GROUP_COUNT_CAP", 4)
        patch.setattr(report_aggregation, "MIN_BUCKETS", 4)
        for name, principal in principals.items():
            view = world.policy.compile(principal)
            with pytest.MonkeyPatch.context() as uncapped:
                uncapped.setattr(reports, "GROUP_COUNT_CAP", 10_000)
                groups = (await _scan(world, view, NoteFilter(), 1000, None)).total_count
            for size in (1, 3, 1000):
                scanned, after = [], None
                engined: list[CappedPage[reports.ReportRow]] = []
                while True:
                    page = await _engine(engine_index, view, NoteFilter(), size, after)
                    scan = await _scan(world, view, NoteFilter(), size, after)
                    assert isinstance(scan, CappedPage)
                    engined.append(page)
                    scanned.append(scan)
                    assert page.items == scan.items, (name, size)
                    if not page.has_next_page:
                        break
                    after = page.cursors[-1]
                for page in engined + scanned:
                    assert page.total_count == min(groups, 4), (name, size, groups)
                    assert page.total_capped is (groups > 4), (name, size, groups)
            checked += groups > 4
    assert checked >= 3  # the cap was passed, not only approached


async def test_every_filter_field_narrows_the_engine_as_the_scan(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    principals = await _principals(world)
    filters = await _filters(world)
    for name in ("admin", "sales", "branch-1-x", "partner-1", "support+partner", "field"):
        view = world.policy.compile(principals[name])
        for label, note_filter in filters.items():
            expected, total = await _paged_scan(world, view, note_filter, 1000)
            whole = await _engine(engine_index, view, note_filter, 1000, None)
            assert [(r.key, r.count) for r in whole.items] == expected, (name, label)
            assert (whole.total_count, whole.total_capped) == (total, False)
            with _few_buckets():
                rows, _ = await _paged_engine(engine_index, view, note_filter, 2)
            assert rows == expected, (name, label)
    # The note 999 µs into its millisecond is before the next millisecond on both paths.
    view = world.policy.compile(principals["admin"])
    for label, expected_rows in (("from the next ms", []), ("to the next ms", [("Zed.1", 1)])):
        answer = await _engine(engine_index, view, filters[label], 10, None)
        assert [(r.key, r.count) for r in answer.items] == expected_rows, label
    # The canaries' ids come out in byte order among equal counts, on both paths.
    canaries = NoteFilter(tags=("alpha",))
    rows, _ = await _paged_scan(world, view, canaries, 1000)
    for (key, count), (next_key, next_count) in itertools.pairwise(rows):
        assert count > next_count or (count == next_count and (key or "") < (next_key or ""))
    assert {key for key, _ in rows} == set(CANARIES)


async def test_cursors_cross_between_the_scan_and_the_engine(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    view = world.policy.compile(Principal("agent-1", ("admin",)))
    expected, _ = await _paged_scan(world, view, NoteFilter(), 1000)
    assert len(expected) > 8
    # A scan cursor (no rank hint) continues on the engine, which grows its request to pass it
    first = await _scan(world, view, NoteFilter(), 4, None)
    with _few_buckets():
        then = await _engine(engine_index, view, NoteFilter(), 4, first.cursors[-1])
    assert [(r.key, r.count) for r in first.items + then.items] == expected[:8]
    # …and an engine cursor (with its rank hint) continues on the scan.
    first_answer = await _engine(engine_index, view, NoteFilter(), 4, None)
    after = await _scan(world, view, NoteFilter(), 4, first_answer.cursors[-1])
    assert [(r.key, r.count) for r in first_answer.items + after.items] == expected[:8]
    # A rank hint that is wrong (stale, or made up) only costs a larger request.
    key, count = expected[5]
    forged = encode_cursor("report:customer", count, key or "", 1)
    with _few_buckets():
        hinted = await _engine(engine_index, view, NoteFilter(), 2, forged)
    assert [(r.key, r.count) for r in hinted.items] == expected[6:8]
    # An empty window is an empty page on both paths.
    empty = NoteFilter(since=RECENT[0], until=RECENT[0])
    scanned_empty = await _scan(world, view, empty, 4, None)
    engine_empty = await _engine(engine_index, view, empty, 4, None)
    assert (scanned_empty.items, scanned_empty.total_count) == ([], 0)
    assert (engine_empty.items, engine_empty.total_count) == ([], 0)
    assert not engine_empty.has_next_page
    # A cursor that is not one is the same INVALID on both paths.
    for bad in ("not-a-cursor", encode_cursor("report:type", 3, "x"), encode_cursor("x", 1)):
        with pytest.raises(Invalid) as scanned:
            await _scan(world, view, NoteFilter(), 4, bad)
        with pytest.raises(Invalid) as engined:
            await _engine(engine_index, view, NoteFilter(), 4, bad)
        assert engined.value.graphql_extensions() == scanned.value.graphql_extensions()
        assert engined.value.message == scanned.value.message


REPORT = """
query R($from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
  noteReport(groupBy: CUSTOMER, first: $first, after: $after, filter: {from: $from, to: $to}) {
    totalCount totalCountCapped edges { cursor node { key count } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def _report(store: SeededStore, search: Any, principal: Principal, **variables: Any) -> Any:
    context = dataclasses.replace(store.context(principal), search=search)
    values = {"from": WINDOW.since, "to": WINDOW.until, "first": 100, **variables}
    return await store.schema.execute(REPORT, variable_values=values, context_value=context)


async def _paged_report(store: SeededStore, search: Any, principal: Principal, first: int) -> Rows:
    """Every row of noteReport by CUSTOMER, `first` at a time, through the schema."""
    rows: Rows = []
    after = None
    while True:
        result = await _report(store, search, principal, first=first, after=after)
        assert result.errors is None, result.errors
        page = result.data["noteReport"]
        rows += [(edge["node"]["key"], edge["node"]["count"]) for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


def _rows(data: Any) -> Any:
    """A noteReport answer without its cursors (the engine's carry a rank hint)."""
    page = data["noteReport"]
    return (
        [edge["node"] for edge in page["edges"]],
        page["totalCount"],
        page["totalCountCapped"],
        page["pageInfo"]["hasNextPage"],
    )


def _scans_notes(sent: list[str]) -> bool:
    """True when the store's report statement ran (it names its grouped rows `grouped`)."""
    return any("WITH grouped AS" in statement for statement in sent)


async def test_the_resolver_counts_on_the_engine_and_falls_back_to_the_scan(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    manager = Principal("agent-2", ("manager",))
    view = world.policy.compile(manager)
    expected, total = await _paged_scan(world, view, NoteFilter(), 1000)
    # On OpenSearch: no statement reads the notes
    with recorded_statements(world.engine) as recorded:
        result = await _report(world, engine_index, manager)
    assert result.errors is None, result.errors
    page = result.data["noteReport"]
    assert [(e["node"]["key"], e["node"]["count"]) for e in page["edges"]] == expected[:100]
    assert (page["totalCount"], page["totalCountCapped"]) == (total, False)
    assert not _scans_notes(recorded.sent), recorded.sent
    # OpenSearch unreachable: the same answer from the scan, and no error
    down = OpenSearchBackend(f"http://127.0.0.1:{free_port()}", "down", timeout=1.0)
    try:
        with recorded_statements(world.engine) as recorded:
            fallback = await _report(world, down, manager)
    finally:
        await down.close()
    assert fallback.errors is None, fallback.errors
    assert _rows(fallback.data) == _rows(result.data)
    assert _scans_notes(recorded.sent)
    # A malformed cursor: the same coded error on both paths
    errors = []
    for search in (engine_index, world.context(manager).search):
        bad = await _report(world, search, manager, after="bm90LWEtY3Vyc29y")
        assert bad.data == {"noteReport": None}
        (error,) = bad.errors
        errors.append((error.message, error.extensions))
    assert errors[0] == errors[1]
    assert errors[0][1]["code"] == "INVALID"


async def test_changes_the_indexer_has_not_taken_are_in_the_report_at_commit(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    sales = Principal("agent-8", ("sales",))
    admin = await admin_view(world)
    ctx = WriteContext(admin)
    # Given, with nothing draining the outbox: a sales note re-scoped to restricted, another
    # deleted, and a new one (the index still holds the first two as they were)
    async with world.sessions() as session:
        notes = list(
            await session.scalars(
                select(Note)
                .where(Note.customer_id == "cust-a", Note.scope == Scope.SALES)
                .where(Note.deleted_at.is_(None))
                .order_by(Note.id)
            )
        )
    assert len(notes) >= 2
    async with transaction(world.sessions) as session:
        await update_note(
            session, ctx, notes[0].id, notes[0].version, NotePatch(scope=Scope.RESTRICTED)
        )
        await delete_note(session, ctx, notes[1].id)
        draft = NoteDraft(
            customer_id="über-1",
            subject="Canary not indexed yet",
            body="canary",
            category=NoteCategory.SALES,
            type=NoteType.FOLLOW_UP,
            scope=Scope.SALES,
        )
        await create_note(session, ctx, draft)
    try:
        for who in (sales, admin.principal):
            view = world.policy.compile(who)
            expected, total = await _paged_scan(world, view, NoteFilter(), 1000)
            # Then the engine's answer is already the store's (the store counts those notes)
            with recorded_statements(world.engine) as recorded:
                result = await _report(world, engine_index, who)
            assert result.errors is None, result.errors
            rows = [
                (e["node"]["key"], e["node"]["count"]) for e in result.data["noteReport"]["edges"]
            ]
            assert rows == expected[:100]
            assert result.data["noteReport"]["totalCount"] == total
            assert not _scans_notes(recorded.sent), recorded.sent
            # …page by page too, where the store's counts move groups across the engine's
            # last returned group
            with _few_buckets(), recorded_statements(world.engine) as recorded:
                paged = await _paged_report(world, engine_index, who, 2)
            assert paged == expected
            assert not _scans_notes(recorded.sent)
            with _few_buckets():
                alone, _ = await _paged_engine(engine_index, view, NoteFilter(), 2)
            assert alone != expected  # the engine alone does not know of the changes
        # More unsettled notes than searchNotes filters by id: the store counts everything
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(outbox, "MAX_UNSETTLED", 1)
            with recorded_statements(world.engine) as recorded:
                result = await _report(world, engine_index, sales)
        assert result.errors is None
        assert _scans_notes(recorded.sent)
        view = world.policy.compile(sales)
        expected, _ = await _paged_scan(world, view, NoteFilter(), 1000)
        assert [
            (e["node"]["key"], e["node"]["count"]) for e in result.data["noteReport"]["edges"]
        ] == expected[:100]
    finally:
        await _drain(world, engine_index)
    # After the drain the engine alone counts them too
    for who in (sales, admin.principal):
        view = world.policy.compile(who)
        expected, _ = await _paged_scan(world, view, NoteFilter(), 1000)
        with _few_buckets():
            paged, _ = await _paged_engine(engine_index, view, NoteFilter(), 2)
        assert paged == expected


async def test_a_customer_moved_to_another_branch_moves_its_counts_after_the_drain(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    one = Principal("agent-9", ("branch",), branches=("branch-1",))
    two = Principal("agent-9", ("branch",), branches=("branch-2",))

    async def both(principal: Principal) -> tuple[Rows, Rows]:
        view = world.policy.compile(principal)
        scanned, _ = await _paged_scan(world, view, NoteFilter(), 1000)
        answer = await _engine(engine_index, view, NoteFilter(), 1000, None)
        return scanned, [(row.key, row.count) for row in answer.items]

    before_one, before_two = await both(one), await both(two)
    assert before_one[0] == before_one[1]
    assert before_two[0] == before_two[1]
    moved = dict(before_one[0])["Cust-B"]
    assert "Cust-B" not in dict(before_two[0])
    try:
        async with transaction(world.sessions) as session:
            await upsert_customers(session, [_reference("Cust-B", "branch-2", None)])
        await _drain(world, engine_index)
        after_one, after_two = await both(one), await both(two)
        assert after_one[0] == after_one[1]
        assert after_two[0] == after_two[1]
        assert "Cust-B" not in dict(after_one[1])
        assert dict(after_two[1])["Cust-B"] == moved
    finally:
        async with transaction(world.sessions) as session:
            await upsert_customers(session, [_reference("Cust-B", *CANARIES["Cust-B"])])
        await _drain(world, engine_index)


async def test_keys_tie_in_byte_order_whatever_the_databases_collation(
    world: SeededStore, engine_index: OpenSearchBackend
) -> None:
    """Under a linguistic collation ("cust-10" < "cust_9" < "cust-a" < "Cust-B" …) the scan
    still breaks ties by byte order, the engine's `_key asc`, so the pages and cursors agree."""
    async with world.sessions() as session:
        collation = await session.scalar(
            text(
                "SELECT collname FROM pg_collation WHERE collname IN ('en-x-icu', 'und-x-icu', "
                "'en_US.utf8') ORDER BY collname LIMIT 1"
            )
        )
    if collation is None:
        # The PostgreSQL the harness installs (Debian's, with ICU) has them: on CI this fails.
        service_unavailable("a linguistic collation", LookupError("none of en-x-icu, und-x-icu"))
    retype = 'ALTER TABLE notes ALTER COLUMN customer_id TYPE varchar(36) COLLATE "{}"'
    async with transaction(world.sessions) as session:
        await session.execute(text(retype.format(collation)))
    # Pooled connections hold statements prepared against the old column.
    await world.engine.dispose()
    try:
        view = world.policy.compile(Principal("agent-1", ("admin",)))
        canaries = NoteFilter(tags=("alpha",))
        expected, _ = await _paged_scan(world, view, canaries, 1000)
        ties = [
            (key, next_key)
            for (key, count), (next_key, next_count) in itertools.pairwise(expected)
            if count == next_count
        ]
        # (The canaries tie in pairs: "Cust-B" with "cust-10", "Zed.1" with "cust_9", …)
        assert ("Cust-B", "cust-10") in ties
        counts = dict(expected)
        keys = [key for key, _ in expected]
        assert counts["Zed.1"] == counts["cust_9"]
        assert keys.index("Zed.1") < keys.index("cust_9")
        assert all((key or "") < (next_key or "") for key, next_key in ties)
        with _few_buckets():
            paged, _ = await _paged_engine(engine_index, view, canaries, 2)
        assert paged == expected
    finally:
        async with transaction(world.sessions) as session:
            await session.execute(text(retype.format("default")))
        await world.engine.dispose()
