"""At-risk signals from the upstream records the `score-risk` job reads: unpaid invoices past
their due date (gated by `fields:financials`) and open high or urgent helpdesk tickets (gated
by `fields:activity`, the group that shows tickets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from datasources.records import InvoiceRecord, TicketRecord
from policies.vocabulary import FieldGroup
from store.risk_signals import ScoringRules, SignalRow, capped, field_gate

PAID = "paid"
CLOSED_TICKETS = frozenset({"solved", "closed"})
HIGH_PRIORITIES = frozenset({"high", "urgent"})


def invoice_signal(
    customer_id: str, invoices: Sequence[InvoiceRecord], rules: ScoringRules, now: datetime
) -> SignalRow | None:
    """Unpaid invoices whose due date has passed, sized by the oldest."""
    overdue = [
        invoice.due_at
        for invoice in invoices
        if invoice.status.strip().lower() != PAID
        and invoice.due_at is not None
        and invoice.due_at < now
    ]
    if not overdue:
        return None
    days = (now - min(overdue)).days
    count = len(overdue)
    what = "invoice overdue" if count == 1 else f"{count} invoices overdue, the oldest"
    weight = capped(count, rules.overdue_invoice, rules.overdue_invoices_cap)
    return SignalRow(
        customer_id,
        "overdue_invoices",
        field_gate(FieldGroup.FINANCIALS),
        weight,
        f"{what} {days} days",
    )


def ticket_signal(
    customer_id: str, tickets: Sequence[TicketRecord], rules: ScoringRules
) -> SignalRow | None:
    """Open helpdesk tickets of high or urgent priority."""
    count = sum(
        1
        for ticket in tickets
        if ticket.status.strip().lower() not in CLOSED_TICKETS
        and ticket.priority.strip().lower() in HIGH_PRIORITIES
    )
    if not count:
        return None
    noun = "open high-priority ticket" if count == 1 else "open high-priority tickets"
    return SignalRow(
        customer_id,
        "open_tickets",
        field_gate(FieldGroup.ACTIVITY),
        capped(count, rules.open_ticket, rules.open_tickets_cap),
        f"{count} {noun}",
    )
