"""One NoteFilter through HTTP: the same notes as the old flat arguments on Customer360.notes,
searchNotes and noteReport; the importance filter and order paged both ways; the per-day
report paged past its first page with `day` a Date. SQLite with the embedded search, and
PostgreSQL with OpenSearch."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import insert

from core.settings import Settings
from gateway.auth import mint_token
from store.models import Customer
from tests.fixtures.app import TokenFactory, serve_in_thread
from tests.fixtures.database import Backend
from tests.schema.native_gateway import ADMIN, MANAGER, gql, nodes, seeded_settings, store_engine

CUSTOMER = "cust-filters"
IMPORTANCE = ["LOW", "NORMAL", "HIGH", "CRITICAL"]
TYPES = ["INTERACTION_LOG", "TECHNICAL", "SENTIMENT"]
CATEGORIES = ["GENERAL", "SALES", "SUPPORT"]
SCOPES = ["INTERNAL", "SALES", "SUPPORT", "INTERNAL"]
PINNED = {2, 7}
COUNT = 12

CREATE = """mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId createdAt } errors { field code message } } }"""
NOTES_FLAT = """
query N($c: ID!, $category: NoteCategory, $type: NoteType, $scope: Scope, $tag: String,
        $from: DateTime, $to: DateTime) {
  customer(id: $c) {
    notes(first: 100, category: $category, type: $type, scope: $scope, tag: $tag, from: $from,
          to: $to) { totalCount edges { node { noteId } } }
  }
}"""
NOTES = """
query N($c: ID!, $filter: NoteFilter, $order: NoteOrder, $first: Int, $after: String,
        $last: Int, $before: String) {
  customer(id: $c) {
    notes(filter: $filter, orderBy: $order, first: $first, after: $after, last: $last,
          before: $before) {
      totalCount
      edges { node { noteId } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}"""
SEARCH_FLAT = """
query S($c: ID, $tags: [String!], $tagMode: TagMode, $from: DateTime, $to: DateTime,
        $type: NoteType, $category: NoteCategory, $scope: Scope, $authorId: ID) {
  searchNotes(customerId: $c, tags: $tags, tagMode: $tagMode, from: $from, to: $to, type: $type,
              category: $category, scope: $scope, authorId: $authorId, sort: DATE, first: 100) {
    totalCount edges { node { noteId } }
  }
}"""
SEARCH = """
query S($filter: NoteFilter, $sort: NoteSearchSort, $first: Int! = 100, $after: String) {
  searchNotes(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount edges { node { noteId } } pageInfo { hasNextPage endCursor }
  }
}"""
REPORT = """
query R($filter: NoteFilter) {
  noteReport(groupBy: CUSTOMER, filter: $filter, first: 1000) { edges { node { key count } } }
}"""
PER_DAY = """
query D($first: Int, $after: String) {
  notesPerAgentPerDay(first: $first, after: $after) {
    totalCount
    edges { cursor node { agentId day count } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}"""


@dataclass(frozen=True)
class Planted:
    """One planted note as the tests expect to see it."""

    note_id: str
    created_at: str
    author: str
    importance: str
    pinned: bool
    type: str
    category: str
    scope: str
    tags: tuple[str, ...]


@pytest.fixture(scope="module")
async def gateway_settings(
    database_backend: Backend,
    database_url: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Settings:
    """SQLite with the embedded search, or PostgreSQL with OpenSearch (a private prefix), and
    a customer of its own that holds only the planted notes."""
    search: dict[str, Any] = {}
    if database_backend.name == "postgres":
        server: Any = request.getfixturevalue("opensearch_server")
        search = {
            "opensearch_url": server.url,
            "opensearch_index_prefix": f"test-filters-{uuid.uuid4().hex[:8]}",
        }
    directory: Path = tmp_path_factory.mktemp("filters")
    settings = await seeded_settings(database_url, directory, search_poll_seconds=0.05, **search)
    engine = store_engine(settings)
    async with engine.begin() as connection:
        await connection.execute(
            insert(Customer).values(
                id=CUSTOMER,
                name="Filter Testing Ltd",
                branch_id="branch-1",
                vip=False,
                created_at=datetime(2020, 1, 1, tzinfo=UTC),
            )
        )
    await engine.dispose()
    return settings


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


@pytest.fixture(scope="module")
async def planted(gateway_url: str, gateway_settings: Settings) -> list[Planted]:
    """Twelve notes on the customer, every importance, two pinned, two authors, tags; indexed."""
    tokens = {
        who: mint_token(gateway_settings, subject=who, roles=(role,))
        for who, role in ((ADMIN, "admin"), (MANAGER, "manager"))
    }
    notes: list[Planted] = []
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        for i in range(COUNT):
            tags = tuple(tag for tag, on in (("alpha", i % 2 == 0), ("beta", i % 3 == 0)) if on)
            author = MANAGER if i % 4 == 1 else ADMIN
            fields: dict[str, Any] = {
                "importance": IMPORTANCE[i % 4],
                "pinned": i in PINNED,
                "type": TYPES[i % 3],
                "category": CATEGORIES[i % 3],
                "scope": SCOPES[i % 4],
            }
            body = await gql(
                http,
                tokens[author],
                CREATE,
                input={
                    "customerId": CUSTOMER,
                    "subject": f"filter note {i}",
                    "body": "planted",
                    "tags": list(tags),
                    **fields,
                },
            )
            payload = body["data"]["createNote"]
            assert not payload["errors"], payload
            note = payload["note"]
            notes.append(Planted(note["noteId"], note["createdAt"], author, tags=tags, **fields))
        # The indexer writes the new notes within about a second.
        for _ in range(200):
            body = await gql(http, tokens[ADMIN], SEARCH, filter={"customerId": CUSTOMER})
            # Null (SEARCH_UNAVAILABLE) while a new OpenSearch index's shard starts.
            found = body["data"]["searchNotes"]
            if found is not None and found["totalCount"] == COUNT:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"the planted notes were not indexed: {body}")
    return notes


def _window(notes: list[Planted]) -> dict[str, str]:
    return {"from": notes[3].created_at, "to": notes[8].created_at}


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


# One table: (case, filter, the old Customer360.notes arguments, the old searchNotes arguments,
# which planted notes it selects). None: the old arguments cannot say it.
CASES: list[tuple[str, dict[str, Any], dict[str, Any] | None, dict[str, Any] | None, Any]] = [
    ("everything", {}, {}, {}, lambda n: True),
    ("type", {"type": "TECHNICAL"}, {"type": "TECHNICAL"}, {"type": "TECHNICAL"},
     lambda n: n.type == "TECHNICAL"),
    ("category", {"category": "SALES"}, {"category": "SALES"}, {"category": "SALES"},
     lambda n: n.category == "SALES"),
    ("scope", {"scope": "SUPPORT"}, {"scope": "SUPPORT"}, {"scope": "SUPPORT"},
     lambda n: n.scope == "SUPPORT"),
    ("a tag", {"tags": ["alpha"]}, {"tag": "alpha"}, {"tags": ["alpha"]},
     lambda n: "alpha" in n.tags),
    ("every tag", {"tags": ["alpha", "beta"], "tagMode": "ALL"}, None,
     {"tags": ["alpha", "beta"], "tagMode": "ALL"}, lambda n: {"alpha", "beta"} <= set(n.tags)),
    ("type and tag", {"type": "INTERACTION_LOG", "tags": ["beta"]},
     {"type": "INTERACTION_LOG", "tag": "beta"}, {"type": "INTERACTION_LOG", "tags": ["beta"]},
     lambda n: n.type == "INTERACTION_LOG" and "beta" in n.tags),
    ("window", {"window": True}, {"window": True}, {"window": True}, None),
    ("agent", {"agentId": MANAGER}, None, {"authorId": MANAGER}, lambda n: n.author == MANAGER),
    ("importance", {"importance": "CRITICAL"}, None, None, lambda n: n.importance == "CRITICAL"),
]  # fmt: skip


def _resolve(arguments: dict[str, Any], notes: list[Planted]) -> dict[str, Any]:
    if arguments.pop("window", False):
        arguments.update(_window(notes))
    return arguments


@pytest.mark.parametrize(("case", "given", "notes_flat", "search_flat", "selects"), CASES,
                         ids=[case[0] for case in CASES])  # fmt: skip
async def test_note_filter_selects_what_the_old_arguments_did(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    planted: list[Planted],
    case: str,
    given: dict[str, Any],
    notes_flat: dict[str, Any] | None,
    search_flat: dict[str, Any] | None,
    selects: Any,
) -> None:
    token = token_for("admin", sub=ADMIN)
    note_filter = _resolve(dict(given), planted)
    if selects is None:  # the window: from note 3 up to note 8, half-open (8 is left out)
        low, high = _at(planted[3].created_at), _at(planted[8].created_at)
        expected = {n.note_id for n in planted if low <= _at(n.created_at) < high}
    else:
        expected = {n.note_id for n in planted if selects(n)}
    assert expected
    assert len(expected) < COUNT or case == "everything"

    listed = await gql(http, token, NOTES, c=CUSTOMER, filter=note_filter)
    notes = listed["data"]["customer"]["notes"]
    assert {n["noteId"] for n in nodes(notes)} == expected, listed
    assert notes["totalCount"] == len(expected)

    searched = await gql(http, token, SEARCH, filter={**note_filter, "customerId": CUSTOMER})
    assert {n["noteId"] for n in nodes(searched["data"]["searchNotes"])} == expected, searched

    report = await gql(http, token, REPORT, filter={**note_filter, "customerId": CUSTOMER})
    assert nodes(report["data"]["noteReport"]) == [{"key": CUSTOMER, "count": len(expected)}]

    if notes_flat is not None:
        old = await gql(http, token, NOTES_FLAT, c=CUSTOMER, **_resolve(dict(notes_flat), planted))
        assert {n["noteId"] for n in nodes(old["data"]["customer"]["notes"])} == expected
    if search_flat is not None:
        old = await gql(
            http, token, SEARCH_FLAT, c=CUSTOMER, **_resolve(dict(search_flat), planted)
        )
        assert {n["noteId"] for n in nodes(old["data"]["searchNotes"])} == expected


def _by_importance(notes: list[Planted]) -> list[str]:
    """Critical first, pinned first within one importance, then newest (then the larger id)."""
    ranked = sorted(
        notes,
        key=lambda n: (IMPORTANCE.index(n.importance), n.pinned, _at(n.created_at), n.note_id),
        reverse=True,
    )
    return [n.note_id for n in ranked]


async def _pages(
    http: httpx.AsyncClient, token: str, variables: dict[str, Any], *, backward: bool
) -> list[str]:
    """Every note of the customer's list, read a page of 5 at a time in one direction."""
    seen: list[str] = []
    cursor: str | None = None
    while True:
        paging = {"last": 5, "before": cursor} if backward else {"first": 5, "after": cursor}
        body = await gql(http, token, NOTES, c=CUSTOMER, **variables, **paging)
        page = body["data"]["customer"]["notes"]
        ids = [n["noteId"] for n in nodes(page)]
        seen = ids + seen if backward else seen + ids
        info = page["pageInfo"]
        more = info["hasPreviousPage"] if backward else info["hasNextPage"]
        if not more:
            return seen
        cursor = info["startCursor"] if backward else info["endCursor"]


@pytest.mark.parametrize(
    "importance", [None, "CRITICAL"], ids=["every importance", "critical only"]
)
async def test_importance_order_pages_both_ways_without_gaps(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: list[Planted], importance: str | None
) -> None:
    token = token_for("admin", sub=ADMIN)
    chosen = [n for n in planted if importance is None or n.importance == importance]
    expected = _by_importance(chosen)
    variables = {"order": "IMPORTANCE", "filter": {"importance": importance}}

    forward = await _pages(http, token, variables, backward=False)
    backward = await _pages(http, token, variables, backward=True)
    assert forward == backward == expected
    # The default order is unchanged: pinned first, then newest.
    default = await _pages(http, token, {"filter": {"importance": importance}}, backward=False)
    assert default != expected or importance is not None

    # searchNotes sorts the same way (forwards only), on the embedded index and OpenSearch.
    searched: list[str] = []
    after = None
    while True:
        body = await gql(
            http,
            token,
            SEARCH,
            filter={"customerId": CUSTOMER, "importance": importance},
            sort="IMPORTANCE",
            first=5,
            after=after,
        )
        page = body["data"]["searchNotes"]
        searched += [n["noteId"] for n in nodes(page)]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert searched == expected


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        (
            "query Q($c: ID!) { customer(id: $c) { notes(type: TECHNICAL, "
            "filter: {type: TECHNICAL}) { totalCount } } }",
            {"c": CUSTOMER},
            "filter.type",
        ),
        (
            'query Q($c: ID!) { customer(id: $c) { notes(filter: {customerId: "cust-00001"}) '
            "{ totalCount } } }",
            {"c": CUSTOMER},
            "filter.customerId",
        ),
        (
            f'{{ searchNotes(authorId: "{ADMIN}", filter: {{agentId: "{ADMIN}"}}) '
            "{ totalCount } }",
            {},
            "filter.agentId",
        ),
        (
            f'{{ auditLog(actorId: "{ADMIN}", filter: {{agentId: "{ADMIN}"}}) {{ totalCount }} }}',
            {},
            "filter.agentId",
        ),
        (
            '{ intakeFailures(channel: "web", filter: {channel: "web"}) { totalCount } }',
            {},
            "filter.channel",
        ),
    ],
    ids=["notes type", "another customer", "search agent", "audit agent", "intake channel"],
)
async def test_a_field_given_twice_is_bad_user_input(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    planted: list[Planted],
    query: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), query, **variables)
    [error] = body["errors"]
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("BAD_USER_INPUT", field)


async def test_notes_per_agent_per_day_pages_past_its_first_page(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: list[Planted]
) -> None:
    token = token_for("admin", sub=ADMIN)
    whole = (await gql(http, token, PER_DAY, first=1000))["data"]["notesPerAgentPerDay"]
    assert whole["totalCount"] == len(whole["edges"]) >= 3
    rows: list[tuple[str, str]] = []
    after = None
    pages = 0
    while True:
        page = (await gql(http, token, PER_DAY, first=2, after=after))["data"][
            "notesPerAgentPerDay"
        ]
        pages += 1
        assert page["totalCount"] == whole["totalCount"]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        rows += [(n["agentId"], n["day"]) for n in nodes(page)]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages > 1
    assert rows == [(n["agentId"], n["day"]) for n in nodes(whole)]
    assert len(set(rows)) == len(rows)
    assert rows == sorted(rows)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) for _, day in rows)
    today = datetime.now(UTC).date().isoformat()
    assert (ADMIN, today) in rows
    assert (MANAGER, today) in rows


async def test_a_calendar_day_is_a_date(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    query = """{ a: __type(name: "AgentDayCount") { fields { name type { name ofType { name } } } }
      r: __type(name: "ReportRow") { fields { name type { name ofType { name } } } }
      t: __type(name: "NoteCreationTimes") { fields { name type { name ofType { name } } } } }"""
    body = await gql(http, token_for("admin", sub=ADMIN), query)

    def day(kind: str) -> str | None:
        [field] = [f for f in body["data"][kind]["fields"] if f["name"] == "day"]
        return str(field["type"]["name"] or field["type"]["ofType"]["name"])

    assert {day("a"), day("r"), day("t")} == {"Date"}


AUDIT_OLD = """query A($c: ID, $a: ID) {
  auditLog(customerId: $c, actorId: $a, first: 100) { totalCount edges { node { auditEntryId } } }
}"""
AUDIT = """query A($filter: AuditFilter, $c: ID!, $own: AuditFilter) {
  auditLog(filter: $filter, first: 100) { totalCount edges { node { auditEntryId action } } }
  customer(id: $c) { audit(filter: $own, first: 100) { totalCount } }
}"""


async def test_audit_filter_selects_what_the_old_arguments_did(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: list[Planted]
) -> None:
    token = token_for("admin", sub=ADMIN)
    old = await gql(http, token, AUDIT_OLD, c=CUSTOMER, a=MANAGER)
    new = await gql(
        http, token, AUDIT, filter={"customerId": CUSTOMER, "agentId": MANAGER}, c=CUSTOMER
    )
    entries = nodes(new["data"]["auditLog"])
    assert [e["auditEntryId"] for e in entries] == [
        e["auditEntryId"] for e in nodes(old["data"]["auditLog"])
    ]
    assert len(entries) == sum(1 for n in planted if n.author == MANAGER)

    creates = {"customerId": CUSTOMER, "action": "note.create"}
    body = await gql(http, token, AUDIT, filter=creates, c=CUSTOMER, own={"action": "note.create"})
    assert {e["action"] for e in nodes(body["data"]["auditLog"])} == {"note.create"}
    assert body["data"]["auditLog"]["totalCount"] == COUNT
    assert body["data"]["customer"]["audit"]["totalCount"] == COUNT


async def test_operator_still_groups_by_agent_and_a_day_group_has_a_date(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: list[Planted]
) -> None:
    token = token_for("admin", sub=ADMIN)
    query = """query R($g: NoteReportGroup!, $filter: NoteFilter) {
      noteReport(groupBy: $g, filter: $filter, first: 1000) { edges { node { key count day } } }
    }"""
    mine = {"customerId": CUSTOMER}
    by_agent = nodes((await gql(http, token, query, g="AGENT", filter=mine))["data"]["noteReport"])
    old = await gql(http, token, query, g="OPERATOR", filter=mine)
    assert nodes(old["data"]["noteReport"]) == by_agent
    assert {row["key"]: row["count"] for row in by_agent} == {ADMIN: 9, MANAGER: 3}
    by_day = nodes((await gql(http, token, query, g="DAY", filter=mine))["data"]["noteReport"])
    today = datetime.now(UTC).date().isoformat()
    assert by_day == [{"key": today, "count": COUNT, "day": today}]
