"""A planted at-risk customer for the at-risk and outreach tests: negative support and
restricted notes (with canary text), an open risk flag, an owner agent, and billing that
reports an overdue invoice. Everything else the seed made is made neutral first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import delete, insert, update

from core.settings import Settings
from datasources.records import InvoiceRecord, TicketRecord
from gateway.jobs.risk_scoring import score_risk
from gateway.runtime import open_runtime
from intelligence.labels import Sentiment
from store.enums import NoteCategory, NoteType, RiskFlagKind, Scope
from store.models import Customer, Interaction, Note, RiskFlag, utcnow
from tests.schema.native_gateway import MANAGER, SUPPORT, store_engine

CUSTOMER = "cust-00005"
CANARY_SUPPORT = "CANARY-SUPPORT-7f3a"
CANARY_RESTRICTED = "CANARY-RESTRICTED-91bc"


class Billing:
    """Invoices and tickets as billing and the helpdesk would report them."""

    def __init__(self, overdue_days: int | None) -> None:
        self.overdue_days = overdue_days

    async def invoices_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[InvoiceRecord]]:
        if self.overdue_days is None or CUSTOMER not in ids:
            return {}
        now = utcnow()
        invoice = InvoiceRecord(
            number="INV-RISK-1",
            customer_id=CUSTOMER,
            issued_at=now - timedelta(days=self.overdue_days + 30),
            due_at=now - timedelta(days=self.overdue_days, hours=1),
            total=Decimal("120.00"),
            currency="EUR",
            status="open",
        )
        return {CUSTOMER: [invoice]}

    async def tickets_by_customer_id(
        self, ids: Sequence[str]
    ) -> Mapping[str, Sequence[TicketRecord]]:
        return {}


async def plant(settings: Settings) -> None:
    """Make the seed's records neutral and plant the at-risk customer."""
    engine = store_engine(settings)
    try:
        async with engine.begin() as connection:
            # Only the planted signals count: the seed's notes, interactions and flags do not.
            await connection.execute(update(Note).values(sentiment=None))
            await connection.execute(
                update(Interaction).values(sentiment=None, mood=None, outcome=None)
            )
            await connection.execute(delete(RiskFlag))
            await connection.execute(
                update(Customer).where(Customer.id == CUSTOMER).values(owner_agent_id=SUPPORT)
            )
            now = utcnow()
            for index, (scope, canary, count) in enumerate(
                [(Scope.SUPPORT, CANARY_SUPPORT, 3), (Scope.RESTRICTED, CANARY_RESTRICTED, 2)]
            ):
                for n in range(count):
                    await connection.execute(
                        insert(Note).values(
                            id=f"risk-note-{index}-{n}",
                            customer_id=CUSTOMER,
                            author_id=MANAGER,
                            subject=f"{canary} subject",
                            body=f"{canary} the customer is furious",
                            category=NoteCategory.SUPPORT,
                            type=NoteType.INTERACTION_LOG,
                            scope=scope,
                            importance="normal",
                            created_at=now - timedelta(days=2),
                            updated_at=now - timedelta(days=2),
                            version=1,
                            sentiment=Sentiment.NEGATIVE,
                            sentiment_score=-0.8,
                        )
                    )
            await connection.execute(
                insert(RiskFlag).values(
                    id="risk-flag-1",
                    customer_id=CUSTOMER,
                    kind=RiskFlagKind.OVERDUE_PAYMENT,
                    reason=f"{CANARY_RESTRICTED} flag reason",
                    raised_by=MANAGER,
                    raised_at=now,
                )
            )
    finally:
        await engine.dispose()


async def score(settings: Settings, *, overdue_days: int | None) -> None:
    async with open_runtime(settings) as runtime:
        await score_risk(
            runtime,
            compile_view=runtime.require_policy().compile,
            sources=Billing(overdue_days),
        )
