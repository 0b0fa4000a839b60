"""The duplicate finder's contract on SQLite and PostgreSQL: the customer's recent live notes
and interactions the caller reads, within the window, at most `max_compared` of the newest,
the most alike first, at most `max_candidates`; and a refused write adds nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.duplicates import DEFAULT_THRESHOLD
from store import interactions, notes
from store.duplicates import (
    DuplicateCheck,
    DuplicateKind,
    DuplicateSuspected,
    find_duplicate_interactions,
    find_duplicate_notes,
    interaction_text,
    interactions_by_ids,
    note_text,
)
from store.enums import InteractionPurpose, InteractionType, Scope
from store.interactions import InteractionDraft
from store.models import AuditLog, Interaction, Note, SearchOutbox
from tests.store.native import ctx_for, draft, given_directory

CHECK = DuplicateCheck(window=timedelta(hours=72), threshold=DEFAULT_THRESHOLD, max_compared=200)
TEXT = note_text(
    "Delivery window", "Customer called about order O-18822, wants delivery after 3pm."
)
COPY = note_text("delivery window", "Customer called re order O-18822 - wants delivery after 3pm")


async def rows(session: AsyncSession) -> list[int]:
    """How many notes, interactions, audit and outbox rows exist."""
    return [
        int(await session.scalar(select(func.count()).select_from(table)) or 0)
        for table in (Note, Interaction, AuditLog, SearchOutbox)
    ]


async def a_note(session: AsyncSession, author: str = "a-sales", **overrides: object) -> Note:
    ctx = await ctx_for(author)
    subject, body = TEXT.split("\n", 1)
    values: dict[str, object] = {"subject": subject, "body": body} | overrides
    note = (await notes.create_note(session, ctx, draft(**values))).note
    assert isinstance(note, Note)  # a write returns the entity it wrote
    return note


async def test_a_near_copy_finds_the_recent_note_and_the_write_adds_nothing(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    first = await a_note(session)
    ctx = await ctx_for("a-sales-2")
    before = await rows(session)

    found = await find_duplicate_notes(session, ctx.view, "c-1", COPY, CHECK, ctx.now)
    subject, body = COPY.split("\n", 1)
    with pytest.raises(DuplicateSuspected) as refused:
        await notes.create_note(
            session, ctx, draft(subject=subject, body=body, duplicate_check=CHECK)
        )

    [candidate] = found
    assert (candidate.id, candidate.author_id, candidate.subject) == (
        first.id,
        "a-sales",
        "Delivery window",
    )
    assert candidate.similarity >= DEFAULT_THRESHOLD
    assert refused.value.kind is DuplicateKind.NOTE
    assert [c.id for c in refused.value.candidates] == [first.id]
    assert await rows(session) == before
    # Without a check (confirmed, or switched off) the same draft is written.
    await notes.create_note(session, ctx, draft(subject=subject, body=body))
    assert (await rows(session))[0] == before[0] + 1


async def test_only_the_window_the_newest_and_the_readable_are_compared(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    old = await a_note(session)
    await session.execute(
        update(Note).where(Note.id == old.id).values(created_at=old.created_at - timedelta(days=4))
    )
    internal = await a_note(session, scope=Scope.INTERNAL)
    newer = [await a_note(session, subject=f"Other topic {n}", body="Unrelated.") for n in range(2)]
    ctx = await ctx_for("a-sales")

    everything = await find_duplicate_notes(session, ctx.view, "c-1", COPY, CHECK, ctx.now)
    bounded = await find_duplicate_notes(
        session,
        ctx.view,
        "c-1",
        COPY,
        DuplicateCheck(CHECK.window, CHECK.threshold, max_compared=len(newer)),
        ctx.now,
    )
    support = await ctx_for("a-support")  # reads internal notes, not sales ones
    branch = await ctx_for("a-branch", branches=("b-1",))

    assert [c.id for c in everything] == [internal.id]  # the 4-day-old note is out of the window
    assert bounded == []  # the two newest are compared, and they are not alike
    assert [
        c.id for c in await find_duplicate_notes(session, support.view, "c-1", COPY, CHECK, ctx.now)
    ] == [internal.id]
    # Another branch's customer is not reached at all.
    assert await find_duplicate_notes(session, branch.view, "c-2", COPY, CHECK, ctx.now) == []


async def test_the_most_alike_come_first_and_the_list_is_bounded(session: AsyncSession) -> None:
    await given_directory(session)
    exact = await a_note(session)
    close = await a_note(
        session, body="Customer called about order O-18822, wants the delivery after 3pm please."
    )
    ctx = await ctx_for("a-sales")

    found = await find_duplicate_notes(session, ctx.view, "c-1", TEXT, CHECK, ctx.now)
    one = await find_duplicate_notes(
        session,
        ctx.view,
        "c-1",
        TEXT,
        DuplicateCheck(CHECK.window, CHECK.threshold, CHECK.max_compared, max_candidates=1),
        ctx.now,
    )

    assert [c.id for c in found] == [exact.id, close.id]
    assert found[0].similarity == 1.0
    assert [c.id for c in one] == [exact.id]


async def test_an_interaction_near_copy_is_found_and_refused(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    call = InteractionDraft(
        customer_id="c-1",
        type=InteractionType.CALL,
        purpose=InteractionPurpose.SALES,
        subject="Quote follow-up",
        detail="Sent quote Q-1182 for fitted kitchen, £12,450 incl. VAT.",
    )
    first = (await interactions.log_interaction(session, ctx, call)).interaction
    before = await rows(session)
    copy = note_text(
        "quote follow-up", "Quote Q-1182 sent for the fitted kitchen (£12,450 incl VAT)"
    )

    found = await find_duplicate_interactions(session, ctx.view, "c-1", copy, CHECK, ctx.now)
    with pytest.raises(DuplicateSuspected) as refused:
        await interactions.log_interaction(
            session,
            await ctx_for("a-sales-2"),
            InteractionDraft(
                customer_id="c-1",
                type=InteractionType.CALL,
                purpose=InteractionPurpose.SALES,
                subject="quote follow-up",
                detail="Quote Q-1182 sent for the fitted kitchen (£12,450 incl VAT)",
                duplicate_check=CHECK,
            ),
        )

    assert [c.id for c in found] == [first.id]
    assert refused.value.kind is DuplicateKind.INTERACTION
    assert await rows(session) == before
    assert await interactions_by_ids(session, ctx.view, [first.id, "nope"]) == [first, None]
    other_amount = interaction_text(
        "Quote follow-up", "Sent quote Q-1183 for fitted kitchen, £14,250.", "call", ctx.now
    )
    assert (
        await find_duplicate_interactions(session, ctx.view, "c-1", other_amount, CHECK, ctx.now)
        == []
    )


async def test_the_same_subject_on_another_day_or_of_another_type_is_another_interaction(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    yesterday = ctx.now - timedelta(days=1)
    for kind, occurred_at in ((InteractionType.CALL, yesterday), (InteractionType.VISIT, ctx.now)):
        await interactions.log_interaction(
            session,
            ctx,
            InteractionDraft(
                customer_id="c-1",
                type=kind,
                purpose=InteractionPurpose.SALES,
                subject="Weekly check-in",
                occurred_at=occurred_at,
            ),
        )

    def today(kind: InteractionType) -> str:
        return interaction_text("Weekly check-in", None, kind, ctx.now)

    assert (
        await find_duplicate_interactions(
            session, ctx.view, "c-1", today(InteractionType.CALL), CHECK, ctx.now
        )
        == []
    )
    [visit] = await find_duplicate_interactions(
        session, ctx.view, "c-1", today(InteractionType.VISIT), CHECK, ctx.now
    )
    assert visit.subject == "Weekly check-in"
