"""Resolvers for the Customer360 fields that come from upstream systems.

A failed source nulls its own field with an error naming the source; an order channel that
fails, or a payload that cannot be normalised, is reported beside the orders that did load.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core.errors import BadUpstreamData, GatewayError, UpstreamUnavailable
from datasources.records import (
    BalanceRecord,
    CustomerRecord,
    InvoiceRecord,
    OrderRecord,
    PaymentRecord,
    TicketRecord,
)
from resolvers.context import Info
from resolvers.insights import OrderFigures
from resolvers.upstream_loaders import UpstreamLoaders
from store.customer_records import StoredCustomer


def _loaders(info: Info) -> UpstreamLoaders:
    loaders = info.context.upstream
    if loaders is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    return loaders


def _path(info: Info) -> tuple[str | int, ...]:
    return tuple(info.path.as_list())


async def resolve_profile(info: Info, customer_id: str) -> CustomerRecord | None:
    """The CRM's record of the customer (None if the CRM does not know it)."""
    return await _loaders(info).customer_by_id.load(customer_id)


async def resolve_orders(info: Info, customer_id: str) -> list[OrderRecord]:
    """Orders from every channel, newest first; failed channels reported, not fatal."""
    result = await _loaders(info).orders_by_customer_id.load(customer_id)
    for error in result.errors:
        info.context.partial.add(error, _path(info))
    for failure in result.failures:
        info.context.partial.add(
            BadUpstreamData(
                f"an order from channel {failure.channel!r} could not be read: {failure.reason}",
                source=failure.channel,
                reference=failure.reference,
            ),
            _path(info),
        )
    return sorted(result.orders, key=lambda order: order.placed_at, reverse=True)


async def resolve_order_figures(info: Info, customer_id: str) -> OrderFigures:
    """Lifetime value, repurchase and dormancy figures (stored summary or live); a channel
    that failed a live computation is reported, the figures stand on the others."""
    figures = await _loaders(info).order_figures_by_customer_id.load(customer_id)
    for error in figures.errors:
        info.context.partial.add(error, _path(info))
    return figures


async def figures_quietly(info: Info, customer_id: str) -> OrderFigures | None:
    """The order figures, or None when a channel could not be read (a figure over part of
    the history could call an active customer dormant); reports nothing (for badges)."""
    if info.context.upstream is None:
        return None
    try:
        figures = await info.context.upstream.order_figures_by_customer_id.load(customer_id)
    except GatewayError:
        return None
    return None if figures.errors else figures


async def resolve_invoices(info: Info, customer_id: str) -> list[InvoiceRecord]:
    """Invoices, newest first."""
    rows = await _loaders(info).invoices_by_customer_id.load(customer_id)
    return sorted(rows, key=lambda row: row.issued_at, reverse=True)


async def resolve_payments(info: Info, customer_id: str) -> list[PaymentRecord]:
    """Payment ledger, newest first."""
    rows = await _loaders(info).payments_by_customer_id.load(customer_id)
    return sorted(rows, key=lambda row: row.received_at, reverse=True)


async def resolve_balance(info: Info, customer_id: str) -> BalanceRecord | None:
    """The account balance billing reports."""
    return await _loaders(info).balance_by_customer_id.load(customer_id)


async def resolve_tickets(info: Info, customer_id: str) -> list[TicketRecord]:
    """Helpdesk cases, newest first."""
    rows = await _loaders(info).tickets_by_customer_id.load(customer_id)
    return sorted(rows, key=lambda row: row.created_at, reverse=True)


async def resolve_referrals(info: Info, customer_id: str) -> list[StoredCustomer]:
    """The customers this one referred (per the CRM) that the caller also reaches."""
    referred = await _loaders(info).referrals_by_customer_id.load(customer_id)
    reachable = await info.context.store.customer_by_id.load_many([r.id for r in referred])
    return [customer for customer in reachable if customer is not None]


def now() -> datetime:
    """The clock derived figures are computed against."""
    return datetime.now(UTC)
