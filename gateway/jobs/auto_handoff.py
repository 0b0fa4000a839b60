"""The `auto-handoff` job: hand a customer's case from sales to support when the rule says so.

The rule (`recent-sales-notes`, its windows in settings): a customer with a live sales note
written in the last `C360_AUTO_HANDOFF_SALES_NOTE_DAYS` days and a helpdesk ticket opened in the
last `C360_AUTO_HANDOFF_TICKET_DAYS` days. The newest such ticket names the episode; each
episode is handed off once (store/auto_handoff.py), so the job may run as often as wanted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.progress import SILENT, Progress
from core.settings import Settings
from datasources.records import TicketRecord
from gateway.runtime import Runtime
from store.auto_handoff import Episode, customers_with_sales_notes_since, hand_off
from store.models import utcnow

TASK = "handing off customers with new tickets"
RULE = "recent-sales-notes"


@dataclass(frozen=True, slots=True)
class HandoffRule:
    """The rule's two windows."""

    sales_note_days: int
    ticket_days: int

    @classmethod
    def from_settings(cls, settings: Settings) -> HandoffRule:
        """The rule as configured."""
        return cls(settings.auto_handoff_sales_note_days, settings.auto_handoff_ticket_days)

    def reason(self, ticket: TicketRecord) -> str:
        """Why the rule hands this customer off (kept in the audit row)."""
        return (
            f"rule {RULE}: helpdesk ticket {ticket.id} opened within {self.ticket_days} days "
            f"for a customer with sales notes from the last {self.sales_note_days} days"
        )

    def new_ticket(
        self, tickets: list[TicketRecord], customer_id: str, now: datetime
    ) -> TicketRecord | None:
        """The customer's newest ticket opened inside the ticket window, if any."""
        since = now - timedelta(days=self.ticket_days)
        fresh = [
            t for t in tickets if t.customer_id == customer_id and since <= t.created_at <= now
        ]
        return max(fresh, key=lambda t: (t.created_at, t.id), default=None)


@dataclass(frozen=True, slots=True)
class AutoHandoffReport:
    """What a run did."""

    candidates: int  # customers with recent sales notes
    handed_off: int  # episodes handed off by this run
    notes: int  # notes tagged `handoff` by this run

    def __str__(self) -> str:
        return (
            f"auto-handoff: {self.candidates} customers with recent sales notes, "
            f"{self.handed_off} handed off to support, {self.notes} notes tagged"
        )


async def auto_handoff(
    runtime: Runtime,
    *,
    progress: Progress = SILENT,
    now: datetime | None = None,
    batch_size: int = 200,
) -> AutoHandoffReport:
    """Evaluate the rule for every customer with recent sales notes; hand off the matches."""
    rule = HandoffRule.from_settings(runtime.settings)
    now = now or utcnow()
    helpdesk = runtime.require_upstreams().helpdesk
    async with runtime.sessions() as session:
        candidates = await customers_with_sales_notes_since(
            session, now - timedelta(days=rule.sales_note_days)
        )
    handed_off = tagged = 0
    progress.start(TASK, len(candidates))
    for start in range(0, len(candidates), batch_size):
        batch = candidates[start : start + batch_size]
        tickets = await helpdesk.tickets_by_customer_id(batch)
        for customer_id in batch:
            ticket = rule.new_ticket(tickets.get(customer_id, []), customer_id, now)
            if ticket is None:
                continue
            episode = Episode(customer_id, ticket.id, RULE, rule.reason(ticket))
            notes = await hand_off(runtime.sessions, episode, now)
            if notes:
                handed_off += 1
                tagged += len(notes)
        progress.advance(TASK, len(batch))
    progress.finish(TASK)
    return AutoHandoffReport(len(candidates), handed_off, tagged)
