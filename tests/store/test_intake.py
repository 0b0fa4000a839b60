"""The intake dead-letter on SQLite and PostgreSQL: upserts, impact order, redrive marks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from store import intake
from store.intake import Sighting
from store.models import Branch, Customer

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def sighting(reference: str, value: str | None, *, customer: str = "c-plain") -> Sighting:
    """A marketplace failure worth ``value`` (None: unreadable)."""
    return Sighting(
        channel="marketplace",
        reference=reference,
        customer_id=customer,
        reason="missing field 'amount.currencyCode'",
        raw={"orderId": reference, "amount": {"value": value}},
        order_value=Decimal(value) if value is not None else None,
        currency=None,
    )


async def given_customers(session: AsyncSession) -> None:
    session.add(Branch(id="b-1", name="Leeds"))
    await session.flush()
    session.add_all(
        [
            Customer(id="c-vip", name="Vera", branch_id="b-1", vip=True),
            Customer(id="c-plain", name="Paul", branch_id="b-1", vip=False),
        ]
    )
    await session.flush()


async def references(session: AsyncSession, **options: object) -> list[str]:
    page = await intake.list_by_impact(session, first=50, **options)  # type: ignore[arg-type]
    return [entry.failure.reference for entry in page.items]


async def test_recording_twice_bumps_occurrences_and_keeps_one_row(session: AsyncSession) -> None:
    await intake.record(session, [sighting("MP-1", "10.00")], now=NOW)
    later = NOW + timedelta(hours=1)
    newer = replace(sighting("MP-1", "12.50"), reason="state unknown")

    written = await intake.record(session, [newer, newer], now=later)
    session.expire_all()

    page = await intake.list_by_impact(session, first=10)
    assert written == 1
    assert page.total_count == 1
    row = page.items[0].failure
    assert (row.occurrences, row.first_seen_at, row.last_seen_at) == (2, NOW, later)
    assert (row.reason, intake.order_value(row)) == ("state unknown", Decimal("12.50"))
    assert row.raw == {"orderId": "MP-1", "amount": {"value": "12.50"}}


async def test_impact_order_is_value_then_vip_then_age(session: AsyncSession) -> None:
    await given_customers(session)
    await intake.record(session, [sighting("old-50", "50.00")], now=NOW)
    await intake.record(
        session,
        [
            sighting("new-50", "50.00"),
            sighting("vip-50", "50.00", customer="c-vip"),
            sighting("big", "900.00"),
            sighting("unknown", None, customer="c-vip"),
            sighting("stranger", "60.00", customer="not-in-store"),
        ],
        now=NOW + timedelta(days=1),
    )

    page = await intake.list_by_impact(session, first=10)

    assert [e.failure.reference for e in page.items] == [
        "big",
        "stranger",
        "vip-50",
        "old-50",
        "new-50",
        "unknown",
    ]
    assert [e.vip for e in page.items] == [False, False, True, False, False, True]


async def test_cursor_pages_walk_the_impact_order_without_gaps(session: AsyncSession) -> None:
    await given_customers(session)
    for day, (reference, value) in enumerate(
        [("a", "5.00"), ("b", "5.00"), ("c", None), ("d", "7.00"), ("e", "5.00")]
    ):
        customer = "c-vip" if reference == "e" else "c-plain"
        await intake.record(
            session, [sighting(reference, value, customer=customer)], now=NOW + timedelta(day)
        )
    everything = await references(session)

    seen: list[str] = []
    after = None
    while True:
        page = await intake.list_by_impact(session, first=2, after=after)
        seen += [entry.failure.reference for entry in page.items]
        if not page.has_next_page:
            break
        after = page.cursors[-1]

    assert everything == ["d", "e", "a", "b", "c"]
    assert seen == everything


async def test_resolved_failures_leave_the_list_and_reopen_when_seen_again(
    session: AsyncSession,
) -> None:
    await intake.record(session, [sighting("MP-7", "70.00"), sighting("MP-8", "80.00")], now=NOW)
    rows = await intake.get_many(session, await intake.open_ids(session))
    by_reference = {row.reference: row for row in rows.values()}
    intake.mark_resolved(by_reference["MP-7"], by="agent-9", now=NOW)
    intake.mark_still_failing(by_reference["MP-8"], reason="state unknown", error="x", now=NOW)
    await session.flush()

    assert await references(session) == ["MP-8"]
    assert await references(session, include_resolved=True) == ["MP-8", "MP-7"]
    resolved = by_reference["MP-7"]
    assert (resolved.resolved_by, resolved.redrive_attempts, resolved.last_error) == (
        "agent-9",
        1,
        None,
    )
    assert (by_reference["MP-8"].reason, by_reference["MP-8"].redrive_attempts) == (
        "state unknown",
        1,
    )

    await intake.record(session, [sighting("MP-7", "70.00")], now=NOW + timedelta(hours=2))
    session.expire_all()

    assert await references(session) == ["MP-8", "MP-7"], "failing again reopens it"


async def test_channel_filter_and_bad_paging_input(session: AsyncSession) -> None:
    web = Sighting("web", "SO-1", "c-plain", "currency 'EUR' is not accepted", {}, Decimal(1))
    await intake.record(session, [web, sighting("MP-1", "1.00")], now=NOW)

    assert await references(session, channel="web") == ["SO-1"]
    with pytest.raises(Invalid):
        await intake.list_by_impact(session, first=0)
    with pytest.raises(Invalid):
        await intake.list_by_impact(session, first=5, after="not-a-cursor")
    assert await intake.record(session, [], now=NOW) == 0
