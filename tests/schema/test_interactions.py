"""Interactions you can query, through HTTP on both stores: every filter field narrows as a
Python computation over the stored rows says, pages have no gaps or duplicates both ways, the
report's groups add up to the list's totals, and bad input gets a coded error."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from schema.node import decode_global_id, global_id
from store.enums import InteractionPurpose, InteractionType
from store.models import Customer, Interaction, new_id
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, SALES_1, SUPPORT, gql, seeded_settings, store_engine

# Planted in 2003, far from the demo's own interactions (the two years before now).
BASE = datetime(2003, 5, 1, 9, 0, tzinfo=UTC)
CUSTOMERS = ["cust-00001", "cust-00002", "cust-00003", "cust-00004", "cust-00005"]
AGENTS = [ADMIN, SUPPORT, SALES_1, "agent-9"]
TYPES = [InteractionType.CALL, InteractionType.VISIT, InteractionType.EMAIL, InteractionType.SMS]
PURPOSES = list(InteractionPurpose)
OUTCOMES = ["interested", "no_answer", "purchased", None]
MOODS = ["happy", "angry", None]
PLANTED = 48

LIST = """
query L($f: InteractionFilter, $first: Int, $after: String, $last: Int, $before: String) {
  interactions(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id interactionId customerId occurredAt loggedByAgent { agentId } } }
  }
}"""
CUSTOMER_LIST = """
query C($id: ID!, $f: InteractionFilter, $first: Int, $after: String) {
  customer(id: $id) {
    interactions(filter: $f, first: $first, after: $after) {
      totalCount edges { cursor node { interactionId customerId } }
    }
  }
}"""
REPORT = """
query R($g: InteractionReportGroup!, $f: InteractionFilter, $from: DateTime, $to: DateTime,
        $first: Int, $after: String) {
  interactionReport(groupBy: $g, filter: $f, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { key count day agent { agentId } } }
  }
}"""
# The planted year, so the report's 30-day default never applies.
YEAR = {"from": "2003-01-01T00:00:00Z", "to": "2004-01-01T00:00:00Z"}


@dataclass(frozen=True)
class Row:
    """An interaction as the oracle sees it."""

    id: str
    customer_id: str
    logged_by: str
    type: str
    purpose: str
    outcome: str | None
    mood: str | None
    occurred_at: datetime
    branch_id: str


def planted_rows() -> list[dict[str, Any]]:
    """48 interactions over customers, agents, types, purposes, outcomes, moods and days; some
    at 23:30 UTC (the day boundary) and one exactly on the midnight the range tests cut at."""
    rows = []
    for n in range(PLANTED):
        at = BASE + timedelta(days=n // 3, hours=(n % 3) * 7, minutes=n)
        if n % 11 == 0:
            at = at.replace(hour=23, minute=30)
        rows.append(
            {
                "id": new_id(),
                "customer_id": CUSTOMERS[n % len(CUSTOMERS)],
                "logged_by": AGENTS[(n // 2) % len(AGENTS)],
                "type": TYPES[n % len(TYPES)],
                "purpose": PURPOSES[(n // 3) % len(PURPOSES)],
                "subject": f"planted {n}",
                "outcome": OUTCOMES[n % len(OUTCOMES)],
                "mood": MOODS[n % len(MOODS)],
                "occurred_at": at,
                "created_at": at,
            }
        )
    rows[-1]["occurred_at"] = datetime(2003, 5, 10, tzinfo=UTC)  # exactly a `to`/`from` below
    return rows


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = await seeded_settings(database_url, tmp_path_factory.mktemp("interactions"))
    engine: AsyncEngine = store_engine(settings)
    async with engine.begin() as connection:
        await connection.execute(insert(Interaction), planted_rows())
    await engine.dispose()
    return settings


@pytest.fixture(scope="module")
async def stored(gateway_settings: Settings) -> list[Row]:
    """Every interaction in the store (the demo's and the planted ones)."""
    engine = store_engine(gateway_settings)
    async with engine.connect() as connection:
        branches = dict((await connection.execute(select(Customer.id, Customer.branch_id))).all())
        result = await connection.execute(select(Interaction))
        rows = [
            Row(
                r.id,
                r.customer_id,
                r.logged_by,
                str(r.type).upper(),
                str(r.purpose).upper(),
                r.outcome,
                r.mood,
                r.occurred_at,
                branches[r.customer_id],
            )
            for r in result
        ]
    await engine.dispose()
    return rows


def _at(value: str) -> datetime:
    """An instant as the DateTime scalar reads it (a bare date is midnight UTC)."""
    at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def matches(row: Row, f: dict[str, Any]) -> bool:
    """The filter, computed in Python: AND of fields, a list matches any value, half-open."""
    checks: list[tuple[str, Callable[[Row], Any], Callable[[Any], Any]]] = [
        ("customerId", lambda r: r.customer_id, lambda v: v),
        ("agentId", lambda r: r.logged_by, lambda v: v),
        ("types", lambda r: r.type, lambda v: v),
        ("purposes", lambda r: r.purpose, lambda v: v),
        ("outcomes", lambda r: r.outcome, lambda v: v.strip().lower().replace(" ", "_")),
        ("moods", lambda r: r.mood, lambda v: v.strip().lower().replace(" ", "_")),
    ]
    for name, value, norm in checks:
        wanted = f.get(name)
        if wanted is None:
            continue
        allowed = {norm(w) for w in wanted} if isinstance(wanted, list) else {norm(wanted)}
        if value(row) not in allowed:
            return False
    if "from" in f and row.occurred_at < _at(f["from"]):
        return False
    return not ("to" in f and row.occurred_at >= _at(f["to"]))


async def read_all(
    http: httpx.AsyncClient, token: str, f: dict[str, Any], *, size: int, backward: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """Every node of the root list, page by page (forwards, or backwards from the end)."""
    nodes: list[dict[str, Any]] = []
    cursor: str | None = None
    total = -1
    for _ in range(200):
        if backward:
            body = await gql(http, token, LIST, f=f, last=size, before=cursor)
        else:
            body = await gql(http, token, LIST, f=f, first=size, after=cursor)
        assert "errors" not in body, body["errors"]
        connection = body["data"]["interactions"]
        total = connection["totalCount"]
        page = [edge["node"] for edge in connection["edges"]]
        info = connection["pageInfo"]
        assert [e["cursor"] for e in connection["edges"]][-1:] == (
            [info["endCursor"]] if page else []
        )
        if backward:
            nodes = page + nodes
            if not info["hasPreviousPage"]:
                return nodes, total
            cursor = info["startCursor"]
        else:
            nodes += page
            if not info["hasNextPage"]:
                return nodes, total
            cursor = info["endCursor"]
    raise AssertionError("the list did not end")


def assert_listed(nodes: list[dict[str, Any]], expected: list[Row]) -> None:
    """Exactly the expected rows, once each, newest first."""
    ids = [node["interactionId"] for node in nodes]
    assert len(ids) == len(set(ids)), "a row was listed twice"
    assert set(ids) == {row.id for row in expected}
    times = [_at(node["occurredAt"]) for node in nodes]
    assert times == sorted(times, reverse=True)


# (name, filter): each field alone, its global-id form, ranges at the edges, and combinations.
FILTERS: list[tuple[str, dict[str, Any]]] = [
    ("none", {}),
    ("customer", {"customerId": "cust-00002"}),
    ("customer-global-id", {"customerId": global_id("Customer360", "cust-00003")}),
    ("agent", {"agentId": SALES_1}),
    ("agent-global-id", {"agentId": global_id("Agent", SUPPORT)}),
    ("types", {"types": ["CALL", "VISIT"]}),
    ("purposes", {"purposes": ["CREDIT_CONTROL"]}),
    ("outcomes", {"outcomes": ["interested", "No answer"]}),
    ("moods", {"moods": ["Happy"]}),
    ("from", {"from": "2003-05-10T00:00:00Z"}),
    ("to", {"to": "2003-05-10T00:00:00Z"}),
    ("range", {"from": "2003-05-03T00:00:00Z", "to": "2003-05-10T00:00:00Z"}),
    ("empty-range", {"from": "2003-05-10T00:00:00Z", "to": "2003-05-10T00:00:00Z"}),
    (
        "calls-by-agent-in-range",
        {"agentId": SALES_1, "types": ["CALL"], "from": "2003-05-01", "to": "2003-06-01"},
    ),
    ("nothing", {"customerId": "cust-00001", "agentId": "agent-9", "types": ["SMS"]}),
]


def raw_ids(f: dict[str, Any]) -> dict[str, Any]:
    """The filter with global ids read as the raw keys they name (what the oracle compares)."""
    out = dict(f)
    for name in ("customerId", "agentId"):
        decoded = decode_global_id(f[name]) if f.get(name) else None
        if decoded is not None:
            out[name] = decoded[1]
    return out


@pytest.mark.parametrize(("name", "f"), FILTERS, ids=[name for name, _ in FILTERS])
async def test_each_filter_narrows_the_list_as_computed(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    stored: list[Row],
    name: str,
    f: dict[str, Any],
) -> None:
    expected = [row for row in stored if matches(row, raw_ids(f))]

    nodes, total = await read_all(http, token_for("admin", sub=ADMIN), f, size=17)

    assert total == len(expected)
    assert_listed(nodes, expected)
    if name not in ("nothing", "empty-range"):
        assert expected, f"{name} narrows to nothing: the case proves nothing"


async def test_a_branch_agent_lists_only_its_branch(
    http: httpx.AsyncClient, token_for: TokenFactory, stored: list[Row]
) -> None:
    branch = next(row.branch_id for row in stored if row.customer_id == "cust-00001")
    f = {"types": ["CALL", "EMAIL"], **YEAR}
    expected = [row for row in stored if row.branch_id == branch and matches(row, f)]
    assert 0 < len(expected) < len([row for row in stored if matches(row, f)])

    token = token_for("branch", sub="agent-9", branches=[branch])
    nodes, total = await read_all(http, token, f, size=5)

    assert total == len(expected)
    assert_listed(nodes, expected)


@pytest.mark.parametrize("size", [1, 4, 100])
async def test_paging_forwards_and_backwards_has_no_gaps_or_duplicates(
    http: httpx.AsyncClient, token_for: TokenFactory, stored: list[Row], size: int
) -> None:
    token = token_for("admin", sub=ADMIN)
    expected = [row for row in stored if matches(row, YEAR)]

    forwards, total = await read_all(http, token, YEAR, size=size)
    backwards, _ = await read_all(http, token, YEAR, size=size, backward=True)

    assert total == len(expected) == PLANTED
    assert_listed(forwards, expected)
    assert [n["interactionId"] for n in backwards] == [n["interactionId"] for n in forwards]


async def test_a_customers_list_takes_the_same_filter(
    http: httpx.AsyncClient, token_for: TokenFactory, stored: list[Row]
) -> None:
    f = {"types": ["CALL", "VISIT"], "moods": ["happy"]}
    expected = {r.id for r in stored if r.customer_id == "cust-00001" and matches(r, f)}
    token = token_for("admin", sub=ADMIN)

    body = await gql(http, token, CUSTOMER_LIST, id="cust-00001", f=f, first=100)
    same = await gql(
        http, token, CUSTOMER_LIST, id="cust-00001", f={**f, "customerId": "cust-00001"}, first=100
    )

    connection = body["data"]["customer"]["interactions"]
    assert {e["node"]["interactionId"] for e in connection["edges"]} == expected
    assert connection["totalCount"] == len(expected) > 0
    assert same["data"] == body["data"]


async def report(
    http: httpx.AsyncClient, token: str, group: str, f: dict[str, Any], size: int = 1000
) -> tuple[list[dict[str, Any]], int]:
    """Every row of a report, page by page, and its totalCount."""
    rows: list[dict[str, Any]] = []
    cursor = None
    total = -1
    for _ in range(100):
        body = await gql(http, token, REPORT, g=group, f=f, first=size, after=cursor)
        assert "errors" not in body, body["errors"]
        connection = body["data"]["interactionReport"]
        total = connection["totalCount"]
        rows += [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return rows, total
        cursor = connection["pageInfo"]["endCursor"]
    raise AssertionError("the report did not end")


def _group_of(group: str, row: Row) -> str | None:
    return {
        "AGENT": row.logged_by,
        "CUSTOMER": row.customer_id,
        "DAY": row.occurred_at.astimezone(UTC).date().isoformat(),
        "TYPE": row.type,
        "PURPOSE": row.purpose,
        "OUTCOME": row.outcome,
        "MOOD": row.mood,
    }[group]


def _narrowed(group: str, key: str, f: dict[str, Any]) -> dict[str, Any]:
    """The list filter that selects one group of the report."""
    if group == "AGENT":
        return {**f, "agentId": key}
    if group == "CUSTOMER":
        return {**f, "customerId": key}
    day = datetime.fromisoformat(key).replace(tzinfo=UTC)
    start = max(day, _at(f["from"]))
    end = min(day + timedelta(days=1), _at(f["to"]))
    return {**f, "from": start.isoformat(), "to": end.isoformat()}


@pytest.mark.parametrize("group", ["AGENT", "CUSTOMER", "DAY"])
@pytest.mark.parametrize(
    "f",
    [
        YEAR,
        {**YEAR, "types": ["CALL", "VISIT"]},
        {"from": "2003-05-03T12:00:00Z", "to": "2003-05-09"},
    ],
    ids=["year", "calls-and-visits", "partial-days"],
)
async def test_report_groups_add_up_to_the_lists_totals(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    stored: list[Row],
    group: str,
    f: dict[str, Any],
) -> None:
    token = token_for("admin", sub=ADMIN)
    expected = Counter(_group_of(group, row) for row in stored if matches(row, f))

    rows, total = await report(http, token, group, f)

    assert {row["key"]: row["count"] for row in rows} == expected
    assert total == len(rows) == len(expected)
    _, list_total = await read_all(http, token, f, size=100)
    assert sum(row["count"] for row in rows) == list_total
    for row in rows:
        _, one = await read_all(http, token, _narrowed(group, row["key"], f), size=100)
        assert row["count"] == one, row
        assert (row["agent"] or {}).get("agentId") == (row["key"] if group == "AGENT" else None)
        assert row["day"] == (row["key"] if group == "DAY" else None)
    if group == "DAY":
        assert [row["key"] for row in rows] == sorted(str(day) for day in expected)
    else:
        counts = [row["count"] for row in rows]
        assert counts == sorted(counts, reverse=True)


async def test_calls_by_operator_last_month_pages_without_gaps(
    http: httpx.AsyncClient, token_for: TokenFactory, stored: list[Row]
) -> None:
    f = {"types": ["CALL"], "from": "2003-05-01", "to": "2003-06-01"}
    expected = Counter(row.logged_by for row in stored if matches(row, f))

    rows, total = await report(http, token_for("manager", sub="agent-2"), "AGENT", f, size=1)

    assert total == len(expected) > 1
    assert Counter({row["key"]: row["count"] for row in rows}) == expected
    assert len(rows) == len({row["key"] for row in rows})


async def test_enum_groups_are_shown_as_enum_values(
    http: httpx.AsyncClient, token_for: TokenFactory, stored: list[Row]
) -> None:
    rows, _ = await report(http, token_for("admin", sub=ADMIN), "TYPE", YEAR)
    assert {row["key"] for row in rows} == {"CALL", "VISIT", "EMAIL", "SMS"}


async def test_a_role_without_activity_fields_is_refused(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(
        http, token_for("partner", sub="portal-1", partner="partner-1"), LIST, f={}, first=5
    )
    assert body["data"] == {"interactions": None}
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert body["errors"][0]["path"] == ["interactions"]


LONG_AGO = {"from": "1990-01-01T00:00:00Z", "to": "2003-01-01T00:00:00Z"}
BACKWARDS = {"from": "2003-06-01", "to": "2003-05-01"}
ANOTHER_TYPE = {"customerId": global_id("Note", "n-1")}
# (name, query, variables, code): each refused alone, with its field null and a coded error.
BAD_INPUT: list[tuple[str, str, dict[str, Any], str]] = [
    ("from-after-to", LIST, {"f": BACKWARDS}, "INVALID"),
    ("first-too-big", LIST, {"first": 101}, "INVALID"),
    ("first-zero", LIST, {"first": 0}, "INVALID"),
    ("first-with-last", LIST, {"first": 5, "last": 5}, "INVALID"),
    ("forged-cursor", LIST, {"first": 5, "after": "bm90IGEgY3Vyc29y"}, "INVALID"),
    ("garbage-cursor", LIST, {"first": 5, "after": "%%%"}, "INVALID"),
    ("empty-types", LIST, {"f": {"types": []}}, "INVALID"),
    ("too-many-outcomes", LIST, {"f": {"outcomes": [f"o{n}" for n in range(51)]}}, "INVALID"),
    ("note-id-as-customer", LIST, {"f": ANOTHER_TYPE}, "BAD_USER_INPUT"),
    ("report-from-after-to", REPORT, {"g": "DAY", "f": BACKWARDS}, "INVALID"),
    ("report-first-too-big", REPORT, {"g": "AGENT", "first": 1001}, "INVALID"),
    ("report-forged-cursor", REPORT, {"g": "AGENT", "after": "W10"}, "INVALID"),
    ("report-both-from", REPORT, {"g": "AGENT", "from": "2003-01-01", "f": {"from": "2003-01-01"}},
     "BAD_USER_INPUT"),
    ("report-span", REPORT, {"g": "AGENT", "f": LONG_AGO}, "INVALID"),
    ("other-customer", CUSTOMER_LIST, {"id": "cust-00001", "f": {"customerId": "cust-00002"}},
     "BAD_USER_INPUT"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "query", "variables", "code"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
async def test_bad_input_is_a_coded_error(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    name: str,
    query: str,
    variables: dict[str, Any],
    code: str,
) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), query, **variables)

    (error,) = body["errors"]
    assert error["extensions"]["code"] == code, error
    assert "Traceback" not in str(body)
    root = next(iter(body["data"]))
    assert error["path"][0] == root
    if root == "customer":
        assert body["data"]["customer"]["interactions"] is None
    else:
        assert body["data"][root] is None


async def test_another_lists_cursor_is_refused(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("admin", sub=ADMIN)
    customer = await gql(http, token, CUSTOMER_LIST, id="cust-00001", first=1)
    by_day = await gql(http, token, REPORT, g="DAY", f=YEAR, first=1)
    own = customer["data"]["customer"]["interactions"]["edges"][0]["cursor"]
    day = by_day["data"]["interactionReport"]["edges"][0]["cursor"]

    listed = await gql(http, token, LIST, first=5, after=own)
    reported = await gql(http, token, REPORT, g="AGENT", f=YEAR, after=day)

    assert listed["errors"][0]["extensions"]["code"] == "INVALID"
    assert reported["errors"][0]["extensions"]["code"] == "INVALID"


@pytest.mark.parametrize(
    ("document", "value"),
    [
        ("{ interactions(filter: {types: [BOGUS]}, first: 5) { totalCount } }", "BOGUS"),
        ("{ interactionReport(groupBy: OPERATOR, first: 5) { totalCount } }", "OPERATOR"),
    ],
)
async def test_an_unknown_enum_value_is_a_validation_error(
    http: httpx.AsyncClient, token_for: TokenFactory, document: str, value: str
) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), document)
    assert "data" not in body or body["data"] is None
    (error,) = body["errors"]  # only the value is wrong: the field and its arguments exist
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert value in error["message"]


async def test_an_unknown_enum_value_in_variables_is_bad_user_input(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), LIST, f={"types": ["BOGUS"]})
    assert body.get("data") is None
    assert body["errors"][0]["extensions"]["code"] in {
        "BAD_USER_INPUT",
        "GRAPHQL_VALIDATION_FAILED",
    }
    assert "BOGUS" in body["errors"][0]["message"]
