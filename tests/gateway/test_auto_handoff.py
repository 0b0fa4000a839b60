"""`auto-handoff`: a new helpdesk ticket for a customer with recent sales notes hands the case to
support once, on each store, with the demo helpdesk served on loopback."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from demo.seed import seed
from demo.upstreams.serve import DemoUpstreams
from gateway.jobs.auto_handoff import RULE, auto_handoff
from gateway.runtime import open_runtime
from policies.vocabulary import Scope
from store.db import session_factory
from store.enums import NoteCategory, NoteType
from store.models import AuditLog, Note, NoteTag, SearchOutbox
from tests.fixtures.upstreams import DEMO_CUSTOMERS, DEMO_SEED, FAST


@dataclass(frozen=True)
class World:
    """The clock of the run and the customers the rule does or does not pick."""

    now: datetime
    ticket_id: str  # the new ticket of `recent`
    recent: str  # a new ticket and sales notes from last week
    recent_sales: tuple[str, ...]  # its sales notes
    recent_support: str  # its support note (never tagged)
    old: str  # a new ticket too, but sales notes from months ago only
    old_sales: str
    quiet: str  # recent sales notes, no ticket in the window
    quiet_sales: str


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _note(customer_id: str, scope: Scope, at: datetime) -> Note:
    sales = scope is Scope.SALES
    return Note(
        customer_id=customer_id,
        author_id="agent-8" if sales else "agent-4",
        subject="Quote for a new kitchen" if sales else "Door hinge replaced",
        body="Discussed the offer.",
        category=NoteCategory.SALES if sales else NoteCategory.SUPPORT,
        type=NoteType.INTERACTION_LOG,
        scope=scope,
        created_at=at,
        updated_at=at,
    )


def _pick(tickets: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two tickets of different customers opened within three days of each other."""
    ordered = sorted(tickets, key=lambda t: _instant(t["created_at"]))
    for earlier, later in itertools.pairwise(ordered):
        close = _instant(later["created_at"]) - _instant(earlier["created_at"]) < timedelta(days=3)
        if close and earlier["requester_id"] != later["requester_id"]:
            return earlier, later
    raise AssertionError("the demo helpdesk has no two tickets close together")


@pytest.fixture(scope="module")
async def world(engine: AsyncEngine, demo_upstreams_sqlite: DemoUpstreams) -> World:
    """The store seeded like the demo upstreams, with the notes the rule looks at."""
    await seed(engine, customers=DEMO_CUSTOMERS, notes=0, seed=DEMO_SEED)
    tickets = demo_upstreams_sqlite.data.tickets
    earlier, later = _pick(tickets)
    now = _instant(later["created_at"]) + timedelta(hours=1)
    recent, old = later["requester_id"], earlier["requester_id"]
    window = now - timedelta(days=7)
    fresh = {t["requester_id"] for t in tickets if window <= _instant(t["created_at"]) <= now}
    ids = (f"cust-{n:05d}" for n in range(1, DEMO_CUSTOMERS + 1))
    quiet = next(each for each in ids if each not in fresh | {recent, old})
    notes = {
        "recent_sales_1": _note(recent, Scope.SALES, now - timedelta(days=3)),
        "recent_sales_2": _note(recent, Scope.SALES, now - timedelta(days=60)),
        "recent_support": _note(recent, Scope.SUPPORT, now - timedelta(days=2)),
        "old_sales": _note(old, Scope.SALES, now - timedelta(days=90)),
        "quiet_sales": _note(quiet, Scope.SALES, now - timedelta(days=1)),
    }
    async with session_factory(engine)() as session, session.begin():
        session.add_all(notes.values())
    return World(
        now=now,
        ticket_id=later["id"],
        recent=recent,
        recent_sales=(notes["recent_sales_1"].id, notes["recent_sales_2"].id),
        recent_support=notes["recent_support"].id,
        old=old,
        old_sales=notes["old_sales"].id,
        quiet=quiet,
        quiet_sales=notes["quiet_sales"].id,
    )


async def _tagged(engine: AsyncEngine) -> set[str]:
    async with session_factory(engine)() as session:
        return set(await session.scalars(select(NoteTag.note_id).where(NoteTag.tag == "handoff")))


async def _count(engine: AsyncEngine, model: type[Any]) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_hands_off_the_matching_customer_once(
    engine: AsyncEngine, database_url: str, demo_upstreams_sqlite: DemoUpstreams, world: World
) -> None:
    # Given the rule's defaults (sales notes within 30 days, a ticket within 7)
    settings = Settings(environment="test", database_url=database_url)
    config = demo_upstreams_sqlite.config.with_resilience(FAST)

    # When the job runs twice
    async with open_runtime(settings, config, load_policy=False) as runtime:
        first = await auto_handoff(runtime, now=world.now)
        audit_rows, outbox_rows = await _count(engine, AuditLog), await _count(engine, SearchOutbox)
        second = await auto_handoff(runtime, now=world.now)

    # Then the first run handed exactly the matching customer's sales notes to support
    assert (first.handed_off, first.notes) == (1, 2)
    assert first.candidates == 2  # `recent` and `quiet`; `old`'s sales note is too old
    assert await _tagged(engine) == set(world.recent_sales)
    # …and the second run found the episode recorded and wrote nothing
    assert (second.handed_off, second.notes) == (0, 0)
    assert await _count(engine, AuditLog) == audit_rows
    assert await _count(engine, SearchOutbox) == outbox_rows

    # And each change is audited by the system principal, the episode naming ticket and rule
    async with session_factory(engine)() as session:
        rows = list(
            await session.scalars(
                select(AuditLog)
                .where(AuditLog.actor == "system:auto-handoff")
                .order_by(AuditLog.id)
            )
        )
        queued = set(await session.scalars(select(SearchOutbox.note_id)))
        versions = dict(
            (row.id, row.version)
            for row in await session.scalars(select(Note).where(Note.customer_id == world.recent))
        )
    handoffs = [row for row in rows if row.action == "customer.handoff"]
    assert len(handoffs) == 1
    assert handoffs[0].customer_id == world.recent
    after = handoffs[0].after or {}
    assert after["ticket"] == world.ticket_id
    assert after["rule"] == RULE
    assert RULE in after["reason"]
    assert after["to"] == "support"
    assert sorted(after["notes"]) == sorted(world.recent_sales)
    assert sorted(str(row.target_id) for row in rows if row.action == "note.handoff") == sorted(
        world.recent_sales
    )
    assert set(world.recent_sales) <= queued
    assert world.old_sales not in queued
    assert versions[world.recent_support] == 1
    assert all(versions[note] == 2 for note in world.recent_sales)


async def test_a_shorter_sales_window_hands_off_nobody_new(
    engine: AsyncEngine, database_url: str, demo_upstreams_sqlite: DemoUpstreams, world: World
) -> None:
    # Given a rule that only counts sales notes from the last day, and a new sales note of
    # `old` from two days ago
    async with session_factory(engine)() as session, session.begin():
        session.add(_note(world.old, Scope.SALES, world.now - timedelta(days=2)))
    settings = Settings(
        environment="test", database_url=database_url, auto_handoff_sales_note_days=1
    )
    config = demo_upstreams_sqlite.config.with_resilience(FAST)

    # When the job runs
    async with open_runtime(settings, config, load_policy=False) as runtime:
        report = await auto_handoff(runtime, now=world.now)

    # Then `old` (only older sales notes) is left alone
    assert report.handed_off == 0
    assert world.old_sales not in await _tagged(engine)
