"""Every connection of the schema pages correctly, on SQLite and PostgreSQL, and a trimmed
principal's pages and totals hold only what it may see.

The fields are found by introspection; each is paged with small pages forwards (and
backwards where it takes `last`/`before`) and compared with one whole page: no duplicates, no
gaps, the same order, `totalCount` equal to the count, and `hasNextPage`/`hasPreviousPage`
true exactly when there is more on that side. The connections below upstream records
(orders, tickets) are walked in test_connections_upstream.py.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from core.settings import Settings
from gateway.auth import mint_token
from store.models import AccessRead, Attachment, Note
from tests.fixtures.app import serve_in_thread
from tests.fixtures.seeded import SeededStore
from tests.schema.connection_walk import (
    ConnectionField,
    Route,
    connection_fields,
    introspect,
    walk,
)

ADMIN, SUPPORT = ("admin", "agent-1"), ("support", "agent-4")
CANARY = "canary-conn-7f3a"
# Reached through an upstream record; walked with the demo upstreams in another module.
UPSTREAM = {
    "Customer360.orders",
    "Customer360.invoices",
    "Customer360.payments",
    "Customer360.tickets",
    "Customer360.timeline",
    "Customer360.referrals",
    "Order.notes",
    "Ticket.notes",
    "Query.ticketsAwaitingResolutionNote",
}
# Arguments a root list is walked with (kept small: one customer's share of the data).
ROOT_ARGUMENTS = {
    "searchNotes": 'filter: {{customerId: "{customer}"}}, sort: DATE',
    "auditLog": 'filter: {{customerId: "{customer}"}}',
    "noteReport": "groupBy: AGENT",
    "noteCreationTimes": "groupBy: AGENT",
    "interactions": 'filter: {{customerId: "{customer}"}}',
    "interactionReport": "groupBy: CUSTOMER",
    "myFollowUps": "includeCompleted: true",
    "followUps": 'filter: {{customerId: "{customer}"}}',
    # A request's reads are written to the access log after its answer is sent, so the reads
    # of the walks just before (and of this walk: group AUDIT) may land while it pages: walk
    # the rows planted for an agent who makes no request here, which stand still.
    "accessLog": 'filter: {{agentId: "{reader}"}}',
}
# The access log's planted reader: rows of every audited group, in two hours.
READER = ("finance", "agent-6")
READER_HOURS = (datetime(2026, 1, 1, 9, tzinfo=UTC), datetime(2026, 1, 1, 10, tzinfo=UTC))
# Lists the planted data makes at least this long for the admin.
PLANTED = {
    "Customer360.notes": 10,
    "Customer360.tags": 5,
    "Customer360.interactions": 4,
    "Customer360.followUps": 3,
    "Customer360.riskFlags": 4,
    "Customer360.attachments": 6,
    "Customer360.audit": 10,
    "Note.history": 4,
    "Query.searchNotes": 10,
    "Query.auditLog": 10,
    "Query.myFollowUps": 3,
    "Query.followUps": 3,
    "Query.noteReport": 3,
    "Query.interactions": 4,
    "Query.customers": 20,
    "Query.accessLog": 8,
}


@pytest.fixture(scope="module")
def gateway_settings(
    seeded_store: SeededStore, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """The gateway on the seeded store, with an embedded search index of its own."""
    return seeded_store.settings.model_copy(
        update={
            "log_json": False,
            "log_level": "WARNING",
            "opensearch_url": None,
            "search_embedded_path": tmp_path_factory.mktemp("search") / "search.db",
            "search_poll_seconds": 0.05,
        }
    )


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


@dataclass(frozen=True)
class Planted:
    customer: str
    note: str


class Client:
    """Posts operations as one principal."""

    def __init__(self, http: httpx.AsyncClient, settings: Settings, who: tuple[str, str]):
        self.http = http
        self.token = mint_token(settings, subject=who[1], roles=(who[0],))

    async def post(self, query: str, **variables: Any) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture(scope="module")
async def client_http(gateway_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as client:
        yield client


CREATE = """mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId version } errors { field code message } } }"""
UPDATE = """mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version } errors { field code message } } }"""


async def _create(admin: Client, customer: str, scope: str, text: str, **extra: Any) -> str:
    """Create a note; its raw key (`noteId`), which the attachment rows below refer to and the
    note arguments accept as well as the global `id`."""
    note = {
        "customerId": customer,
        "subject": text,
        "body": f"{text} body",
        "category": "SUPPORT",
        "type": "TECHNICAL",
        "scope": scope,
        **extra,
    }
    body = await admin.post(CREATE, input=note)
    payload = body["data"]["createNote"]
    assert not payload["errors"], payload
    return str(payload["note"]["noteId"])


@pytest.fixture(scope="module")
async def planted(
    seeded_store: SeededStore, gateway_settings: Settings, client_http: httpx.AsyncClient
) -> Planted:
    """A customer with every list long enough to page, and canaries the support role must
    never see: restricted notes (with a follow-up and attachments), and an edit history whose
    first edit moved a note out of the restricted scope."""
    async with seeded_store.sessions() as session:
        customer = str(
            await session.scalar(
                select(Note.customer_id)
                .group_by(Note.customer_id)
                .order_by(func.count().desc(), Note.customer_id)
                .limit(1)
            )
        )
    admin = Client(client_http, gateway_settings, ADMIN)
    due = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    for i in range(6):
        follow_up = {"assigneeId": ADMIN[1], "dueAt": due} if i < 3 else None
        await _create(
            admin, customer, "INTERNAL", f"visible note {i}", pinned=i == 0, followUp=follow_up
        )
    canaries = [
        await _create(
            admin,
            customer,
            "RESTRICTED",
            f"{CANARY} restricted {i}",
            tags=[CANARY],
            followUp={"assigneeId": ADMIN[1], "dueAt": due, "instructions": f"{CANARY} do"},
        )
        for i in range(3)
    ]
    moved = await _create(admin, customer, "RESTRICTED", f"{CANARY} secret subject")
    changes: list[dict[str, Any]] = [
        {"scope": "INTERNAL", "subject": "moved", "body": "moved body", "tags": []},
        {"body": "edit one"},
        {"body": "edit two"},
        {"body": "edit three"},
    ]
    for version, change in enumerate(changes, start=1):
        body = await admin.post(UPDATE, input={"id": moved, "expectedVersion": version, **change})
        assert not body["data"]["updateNote"]["errors"], body
    for i in range(5):
        body = await admin.post(
            "mutation T($c: ID!, $t: String!) { tagCustomer(customerId: $c, tag: $t) "
            "{ errors { code } } }",
            c=customer,
            t=f"paging-{i}",
        )
        assert not body["data"]["tagCustomer"]["errors"], body
    for kind in ("OVERDUE_PAYMENT", "FREQUENT_REFUNDS", "DISCOUNT_DEPENDENCY", "FREQUENT_CLAIMS"):
        body = await admin.post(
            "mutation R($c: ID!, $k: RiskFlagKind!) { raiseRiskFlag(customerId: $c, kind: $k, "
            'reason: "paging") { errors { code } } }',
            c=customer,
            k=kind,
        )
        assert not body["data"]["raiseRiskFlag"]["errors"], body
    for i in range(4):
        body = await admin.post(
            "mutation L($input: LogInteractionInput!) { logInteraction(input: $input) "
            "{ errors { code } } }",
            input={
                "customerId": customer,
                "type": "CALL",
                "purpose": "SERVICE",
                "subject": f"call {i}",
            },
        )
        assert not body["data"]["logInteraction"]["errors"], body
    async with seeded_store.sessions() as session, session.begin():
        for i, note_id in enumerate([None, None, None, None, canaries[0], canaries[1]]):
            name = f"{CANARY}-{i}.pdf" if note_id else f"file-{i}.pdf"
            session.add(
                Attachment(
                    note_id=note_id,
                    customer_id=customer,
                    file_name=name,
                    content_type="application/pdf",
                    size_bytes=100 + i,
                    sha256=hashlib.sha256(name.encode()).hexdigest(),
                    storage_key=f"paging/{customer}/{name}",
                    uploaded_by=ADMIN[1],
                    uploaded_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=i % 3),
                )
            )
        for hour in READER_HOURS:
            for group in ("restricted_notes", "financials", "lifetime_value", "risk_flags"):
                session.add(
                    AccessRead(
                        principal=READER[1],
                        role=READER[0],
                        customer_id=customer,
                        field_group=group,
                        bucket=hour,
                        read_count=1,
                        first_read_at=hour,
                        last_read_at=hour,
                        note_ids=[canaries[0]] if group == "restricted_notes" else None,
                    )
                )
    # The indexer writes the new notes within about a second.
    query = "query S($c: ID!) { searchNotes(filter: {customerId: $c}, sort: DATE) { totalCount } }"
    for _ in range(100):
        body = await admin.post(query, c=customer)
        if body["data"] and body["data"]["searchNotes"]["totalCount"] >= 10:
            break
        await asyncio.sleep(0.1)
    return Planted(customer, moved)


def _route(target: ConnectionField, planted: Planted) -> tuple[Route, str]:
    name = target.name
    if target.owner == "Query":
        extra = ROOT_ARGUMENTS.get(name, "").format(customer=planted.customer, reader=READER[1])
        return Route(lambda s: "{ " + s + " }", lambda data: data[name]), extra
    if target.owner == "Customer360":
        customer = json.dumps(planted.customer)
        return Route(
            lambda s: f"{{ customer(id: {customer}) {{ {s} }} }}",
            lambda data: data["customer"][name],
        ), ""
    if target.owner == "Note":
        note = json.dumps(planted.note)
        return Route(
            lambda s: f"{{ note(id: {note}) {{ {s} }} }}", lambda data: data["note"][name]
        ), ""
    raise AssertionError(f"{target.key}: no route to this connection; add one to the test")


async def _walk_all(
    http: httpx.AsyncClient,
    settings: Settings,
    planted: Planted,
    who: tuple[str, str],
    *,
    full: bool = False,
) -> dict[str, Any]:
    client = Client(http, settings, who)
    fields = connection_fields(await introspect(client.post))
    results = {}
    for target in fields:
        if target.key in UPSTREAM:
            continue
        route, extra = _route(target, planted)
        missing = set(target.required) - {part.split(":")[0].strip() for part in extra.split(",")}
        assert not missing, f"{target.key}: give the test values for {missing}"
        results[target.key] = await walk(client.post, route, target, extra, full=full)
    return results


async def test_every_connection_pages_both_ways(
    client_http: httpx.AsyncClient, gateway_settings: Settings, planted: Planted
) -> None:
    # Given a customer whose every list is longer than a page, read as the admin
    results = await _walk_all(client_http, gateway_settings, planted, ADMIN)

    # Then every connection paged cleanly, and the planted lists were really paged
    short = {
        key: results[key].total for key, least in PLANTED.items() if results[key].total < least
    }
    assert not short, short
    assert not [key for key, walked in results.items() if walked.forbidden]


async def test_a_trimmed_principal_pages_only_what_it_sees(
    client_http: httpx.AsyncClient, gateway_settings: Settings, planted: Planted
) -> None:
    # When the support role (no restricted scope) walks the same lists
    results = await _walk_all(client_http, gateway_settings, planted, SUPPORT, full=True)
    everything = await _walk_all(client_http, gateway_settings, planted, ADMIN, full=True)

    # Then no page of any list carries a canary, and the totals count only what it sees
    leaks = {
        key: CANARY for key, walked in results.items() if any(CANARY in b for b in walked.bodies)
    }
    assert not leaks, leaks
    assert results["Note.history"].total == everything["Note.history"].total - 1
    assert results["Customer360.notes"].total < everything["Customer360.notes"].total
    assert (
        results["Customer360.attachments"].total == everything["Customer360.attachments"].total - 2
    )
    admin_bodies = json.dumps([b for walked in everything.values() for b in walked.bodies])
    assert CANARY in admin_bodies  # the canaries are real: the admin reads them


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ("first: 0", "INVALID"),
        ("first: 101", "INVALID"),
        ("last: 101", "INVALID"),
        ("first: 2, last: 2", "INVALID"),
        ('first: 2, before: "x"', "INVALID"),
        ('after: "not a cursor"', "INVALID"),
        ('last: 2, before: "WyJhdWRpdCIsIDFd"', "INVALID"),  # an auditLog cursor: another list
    ],
)
async def test_bad_paging_arguments_are_coded_errors(
    client_http: httpx.AsyncClient,
    gateway_settings: Settings,
    planted: Planted,
    arguments: str,
    code: str,
) -> None:
    client = Client(client_http, gateway_settings, ADMIN)
    query = f"query Q($c: ID!) {{ customer(id: $c) {{ notes({arguments}) {{ totalCount }} }} }}"
    body = await client.post(query, c=planted.customer)
    assert [e["extensions"]["code"] for e in body["errors"]] == [code], body
