"""Data-entry accuracy in `qaReport`, through HTTP on both stores, against the same figure
computed in Python from the stored notes and revisions (seeded demo notes plus planted edits).
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store.models import Note, NoteRevision
from store.visibility import readable_notes
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import QA, SALES_1, gql, nodes, seeded_settings, store_engine

CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId } errors { field code message } }
}"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version } errors { field code message } }
}"""
QA_REPORT = """
query Q($f: DateTime, $t: DateTime, $after: String) {
  qaReport(filter: {from: $f, to: $t}, sampleSize: 0, first: 100, after: $after) {
    edges { node { agentId notes correctedNotes accuracy } }
    pageInfo { hasNextPage endCursor }
  }
}"""
WINDOW_DAYS = 7  # store.accuracy.CORRECTION_DAYS, restated: the test is the definition's oracle
CLASSIFICATION = ("category", "type", "scope", "importance")


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("accuracy"))


async def _planted(http: httpx.AsyncClient, token: str, edit: dict[str, Any]) -> str:
    created = await gql(
        http,
        token,
        CREATE,
        input={
            "customerId": "cust-00001",
            "subject": f"Accuracy {uuid.uuid4().hex[:6]}",
            "body": "Planted.",
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": "SALES",
            "tags": ["planted"],
        },
    )
    note = created["data"]["createNote"]
    assert note["errors"] == [], note
    note_id: str = note["note"]["noteId"]
    updated = await gql(http, token, UPDATE, input={"id": note_id, "expectedVersion": 1} | edit)
    assert updated["data"]["updateNote"]["errors"] == [], updated
    return note_id


async def _backdate_edit(engine: AsyncEngine, note_id: str, after: timedelta) -> None:
    """Move the note's edit to `after` its creation. The gateway's own writers (the search
    indexer) may hold SQLite's write lock for a moment: retry until it is free."""
    for _ in range(50):
        try:
            async with engine.begin() as connection:
                created = await connection.scalar(select(Note.created_at).where(Note.id == note_id))
                assert created is not None
                await connection.execute(
                    update(NoteRevision)
                    .where(NoteRevision.note_id == note_id)
                    .values(edited_at=created + after)
                )
            return
        except OperationalError:
            await asyncio.sleep(0.1)
    raise AssertionError("the store stayed locked")


def corrected_in_python(note: Any, revisions: list[Any]) -> bool:
    """The README's definition, read directly off the note and revision rows."""
    for revision in revisions:
        if revision.edited_at - note.created_at >= timedelta(days=WINDOW_DAYS):
            continue
        for field in CLASSIFICATION:
            if field in revision.after and revision.before.get(field) != revision.after[field]:
                return True
    return False


async def expected_reviews(
    engine: AsyncEngine, since: datetime, until: datetime
) -> tuple[dict[str, tuple[int, int, float]], set[str]]:
    """Per author (notes, corrected, accuracy) over the notes QA reads; and the corrected ids."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    view = policy.compile(Principal(subject=QA, roles=("qa",)))
    async with engine.connect() as connection:
        notes = list(
            await connection.execute(
                select(Note).where(
                    readable_notes(view), Note.created_at >= since, Note.created_at <= until
                )
            )
        )
        rows = list(await connection.execute(select(NoteRevision)))
    by_note: dict[str, list[Any]] = {}
    for revision in rows:
        by_note.setdefault(revision.note_id, []).append(revision)
    totals: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    corrected: set[str] = set()
    for note in notes:
        totals[note.author_id] += 1
        if corrected_in_python(note, by_note.get(note.id, [])):
            wrong[note.author_id] += 1
            corrected.add(note.id)
    reviews = {
        agent: (count, wrong[agent], round((count - wrong[agent]) / count, 4))
        for agent, count in totals.items()
    }
    return reviews, corrected


async def test_accuracy_matches_the_definition_computed_in_python(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    sales = token_for("sales", sub=SALES_1)
    recategorised = await _planted(http, sales, {"category": "GENERAL"})
    rescoped = await _planted(http, sales, {"scope": "INTERNAL"})
    reworded = await _planted(http, sales, {"body": "Better wording.", "subject": "Reworded"})
    retagged = await _planted(http, sales, {"tags": ["planted", "later"]})
    late = await _planted(http, sales, {"importance": "HIGH"})
    engine = store_engine(gateway_settings)
    try:
        # The importance change happened eight days after creation: outside the window.
        await _backdate_edit(engine, late, timedelta(days=8))
        # Two years back: every seeded note (a report spans at most three years).
        until = datetime.now(UTC) + timedelta(days=1)
        since = until - timedelta(days=730)
        expected, corrected = await expected_reviews(engine, since, until)
    finally:
        await engine.dispose()

    got: dict[str, tuple[int, int, float]] = {}
    after = None
    while True:
        body = await gql(
            http,
            token_for("qa", sub=QA),
            QA_REPORT,
            f=since.isoformat(),
            t=until.isoformat(),
            after=after,
        )
        assert "errors" not in body, body
        report = body["data"]["qaReport"]
        for row in nodes(report):
            got[row["agentId"]] = (row["notes"], row["correctedNotes"], row["accuracy"])
        if not report["pageInfo"]["hasNextPage"]:
            break
        after = report["pageInfo"]["endCursor"]

    assert {recategorised, rescoped} <= corrected
    assert not {reworded, retagged, late} & corrected
    assert got == expected
    assert got[SALES_1][1] >= 2
    assert all(0.0 <= accuracy <= 1.0 for _, _, accuracy in got.values())
