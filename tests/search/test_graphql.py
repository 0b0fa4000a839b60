"""searchNotes through the real schema: hits with notes, highlights, facets, paging, errors."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import strawberry
from sqlalchemy import select

from devservices.ports import free_port
from policies.principal import Principal
from schema import build_schema
from search.backend import SearchBackend
from search.indexer import Indexer
from search.opensearch_backend import OpenSearchBackend
from search.reindex import rebuild
from store.customer_refs import CustomerReference, upsert_customers
from store.enums import NoteType, Scope
from store.models import Branch, Customer
from store.note_drafts import NotePatch
from store.notes import update_note
from store.write_context import WriteContext, transaction
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.search.helpers import admin_view, remove_note, write_note

SEARCH = """
query Search($query: String, $tags: [String!], $tagMode: TagMode! = ANY, $from: DateTime,
             $to: DateTime, $sort: NoteSearchSort! = RELEVANCE, $first: Int! = 20,
             $after: String, $customerId: ID) {
  searchNotes(query: $query, tags: $tags, tagMode: $tagMode, from: $from, to: $to,
              sort: $sort, first: $first, after: $after, customerId: $customerId) {
    totalCount
    edges { cursor score node { id subject scope customerId tags } highlights { subject body } }
    facets { tags { value count } types { value count } authors { value count } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture(scope="module")
def database_backend() -> Backend:
    """The schema path does not depend on the store's dialect: SQLite is enough here."""
    return Backend("sqlite")


@pytest.fixture(scope="module")
async def indexed(seeded_store: SeededStore, backend: SearchBackend) -> SearchBackend:
    await rebuild(seeded_store.engine, backend)
    return backend


@pytest.fixture(scope="module")
def schema(seeded_store: SeededStore) -> strawberry.Schema:
    return build_schema(seeded_store.settings)


async def _run(
    schema: strawberry.Schema,
    store: SeededStore,
    search: SearchBackend,
    principal: Principal,
    **variables: Any,
) -> Any:
    context = dataclasses.replace(store.context(principal), search=search)
    return await schema.execute(SEARCH, variable_values=variables, context_value=context)


async def test_search_returns_notes_highlights_facets_and_pages(
    schema: strawberry.Schema, seeded_store: SeededStore, indexed: SearchBackend
) -> None:
    admin = (await admin_view(seeded_store)).principal
    everything = await _run(schema, seeded_store, indexed, admin, first=100, sort="DATE")
    assert everything.errors is None
    a_note = everything.data["searchNotes"]["edges"][0]["node"]
    word = max(a_note["subject"].split(), key=len).strip(".,;:!?")
    result = await _run(schema, seeded_store, indexed, admin, query=word, first=5)
    assert result.errors is None
    page = result.data["searchNotes"]
    assert (
        a_note["id"] in {hit["node"]["id"] for hit in page["edges"]}
        or page["pageInfo"]["hasNextPage"]
    )
    assert all("<em>" in " ".join(h["highlights"]["subject"] + h["highlights"]["body"])
               for h in page["edges"])  # fmt: skip
    assert page["facets"]["types"]
    assert sum(bucket["count"] for bucket in page["facets"]["types"]) == page["totalCount"]
    # The types facet names NoteType values as the enum does (UPPER_CASE), like the notes.
    assert {b["value"] for b in page["facets"]["types"]} <= {t.name for t in NoteType}
    ids: list[str] = []
    after = None
    while True:
        step = await _run(schema, seeded_store, indexed, admin, query=word, first=7, after=after)
        assert step.errors is None
        ids += [hit["node"]["id"] for hit in step.data["searchNotes"]["edges"]]
        if not step.data["searchNotes"]["pageInfo"]["hasNextPage"]:
            break
        after = step.data["searchNotes"]["pageInfo"]["endCursor"]
    assert len(ids) == len(set(ids)) == page["totalCount"]


async def test_a_partner_sees_only_customer_notes_of_its_customers(
    schema: strawberry.Schema, seeded_store: SeededStore, indexed: SearchBackend
) -> None:
    admin = (await admin_view(seeded_store)).principal
    everything = await _run(schema, seeded_store, indexed, admin, first=100)
    assert everything.errors is None
    partner = Principal("portal", ("partner",), partner="partner-1")
    result = await _run(schema, seeded_store, indexed, partner, first=100)
    assert result.errors is None
    hits = result.data["searchNotes"]["edges"]
    assert {hit["node"]["scope"] for hit in hits} <= {"customer"}
    assert result.data["searchNotes"]["totalCount"] == len(hits)
    assert result.data["searchNotes"]["totalCount"] < everything.data["searchNotes"]["totalCount"]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"query": 'unbalanced "quote'}, "query"),
        ({"query": "x" * 501}, "query"),
        ({"query": " ".join(["word"] * 30)}, "query"),
        ({"query": "a*"}, "query"),
        ({"query": "((((((((((deep))))))))))"}, "query"),
        ({"query": "invoice AND"}, "query"),
        ({"query": "&& || !"}, "query"),
        ({"tags": [f"t{n}" for n in range(2000)]}, "tags"),
        ({"tags": ["x" * 65]}, "tags"),
        ({"from": "2024-05-01T00:00:00Z", "to": "2024-01-01T00:00:00Z"}, "from"),
        ({"from": "0001-01-01T00:00:00Z"}, "from"),
        ({"to": "9999-12-31T00:00:00Z"}, "to"),
        ({"first": 1000}, "first"),
        ({"first": 0}, "first"),
        ({"after": "not-a-cursor"}, "after"),
        ({"after": "WyJkYXRlIixbMV1d", "sort": "RELEVANCE", "query": "x"}, "after"),
        ({"customerId": "c" * 200}, "customerId"),
    ],
)
async def test_bad_input_is_a_clear_invalid_error(
    schema: strawberry.Schema,
    seeded_store: SeededStore,
    indexed: SearchBackend,
    variables: dict[str, Any],
    field: str,
) -> None:
    result = await _run(schema, seeded_store, indexed, Principal("a", ("admin",)), **variables)
    assert result.data == {"searchNotes": None}
    (error,) = result.errors
    assert error.extensions["code"] == "INVALID", error
    assert error.extensions["field"] == field


@pytest.fixture
async def unreachable() -> AsyncIterator[SearchBackend]:
    backend = OpenSearchBackend(f"http://127.0.0.1:{free_port()}", "down", timeout=1.0)
    yield backend
    await backend.close()


DASHBOARD = """
query Dashboard($id: ID!) {
  customer(id: $id) { customerId name notes(first: 1) { edges { node { id } } } }
  searchNotes(query: "x") { totalCount edges { node { id } } }
  me { subject }
}
"""


async def test_backend_down_nulls_only_search_notes(
    schema: strawberry.Schema, seeded_store: SeededStore, unreachable: SearchBackend
) -> None:
    """OpenSearch unreachable (nothing listens on its port): one dashboard operation still
    answers the customer and the caller; only `searchNotes` is null, with a coded error."""
    async with seeded_store.sessions() as session:
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    context = dataclasses.replace(
        seeded_store.context(Principal("a", ("admin",))), search=unreachable
    )

    result = await schema.execute(DASHBOARD, {"id": customer}, context_value=context)

    assert result.data is not None
    assert result.errors is not None
    assert result.data["searchNotes"] is None
    assert result.data["customer"]["customerId"] == customer
    assert result.data["customer"]["name"]
    assert result.data["me"] == {"subject": "a"}
    (error,) = result.errors
    assert error.path == ["searchNotes"]
    assert error.extensions is not None
    assert error.extensions["code"] == "SEARCH_UNAVAILABLE"
    assert "Traceback" not in error.message
    assert "ConnectionError" not in error.message


async def test_anonymous_callers_must_authenticate(
    schema: strawberry.Schema, seeded_store: SeededStore, indexed: SearchBackend
) -> None:
    from policies.principal import ANONYMOUS

    result = await _run(schema, seeded_store, indexed, ANONYMOUS, query="x")
    assert result.errors[0].extensions["code"] == "UNAUTHENTICATED"


async def test_a_customer_moved_by_the_crm_sync_is_searched_where_it_is_now(
    schema: strawberry.Schema, seeded_store: SeededStore, indexed: SearchBackend
) -> None:
    """The sync re-queues the moved customer's notes; once indexed, search follows the move."""
    admin = (await admin_view(seeded_store)).principal
    everything = await _run(schema, seeded_store, indexed, admin, first=100)
    customers = {hit["node"]["customerId"] for hit in everything.data["searchNotes"]["edges"]}
    async with seeded_store.sessions() as session:
        rows = (await session.execute(select(Customer).where(Customer.id.in_(customers)))).scalars()
        directory = {row.id: row for row in rows}
        branches = sorted(set(await session.scalars(select(Branch.id))))

    def branch_agent(branch: str) -> Principal:
        return Principal("agent-b", ("branch",), branches=(branch,))

    async def found(principal: Principal, customer: str) -> int:
        result = await _run(schema, seeded_store, indexed, principal, customerId=customer)
        assert result.errors is None
        return int(result.data["searchNotes"]["totalCount"])

    customer = old = ""
    before = 0
    for candidate, row in sorted(directory.items()):
        before = await found(branch_agent(row.branch_id), candidate)
        if before:
            customer, old = candidate, row.branch_id
            break
    assert customer, "no branch-readable notes in the seeded corpus"
    new = next(branch for branch in branches if branch != old)

    async def move_to(branch: str) -> None:
        row = directory[customer]
        reference = CustomerReference(
            id=row.id,
            name=row.name,
            email=row.email,
            phone=row.phone,
            branch_id=branch,
            partner_id=row.partner_id,
            owner_agent_id=row.owner_agent_id,
            vip=row.vip,
            created_at=row.created_at,
            referred_by_id=row.referred_by_id,
        )
        async with seeded_store.sessions() as session, session.begin():
            await upsert_customers(session, [reference])
        indexer = Indexer(seeded_store.engine, indexed)
        while (await indexer.drain_once()).claimed:
            pass
        await indexed.refresh()

    await move_to(new)
    try:
        assert await found(branch_agent(old), customer) == 0
        assert await found(branch_agent(new), customer) == before
    finally:
        await move_to(old)
    assert await found(branch_agent(old), customer) == before


async def test_a_re_scoped_or_deleted_note_leaves_search_at_commit_with_the_indexer_stopped(
    schema: strawberry.Schema, seeded_store: SeededStore, indexed: SearchBackend
) -> None:
    """Hits, totals and facets follow the store, not the index, for notes it has not caught up."""
    admin_view_ = await admin_view(seeded_store)
    customer = await _a_customer(seeded_store)
    tag = f"unsettled-{uuid.uuid4().hex[:8]}"
    sales = Principal("agent-s", ("sales",))

    async def seen(principal: Principal) -> tuple[int, set[str]]:
        result = await _run(schema, seeded_store, indexed, principal, tags=[tag])
        assert result.errors is None
        page = result.data["searchNotes"]
        return page["totalCount"], {bucket["value"] for bucket in page["facets"]["tags"]}

    async def drain() -> None:
        indexer = Indexer(seeded_store.engine, indexed)
        while (await indexer.drain_once()).claimed:
            pass
        await indexed.refresh()

    # Given an internal note, indexed, that sales reads
    note = await write_note(seeded_store, admin_view_, customer, "Unsettled", "internal text")
    async with transaction(seeded_store.sessions) as session:
        await update_note(
            session, WriteContext(admin_view_), note.note.id, 1, NotePatch(tags=[tag])
        )
    await drain()
    assert await seen(sales) == (1, {tag})

    # When an admin re-scopes it to restricted and nothing indexes the change
    async with transaction(seeded_store.sessions) as session:
        patch = NotePatch(scope=Scope.RESTRICTED)
        await update_note(session, WriteContext(admin_view_), note.note.id, 2, patch)

    # Then it has left sales' hits, total and facets at commit, and stays out once indexed
    assert await seen(sales) == (0, set())
    await drain()
    assert await seen(sales) == (0, set())
    assert await seen(admin_view_.principal) == (1, {tag})

    # And a deleted note leaves even the admin's answer before the indexer runs
    await remove_note(seeded_store, admin_view_, note.note.id)
    assert await seen(admin_view_.principal) == (0, set())
    await drain()
    assert await seen(admin_view_.principal) == (0, set())


async def _a_customer(store: SeededStore) -> str:
    async with store.sessions() as session:
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    assert customer is not None
    return customer
