"""Reports through HTTP: exact counts for a known set of notes, and no leaks by role."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from store import rollup
from store.enums import NoteCategory, NoteType, Scope
from store.models import Note, new_id
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    ADMIN,
    QA,
    SALES_1,
    SUPPORT,
    gql,
    nodes,
    seeded_settings,
    store_engine,
)

AT = datetime(2002, 6, 1, 10, 0, tzinfo=UTC)
WINDOW = {"f": "2002-06-01T00:00:00+00:00", "t": "2002-06-30T00:00:00+00:00"}
NOTE_REPORT = """
query R($g: NoteReportGroup!, $f: DateTime, $t: DateTime) {
  noteReport(groupBy: $g, from: $f, to: $t) { edges { node { key count } } }
}
"""
QA_REPORT = """
query Q($f: DateTime, $t: DateTime) {
  qaReport(filter: {from: $f, to: $t}, sampleSize: 1) {
    edges { node { agentId notes activeDays withinTarget sample { id } } }
  }
}
"""
# scope per note, all by SALES_1 on one customer: 2 sales, 1 support, 1 restricted.
SCOPES = [Scope.SALES, Scope.SALES, Scope.SUPPORT, Scope.RESTRICTED]


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = await seeded_settings(database_url, tmp_path_factory.mktemp("reports"))
    engine: AsyncEngine = store_engine(settings)
    async with engine.begin() as connection:
        await connection.execute(
            insert(Note),
            [
                {
                    "id": new_id(),
                    "customer_id": "cust-00004",
                    "author_id": SALES_1,
                    "subject": "s",
                    "body": "b",
                    "category": NoteCategory.GENERAL,
                    "type": NoteType.TECHNICAL,
                    "scope": scope,
                    "importance": "normal",
                    "created_at": AT,
                    "updated_at": AT,
                    "version": 1,
                }
                for scope in SCOPES
            ],
        )
        # Rows inserted directly bypass the note writes that keep the report rollup current.
        await rollup.rebuild(connection)
    await engine.dispose()
    return settings


@pytest.mark.parametrize(
    ("role", "sub", "expected"),
    [
        pytest.param(
            "admin",
            ADMIN,
            [
                # Enum values as the API shows them everywhere (the Scope enum's names).
                {"key": "SALES", "count": 2},
                {"key": "RESTRICTED", "count": 1},
                {"key": "SUPPORT", "count": 1},
            ],
            id="admin",
        ),
        pytest.param("sales", SALES_1, [{"key": "SALES", "count": 2}], id="sales"),
        pytest.param("support", SUPPORT, [{"key": "SUPPORT", "count": 1}], id="support"),
    ],
)
async def test_note_report_counts_only_what_the_caller_reads(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    role: str,
    sub: str,
    expected: list[dict[str, object]],
) -> None:
    body = await gql(http, token_for(role, sub=sub), NOTE_REPORT, g="SCOPE", **WINDOW)
    assert nodes(body["data"]["noteReport"]) == expected


async def test_day_grouping(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    body = await gql(http, token_for("admin", sub=ADMIN), NOTE_REPORT, g="DAY", **WINDOW)
    assert nodes(body["data"]["noteReport"]) == [{"key": "2002-06-01", "count": 4}]


async def test_qa_report_is_for_qa_and_excludes_restricted_notes(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    qa = await gql(http, token_for("qa", sub=QA), QA_REPORT, **WINDOW)
    sales = await gql(http, token_for("sales", sub=SALES_1), QA_REPORT, **WINDOW)

    (review,) = [edge["node"] for edge in qa["data"]["qaReport"]["edges"]]
    assert (review["agentId"], review["notes"], review["activeDays"]) == (SALES_1, 3, 1)
    assert review["withinTarget"] is False
    assert len(review["sample"]) == 1
    assert sales["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_reversed_window_is_invalid(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(
        http, token_for("admin", sub=ADMIN), NOTE_REPORT, g="TYPE", f=WINDOW["t"], t=WINDOW["f"]
    )
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


@pytest.mark.parametrize("group", ["TYPE", "SCOPE", "DAY", "AGENT"])
async def test_an_empty_window_is_an_empty_report(
    http: httpx.AsyncClient, token_for: TokenFactory, group: str
) -> None:
    # from == to: a half-open window holding no instant (the rollup has nothing to sum)
    at = WINDOW["f"]
    body = await gql(http, token_for("admin", sub=ADMIN), NOTE_REPORT, g=group, f=at, t=at)
    assert body.get("errors") is None, body
    assert nodes(body["data"]["noteReport"]) == []
