"""`classify`: the backfill labels what is due, keeps agents' labels, and is idempotent.

The expected labels come from the classifier itself (whatever model is behind it); a failing
classifier is fault injection (monkeypatched to raise).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import func, select, update

from gateway.jobs.classify import classify
from gateway.runtime import open_runtime
from intelligence import classifier
from intelligence.labels import LabelSource, Sentiment, Urgency
from store import labels as labels_module
from store.labels import text_of
from store.models import Interaction, Note, SearchOutbox
from store.write_context import transaction
from tests.fixtures.seeded import SeededStore

UNLABELLED: dict[str, Any] = {
    "sentiment": None,
    "sentiment_score": None,
    "sentiment_source": None,
    "urgency": None,
    "urgency_source": None,
    "classifier_version": None,
    "classified_at": None,
}


async def _run(store: SeededStore, **options: Any) -> Any:
    async with open_runtime(store.settings, load_policy=False) as runtime:
        return await classify(runtime, batch_size=7, **options)


async def _count(store: SeededStore, model: Any, *where: Any) -> int:
    async with store.sessions() as session:
        query = select(func.count()).select_from(model).where(*where)
        return int(await session.scalar(query) or 0)


async def _wipe(store: SeededStore) -> None:
    async with transaction(store.sessions) as session:
        await session.execute(update(Note).values(**UNLABELLED))
        await session.execute(update(Interaction).values(**UNLABELLED))


async def test_classify_fills_keeps_overrides_and_is_idempotent(seeded_store: SeededStore) -> None:
    store = seeded_store
    await _wipe(store)
    notes = await _count(store, Note)
    live = await _count(store, Note, Note.deleted_at.is_(None))
    interactions = await _count(store, Interaction)
    async with transaction(store.sessions) as session:
        overridden = await session.scalar(select(Note.id).order_by(Note.id).limit(1))
        await session.execute(
            update(Note)
            .where(Note.id == overridden)
            .values(
                sentiment=Sentiment.POSITIVE,
                sentiment_source=LabelSource.AGENT,
                urgency=Urgency.CRITICAL,
                urgency_source=LabelSource.AGENT,
            )
        )
    outbox_before = await _count(store, SearchOutbox)

    report = await _run(store)

    # Every record but the fully overridden note got the classifier's labels
    assert (report.notes, report.interactions, report.failed) == (notes - 1, interactions, 0)
    assert await _count(store, Note, Note.sentiment.is_(None)) == 0
    assert await _count(store, Interaction, Interaction.urgency.is_(None)) == 0
    assert await _count(store, SearchOutbox) - outbox_before == live - 1
    async with store.sessions() as session:
        sample = await session.scalar(select(Note).where(Note.id != overridden).limit(1))
        assert sample is not None
        expected = classifier.classify(text_of(sample.subject, sample.body))
        assert (sample.sentiment, sample.urgency, sample.sentiment_score) == (
            expected.sentiment,
            expected.urgency,
            expected.sentiment_score,
        )
        assert sample.classifier_version == classifier.MODEL_VERSION

    # A second run, and a run redoing every automatic label, write nothing
    for options in ({}, {"redo_all": True}):
        outbox_before = await _count(store, SearchOutbox)
        again = await _run(store, **options)
        assert (again.notes, again.interactions, again.failed) == (0, 0, 0)
        assert await _count(store, SearchOutbox) == outbox_before

    # The override survived `--all`
    async with store.sessions() as session:
        kept = await session.get(Note, overridden)
        assert kept is not None
        assert (kept.sentiment, kept.urgency) == (Sentiment.POSITIVE, Urgency.CRITICAL)
        assert kept.sentiment_source is LabelSource.AGENT

    # Labels of an older model are redone
    async with transaction(store.sessions) as session:
        await session.execute(
            update(Note).where(Note.id != overridden).values(classifier_version="older-model")
        )
    redone = await _run(store)
    assert redone.notes == notes - 1


async def test_a_failing_classifier_leaves_labels_for_the_next_run(
    seeded_store: SeededStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = seeded_store
    await _wipe(store)
    # One warning with its traceback per failed text: once a gateway earlier in the session
    # has set up console logging, each renders as a rich traceback, and the few hundred of
    # them took this test from 2 s to 15 s. The failure is judged by the counts below.
    caplog.set_level(logging.ERROR, logger=labels_module.__name__)

    def broken(text: str) -> Any:
        raise RuntimeError("model file missing")

    # Fault injection: the classifier raises for every text
    monkeypatch.setattr(classifier, "classify", broken)
    failed = await _run(store)
    total = await _count(store, Note) + await _count(store, Interaction)
    assert (failed.notes, failed.interactions, failed.failed) == (0, 0, total)
    assert await _count(store, Note, Note.sentiment.is_not(None)) == 0

    monkeypatch.undo()
    filled = await _run(store)
    assert filled.failed == 0
    assert filled.notes + filled.interactions == total
    assert await _count(store, Note, Note.sentiment.is_(None)) == 0


async def test_a_sealed_note_is_classified_by_its_text_not_its_token(
    seeded_store: SeededStore,
) -> None:
    # Given restricted notes stored sealed (encryption at rest), with no labels yet
    store = seeded_store
    await _wipe(store)
    async with store.sessions() as session:
        raw = (
            await session.execute(
                select(Note.id, Note.body).where(Note.scope == "restricted").limit(3)
            )
        ).all()
    sealed = [row_id for row_id, body in raw if body.startswith("enc:v1:")]
    assert sealed, "the seeded store seals restricted notes"

    # When the backfill runs, each sealed note gets the labels of its opened text
    report = await _run(store)
    assert report.failed == 0
    async with (
        open_runtime(store.settings, load_policy=False) as runtime,  # its engine opens seals
        runtime.sessions() as session,
    ):
        for note_id in sealed:
            note = await session.get(Note, note_id)
            assert note is not None
            assert not note.body.startswith("enc:v1:")
            expected = classifier.classify(text_of(note.subject, note.body))
            assert (note.sentiment, note.urgency, note.sentiment_score) == (
                expected.sentiment,
                expected.urgency,
                expected.sentiment_score,
            )
