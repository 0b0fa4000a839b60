"""The note report rollup answers exactly what the scan of the readable notes answers, for
many generated callers, filters and windows, and stays exact through every note write and a
CRM customer move; on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from intelligence.labels import Sentiment, Urgency
from policies.principal import Principal
from policies.view import CustomerReach, PolicyView
from store import rollup, rollup_reads
from store.customer_refs import CustomerReference, upsert_customers
from store.enums import Importance, NoteCategory, NoteType, Scope
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
)
from store.note_drafts import NotePatch
from store.note_reads import NoteFilter
from store.notes import create_note, delete_note, restore_note, retag_note, update_note
from store.reports import ROLLUP_GROUPS, NoteGroup, ReportWindow, report_groups, scan_groups
from store.visibility import HANDOFF_TAG
from tests.store.native import ctx_for, draft, given_directory

BRANCHES = ("br-1", "br-2", "br-3")
PARTNERS = ("pa-1", "pa-2")
AUTHORS = ("w-1", "w-2", "w-3", "w-4")
TAGS = ("x", "y", HANDOFF_TAG)
START = datetime(2024, 11, 3, 7, 0, tzinfo=UTC)
SPAN_DAYS = 150


async def given_world(
    session: AsyncSession, rng: random.Random, notes: int, *, recount: bool = True
) -> list[str]:
    """Branches, partners, authors, 40 customers and `notes` random notes over 150 days."""
    session.add_all(Branch(id=b, name=b) for b in BRANCHES)
    session.add_all(Agent(id=a, name=a, email=f"{a}@example.com", role="sales") for a in AUTHORS)
    session.add_all(Partner(id=p, name=p) for p in PARTNERS)
    await session.flush()
    customers = [f"cu-{i}" for i in range(40)]
    session.add_all(
        Customer(
            id=c,
            name=c,
            branch_id=rng.choice(BRANCHES),
            partner_id=rng.choice((None, None, *PARTNERS)),
        )
        for c in customers
    )
    await session.flush()
    session.add_all(CustomerAssignment(customer_id=c, agent_id="w-1") for c in customers[:5])
    # Labels from a generator of their own: the other draws stay what they were before labels.
    labels = random.Random(notes)
    for _ in range(notes):
        at = START + timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
        note = Note(
            customer_id=rng.choice(customers),
            author_id=rng.choice(AUTHORS),
            subject="s",
            body="b",
            category=rng.choice(list(NoteCategory)),
            type=rng.choice(list(NoteType)),
            scope=rng.choice(list(Scope)),
            importance=rng.choice(list(Importance)),
            created_at=at,
            updated_at=at,
            deleted_at=at if rng.random() < 0.1 else None,
            sentiment=labels.choice((None, *Sentiment)),
            urgency=labels.choice((None, *Urgency)),
        )
        session.add(note)
        await session.flush()
        session.add_all(NoteTag(note_id=note.id, tag=tag) for tag in TAGS if rng.random() < 0.3)
    await session.flush()
    if recount:
        await rollup.rebuild(await session.connection())
    return customers


def a_view(rng: random.Random, customers: list[str]) -> PolicyView:
    """A random caller: some scopes, maybe handoff scopes, one kind of reach or a mix."""
    scopes = frozenset(s for s in Scope if rng.random() < 0.5)
    if rng.random() < 0.2:
        scopes = frozenset(Scope)
    handoff = frozenset(s for s in Scope if rng.random() < 0.2)
    kind = rng.choice((0, 0, 1, 1, 2, 3, 4, 5))
    reach = {
        0: CustomerReach(everyone=True),
        1: CustomerReach(branches=frozenset(rng.sample(BRANCHES, rng.randint(1, 2)))),
        2: CustomerReach(partner=rng.choice(PARTNERS)),
        3: CustomerReach(branches=frozenset({rng.choice(BRANCHES)}), partner=rng.choice(PARTNERS)),
        4: CustomerReach(assigned_agent="w-1"),
        5: CustomerReach(customer=rng.choice(customers)),
    }[kind]
    return PolicyView(
        principal=Principal(subject="w-9", roles=("sales",)),
        readable_scopes=scopes,
        writable_scopes=frozenset(),
        handoff_readable=handoff,
        field_groups=frozenset(),
        reach=reach,
        capabilities=frozenset(),
    )


def a_filter(rng: random.Random) -> NoteFilter:
    """A random filter: mostly ones the rollup answers, some it sends to the scan."""
    choices: list[dict[str, Any]] = [
        {},
        {},
        {},
        {"scope": rng.choice(list(Scope))},
        {"type": rng.choice(list(NoteType))},
        {"category": rng.choice(list(NoteCategory))},
        {"author_id": rng.choice(AUTHORS)},
        {"importance": rng.choice(list(Importance))},
        {"tags": ("x",)},
        {"sentiments": tuple(rng.sample(list(Sentiment), rng.randint(1, 2)))},
        {"urgencies": (rng.choice(list(Urgency)),)},
    ]
    return NoteFilter(**rng.choice(choices))


def a_window(rng: random.Random) -> ReportWindow:
    """A window inside the notes' span, on midnight or not, from hours to months long."""
    since = START + timedelta(minutes=rng.randrange(-3 * 24 * 60, 60 * 24 * 60))
    if rng.random() < 0.5:
        since = since.replace(hour=0, minute=0)
    length = timedelta(minutes=rng.choice((90, 24 * 60, 9 * 24 * 60, 75 * 24 * 60, 200 * 24 * 60)))
    until = since + length + timedelta(minutes=rng.randrange(2) * rng.randrange(24 * 60))
    return ReportWindow(since, until)


async def counts(session: AsyncSession, statement: Any) -> dict[str | None, int]:
    """A grouped (key, n) statement as {key: n}, groups with no note left out; the group of
    notes without the grouped field (an unlabelled note's label) is key None."""
    return {
        None if key is None else str(key): int(n)
        for key, n in (await session.execute(statement)).all()
        if int(n)
    }


# Every grouping: the rollup's and the scan's answers are compared for each.
ROLLUP_CANDIDATES = list(NoteGroup)


async def test_the_rollup_answers_what_the_scan_answers(session: AsyncSession) -> None:
    rng = random.Random(19)
    customers = await given_world(session, rng, notes=600)
    checked = answered = 0
    by_rollup: Counter[str] = Counter()
    for _ in range(240):
        view, window, note_filter = a_view(rng, customers), a_window(rng), a_filter(rng)
        group = rng.choice(ROLLUP_CANDIDATES)
        scan = scan_groups(session, view, group, note_filter, window.since, window.until)
        report = report_groups(session, view, group, window, note_filter)
        expected = await counts(session, scan)
        assert await counts(session, report) == expected, (view, window, note_filter, group)
        checked += 1
        dim = ROLLUP_GROUPS.get(group, (None, ""))[0]
        if dim is not None and rollup_reads.answerable(view, dim, note_filter) and expected:
            answered += 1
            by_rollup[group] += 1
            # The group of unlabelled notes: the scan's null key, summed from rows keyed ''.
            by_rollup["unlabelled"] += None in expected
    # A good share of the reports (with notes to count) came from the rollup, not the scan,
    # the label groups among them.
    assert answered > checked / 6
    assert by_rollup[NoteGroup.SENTIMENT] >= 3, by_rollup
    assert by_rollup[NoteGroup.URGENCY] >= 3, by_rollup
    assert by_rollup["unlabelled"] >= 3, by_rollup


async def test_windows_off_midnight_count_their_edge_days_exactly(session: AsyncSession) -> None:
    # Given notes over 150 days, and windows whose first and last day are cut anywhere in the
    # day (either side of noon: the edge day scanned, or summed whole less its outside hours)
    rng = random.Random(23)
    customers = await given_world(session, rng, notes=500)
    reaches = (
        CustomerReach(everyone=True),
        CustomerReach(branches=frozenset({"br-1"})),
        CustomerReach(partner="pa-2"),
    )
    summed_less = 0
    for _ in range(60):
        since = START + timedelta(days=rng.randrange(2, 60), minutes=rng.randrange(24 * 60))
        until = since + timedelta(days=rng.randrange(1, 80), minutes=rng.randrange(24 * 60))
        view = replace(a_view(rng, customers), reach=rng.choice(reaches))
        group = rng.choice([g for g in ROLLUP_CANDIDATES if g is not NoteGroup.CUSTOMER])
        summed_less += bool(rollup_reads.cut(since, until, months=True).outside)

        # When the report is answered from the rollup, it is the scan's answer
        assert rollup_reads.answerable(view, ROLLUP_GROUPS[group][0], NoteFilter())
        scan = scan_groups(session, view, group, NoteFilter(), since, until)
        report = report_groups(session, view, group, ReportWindow(since, until), NoteFilter())
        assert await counts(session, report) == await counts(session, scan), (view, since, until)
    assert summed_less > 20


async def rollup_rows(session: AsyncSession) -> set[tuple[Any, ...]]:
    """The rollup's non-zero rows."""
    rows = await session.execute(select(NoteRollup).where(NoteRollup.count != 0))
    return {
        (r.dim, r.grain, r.period, r.branch_id, r.partner_id, r.scope, r.handoff, r.key, r.count)
        for (r,) in rows
    }


async def test_every_note_write_keeps_the_rollup_equal_to_a_recount(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    admin = await ctx_for("a-admin")
    sales = await ctx_for("a-sales")
    first = await create_note(session, sales, draft(tags=["x"]))
    second = await create_note(session, sales, draft(customer_id="c-2", tags=[]))
    note = first.note
    await update_note(session, sales, note.id, note.version, NotePatch(type=NoteType.FOLLOW_UP))
    await retag_note(session, sales, note.id, add=[HANDOFF_TAG, "y"], remove=["x"])
    await update_note(session, admin, note.id, note.version, NotePatch(scope=Scope.INTERNAL))
    await delete_note(session, sales, second.note.id)
    third = await create_note(session, sales, draft(category=NoteCategory.GENERAL))
    await delete_note(session, sales, third.note.id)
    await restore_note(session, sales, third.note.id)
    # The CRM moves c-1 to another branch and gives it a partner.
    await upsert_customers(
        session,
        [
            CustomerReference(
                id="c-1",
                name="Ann",
                email=None,
                phone=None,
                branch_id="b-2",
                partner_id="p-new",
                owner_agent_id=None,
                vip=False,
                created_at=datetime(2020, 1, 1, tzinfo=UTC),
                referred_by_id=None,
            )
        ],
    )
    kept = await rollup_rows(session)
    assert any(row[3:5] == ("b-2", "") for row in kept)
    assert any(row[3:5] == ("", "p-new") for row in kept)
    assert not any(row[3] == "b-1" for row in kept)
    await rollup.rebuild(await session.connection())
    assert await rollup_rows(session) == kept


def test_a_window_is_cut_into_months_days_and_partial_days() -> None:
    since = datetime(2025, 1, 30, 6, tzinfo=UTC)
    until = datetime(2025, 5, 2, 11, tzinfo=UTC)
    span = rollup_reads.cut(since, until, months=True)
    assert span.months == ("2025-02", "2025-05")
    # The first day is mostly inside: counted whole, less its first six hours; the last day
    # mostly outside: its eleven hours scanned.
    assert span.days == [("2025-01-30", "2025-02-01"), ("2025-05-01", "2025-05-02")]
    assert span.outside == [(datetime(2025, 1, 30, tzinfo=UTC), since)]
    assert span.partial == [(datetime(2025, 5, 2, tzinfo=UTC), until)]
    inside_a_day = rollup_reads.cut(since, since + timedelta(hours=3), months=True)
    assert inside_a_day.partial == [(since, since + timedelta(hours=3))]
    assert inside_a_day.days == []
    assert inside_a_day.months is None
    by_day = rollup_reads.cut(since, until, months=False)
    assert by_day.months is None
    assert by_day.days == [("2025-01-30", "2025-05-02")]


def test_an_edge_day_is_scanned_for_at_most_half_a_day() -> None:
    # A window from 20:00 to 17:00: the first day's four hours are scanned; the last day is
    # summed whole less its last seven hours, and it completes the month of May.
    since = datetime(2025, 3, 30, 20, tzinfo=UTC)
    until = datetime(2025, 5, 31, 17, tzinfo=UTC)
    span = rollup_reads.cut(since, until, months=True)
    assert span.partial == [(since, datetime(2025, 3, 31, tzinfo=UTC))]
    assert span.outside == [(until, datetime(2025, 6, 1, tzinfo=UTC))]
    assert span.months == ("2025-04", "2025-06")
    assert span.days == [("2025-03-31", "2025-04-01")]
    read = [end - start for start, end in (*span.partial, *span.outside)]
    assert max(read) <= timedelta(hours=12)


async def test_the_migration_counts_the_notes_already_stored(engine: AsyncEngine) -> None:
    # Given notes stored before the rollup existed (written through today's models, then the
    # store taken back to the revision before the rollup: the notes stay, the rollup goes)
    async with engine.begin() as connection:
        await given_world(AsyncSession(bind=connection), random.Random(5), 300, recount=False)
    await async_downgrade(engine, "0015_directory_search")

    # When the store is migrated, its rollup holds what a recount gives
    await async_upgrade(engine, "head")
    async with engine.begin() as connection:
        session = AsyncSession(bind=connection)
        migrated = await rollup_rows(session)
        assert migrated
        await rollup.rebuild(connection)
        assert await rollup_rows(session) == migrated
        for model in (NoteRollup, NoteTag, Note, CustomerAssignment, Customer, Agent, Partner):
            await connection.execute(delete(model))
        await connection.execute(delete(Branch))
