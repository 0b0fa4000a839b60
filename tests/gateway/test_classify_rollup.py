"""`classify` (due records, and `--all`) moves each relabelled note's report rollup rows in its
batch's transaction: after a run the rollup is what `rebuild-rollups` writes, and noteReport
by SENTIMENT and URGENCY (summed from it) counts the new labels."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, select, update

from gateway.jobs.classify import classify
from gateway.runtime import open_runtime
from intelligence.labels import LabelSource, Sentiment, Urgency
from store import rollup
from store.models import Note, NoteRollup
from store.write_context import transaction
from tests.fixtures.seeded import SeededStore


async def _rows(store: SeededStore) -> set[tuple[Any, ...]]:
    async with store.sessions() as session:
        rows = await session.execute(select(NoteRollup).where(NoteRollup.count != 0))
        return {
            (
                r.dim,
                r.grain,
                r.period,
                r.branch_id,
                r.partner_id,
                r.scope,
                r.handoff,
                r.key,
                r.count,
            )
            for (r,) in rows
        }


async def _label_counts(store: SeededStore) -> dict[tuple[str, str], int]:
    """Live notes per (dimension, key) as the EVERY rows of scope '*' count them (month rows)."""
    counted: dict[tuple[str, str], int] = {}
    for row in await _rows(store):
        dim, grain, _, branch, partner, scope, _, key, n = row
        if dim in rollup.LABEL_DIMS and grain == "month" and branch == partner == scope == "*":
            counted[(dim, key)] = counted.get((dim, key), 0) + n
    return counted


async def _notes_by_label(store: SeededStore) -> dict[tuple[str, str], int]:
    counted: dict[tuple[str, str], int] = {}
    async with store.sessions() as session:
        for sentiment, urgency in await session.execute(
            select(Note.sentiment, Note.urgency).where(Note.deleted_at.is_(None))
        ):
            for dim, label in (("sentiment", sentiment), ("urgency", urgency)):
                key = (dim, rollup.NO_LABEL if label is None else str(label))
                counted[key] = counted.get(key, 0) + 1
    return counted


async def test_classify_keeps_the_label_rollup_exact(seeded_store: SeededStore) -> None:
    store = seeded_store
    # Given notes whose automatic labels an older model made (other labels than today's, and
    # some never labelled), with the rollup counted from them
    async with transaction(store.sessions) as session:
        await session.execute(
            update(Note).values(
                sentiment=case(
                    (Note.sentiment == Sentiment.NEGATIVE, Sentiment.POSITIVE),
                    else_=Sentiment.NEGATIVE,
                ),
                urgency=case((Note.urgency == Urgency.LOW, Urgency.HIGH), else_=Urgency.LOW),
                sentiment_source=LabelSource.AUTO,
                urgency_source=LabelSource.AUTO,
                classifier_version="older-model",
            )
        )
        first = await session.scalar(select(Note.id).order_by(Note.id).limit(1))
        await session.execute(
            update(Note)
            .where(Note.id == first)
            .values(sentiment=None, urgency=None, sentiment_source=None, urgency_source=None)
        )
        await rollup.rebuild(await session.connection())
    before = await _label_counts(store)
    assert before == await _notes_by_label(store)

    for redo_all in (False, True):
        # When `classify` runs (then `classify --all`)
        async with open_runtime(store.settings, load_policy=False) as runtime:
            report = await classify(runtime, batch_size=7, redo_all=redo_all)
        assert report.failed == 0

        # Then the rollup is what a rebuild writes, and counts the notes by their new labels
        kept = await _rows(store)
        assert await _label_counts(store) == await _notes_by_label(store), redo_all
        async with transaction(store.sessions) as session:
            await rollup.rebuild(await session.connection())
        assert await _rows(store) == kept, redo_all
    assert await _label_counts(store) != before
