"""The rollup counts notes by sentiment and urgency, and every path that changes a note's
labels moves its rows in the same transaction: the classifier on create and edit, an agent's
override, the `classify` backfill (due notes and `--all`), and deletes and restores around
them. After each step the rollup is what a recount of the notes gives, and SENTIMENT and
URGENCY reports from it equal the scan's. Migration 0024 counts the label rows afresh, also
over a store that already holds some (stamped back, or rows a newer gateway wrote): each key
once, what a recount gives. On SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from intelligence.labels import Classification, Sentiment, Urgency
from policies.principal import Principal
from store import classify_backfill, rollup, rollup_reads
from store.label_writes import set_note_labels
from store.migrate import async_downgrade, async_upgrade
from store.models import (
    Agent,
    Branch,
    Customer,
    CustomerAssignment,
    Note,
    NoteRollup,
    NoteTag,
    Partner,
    utcnow,
)
from store.note_drafts import NotePatch
from store.note_reads import NoteFilter
from store.notes import create_note, delete_note, restore_note, update_note
from store.reports import ROLLUP_GROUPS, NoteGroup, ReportWindow, report_groups, scan_groups
from store.visibility import HANDOFF_TAG
from tests.store.native import ctx_for, draft, given_directory, policy
from tests.store.test_rollup import counts, given_world, rollup_rows

LABEL_GROUPS = (NoteGroup.SENTIMENT, NoteGroup.URGENCY)
MODEL = "test-model-2"


async def recounted(session: AsyncSession) -> set[tuple[Any, ...]]:
    """The rollup's rows as a recount of the notes gives them now (nothing written)."""
    rows: set[tuple[Any, ...]] = set()
    every_scope: Counter[tuple[Any, ...]] = Counter()
    for statement in rollup.counting_selects(session.get_bind().dialect.name):
        for dim, grain, period, branch, partner, scope, handoff, key, n in await session.execute(
            statement
        ):
            rows.add((dim, grain, period, branch, partner, scope, bool(handoff), str(key), n))
            if branch == partner == rollup.EVERY:
                every_scope[(dim, grain, period, str(key))] += n
    # The rows of scope EVERY sum the EVERY rows of every scope (counting_selects leaves
    # them out: a customer's move never changes them).
    every = rollup.EVERY
    rows |= {(d, g, p, every, every, every, False, k, n) for (d, g, p, k), n in every_scope.items()}
    return rows


async def assert_exact(session: AsyncSession, step: str) -> None:
    """The rollup equals the recount, and the label reports from it equal the scan's."""
    await session.flush()
    kept = await rollup_rows(session)
    assert kept == await recounted(session), step
    assert {"sentiment", "urgency"} <= {row[0] for row in kept}, step
    engine = await policy()
    callers = (
        Principal("a-manager", ("manager",)),
        Principal("a-branch", ("branch",), branches=("b-1",)),
        Principal("a-support", ("support",)),
    )
    now = utcnow()
    for principal in callers:
        view = engine.compile(principal)
        for group in LABEL_GROUPS:
            dim = ROLLUP_GROUPS[group][0]
            for window in (
                ReportWindow(now - timedelta(days=400), now + timedelta(days=1)),
                ReportWindow(now - timedelta(hours=30), now + timedelta(hours=7)),
            ):
                assert rollup_reads.answerable(view, dim, NoteFilter())
                scan = scan_groups(session, view, group, NoteFilter(), window.since, window.until)
                report = report_groups(session, view, group, window, NoteFilter())
                assert await counts(session, report) == await counts(session, scan), (
                    step,
                    principal,
                    group,
                )


def other(labels: list[Any], current: Any, rng: random.Random) -> Any:
    """A label other than `current`."""
    return rng.choice([label for label in labels if label != current])


async def test_every_label_change_moves_the_rollup_rows(session: AsyncSession) -> None:
    rng = random.Random(3)
    await given_directory(session)
    sales, admin = await ctx_for("a-sales"), await ctx_for("a-admin")

    # Notes created (the classifier labels them on the write), one handed off, one elsewhere
    first = (await create_note(session, sales, draft(tags=["x"]))).note
    second = (
        await create_note(
            session,
            sales,
            draft(customer_id="c-2", subject="Furious", body="Refund now, this is urgent!"),
        )
    ).note
    third = (await create_note(session, sales, draft(tags=[HANDOFF_TAG]))).note
    await assert_exact(session, "created")

    # An agent's overrides: one label, the other, both
    await set_note_labels(
        session,
        sales,
        first.id,
        sentiment=other(list(Sentiment), first.sentiment, rng),
        urgency=None,
    )
    await set_note_labels(
        session, sales, first.id, sentiment=None, urgency=other(list(Urgency), first.urgency, rng)
    )
    await set_note_labels(
        session, admin, third.id, sentiment=Sentiment.POSITIVE, urgency=Urgency.CRITICAL
    )
    await assert_exact(session, "overridden")

    # An edit of the text (the classifier labels it again), then the note deleted
    await update_note(
        session, sales, second.id, second.version, NotePatch(body="All sorted, many thanks.")
    )
    await delete_note(session, sales, second.id)
    await assert_exact(session, "edited and deleted")

    # Notes never labelled (written before the classifier), and automatic labels of an older
    # model: the backfill labels the due ones, then `--all` every automatic label
    await session.execute(
        update(Note).where(Note.id == first.id).values(classifier_version="older-model")
    )
    unlabelled = (await create_note(session, sales, draft(subject="Later", tags=[]))).note
    await session.execute(
        update(Note)
        .where(Note.id == unlabelled.id)
        .values(sentiment=None, sentiment_source=None, urgency=None, urgency_source=None)
    )
    # (Counted as unlabelled: rows moved by hand as the write that left it so would have.)
    await rollup.rebuild(await session.connection())
    await assert_exact(session, "unlabelled")
    for redo_all in (False, True):
        pending = await classify_backfill.due_batch(
            session, Note, MODEL, redo_all=redo_all, after=None, limit=100
        )
        assert pending, redo_all
        current = {
            note.id: note
            for note in await session.scalars(
                select(Note)
                .where(Note.id.in_([p.id for p in pending]))
                .execution_options(populate_existing=True)
            )
        }
        results = [
            (
                p,
                Classification(
                    sentiment=other(list(Sentiment), current[p.id].sentiment, rng),
                    sentiment_score=0.5,
                    urgency=other(list(Urgency), current[p.id].urgency, rng),
                    model_version=MODEL,
                ),
            )
            for p in pending
        ]
        changed = await classify_backfill.save_batch(session, Note, results, utcnow())
        assert changed, redo_all
        await assert_exact(session, f"backfill redo_all={redo_all}")

    # The deleted note (relabelled by the backfill while deleted) restored under its new labels
    await restore_note(session, sales, second.id)
    await assert_exact(session, "restored")


async def label_rows(engine: AsyncEngine) -> set[tuple[Any, ...]]:
    """The rollup's non-zero rows of the label dimensions."""
    async with engine.connect() as connection:
        rows = await rollup_rows(AsyncSession(bind=connection))
    return {row for row in rows if row[0] in rollup.LABEL_DIMS}


async def test_the_migration_counts_the_labels_already_stored(engine: AsyncEngine) -> None:
    # Given labelled notes (some without a label) and their full rollup
    async with engine.begin() as connection:
        await given_world(AsyncSession(bind=connection), random.Random(7), 300)
    counted = await label_rows(engine)
    assert {row[7] for row in counted} >= {rollup.NO_LABEL, *Sentiment, *Urgency}

    # When the store goes back to the revision before the label rows, then up, down and up
    for _ in range(2):
        await async_downgrade(engine, "0023_report_reach_indexes")
        assert await label_rows(engine) == set()
        await async_upgrade(engine, "head")

        # Then the migration wrote the rows a rebuild writes
        assert await label_rows(engine) == counted
    async with engine.begin() as connection:
        for model in (NoteRollup, NoteTag, Note, CustomerAssignment, Customer, Agent, Partner):
            await connection.execute(delete(model))
        await connection.execute(delete(Branch))


async def stamp(engine: AsyncEngine, revision: str) -> None:
    """Record the store at `revision` without running a migration (what `alembic stamp`
    does): its rows stay as they are."""
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision}
        )


async def duplicate_keys(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    """Rollup keys held by more than one row."""
    columns = [getattr(NoteRollup, column) for column in rollup.KEY_COLUMNS]
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(*columns).group_by(*columns).having(func.count() > 1)
        )
        return [tuple(row) for row in rows]


async def test_the_migration_recounts_label_rows_it_finds_in_place(engine: AsyncEngine) -> None:
    # Given labelled notes and their full rollup, label rows included
    async with engine.begin() as connection:
        await given_world(AsyncSession(bind=connection), random.Random(11), 300)
    counted = await label_rows(engine)
    assert counted

    relabelled = {
        "stamped back": (Sentiment.NEGATIVE, Urgency.CRITICAL),
        "down, up, stamped back": (Sentiment.POSITIVE, Urgency.LOW),
    }
    for step, (sentiment, urgency) in relabelled.items():
        if step.startswith("down"):
            await async_downgrade(engine, "0023_report_reach_indexes")
            await async_upgrade(engine, "head")
        # And a store recorded at 0023 that still holds them (rows a newer gateway wrote, a
        # re-run of the migration), some no longer what the notes say: labels changed without
        # their rows moving, and a row no note accounts for
        await stamp(engine, "0023_report_reach_indexes")
        async with engine.begin() as connection:
            await connection.execute(
                update(Note)
                .where(Note.id.in_(select(Note.id).order_by(Note.id).limit(40)))
                .values(sentiment=sentiment, urgency=urgency)
            )
            await connection.execute(
                insert(NoteRollup).values(
                    dim="urgency",
                    grain="day",
                    period="2020-01-01",
                    branch_id=rollup.EVERY,
                    partner_id=rollup.EVERY,
                    scope=rollup.EVERY,
                    handoff=False,
                    key="stale",
                    count=5,
                )
            )

        # When it is upgraded over them
        await async_upgrade(engine, "head")

        # Then the label rows are the recount's, each key once, the other dimensions untouched
        assert await duplicate_keys(engine) == [], step
        async with engine.connect() as connection:
            session = AsyncSession(bind=connection)
            expected = await recounted(session)
            assert await rollup_rows(session) == expected, step
        assert await label_rows(engine) != counted, step
        counted = await label_rows(engine)
    async with engine.begin() as connection:
        for model in (NoteRollup, NoteTag, Note, CustomerAssignment, Customer, Agent, Partner):
            await connection.execute(delete(model))
        await connection.execute(delete(Branch))
