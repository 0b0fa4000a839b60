"""Full rebuild into a new versioned index, alias swap, and policy-true answers on demo data."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from search.backend import SearchBackend
from search.documents import NoteDocument, load_documents
from search.reindex import TASK, rebuild
from search.request import build_search
from store.models import CustomerAssignment, Note
from store.visibility import note_visibility
from tests.fixtures.progress import RecordedProgress
from tests.fixtures.seeded import SeededStore
from tests.search.conftest import Oracle
from tests.search.corpus import PRINCIPALS
from tests.search.helpers import admin_view


@pytest.fixture(scope="module")
async def documents(seeded_store: SeededStore) -> list[NoteDocument]:
    """Every note of the seeded store as a document (deleted ones as tombstones)."""
    async with seeded_store.sessions() as session:
        ids = list(await session.scalars(select(Note.id)))
        return list((await load_documents(session, dict.fromkeys(ids, 0))).values())


@pytest.fixture(scope="module")
async def rebuilt(seeded_store: SeededStore, backend: SearchBackend) -> SearchBackend:
    """The backend after one full rebuild from the seeded store."""
    first = await rebuild(seeded_store.engine, backend, batch_size=64)
    second = await rebuild(seeded_store.engine, backend, batch_size=64)
    assert first.index in second.retired
    return backend


async def test_rebuild_reports_progress_and_throughput(
    seeded_store: SeededStore, rebuilt: SearchBackend, documents: list[NoteDocument]
) -> None:
    progress = RecordedProgress()
    report = await rebuild(seeded_store.engine, rebuilt, progress=progress)
    live = [doc for doc in documents if not doc.deleted]
    assert report.notes == len(live)
    assert report.failed == 0
    assert progress.totals == {TASK: len(live)}
    assert progress.done == {TASK: len(live)}
    assert progress.finished == [TASK]
    assert "notes/s" in str(report)
    print(report)


@pytest.mark.parametrize("principal", sorted(PRINCIPALS))
async def test_demo_search_obeys_the_policy(
    seeded_store: SeededStore,
    rebuilt: SearchBackend,
    documents: list[NoteDocument],
    principal: str,
) -> None:
    async with seeded_store.sessions() as session:
        assigned = {
            (a.customer_id, a.agent_id) for a in await session.scalars(select(CustomerAssignment))
        }
    who = PRINCIPALS[principal]
    if principal == "field":  # a field agent of the demo data, with assigned customers
        who = type(who)(sorted(agent for _, agent in assigned)[0], who.roles)
    oracle = Oracle(seeded_store.policy, who, assigned)
    readable = [doc for doc in documents if oracle.reads(doc)]
    visibility = note_visibility(seeded_store.policy.compile(who))
    page = await rebuilt.search(build_search(first=100), visibility)
    assert page.total == len(readable)
    assert {hit.note_id for hit in page.hits} <= {doc.note_id for doc in readable}
    assert {b.value: b.count for b in page.facets.types} == dict(Counter(d.type for d in readable))
    top_tags = Counter(tag for doc in readable for tag in doc.tags)
    for bucket in page.facets.tags:
        assert top_tags[bucket.value] == bucket.count


async def test_every_live_note_is_found_by_a_word_of_its_subject(
    seeded_store: SeededStore, rebuilt: SearchBackend, documents: list[NoteDocument]
) -> None:
    visibility = note_visibility(await admin_view(seeded_store))
    for doc in [d for d in documents if not d.deleted][:15]:
        words = [w for w in doc.subject.split() if w.isalpha() and len(w) > 3]
        if not words:
            continue
        page = await rebuilt.search(
            build_search(query=f'"{words[0]}"', customer_id=doc.customer_id, first=100), visibility
        )
        assert doc.note_id in {hit.note_id for hit in page.hits}
