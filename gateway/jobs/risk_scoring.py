"""The `score-risk` job: every customer's at-risk signals, then the outreach trigger.

Store-held signals (negative notes per scope, negative interactions, open risk flags, a lapsed
purchase interval from the order summaries) and upstream ones (overdue invoices from billing,
open high-priority tickets from the helpdesk) are written per customer into `risk_signals`,
each gated by the policy object it derives from; requests sum only what their caller may read.
A customer whose upstream source failed keeps that source's previous signal (a missing signal
would lower the score for a reason that has nothing to do with the customer). Then the
outreach trigger opens and closes episodes from the system-wide scores.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import UpstreamError
from core.progress import SILENT, Progress
from core.settings import Settings
from datasources.records import InvoiceRecord, TicketRecord
from datasources.registry import Upstreams
from gateway.runtime import Runtime
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.risk_upstream import invoice_signal, ticket_signal
from store.models import Customer, RiskSignal, utcnow
from store.outreach import OutreachOptions, OutreachReport, update_episodes
from store.risk_scores import replace_signals
from store.risk_signals import ScoringRules, SignalRow, store_signals
from store.write_context import transaction

TASK = "scoring customers"
BATCH_SIZE = 100


def scoring_rules(settings: Settings) -> ScoringRules:
    """The weights, caps and window of the settings."""
    return ScoringRules(
        window_days=settings.risk_window_days,
        negative_note=settings.risk_weight_negative_note,
        negative_notes_cap=settings.risk_cap_negative_notes,
        sentiment_falling=settings.risk_weight_sentiment_falling,
        sentiment_drop=settings.risk_sentiment_drop,
        negative_interaction=settings.risk_weight_negative_interaction,
        negative_interactions_cap=settings.risk_cap_negative_interactions,
        negative_moods=tuple(settings.risk_negative_moods),
        negative_outcomes=tuple(settings.risk_negative_outcomes),
        risk_flag=settings.risk_weight_risk_flag,
        risk_flags_cap=settings.risk_cap_risk_flags,
        overdue_invoice=settings.risk_weight_overdue_invoice,
        overdue_invoices_cap=settings.risk_cap_overdue_invoices,
        open_ticket=settings.risk_weight_open_ticket,
        open_tickets_cap=settings.risk_cap_open_tickets,
        lapsed_purchase=settings.risk_weight_lapsed_purchase,
        lapsed_factor=settings.risk_lapsed_factor,
    )


def outreach_options(settings: Settings) -> OutreachOptions:
    """The outreach threshold, hysteresis and webhook switch of the settings."""
    return OutreachOptions(
        threshold=settings.outreach_threshold,
        hysteresis=settings.outreach_hysteresis,
        due_days=settings.outreach_follow_up_due_days,
        webhook=settings.outreach_webhook_url is not None,
    )


class RiskSources(Protocol):
    """The upstream reads the job needs (the runtime's billing and helpdesk by default)."""

    async def invoices_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[InvoiceRecord]]:
        """Each customer's invoices."""
        ...

    async def tickets_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[TicketRecord]]:
        """Each customer's helpdesk tickets."""
        ...


@dataclass(frozen=True, slots=True)
class _UpstreamSources:
    upstreams: Upstreams

    async def invoices_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[InvoiceRecord]]:
        return await self.upstreams.billing.invoices_by_customer_id(ids)

    async def tickets_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[TicketRecord]]:
        return await self.upstreams.helpdesk.tickets_by_customer_id(ids)


@dataclass(frozen=True, slots=True)
class ScoringReport:
    """What one run did."""

    customers: int
    scored: int  # customers with at least one signal
    kept: int  # customers whose upstream signal was kept from the previous run
    outreach: OutreachReport

    def __str__(self) -> str:
        kept = f"; {self.kept} kept a previous upstream signal" if self.kept else ""
        return (
            f"scored {self.customers} customers, {self.scored} with a risk signal{kept}; "
            f"{self.outreach}"
        )


async def score_risk(
    runtime: Runtime,
    *,
    progress: Progress = SILENT,
    batch_size: int = BATCH_SIZE,
    compile_view: Callable[[Principal], PolicyView] | None = None,
    sources: RiskSources | None = None,
) -> ScoringReport:
    """Recompute every customer's signals, then open and close outreach episodes.

    Without `sources` the runtime's upstreams are read (none connected: no upstream signal,
    and the previous ones are kept)."""
    settings = runtime.settings
    rules = scoring_rules(settings)
    if sources is None and runtime.upstreams is not None:
        sources = _UpstreamSources(runtime.upstreams)
    async with runtime.sessions() as session:
        total = int(await session.scalar(select(func.count(Customer.id))) or 0)
    progress.start(TASK, total)
    customers = scored = kept = 0
    after: str | None = None
    while True:
        async with runtime.sessions() as session:
            statement = select(Customer.id).order_by(Customer.id).limit(batch_size)
            if after is not None:
                statement = statement.where(Customer.id > after)
            batch = list(await session.scalars(statement))
        if not batch:
            break
        now = utcnow()
        async with runtime.sessions() as session:
            rows = await store_signals(session, batch, rules, now)
        failed: list[str] = []
        if sources is None:
            failed = ["overdue_invoices", "open_tickets"]
        else:
            try:
                invoices = await sources.invoices_by_customer_id(batch)
                rows += [
                    row
                    for cid in batch
                    if (row := invoice_signal(cid, invoices.get(cid, []), rules, now))
                ]
            except UpstreamError:
                failed.append("overdue_invoices")
            try:
                tickets = await sources.tickets_by_customer_id(batch)
                rows += [
                    row for cid in batch if (row := ticket_signal(cid, tickets.get(cid, []), rules))
                ]
            except UpstreamError:
                failed.append("open_tickets")
        async with transaction(runtime.sessions) as session:
            carried = await _previous(session, batch, failed)
            kept += len({row.customer_id for row in carried})
            await replace_signals(session, batch, [*rows, *carried], now)
        customers += len(batch)
        scored += len({row.customer_id for row in [*rows, *carried] if row.weight > 0})
        after = batch[-1]
        progress.advance(TASK, len(batch))
    progress.finish(TASK)
    async with transaction(runtime.sessions) as session:
        outreach = await update_episodes(
            session, outreach_options(settings), compile_view=compile_view, now=utcnow()
        )
    return ScoringReport(customers, scored, kept, outreach)


async def _previous(
    session: AsyncSession, batch: Sequence[str], signals: list[str]
) -> list[SignalRow]:
    if not signals:
        return []
    rows = await session.scalars(
        select(RiskSignal).where(RiskSignal.customer_id.in_(batch), RiskSignal.signal.in_(signals))
    )
    return [SignalRow(r.customer_id, r.signal, r.gate, r.weight, r.detail) for r in rows]
