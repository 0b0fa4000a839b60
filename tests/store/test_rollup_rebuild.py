"""The rollup rebuild is set-based: a fixed handful of statements whatever the span of the
notes, and it writes exactly the rollup the note writes keep incrementally; the AGENT report
over wide data (many agents over every branch) from the rollup equals the scan for generated
callers, and a caller reaching everyone is answered from the EVERY rows. SQLite and
PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, event, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from policies.view import CustomerReach
from store import rollup, rollup_reads
from store.enums import Scope
from store.models import Agent, Note, NoteRollup, NoteTag
from store.note_reads import NoteFilter
from store.reports import NoteGroup, ReportWindow, report_groups, scan_groups
from store.visibility import HANDOFF_TAG
from tests.store.test_rollup import (
    SPAN_DAYS,
    START,
    TAGS,
    a_view,
    a_window,
    counts,
    given_world,
    rollup_rows,
)


@contextmanager
def statements_run(connection: AsyncConnection) -> Iterator[list[str]]:
    """The SQL statements the connection runs inside the block."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    sync = connection.sync_connection
    assert sync is not None
    event.listen(sync, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(sync, "before_cursor_execute", record)


async def tags_of(session: AsyncSession, note_id: str) -> list[str]:
    """A note's tags as stored."""
    return list(await session.scalars(select(NoteTag.tag).where(NoteTag.note_id == note_id)))


async def test_the_rebuild_writes_the_rollup_the_writes_keep(session: AsyncSession) -> None:
    # Given 400 generated notes over 150 days counted one by one, as each write counts them,
    # then some retagged, moved to another scope or deleted (each write's own recount)
    rng = random.Random(23)
    await given_world(session, rng, notes=400, recount=False)
    await session.execute(delete(NoteRollup))
    notes = list(await session.scalars(select(Note).order_by(Note.id)))
    for note in notes:
        await rollup.recount(
            session, None, rollup.Counted.of(note, await tags_of(session, note.id))
        )
    for note in rng.sample(notes, 120):
        before = rollup.Counted.of(note, await tags_of(session, note.id))
        action = rng.choice(("tag", "untag", "scope", "delete", "restore"))
        if action == "tag":
            tag = rng.choice((HANDOFF_TAG, "z"))
            if tag not in before.tags:
                session.add(NoteTag(note_id=note.id, tag=tag))
        elif action == "untag":
            await session.execute(delete(NoteTag).where(NoteTag.note_id == note.id))
        elif action == "scope":
            note.scope = rng.choice([s for s in type(note.scope) if s != note.scope])
        elif action == "delete":
            note.deleted_at = note.created_at
        else:
            note.deleted_at = None
        await session.flush()
        after = rollup.Counted.of(note, await tags_of(session, note.id))
        await rollup.recount(session, before, after)
    kept = await rollup_rows(session)
    assert {row[0] for row in kept} == set(rollup.DIMS)
    assert {row[1] for row in kept} == set(rollup.GRAINS)

    # When the rollup is rebuilt from the notes
    connection = await session.connection()
    with statements_run(connection) as seen:
        written = await rollup.rebuild(connection)

    # Then it holds the same rows, written by a few set-based statements (not per month)
    assert await rollup_rows(session) == kept
    assert written >= len(kept)
    inserts = [sql for sql in seen if sql.lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 3, inserts
    assert len(seen) <= 6
    assert set(TAGS) <= {row[7] for row in kept if row[0] == "tag"}


async def given_wide_world(session: AsyncSession, rng: random.Random) -> list[str]:
    """The generated world with its notes' authors spread over 40 agents, rollup rebuilt."""
    customers = await given_world(session, rng, notes=500, recount=False)
    session.add_all(
        Agent(id=f"wide-{i}", name=f"wide-{i}", email=f"w{i}@x.io", role="sales") for i in range(40)
    )
    await session.flush()
    for note in await session.scalars(select(Note)):
        note.author_id = f"wide-{rng.randrange(40)}"
    await session.flush()
    await rollup.rebuild(await session.connection())
    return customers


async def test_the_agent_report_from_the_rollup_equals_the_scan(session: AsyncSession) -> None:
    rng = random.Random(41)
    customers = await given_wide_world(session, rng)
    answered = 0
    for _ in range(120):
        view, window = a_view(rng, customers), a_window(rng)
        note_filter = rng.choice((NoteFilter(), NoteFilter(author_id=f"wide-{rng.randrange(40)}")))
        scan = scan_groups(session, view, NoteGroup.AGENT, note_filter, window.since, window.until)
        report = report_groups(session, view, NoteGroup.AGENT, window, note_filter)
        expected = await counts(session, scan)
        assert await counts(session, report) == expected, (view, window, note_filter)
        answered += rollup_reads.answerable(view, "agent", note_filter) and bool(expected)
    assert answered > 30


async def test_a_caller_reaching_everyone_sums_the_every_rows(session: AsyncSession) -> None:
    # Given the rollup without its branch rows (only the EVERY and partner rows left)
    rng = random.Random(43)
    customers = await given_wide_world(session, rng)
    await session.execute(
        delete(NoteRollup).where(
            NoteRollup.partner_id == rollup.NO_PARTNER, NoteRollup.branch_id != rollup.EVERY
        )
    )
    view = a_view(random.Random(1), customers)
    everyone = replace(view, reach=CustomerReach(everyone=True))
    window = ReportWindow(START, START + timedelta(days=SPAN_DAYS))

    # When a caller reaching everyone reports by agent, type and day
    for group in (NoteGroup.AGENT, NoteGroup.TYPE, NoteGroup.DAY):
        scan = scan_groups(session, everyone, group, NoteFilter(), window.since, window.until)
        report = report_groups(session, everyone, group, window, NoteFilter())

        # Then the answer is the scan's, from the EVERY rows alone
        expected = await counts(session, scan)
        assert expected
        assert await counts(session, report) == expected, group


async def test_a_caller_reading_everything_sums_one_row_per_period_and_key(
    session: AsyncSession,
) -> None:
    # Given the rollup with only its every-scope rows left (scope EVERY)
    rng = random.Random(47)
    customers = await given_wide_world(session, rng)
    await session.execute(delete(NoteRollup).where(NoteRollup.scope != rollup.EVERY))
    view = a_view(random.Random(1), customers)
    everything = replace(view, reach=CustomerReach(everyone=True), readable_scopes=frozenset(Scope))
    midnight = START.replace(hour=0, minute=0)  # whole days: nothing read from the notes
    window = ReportWindow(midnight, midnight + timedelta(days=SPAN_DAYS + 1))

    # When a caller reading every note reports by agent, tag and day, it gets the scan's answer
    for group in (NoteGroup.AGENT, NoteGroup.TAG, NoteGroup.DAY):
        scan = scan_groups(session, everything, group, NoteFilter(), window.since, window.until)
        report = report_groups(session, everything, group, window, NoteFilter())
        expected = await counts(session, scan)
        assert expected
        assert await counts(session, report) == expected, group

    # And a report by scope (which needs the scopes) is not answered from those rows
    by_scope = report_groups(session, everything, NoteGroup.SCOPE, window, NoteFilter())
    assert await counts(session, by_scope) == {}
