"""The Customer360 fields stitched from upstream systems, plus the figures derived from them.

Customer360 inherits these fields; each resolves through the request's upstream loaders, so a
list of customers costs one call per source, and a failed source nulls only its own field.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Self

import strawberry

from datasources.records import CustomerRecord
from policies.vocabulary import FieldGroup
from resolvers import source_paging, upstream
from resolvers.context import Info
from resolvers.insights import Money as MoneyRecord
from resolvers.insights import RepurchaseSignal as RepurchaseRecord
from resolvers.insights import lifetime_value, repurchase_signal
from resolvers.order_pages import resolve_order_page
from resolvers.paging import by_key_page
from resolvers.timeline import TimelineEntry as TimelineRecord
from resolvers.timeline import resolve_timeline_page
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.closed_sets import TimelineEntryKind, or_other
from schema.commerce import Balance
from schema.connections import Connection
from schema.node import Node, NodeID, compose_key, raw_key
from schema.source_connections import (
    CappedConnection,
    InvoiceConnection,
    OrderConnection,
    PaymentConnection,
    TicketConnection,
)
from schema.upstream_field import upstream_field


@strawberry.type(description="The CRM's record of the customer.")
class CustomerProfile:
    name: str
    email: str | None
    phone: str | None
    branch_id: str | None
    partner_id: str | None
    owner_agent_id: str | None = strawberry.field(deprecation_reason=deprecated_id("ownerAgent"))
    vip: bool
    created_at: datetime
    last_activity_at: datetime | None

    @strawberry.field(description=agent_field("The agent the CRM names as the owner."))
    async def owner_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.owner_agent_id)

    @classmethod
    def from_record(cls, row: CustomerRecord) -> Self:
        """Build from the CRM record."""
        return cls(
            name=row.name,
            email=row.email,
            phone=row.phone,
            branch_id=row.branch_id,
            partner_id=row.partner_id,
            owner_agent_id=row.owner_agent_id,
            vip=row.vip,
            created_at=row.created_at,
            last_activity_at=row.last_activity_at,
        )


@strawberry.type
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def from_record(cls, row: MoneyRecord) -> Self:
        """Build from a derived amount."""
        return cls(amount=row.amount, currency=row.currency)


@strawberry.type(description="Days since the last order against the usual interval.")
class RepurchaseSignal:
    days_since_last_order: int | None
    usual_interval_days: int | None
    overdue: bool = strawberry.field(description="More than 1.5 times the usual interval.")

    @classmethod
    def from_record(cls, row: RepurchaseRecord) -> Self:
        """Build from a derived signal."""
        return cls(
            days_since_last_order=row.days_since_last_order,
            usual_interval_days=row.usual_interval_days,
            overdue=row.overdue,
        )


@strawberry.type(description="One event of the customer's history.")
class TimelineEntry(Node):
    id: NodeID[str]  # composite: the customer id, the kind and the reference
    at: datetime
    kind: TimelineEntryKind
    title: str
    reference: str
    source: str

    @classmethod
    def from_record(cls, row: TimelineRecord) -> Self:
        """Build from a merged timeline entry."""
        return cls(
            id=compose_key(row.customer_id, row.kind, row.reference),
            at=row.at,
            kind=or_other(TimelineEntryKind, row.kind),
            title=row.title,
            reference=row.reference,
            source=row.source,
        )


@strawberry.type(
    name="TimelineEntryConnection",
    description="A page of the timeline; totalCount sums the sources' totals (a lower bound, "
    "with totalCountCapped, when a source counted only up to its cap).",
)
class TimelineEntryConnection(CappedConnection[TimelineEntry]):
    convert = staticmethod(TimelineEntry.from_record)


@strawberry.type(description="Another customer, named; only ever one the caller reaches.")
class CustomerRef(Node):
    id: NodeID[str]
    customer_id: strawberry.ID = raw_key("customer")
    name: str


PROFILE_DEPRECATION = (
    "Use the Customer360 fields (name, email, phone, branchId, partnerId, vip, createdAt, "
    "ownerAgent, lastActivityAt). Removed in v2."
)


@strawberry.type
class CustomerUpstreamFields:
    id: strawberry.Private[str]

    @upstream_field(
        "The live CRM record.",
        reads=("customer_by_id",),
        source="the CRM",
        deprecation_reason=PROFILE_DEPRECATION,
    )
    async def profile(self, info: Info) -> CustomerProfile | None:
        row = await upstream.resolve_profile(info, str(self.id))
        return CustomerProfile.from_record(row) if row else None

    @upstream_field(
        "Orders and quotes from every channel, newest first. A failed channel or an "
        "unreadable payload adds an error naming it; the other orders still resolve.",
        reads=("order_pages",),
        group=FieldGroup.ACTIVITY,
    )
    async def orders(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> OrderConnection | None:
        # Each channel reads this page's orders only; see resolvers/order_pages.py.
        page = await resolve_order_page(info, str(self.id), first=first, after=after)
        return OrderConnection.from_page(page)

    @upstream_field(
        "Service cases, newest first.",
        reads=("ticket_page_by_query",),
        group=FieldGroup.ACTIVITY,
        source="the helpdesk",
    )
    async def tickets(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> TicketConnection | None:
        loader = source_paging.loaders(info).ticket_page_by_query
        page = await source_paging.source_page(
            loader, "tickets", str(self.id), first=first, after=after, instant=True
        )
        return TicketConnection.from_page(page)

    @upstream_field(
        "Invoices, newest first.",
        reads=("invoice_page_by_query",),
        group=FieldGroup.FINANCIALS,
        source="billing",
    )
    async def invoices(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> InvoiceConnection | None:
        loader = source_paging.loaders(info).invoice_page_by_query
        page = await source_paging.source_page(
            loader, "invoices", str(self.id), first=first, after=after
        )
        return InvoiceConnection.from_page(page)

    @upstream_field(
        "Payment ledger, newest first.",
        reads=("payment_page_by_query",),
        group=FieldGroup.FINANCIALS,
        source="billing",
    )
    async def payments(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> PaymentConnection | None:
        loader = source_paging.loaders(info).payment_page_by_query
        page = await source_paging.source_page(
            loader, "payments", str(self.id), first=first, after=after
        )
        return PaymentConnection.from_page(page)

    @upstream_field(
        "Account balance.",
        reads=("balance_by_customer_id",),
        group=FieldGroup.FINANCIALS,
        source="billing",
    )
    async def balance(self, info: Info) -> Balance | None:
        row = await upstream.resolve_balance(info, str(self.id))
        return Balance.from_record(row) if row else None

    @upstream_field(
        "Revenue per currency (quotes and cancelled orders excluded), as of `orderFiguresAsOf`.",
        reads=("order_figures_by_customer_id",),
        group=FieldGroup.LIFETIME_VALUE,
    )
    async def lifetime_value(self, info: Info) -> list[Money] | None:
        figures = await upstream.resolve_order_figures(info, str(self.id))
        return [Money.from_record(row) for row in lifetime_value(figures)]

    @upstream_field(
        "Is the customer due to buy again? (Orders as of `orderFiguresAsOf`.)",
        reads=("order_figures_by_customer_id",),
        group=FieldGroup.LIFETIME_VALUE,
    )
    async def repurchase_signal(self, info: Info) -> RepurchaseSignal | None:
        figures = await upstream.resolve_order_figures(info, str(self.id))
        return RepurchaseSignal.from_record(repurchase_signal(figures, upstream.now()))

    @upstream_field(
        "When `lifetimeValue`, `repurchaseSignal` and the DORMANT badge were computed: the "
        "time of the customer's order summary (kept by the `summarise-orders` job), or null "
        "when they were computed live from every order for this request.",
        reads=("order_figures_by_customer_id",),
        group=FieldGroup.LIFETIME_VALUE,
    )
    async def order_figures_as_of(self, info: Info) -> datetime | None:
        figures = await upstream.resolve_order_figures(info, str(self.id))
        return figures.as_of

    @upstream_field(
        "Orders, deliveries, installations, tickets, notes and interactions, newest "
        "first. Sources that fail are reported; the rest still show. Each source reads one "
        "page after its own position (the cursor carries every source's); `totalCount` is "
        "the sum of what the sources report. Deliveries and installations are read a page "
        "at a time too, newest first by their own time (done, else scheduled).",
        reads=("order_pages", "fulfilment_pages", "ticket_page_by_query"),
        group=FieldGroup.ACTIVITY,
    )
    async def timeline(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> TimelineEntryConnection | None:
        # Every source reads this page's entries only; see resolvers/timeline.py.
        page = await resolve_timeline_page(info, str(self.id), first=first, after=after)
        return TimelineEntryConnection.from_page(page)

    @upstream_field(
        "Customers this one referred (per the CRM) that the caller also reaches, by id; "
        "`totalCount` counts only those.",
        reads=("referrals_by_customer_id",),
        source="the CRM",
    )
    async def referrals(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection[CustomerRef] | None:
        rows = await upstream.resolve_referrals(info, str(self.id))
        page = by_key_page(rows, lambda row: row.id, name="referrals", first=first, after=after)
        return Connection[CustomerRef].of(
            page, lambda row: CustomerRef(id=strawberry.ID(row.id), name=row.name)
        )
