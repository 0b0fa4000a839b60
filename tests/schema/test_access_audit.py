"""The access audit through HTTP, on both stores: who was shown restricted notes, financials and
the audit trail, aggregated per hour; who may ask (`accessLog`); and denied writes in `auditLog`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from demo.seed import seed
from demo.upstreams.serve import DemoUpstreams
from store.db import create_engine
from store.models import AccessRead
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.served_gateways import with_demo_upstreams
from tests.fixtures.upstreams import DEMO_CUSTOMERS, DEMO_SEED, FAST
from tests.schema.native_gateway import ADMIN, MANAGER, QA, SALES_1, gql, nodes

CREATE = """
mutation N($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId } errors { field code message } }
}
"""
READ = """
query R($c: ID!) {
  customer(id: $c) {
    notes(first: 100) { edges { node { noteId scope } } }
    invoices { totalCount }
  }
}
"""
ACCESS_LOG = """
query L($filter: AccessFilter, $after: String) {
  accessLog(filter: $filter, first: 50, after: $after) {
    totalCount
    edges { node {
      principal role customerId fieldGroup noteIds noteIdsTruncated readCount
      hour firstReadAt lastReadAt agent { id }
    } }
  }
}
"""
AUDIT_LOG = """
query A($filter: AuditFilter) {
  auditLog(filter: $filter, first: 20) { totalCount edges { node { actor action customerId } } }
}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    engine = create_engine(database_url)
    try:
        await seed(engine, customers=DEMO_CUSTOMERS, notes=120, seed=DEMO_SEED)
    finally:
        await engine.dispose()
    return sqlite_settings(tmp_path_factory.mktemp("access"), database_url=database_url)


gateway_url = with_demo_upstreams()


@pytest.fixture
async def store(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(gateway_settings.database_url)
    yield engine
    await engine.dispose()


def last_week() -> dict[str, str]:
    now = datetime.now(UTC)
    return {
        "from": (now - timedelta(days=7)).isoformat(),
        "to": (now + timedelta(hours=1)).isoformat(),
    }


async def restricted_note(http: httpx.AsyncClient, token: str, customer: str) -> str:
    body = await gql(
        http,
        token,
        CREATE,
        input={
            "customerId": customer,
            "subject": "Board-level complaint",
            "body": "Handled by the manager.",
            "category": "GENERAL",
            "type": "INTERACTION_LOG",
            "scope": "RESTRICTED",
        },
    )
    payload = body["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["noteId"]
    return note_id


async def access_rows(
    http: httpx.AsyncClient, token: str, **filter_: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    body = await gql(http, token, ACCESS_LOG, filter=filter_)
    return body, nodes((body.get("data") or {}).get("accessLog"))


Rows = list[dict[str, Any]]


async def access_rows_once(
    http: httpx.AsyncClient, token: str, until: Callable[[Rows], bool], **filter_: Any
) -> Rows:
    """The access log once `until` holds: reads are recorded just after their answer is sent."""
    rows: Rows = []
    for _ in range(50):
        body, rows = await access_rows(http, token, **filter_)
        assert "errors" not in body, body["errors"]
        if until(rows):
            return rows
        await asyncio.sleep(0.1)
    raise AssertionError(f"the access log never showed the reads: {rows}")


async def test_an_auditor_sees_who_read_a_customers_restricted_notes_and_financials(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # Given a manager who read a customer's restricted note and invoices
    customer = "cust-00005"
    manager = token_for("manager", sub=MANAGER)
    note_id = await restricted_note(http, manager, customer)
    read = await gql(http, manager, READ, c=customer)
    assert note_id in [n["noteId"] for n in nodes(read["data"]["customer"]["notes"])]
    assert read["data"]["customer"]["invoices"] is not None, read.get("errors")

    # When an auditor asks who read that customer's data last week
    rows = await access_rows_once(
        http,
        token_for("admin", sub=ADMIN),
        lambda rows: sum(row["principal"] == MANAGER for row in rows) >= 2,
        customerId=customer,
        **last_week(),
    )

    # Then the manager, its role, the groups and the note ids are listed
    by_group = {row["fieldGroup"]: row for row in rows if row["principal"] == MANAGER}
    assert set(by_group) == {"RESTRICTED_NOTES", "FINANCIALS"}
    notes_row = by_group["RESTRICTED_NOTES"]
    assert notes_row["role"] == "MANAGER"
    assert notes_row["customerId"] == customer
    assert notes_row["noteIds"] == [note_id]
    assert notes_row["noteIdsTruncated"] is False
    assert notes_row["readCount"] == 1
    assert notes_row["agent"] is not None
    assert by_group["FINANCIALS"]["noteIds"] == []


async def test_polling_adds_to_one_row_per_hour(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # Given a dashboard polling one customer's invoices 50 times
    customer = "cust-00007"
    finance = token_for("finance", sub="agent-6")
    for _ in range(50):
        assert (await gql(http, finance, READ, c=customer))["data"]["customer"]["invoices"]

    # When an auditor reads the access log for it
    rows = await access_rows_once(
        http,
        token_for("manager", sub=MANAGER),
        lambda rows: sum(row["readCount"] for row in rows) >= 50,
        customerId=customer,
        fieldGroups=["FINANCIALS"],
    )

    # Then the reads are one row (two if the polling crossed an hour) counting 50
    assert {row["principal"] for row in rows} == {"agent-6"}
    assert sum(row["readCount"] for row in rows) == 50
    assert len({row["hour"] for row in rows}) == len(rows) <= 2


async def test_the_access_log_is_forbidden_to_non_auditors_and_leaks_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    customer = "cust-00005"
    for role, sub in (("sales", SALES_1), ("support", "agent-4")):
        body, rows = await access_rows(http, token_for(role, sub=sub), customerId=customer)
        assert body["data"] == {"accessLog": None}
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
        assert rows == []
        assert customer not in str(body["errors"])


async def test_reading_the_access_and_audit_logs_is_itself_recorded(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # Given an auditor reading a customer's audit log and access log
    customer = "cust-00009"
    qa = token_for("qa", sub=QA)
    assert (await gql(http, qa, AUDIT_LOG, filter={"customerId": customer}))["data"]["auditLog"]
    await access_rows(http, qa, customerId=customer)

    # Then another auditor sees those reads as reads of the audit trail
    rows = await access_rows_once(
        http,
        token_for("admin", sub=ADMIN),
        lambda rows: sum(row["readCount"] for row in rows) >= 2,
        customerId=customer,
        agentId=QA,
    )
    assert [(row["fieldGroup"], row["role"], row["readCount"]) for row in rows] == [
        ("AUDIT", "QA", 2)
    ]


async def test_a_denied_note_create_is_readable_by_auditors(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    # Given a sales agent refused a restricted note
    customer = "cust-00011"
    body = await gql(
        http,
        token_for("sales", sub=SALES_1),
        CREATE,
        input={
            "customerId": customer,
            "subject": "Trying",
            "body": "x",
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": "RESTRICTED",
        },
    )
    assert body["data"]["createNote"] is None or body["data"]["createNote"]["errors"]

    # When an auditor filters the audit log for denials
    audit_filter = {"customerId": customer, "agentId": SALES_1, "outcome": "DENIED", **last_week()}
    found = await gql(http, token_for("qa", sub=QA), AUDIT_LOG, filter=audit_filter)
    allowed = await gql(
        http, token_for("admin", sub=ADMIN), AUDIT_LOG, filter=audit_filter | {"outcome": "ALLOWED"}
    )

    # Then the refused create is there (and only among the denials)
    assert nodes(found["data"]["auditLog"]) == [
        {"actor": SALES_1, "action": "denied:note.create", "customerId": customer}
    ]
    assert allowed["data"]["auditLog"]["totalCount"] == 0


async def test_a_caller_shown_no_restricted_note_records_nothing_for_them(
    http: httpx.AsyncClient, token_for: TokenFactory, store: AsyncEngine
) -> None:
    # Given a customer with a restricted note, read by roles that policy keeps from it
    customer = "cust-00013"
    await restricted_note(http, token_for("manager", sub=MANAGER), customer)
    await gql(http, token_for("sales", sub=SALES_1), READ, c=customer)
    await gql(http, token_for("support", sub="agent-4"), READ, c=customer)

    # Then nothing is recorded for them but the financials support was shown
    rows = await access_rows_once(
        http,
        token_for("admin", sub=ADMIN),
        lambda rows: any(row["principal"] == "agent-4" for row in rows),
        customerId=customer,
        fieldGroups=["RESTRICTED_NOTES", "FINANCIALS"],
    )
    shown = sorted((row["principal"], row["fieldGroup"]) for row in rows)
    assert shown == [("agent-4", "FINANCIALS")]
    async with store.connect() as connection:
        readers = set(
            (
                await connection.scalars(
                    select(AccessRead.principal).where(
                        AccessRead.customer_id == customer, AccessRead.field_group != "audit"
                    )
                )
            ).all()
        )
    assert readers == {"agent-4"}


async def test_the_access_audit_can_be_switched_off(
    gateway_settings: Settings,
    demo_upstreams_sqlite: DemoUpstreams,
    token_for: TokenFactory,
    store: AsyncEngine,
    tmp_path: Path,
) -> None:
    off = gateway_settings.model_copy(update={"access_audit_enabled": False})
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    with serve_in_thread(off, config) as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            await gql(http, token_for("finance", sub="agent-6"), READ, c="cust-00015")
    await asyncio.sleep(0.5)  # as long as a recorded read takes to show
    async with store.connect() as connection:
        count = await connection.scalar(
            select(func.count())
            .select_from(AccessRead)
            .where(AccessRead.customer_id == "cust-00015")
        )
    assert count == 0
