"""`ticketsAwaitingResolutionNote` over HTTP: a running gateway on each store (SQLite and
PostgreSQL) reading the demo helpdesk served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from demo.seed import seed
from demo.upstreams.serve import DemoUpstreams
from policies.vocabulary import Scope
from store.db import session_factory
from store.enums import NoteCategory, NoteType
from store.models import Customer, Note, utcnow
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import DEMO_CUSTOMERS, DEMO_SEED, FAST

GAPS = """
query Gaps($filter: TicketFilter, $first: Int!, $after: String) {
  ticketsAwaitingResolutionNote(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { closedAt ticket { ticketId status } customer { customerId branchId } } }
  }
}
"""
FIELD = "ticketsAwaitingResolutionNote"


@dataclass(frozen=True)
class Planted:
    """The closed tickets of the demo helpdesk and the notes written about two of them."""

    closed: dict[str, dict[str, Any]]  # ticket id -> the helpdesk's ticket
    resolved: str  # has a resolution note
    only_logged: str  # has a note about it, of another type
    deleted: str  # its only resolution note is deleted
    branches: dict[str, str]  # customer id -> branch id


def _note(customer_id: str, ticket_id: str, note_type: NoteType, **values: Any) -> Note:
    return Note(
        customer_id=customer_id,
        author_id="agent-4",
        subject=f"About {ticket_id}",
        body="Closed after a replacement part.",
        category=NoteCategory.SUPPORT,
        type=note_type,
        scope=Scope.SUPPORT,
        ref_kind="ticket",
        ref_id=ticket_id,
        **values,
    )


@pytest.fixture(scope="module")
async def planted(engine: AsyncEngine, demo_upstreams_sqlite: DemoUpstreams) -> Planted:
    """The store seeded like the demo upstreams, and three notes about closed tickets."""
    await seed(engine, customers=DEMO_CUSTOMERS, notes=0, seed=DEMO_SEED)
    closed = {
        t["id"]: t
        for t in demo_upstreams_sqlite.data.tickets
        if t["status"] in {"solved", "closed"}
    }
    resolved, only_logged, deleted = sorted(closed)[:3]
    async with session_factory(engine)() as session, session.begin():
        session.add(_note(closed[resolved]["requester_id"], resolved, NoteType.RESOLUTION))
        session.add(_note(closed[only_logged]["requester_id"], only_logged, NoteType.TECHNICAL))
        session.add(
            _note(
                closed[deleted]["requester_id"],
                deleted,
                NoteType.RESOLUTION,
                deleted_at=utcnow(),
                deleted_by="agent-4",
            )
        )
        # The same ticket id on another customer resolves nothing.
        other = (
            "cust-00001" if closed[only_logged]["requester_id"] != "cust-00001" else "cust-00002"
        )
        session.add(_note(other, only_logged, NoteType.RESOLUTION))
        branches = {c: b for c, b in await session.execute(select(Customer.id, Customer.branch_id))}
    return Planted(closed, resolved, only_logged, deleted, branches)


@pytest.fixture(scope="module")
def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    directory: Path = tmp_path_factory.mktemp("gaps")
    return sqlite_settings(directory, database_url=database_url)


@pytest.fixture(scope="module")
def gateway_url(
    gateway_settings: Settings, demo_upstreams_sqlite: DemoUpstreams, planted: Planted
) -> Iterator[str]:
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    with serve_in_thread(gateway_settings, config) as url:
        yield url


async def _post(http: httpx.AsyncClient, token: str, **variables: Any) -> Any:
    response = await http.post(
        "/graphql",
        json={"query": GAPS, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _walk(
    http: httpx.AsyncClient, token: str, filter: dict[str, Any] | None = None, first: int = 7
) -> tuple[list[dict[str, Any]], int]:
    """Every item of the list, page by page; and the first page's totalCount."""
    items: list[dict[str, Any]] = []
    after, total = None, None
    while True:
        body = await _post(http, token, filter=filter, first=first, after=after)
        assert body.get("errors") is None, body["errors"]
        page = body["data"][FIELD]
        total = page["totalCount"] if total is None else total
        assert page["totalCount"] == total
        items += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return items, total
        after = page["pageInfo"]["endCursor"]


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_lists_exactly_the_closed_tickets_without_a_resolution_note(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    # Given the demo helpdesk's closed tickets, one of them resolved in a note
    expected = set(planted.closed) - {planted.resolved}
    assert len(expected) > 10

    # When a support agent walks the whole list, seven at a time
    items, total = await _walk(http, token_for("support", sub="agent-4"))

    # Then it holds each of the others once, newest closed first, the resolved one left out
    ids = [item["ticket"]["ticketId"] for item in items]
    assert len(ids) == len(set(ids)) == total
    assert set(ids) == expected
    assert planted.only_logged in ids
    assert planted.deleted in ids
    closed = [_instant(item["closedAt"]) for item in items]
    assert closed == sorted(closed, reverse=True)
    for item in items:
        ticket = planted.closed[item["ticket"]["ticketId"]]
        assert item["customer"]["customerId"] == ticket["requester_id"]
        assert item["ticket"]["status"] in {"SOLVED", "CLOSED"}
        assert _instant(item["closedAt"]) == _instant(ticket["updated_at"])


async def test_a_branch_agent_sees_only_its_branch(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    # Given a branch agent of one branch
    branch = planted.branches[planted.closed[planted.only_logged]["requester_id"]]
    token = token_for("branch", sub="agent-9", branches=[branch])

    # When it lists the tickets
    items, total = await _walk(http, token, first=50)

    # Then only its branch's customers show, all of their unresolved closed tickets
    expected = {
        ticket_id
        for ticket_id, ticket in planted.closed.items()
        if planted.branches[ticket["requester_id"]] == branch and ticket_id != planted.resolved
    }
    assert {item["ticket"]["ticketId"] for item in items} == expected
    assert total == len(expected) < len(planted.closed) - 1
    assert {item["customer"]["branchId"] for item in items} == {branch}


async def test_roles_that_do_not_see_tickets_are_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    body = await _post(http, token_for("partner", sub="p", partner="partner-1"), first=5)
    assert body["data"][FIELD] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_closing_window_is_half_open(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    # Given a window starting at one unresolved ticket's closing time and ending at another's
    times = sorted(
        _instant(t["updated_at"]) for i, t in planted.closed.items() if i != planted.resolved
    )
    start, end = times[len(times) // 3], times[2 * len(times) // 3]
    window = {"closedFrom": start.isoformat(), "closedTo": end.isoformat()}

    # When the list is read through the window
    items, _ = await _walk(http, token_for("manager", sub="agent-2"), window, first=100)

    # Then it holds exactly the tickets closed from `start` up to (not at) `end`
    assert sorted(_instant(item["closedAt"]) for item in items) == [
        t for t in times if start <= t < end
    ]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        (
            {"filter": {"closedFrom": "2026-02-01T00:00:00Z", "closedTo": "2026-01-01T00:00:00Z"}},
            "BAD_USER_INPUT",
        ),
        (
            {"filter": {"closedFrom": "2026-01-01T00:00:00Z", "closedTo": "2026-01-01T00:00:00Z"}},
            "BAD_USER_INPUT",
        ),
        ({"filter": {"customerId": "Tm90ZTpub3RlLTE="}}, "BAD_USER_INPUT"),  # a Note's id
        ({"first": 0}, "INVALID"),
        ({"first": 101}, "INVALID"),
        ({"after": "not-a-cursor"}, "INVALID"),
    ],
)
async def test_bad_input_gets_a_coded_error(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    planted: Planted,
    variables: dict[str, Any],
    code: str,
) -> None:
    body = await _post(http, token_for("support", sub="agent-4"), **{"first": 5, **variables})
    assert body["data"][FIELD] is None
    assert body["errors"][0]["extensions"]["code"] == code


CREATE = """
mutation Resolve($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId } errors { field code message } }
}
"""


async def test_writing_the_resolution_note_takes_the_ticket_off_the_list(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    # Given a listed ticket (it has only a technical note so far)
    token = token_for("support", sub="agent-4")
    customer = planted.closed[planted.only_logged]["requester_id"]
    only_customer = {"customerId": customer}
    listed, _ = await _walk(http, token, only_customer, first=100)
    assert planted.only_logged in {item["ticket"]["ticketId"] for item in listed}

    # When a support agent writes its resolution note through the API
    note = {
        "customerId": customer,
        "subject": "Resolved: replacement part fitted",
        "body": "The hinge was replaced on site.",
        "category": "SUPPORT",
        "type": "RESOLUTION",
        "scope": "SUPPORT",
        "tags": ["hinge"],
        "refKind": "TICKET",
        "refId": planted.only_logged,
    }
    response = await http.post(
        "/graphql",
        json={"query": CREATE, "variables": {"input": note}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json()["data"]["createNote"]["errors"] == [], response.text

    # Then the ticket is no longer listed, and the rest of the customer's are
    after, total = await _walk(http, token, only_customer, first=100)
    assert {item["ticket"]["ticketId"] for item in after} == {
        item["ticket"]["ticketId"] for item in listed
    } - {planted.only_logged}
    assert total == len(listed) - 1
