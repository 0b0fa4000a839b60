"""Input that used to crash a seeded gateway: date-only and naive dates, NUL in ids, forged cursors.

Runs on SQLite with the embedded search and on PostgreSQL with OpenSearch, through HTTP.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputType,
    GraphQLNamedType,
    GraphQLNonNull,
    get_named_type,
)

from core.settings import Settings
from schema import build_schema
from schema.scalars import DESCRIPTION
from tests.fixtures.app import serve_in_thread
from tests.fixtures.database import Backend
from tests.schema.native_gateway import ADMIN, seeded_settings

DATE_ONLY, NAIVE = "2026-01-01", "2026-01-01T10:00:00"
COULD_NOT_CRASH = {"INVALID", "BAD_USER_INPUT", "NOT_FOUND"}


@pytest.fixture(scope="module")
async def gateway_settings(
    database_backend: Backend,
    database_url: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Settings:
    """SQLite with the embedded search, or PostgreSQL with OpenSearch (a private prefix)."""
    search: dict[str, Any] = {}
    if database_backend.name == "postgres":
        server: Any = request.getfixturevalue("opensearch_server")
        search = {
            "opensearch_url": server.url,
            "opensearch_index_prefix": f"test-input-{uuid.uuid4().hex[:8]}",
        }
    directory: Path = tmp_path_factory.mktemp("input")
    return await seeded_settings(database_url, directory, search_poll_seconds=0.05, **search)


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


async def _post(
    http: httpx.AsyncClient, token: str, query: str, **variables: Any
) -> dict[str, Any]:
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code in {200, 400}, response.text
    body: dict[str, Any] = response.json()
    return body


def _codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors") or []]


def _datetime_root_fields() -> list[tuple[str, str]]:
    """(query, argument) for every DateTime argument of a root query field, from the schema."""
    graphql_schema = build_schema(Settings(environment="test"))._schema
    assert graphql_schema.query_type is not None
    found: list[tuple[str, str]] = []
    for name, field in graphql_schema.query_type.fields.items():
        dated = [arg for arg, spec in field.args.items() if _is_datetime(spec.type)]
        if not dated:
            continue
        arguments = [f"{arg}: $d" for arg in dated[:1]]
        for arg, spec in field.args.items():
            named = get_named_type(spec.type)
            if isinstance(spec.type, GraphQLNonNull) and isinstance(named, GraphQLEnumType):
                arguments.append(f"{arg}: {next(iter(named.values))}")
        selection = "" if _is_leaf(get_named_type(field.type)) else " { __typename }"
        query = f"query Q($d: DateTime) {{ {name}({', '.join(arguments)}){selection} }}"
        found.append((query, f"{name}({dated[0]})"))
    return found


def _is_datetime(type_: GraphQLInputType) -> bool:
    return get_named_type(type_).name == "DateTime"


def _is_leaf(named: GraphQLNamedType) -> bool:
    return not hasattr(named, "fields")


ROOT_FIELDS = _datetime_root_fields()


def test_every_datetime_argument_is_found_and_shares_the_one_scalar() -> None:
    graphql_schema = build_schema(Settings(environment="test"))._schema
    names = {label for _, label in ROOT_FIELDS}
    assert {
        "noteReport(from)",
        "interactionReport(from)",
        "auditLog(from)",
        "myFollowUps(dueBefore)",
        "searchNotes(from)",
        "noteCreationTimes(from)",
    } <= names
    scalar = graphql_schema.get_type("DateTime")
    assert scalar is not None
    assert scalar.description == DESCRIPTION
    assert "midnight UTC" in (scalar.description or "")


@pytest.mark.parametrize("value", [DATE_ONLY, NAIVE, "2026-01-01T10:00:00Z"])
@pytest.mark.parametrize(("query", "label"), ROOT_FIELDS, ids=[label for _, label in ROOT_FIELDS])
async def test_a_date_without_a_time_zone_is_utc_in_every_root_field(
    http: httpx.AsyncClient, token_for: Any, query: str, label: str, value: str
) -> None:
    body = await _post(http, token_for("admin", sub=ADMIN), query, d=value)
    assert body.get("errors") is None, (label, body)


@pytest.mark.parametrize("value", [DATE_ONLY, NAIVE])
async def test_customer_notes_from_a_date(
    http: httpx.AsyncClient, token_for: Any, value: str
) -> None:
    query = """query Q($d: DateTime) {
      customer(id: "cust-00001") { notes(from: $d, to: "2100-01-01") {
        edges { node { id createdAt } } } } }"""
    body = await _post(http, token_for("admin", sub=ADMIN), query, d=value)
    assert body.get("errors") is None, body
    assert body["data"]["customer"]["notes"] is not None


async def test_a_date_only_due_date_is_midnight_utc(
    http: httpx.AsyncClient, token_for: Any
) -> None:
    due = (datetime.now(UTC) + timedelta(days=40)).date()
    create = """mutation Q($due: DateTime!) {
      createNote(input: {customerId: "cust-00001", subject: "Call back", body: "Call back.",
                         category: GENERAL, type: TECHNICAL, scope: SALES,
                         followUp: {assigneeId: "agent-1", dueAt: $due}}) {
        note { id } errors { field code message } } }"""
    token = token_for("admin", sub=ADMIN)
    created = await _post(http, token, create, due=due.isoformat())
    assert created.get("errors") is None, created
    assert created["data"]["createNote"]["errors"] == []
    mine = await _post(
        http,
        token,
        "query Q($d: DateTime) { myFollowUps(dueBefore: $d) { edges { node { dueAt } } } }",
        d=(due + timedelta(days=1)).isoformat(),
    )
    due_dates = [edge["node"] for edge in mine["data"]["myFollowUps"]["edges"]]
    assert {"dueAt": f"{due.isoformat()}T00:00:00+00:00"} in due_dates


@pytest.mark.parametrize("value", ["nope", "2026-13-01", "2026-01-01\x00", "1" * 200, ""])
async def test_a_date_that_is_not_a_date_is_a_coded_error(
    http: httpx.AsyncClient, token_for: Any, value: str
) -> None:
    query = "query Q($d: DateTime) { noteReport(groupBy: TYPE, from: $d) { totalCount } }"
    body = await _post(http, token_for("admin", sub=ADMIN), query, d=value)
    assert set(_codes(body)) <= COULD_NOT_CRASH | {"GRAPHQL_VALIDATION_FAILED"}
    assert _codes(body)


@pytest.mark.parametrize(
    "query",
    [
        "query Q($id: ID!) { customer(id: $id) { id } }",
        "query Q($id: ID!) { note(id: $id) { id } }",
        "query Q($id: ID) { auditLog(customerId: $id) { totalCount } }",
        "query Q($id: ID) { searchNotes(customerId: $id) { totalCount } }",
        "query Q($id: String) { customers(query: $id) { totalCount } }",
    ],
)
async def test_a_nul_byte_in_an_id_is_refused(
    http: httpx.AsyncClient, token_for: Any, query: str
) -> None:
    body = await _post(http, token_for("admin", sub=ADMIN), query, id="cust-00001\x00")
    assert _codes(body), body
    assert set(_codes(body)) <= {"INVALID", "BAD_USER_INPUT"}, body


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


FORGED = [
    "not a cursor",
    "!!!!",
    _cursor("null"),
    _cursor("{}"),
    _cursor("[-1]"),
    _cursor("[99999999999999999999999999]"),
    _cursor("[1e999]"),
    _cursor("[true]"),
    _cursor('["x"]'),
    _cursor("[-1, -1]"),
    _cursor('[99999999999999999999999, "x"]'),
    _cursor('[{"a": 1}, "x"]'),
    _cursor('[true, "x"]'),
    _cursor('["x", "\\u0000"]'),
    _cursor('["not a date", "x"]'),
    _cursor('[1, 1, "not a date", "x"]'),
    _cursor('[99999999999999999999, 1, "2026-01-01T00:00:00", "x"]'),
    _cursor('["a", 1, "2026-01-01T00:00:00", "x"]'),
    _cursor("[" * 3000 + "]" * 3000),
]
PAGED = {
    "customers": "query Q($a: String) { customers(first: 2, after: $a) { totalCount } }",
    "auditLog": "query Q($a: String) { auditLog(first: 2, after: $a) { totalCount } }",
    "customer.audit": 'query Q($a: String) { customer(id: "cust-00001") '
    "{ audit(after: $a) { totalCount } } }",
    "intakeFailures": "query Q($a: String) { intakeFailures(first: 2, after: $a) { totalCount } }",
}


@pytest.mark.parametrize("cursor", FORGED)
@pytest.mark.parametrize("query", PAGED.values(), ids=PAGED.keys())
async def test_a_forged_cursor_is_invalid_for_every_store_list(
    http: httpx.AsyncClient, token_for: Any, query: str, cursor: str
) -> None:
    body = await _post(http, token_for("admin", sub=ADMIN), query, a=cursor)
    codes = _codes(body)
    assert set(codes) <= {"INVALID"}, body


SEARCH_FORGED = [
    _cursor('["relevance", ["a", "b", "c"]]'),
    _cursor('["relevance", [1e999, 1, "x"]]'),
    _cursor('["relevance", [1.0, 99999999999999999999999, "x"]]'),
    _cursor('["relevance", [1.0, -5, "x"]]'),
    _cursor('["relevance", [1.0, 5, "x"], 1]'),
    _cursor('["relevance", [true, 5, "x"]]'),
    _cursor('["relevance", [5, "x"]]'),
    _cursor('["date", [5, "x"]]'),
    _cursor('["date", [1.5, {"a": 1}]]'),
    _cursor('["date", ["2026", "x"]]'),
    _cursor('["date", [1, 2]]'),
    _cursor("[" * 3000 + "]" * 3000),
]


@pytest.mark.parametrize("cursor", SEARCH_FORGED)
async def test_a_forged_search_cursor_is_invalid(
    http: httpx.AsyncClient, token_for: Any, cursor: str
) -> None:
    query = """query Q($a: String) {
      searchNotes(query: "delivery", sort: RELEVANCE, first: 2, after: $a) { totalCount } }"""
    body = await _post(http, token_for("admin", sub=ADMIN), query, a=cursor)
    assert _codes(body) == ["INVALID"], body


async def test_real_search_cursors_still_page(http: httpx.AsyncClient, token_for: Any) -> None:
    query = """query Q($a: String, $s: NoteSearchSort!, $q: String) {
      searchNotes(query: $q, sort: $s, first: 3, after: $a) {
        edges { node { id } } pageInfo { endCursor } } }"""
    token = token_for("admin", sub=ADMIN)
    for sort, words in (("DATE", None), ("RELEVANCE", "customer OR delivery OR order")):
        first = await _post(http, token, query, s=sort, q=words)
        assert first.get("errors") is None, first
        after = first["data"]["searchNotes"]["pageInfo"]["endCursor"]
        if after is None:
            continue
        second = await _post(http, token, query, s=sort, q=words, a=after)
        assert second.get("errors") is None, second
