"""The at-risk sums on both stores: a reader's score is the SQL sum of only the signal rows
its policy admits, over the customers it reaches, keyset-paged and filtered by `minScore`."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.principal import Principal
from policies.view import CustomerReach, PolicyView
from policies.vocabulary import FieldGroup, Scope
from store.models import Branch, Customer, utcnow
from store.risk_scores import at_risk_page, customer_risk, replace_signals
from store.risk_signals import SignalRow, field_gate, scope_gate

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
