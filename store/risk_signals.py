"""The at-risk signals the store itself holds: negative notes (per scope), negative
interactions, open risk flags and a lapsed purchase interval (from the order summaries).

Each signal becomes a `SignalRow` gated by the policy object it derives from, so a reader's
score only ever sums what that reader may read: a note's sentiment counts under its scope
(`scope:<scope>`), interactions under `fields:activity`, risk flags under `fields:risk_flags`,
the order history under `fields:lifetime_value`. A detail names the signal and its size, never
the text of a note or an interaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.labels import Sentiment
from policies.vocabulary import FieldGroup, Scope
from store.models import Interaction, Note, OrderSummary, RiskFlag


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """Weights (whole points), caps and the window of one scoring run."""

    window_days: int = 30
    negative_note: int = 10
    negative_notes_cap: int = 40
    # Points when a scope's notes grew more negative: the mean sentiment score of the window
    # fell by at least `sentiment_drop` against the window before it.
    sentiment_falling: int = 10
    sentiment_drop: float = 0.3
    negative_interaction: int = 8
    negative_interactions_cap: int = 32
    negative_moods: tuple[str, ...] = ("frustrated", "angry")
    negative_outcomes: tuple[str, ...] = ("not_interested",)
    risk_flag: int = 20
    risk_flags_cap: int = 40
    overdue_invoice: int = 25
    overdue_invoices_cap: int = 40
    open_ticket: int = 10
    open_tickets_cap: int = 30
    lapsed_purchase: int = 15
    lapsed_factor: float = 1.5


@dataclass(frozen=True, slots=True)
class SignalRow:
    """One component of a customer's score."""

    customer_id: str
    signal: str
    gate: str
    weight: int
    detail: str


def scope_gate(scope: Scope | str) -> str:
    """The policy object a reader of notes of this scope holds."""
    return f"scope:{Scope(scope).value}"


def field_gate(group: FieldGroup) -> str:
    """The policy object a reader of this field group holds."""
    return f"fields:{group.value}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def capped(count: int, each: int, cap: int) -> int:
    """Points for `count` occurrences of a signal worth `each`, at most `cap`."""
    return min(count * each, cap)


async def store_signals(
    session: AsyncSession,
    customer_ids: Sequence[str],
    rules: ScoringRules,
    now: datetime,
) -> list[SignalRow]:
    """Every store-held signal of these customers (customers without one have no row)."""
    ids = sorted(set(customer_ids))
    if not ids:
        return []
    since = now - timedelta(days=rules.window_days)
    rows: list[SignalRow] = []
    notes = await session.execute(
        select(Note.customer_id, Note.scope, func.count())
        .where(
            Note.customer_id.in_(ids),
            Note.deleted_at.is_(None),
            Note.sentiment == Sentiment.NEGATIVE,
            Note.created_at >= since,
        )
        .group_by(Note.customer_id, Note.scope)
    )
    for customer_id, scope, count in notes:
        weight = capped(count, rules.negative_note, rules.negative_notes_cap)
        label = f"negative {Scope(scope).value} note"
        detail = f"{_plural(count, label)} in {rules.window_days} days"
        rows.append(SignalRow(customer_id, "negative_notes", scope_gate(scope), weight, detail))
    rows += await _sentiment_trends(session, ids, rules, now)
    negative = or_(
        Interaction.sentiment == Sentiment.NEGATIVE,
        Interaction.mood.in_(rules.negative_moods),
        Interaction.outcome.in_(rules.negative_outcomes),
    )
    interactions = await session.execute(
        select(Interaction.customer_id, func.count())
        .where(Interaction.customer_id.in_(ids), Interaction.occurred_at >= since, negative)
        .group_by(Interaction.customer_id)
    )
    for customer_id, count in interactions:
        weight = capped(count, rules.negative_interaction, rules.negative_interactions_cap)
        detail = (
            f"{_plural(count, 'negative interaction')} (sentiment, mood or outcome) "
            f"in {rules.window_days} days"
        )
        rows.append(
            SignalRow(
                customer_id,
                "negative_interactions",
                field_gate(FieldGroup.ACTIVITY),
                weight,
                detail,
            )
        )
    flags = await session.execute(
        select(RiskFlag.customer_id, func.count())
        .where(RiskFlag.customer_id.in_(ids), RiskFlag.cleared_at.is_(None))
        .group_by(RiskFlag.customer_id)
    )
    for customer_id, count in flags:
        weight = capped(count, rules.risk_flag, rules.risk_flags_cap)
        rows.append(
            SignalRow(
                customer_id,
                "risk_flags",
                field_gate(FieldGroup.RISK_FLAGS),
                weight,
                f"{_plural(count, 'open risk flag')}",
            )
        )
    summaries = await session.scalars(select(OrderSummary).where(OrderSummary.customer_id.in_(ids)))
    for summary in summaries:
        lapsed = lapsed_purchase(summary.last_order_at, summary.usual_interval_days, now, rules)
        if lapsed is not None:
            rows.append(SignalRow(summary.customer_id, *lapsed))
    return rows


async def _sentiment_trends(
    session: AsyncSession, ids: list[str], rules: ScoringRules, now: datetime
) -> list[SignalRow]:
    """Per customer and scope: the window's mean note sentiment against the window before."""
    window = timedelta(days=rules.window_days)
    recent = Note.created_at >= now - window
    means = await session.execute(
        select(
            Note.customer_id,
            Note.scope,
            func.avg(case((recent, Note.sentiment_score))),
            func.avg(case((~recent, Note.sentiment_score))),
        )
        .where(
            Note.customer_id.in_(ids),
            Note.deleted_at.is_(None),
            Note.sentiment_score.is_not(None),
            Note.created_at >= now - 2 * window,
        )
        .group_by(Note.customer_id, Note.scope)
    )
    rows: list[SignalRow] = []
    for customer_id, scope, current, before in means:
        if current is None or before is None:
            continue
        if float(before) - float(current) < rules.sentiment_drop:
            continue
        detail = (
            f"{Scope(scope).value} notes' mean sentiment fell from {float(before):+.2f} "
            f"to {float(current):+.2f} (last {rules.window_days} days against the "
            f"{rules.window_days} before)"
        )
        rows.append(
            SignalRow(
                customer_id, "sentiment_falling", scope_gate(scope), rules.sentiment_falling, detail
            )
        )
    return rows


def lapsed_purchase(
    last_order_at: datetime | None, usual_days: int | None, now: datetime, rules: ScoringRules
) -> tuple[str, str, int, str] | None:
    """(signal, gate, weight, detail) when the last order is long past the usual interval."""
    if last_order_at is None or usual_days is None:
        return None
    since = (now - last_order_at).days
    if since <= max(1, usual_days) * rules.lapsed_factor:
        return None
    detail = f"no order for {since} days, usually every {usual_days}"
    return ("lapsed_purchase", field_gate(FieldGroup.LIFETIME_VALUE), rules.lapsed_purchase, detail)
