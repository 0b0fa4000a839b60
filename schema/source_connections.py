"""Connections of upstream lists whose totals their sources count up to a cap.

Orders, tickets, invoices and payments are paged at their sources, and each source counts a
customer's rows only up to `TOTAL_CAP` (a count over 50,000 rows cost what the whole history
holds, on every page). `totalCount` is then a lower bound and `totalCountCapped` says so, as
the directory's `CustomerConnection` does. The type names are those of v1's connections.
"""

from __future__ import annotations

from typing import Self

import strawberry

from datasources.records import InvoiceRecord, OrderRecord, PaymentRecord, TicketRecord
from datasources.source_pages import TOTAL_CAP
from resolvers.capped_pages import total_capped
from schema.commerce import Invoice, Order, Payment
from schema.connections import Connection
from schema.tickets import Ticket
from store.pagination import Page

DESCRIPTION = (
    "A page of a list read at its source; totalCount is exact up to "
    f"{TOTAL_CAP} per source (then a lower bound, with totalCountCapped)."
)
CAPPED = strawberry.field(
    default=False,
    description=(
        f"True when a source holds more than it counts ({TOTAL_CAP}): totalCount is then a "
        f"lower bound, to be shown as e.g. '{TOTAL_CAP}+'."
    ),
)


@strawberry.type(name="OrderConnection", description=DESCRIPTION)
class OrderConnection(Connection[Order]):
    total_count_capped: bool = CAPPED

    @classmethod
    def from_page(cls, page: Page[OrderRecord]) -> Self:
        """Build from a page of merged orders."""
        connection = cls.of(page, Order.from_record)
        connection.total_count_capped = total_capped(page)
        return connection


@strawberry.type(name="TicketConnection", description=DESCRIPTION)
class TicketConnection(Connection[Ticket]):
    total_count_capped: bool = CAPPED

    @classmethod
    def from_page(cls, page: Page[TicketRecord]) -> Self:
        """Build from a page of helpdesk tickets."""
        connection = cls.of(page, Ticket.from_record)
        connection.total_count_capped = total_capped(page)
        return connection


@strawberry.type(name="InvoiceConnection", description=DESCRIPTION)
class InvoiceConnection(Connection[Invoice]):
    total_count_capped: bool = CAPPED

    @classmethod
    def from_page(cls, page: Page[InvoiceRecord]) -> Self:
        """Build from a page of invoices."""
        connection = cls.of(page, Invoice.from_record)
        connection.total_count_capped = total_capped(page)
        return connection


@strawberry.type(name="PaymentConnection", description=DESCRIPTION)
class PaymentConnection(Connection[Payment]):
    total_count_capped: bool = CAPPED

    @classmethod
    def from_page(cls, page: Page[PaymentRecord]) -> Self:
        """Build from a page of the payment ledger."""
        connection = cls.of(page, Payment.from_record)
        connection.total_count_capped = total_capped(page)
        return connection
