"""The at-risk sums on both stores: a reader's score is the SQL sum of only the signal rows
its policy admits, over the customers it reaches, keyset-paged and filtered by `minScore`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.principal import Principal
from policies.view import CustomerReach, PolicyView
from policies.vocabulary import FieldGroup, Scope
from store.enums import InteractionPurpose, InteractionType, NoteCategory, NoteType
from store.models import Agent, Branch, Customer, Interaction, Note, OrderSummary, utcnow
from store.risk_scores import at_risk_page, customer_risk, replace_signals
from store.risk_signals import ScoringRules, SignalRow, field_gate, scope_gate, store_signals

FULL = PolicyView.unrestricted(Principal(subject="agent-x", roles=("manager",)))
# Every field group but financials: an overdue invoice must not move this reader's score.
NO_FINANCIALS = replace(FULL, field_groups=frozenset(FieldGroup) - {FieldGroup.FINANCIALS})
NO_RESTRICTED = replace(FULL, readable_scopes=frozenset(Scope) - {Scope.RESTRICTED})
BRANCH_B = replace(FULL, reach=CustomerReach(branches=frozenset({"b-b"})))


@pytest.fixture
async def planted(session: AsyncSession) -> AsyncSession:
    session.add_all([Branch(id="b-a", name="A"), Branch(id="b-b", name="B")])
    await session.flush()
    session.add_all(
        [
            Customer(id=f"c-{n}", name=f"Customer {n}", branch_id=branch)
            for n, branch in (("1", "b-a"), ("2", "b-a"), ("3", "b-b"))
        ]
    )
    await session.flush()
    rows = [
        SignalRow("c-1", "overdue_invoices", field_gate(FieldGroup.FINANCIALS), 40, "invoice"),
        SignalRow("c-1", "negative_notes", scope_gate(Scope.RESTRICTED), 20, "restricted"),
        SignalRow("c-1", "negative_notes", scope_gate(Scope.SUPPORT), 10, "support"),
        SignalRow("c-2", "risk_flags", field_gate(FieldGroup.RISK_FLAGS), 30, "flag"),
        SignalRow("c-3", "negative_notes", scope_gate(Scope.RESTRICTED), 30, "restricted"),
    ]
    await replace_signals(session, ["c-1", "c-2", "c-3"], rows, utcnow())
    return session


async def _scores(session: AsyncSession, view: PolicyView, min_score: int = 1) -> dict[str, int]:
    page = await at_risk_page(session, view, min_score=min_score, first=100, after=None)
    assert page.total_count == len(page.items)
    return {item.customer.id: item.score for item in page.items}


async def test_each_reader_sums_only_what_it_may_read(planted: AsyncSession) -> None:
    assert await _scores(planted, FULL) == {"c-1": 70, "c-2": 30, "c-3": 30}
    assert await _scores(planted, NO_FINANCIALS) == {"c-1": 30, "c-2": 30, "c-3": 30}
    assert await _scores(planted, NO_RESTRICTED) == {"c-1": 50, "c-2": 30}
    assert await _scores(planted, BRANCH_B) == {"c-3": 30}
    assert await _scores(planted, NO_FINANCIALS, min_score=31) == {}
    one = await customer_risk(planted, NO_FINANCIALS, "c-1")
    assert one is not None
    assert [reason.detail for reason in one.reasons] == ["restricted", "support"]
    assert await customer_risk(planted, NO_RESTRICTED, "c-3") is None


async def test_pages_follow_score_then_id(planted: AsyncSession) -> None:
    seen: list[tuple[str, int]] = []
    after = None
    while True:
        page = await at_risk_page(planted, FULL, min_score=1, first=1, after=after)
        seen += [(item.customer.id, item.score) for item in page.items]
        assert page.total_count == 3
        if not page.has_next_page:
            break
        after = page.cursors[-1]
    assert seen == [("c-1", 70), ("c-2", 30), ("c-3", 30)]


@pytest.mark.parametrize(
    ("min_score", "after"), [(0, None), (100_001, None), (1, "bm9wZQ"), (1, "WyJ4IiwxLCJ5Il0")]
)
async def test_bad_arguments_are_invalid(
    planted: AsyncSession, min_score: int, after: str | None
) -> None:
    with pytest.raises(Invalid):
        await at_risk_page(planted, FULL, min_score=min_score, first=5, after=after)


async def test_store_signals_name_each_signal_and_never_quote_a_note(
    session: AsyncSession,
) -> None:
    now = utcnow()
    session.add(Branch(id="b-s", name="S"))
    await session.flush()
    session.add(Agent(id="a-s", name="Agent S", email="a-s@example.com", role="support"))
    session.add(Customer(id="c-s", name="Customer S", branch_id="b-s"))
    await session.flush()
    canary = "CANARY-NOTE-TEXT-5d1e"
    # Two negative support notes this window; the window before was positive.
    for n, (days, sentiment, score) in enumerate(
        [(2, "negative", -0.8), (5, "negative", -0.6), (40, "positive", 0.5), (45, "positive", 0.3)]
    ):
        session.add(
            Note(
                id=f"n-s-{n}",
                customer_id="c-s",
                author_id="a-s",
                subject=canary,
                body=canary,
                category=NoteCategory.SUPPORT,
                type=NoteType.INTERACTION_LOG,
                scope=Scope.SUPPORT,
                created_at=now - timedelta(days=days),
                updated_at=now - timedelta(days=days),
                sentiment=sentiment,
                sentiment_score=score,
            )
        )
    session.add(
        Interaction(
            customer_id="c-s",
            logged_by="a-s",
            type=InteractionType.CALL,
            purpose=InteractionPurpose.SERVICE,
            subject=canary,
            mood="angry",
            occurred_at=now - timedelta(days=1),
        )
    )
    session.add(
        OrderSummary(
            customer_id="c-s",
            revenue=[],
            revenue_orders=3,
            last_order_at=now - timedelta(days=95, hours=1),
            usual_interval_days=30,
            computed_at=now,
        )
    )
    await session.flush()
    rows = await store_signals(session, ["c-s"], ScoringRules(), now)
    found = {(row.signal, row.gate): (row.weight, row.detail) for row in rows}
    assert found == {
        ("negative_notes", "scope:support"): (20, "2 negative support notes in 30 days"),
        ("sentiment_falling", "scope:support"): (
            10,
            "support notes' mean sentiment fell from +0.40 to -0.70 (last 30 days against "
            "the 30 before)",
        ),
        ("negative_interactions", "fields:activity"): (
            8,
            "1 negative interaction (sentiment, mood or outcome) in 30 days",
        ),
        ("lapsed_purchase", "fields:lifetime_value"): (
            15,
            "no order for 95 days, usually every 30",
        ),
    }
    assert canary not in str(rows)
