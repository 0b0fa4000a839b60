"""The four source-paged connections are one generic capped connection: each converts its
source's records to its node and says when the source capped its total."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from datasources.records import InvoiceRecord, OrderRecord, PaymentRecord, TicketRecord
from resolvers.capped_pages import CappedPage
from schema.commerce import Invoice, Order, Payment
from schema.source_connections import (
    CappedConnection,
    InvoiceConnection,
    OrderConnection,
    PaymentConnection,
    TicketConnection,
)
from schema.tickets import Ticket
from store.pagination import Page

AT = datetime(2026, 1, 1, tzinfo=UTC)
CASES: list[tuple[type[CappedConnection[Any]], Any, type]] = [
    (
        OrderConnection,
        OrderRecord("SO-1", "c", "web", "order", "delivered", AT, Decimal(1), "GBP"),
        Order,
    ),
    (TicketConnection, TicketRecord("T-1", "c", "s", "open", "low", AT, None), Ticket),
    (InvoiceConnection, InvoiceRecord("I-1", "c", AT, None, Decimal(1), "GBP", "open"), Invoice),
    (PaymentConnection, PaymentRecord("P-1", "c", AT, Decimal(1), "GBP", "card"), Payment),
]


@pytest.mark.parametrize(("connection", "record", "node"), CASES)
@pytest.mark.parametrize("capped", [True, False])
def test_each_list_is_the_generic_capped_connection(
    connection: type[CappedConnection[Any]], record: Any, node: type, capped: bool
) -> None:
    # Given a page of one record whose source counted up to its cap (or not)
    page = CappedPage(
        items=[record], cursors=["c1"], has_next_page=True, total_count=1000, total_capped=capped
    )
    # When the list's connection is built from it
    built = connection.from_page(page)
    # Then it is the generic base, its node converted, its cap told
    assert issubclass(connection, CappedConnection)
    assert isinstance(built.edges[0].node, node)
    assert (built.edges[0].cursor, built.total_count) == ("c1", 1000)
    assert built.total_count_capped is capped


def test_a_plain_page_is_never_capped() -> None:
    page: Page[Any] = Page(items=[], cursors=[], has_next_page=False, total_count=0)
    assert OrderConnection.from_page(page).total_count_capped is False
