"""Connections of upstream lists whose totals their sources count up to a cap.

Orders, tickets, invoices and payments are paged at their sources, and each source counts a
customer's rows only up to `TOTAL_CAP` (a count over 50,000 rows cost what the whole history
holds, on every page). `totalCount` is then a lower bound and `totalCountCapped` says so, as
the directory's `CustomerConnection` does. One generic base, `CappedConnection`, holds the
field and the conversion; each list names its node's converter and keeps v1's type name.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

import strawberry

from datasources.source_pages import TOTAL_CAP
from resolvers.capped_pages import total_capped
from schema.commerce import Invoice, Order, Payment
from schema.connections import Connection, Node
from schema.tickets import Ticket
from store.pagination import Page

DESCRIPTION = (
    "A page of a list read at its source; totalCount is exact up to "
    f"{TOTAL_CAP} per source (then a lower bound, with totalCountCapped)."
)
CAPPED_DESCRIPTION = (
    f"True when a source holds more than it counts ({TOTAL_CAP}): totalCount is then a "
    f"lower bound, to be shown as e.g. '{TOTAL_CAP}+'."
)


@strawberry.type(description=DESCRIPTION)
class CappedConnection(Connection[Node]):
    """A connection whose `totalCount` may be a lower bound (`totalCountCapped`)."""

    total_count_capped: bool = strawberry.field(default=False, description=CAPPED_DESCRIPTION)
    # The record → node converter: each concrete list names its node's (a ClassVar, not a
    # GraphQL field).
    convert: ClassVar[staticmethod[[Any], Any]]

    @classmethod
    def from_page(cls, page: Page[Any]) -> Self:
        """Build from a page of source records (capped or not)."""
        connection = cls.of(page, cls.convert)
        connection.total_count_capped = total_capped(page)
        return connection


@strawberry.type(name="OrderConnection", description=DESCRIPTION)
class OrderConnection(CappedConnection[Order]):
    convert = staticmethod(Order.from_record)


@strawberry.type(name="TicketConnection", description=DESCRIPTION)
class TicketConnection(CappedConnection[Ticket]):
    convert = staticmethod(Ticket.from_record)


@strawberry.type(name="InvoiceConnection", description=DESCRIPTION)
class InvoiceConnection(CappedConnection[Invoice]):
    convert = staticmethod(Invoice.from_record)


@strawberry.type(name="PaymentConnection", description=DESCRIPTION)
class PaymentConnection(CappedConnection[Payment]):
    convert = staticmethod(Payment.from_record)
