"""Per-request dataloaders over the upstream datasources, one per batch function.

Each loader gathers the keys requested in one event-loop tick and makes one batch call to its
source; loaders of independent sources dispatch in the same tick, so their calls run in
parallel. Answers come back in key order: None (or an empty list / empty `OrdersResult`) for
a key the source does not know. A failing batch rejects every key of that batch with the
source's `UpstreamError`, which the field resolver turns into a null plus an error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiodataloader import DataLoader

from datasources.orders import ChannelOutcome, OrderSources, PageKey
from datasources.records import (
    BalanceRecord,
    CustomerRecord,
    InvoiceRecord,
    OrdersResult,
    PaymentRecord,
    TicketRecord,
)
from datasources.registry import Upstreams
from store.pagination import DEFAULT_PAGE_SIZE

V = TypeVar("V")
Fetch = Callable[[list[str]], Awaitable[Mapping[str, V]]]

# Long key lists become long query strings for REST upstreams; keep each request well under
# common URL limits (a larger batch is split into several calls, each still one request).
REST_BATCH_SIZE = 500
# An order-page batch becomes one UNION ALL part per key (SQLite allows 500) and an IN list of
# up to 101 order numbers per key (drivers allow about 32,000 parameters).
ORDER_PAGE_BATCH_SIZE = 200


class _ByKeyLoader(DataLoader[str, V], Generic[V]):
    """A loader answering each key from one batch fetch, with a default for missing keys."""

    def __init__(
        self, fetch: Fetch[V], missing: Callable[[], V], max_batch_size: int | None = None
    ) -> None:
        self._fetch = fetch
        self._missing = missing
        super().__init__(batch_load_fn=self._load, max_batch_size=max_batch_size)

    async def _load(self, keys: list[str]) -> list[V]:
        found = await self._fetch(keys)
        return [found[key] if key in found else self._missing() for key in keys]


class CustomerByIdLoader(_ByKeyLoader[CustomerRecord | None]):
    """CRM customer by id, None when the CRM does not know it."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.crm.customers_by_id, lambda: None)


class ReferralsByCustomerIdLoader(_ByKeyLoader[list[CustomerRecord]]):
    """Customers each customer referred, oldest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.crm.referrals_by_referrer_id, list)


class OrdersByCustomerIdLoader(_ByKeyLoader[OrdersResult]):
    """Orders of every channel, newest first, with per-payload failures and channel errors."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.orders.orders_by_customer_id, OrdersResult, REST_BATCH_SIZE)


def order_page_key(key: PageKey | str) -> PageKey:
    """A page key; a bare customer id (a prefetch) is their first page of the default size."""
    return key if isinstance(key, PageKey) else PageKey(key, (), DEFAULT_PAGE_SIZE + 1)


class OrderPagesLoader(DataLoader[PageKey | str, dict[str, ChannelOutcome]]):
    """One page read of a customer's orders per key: each channel's heads (or its error)."""

    def __init__(self, upstreams: Upstreams) -> None:
        self.sources: OrderSources = upstreams.orders
        super().__init__(
            batch_load_fn=self._load,
            max_batch_size=ORDER_PAGE_BATCH_SIZE,
            get_cache_key=order_page_key,
        )

    async def _load(self, keys: list[PageKey | str]) -> list[dict[str, ChannelOutcome]]:
        return await self.sources.heads([order_page_key(key) for key in keys])


class InvoicesByCustomerIdLoader(_ByKeyLoader[list[InvoiceRecord]]):
    """Billing invoices, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.billing.invoices_by_customer_id, list)


class PaymentsByCustomerIdLoader(_ByKeyLoader[list[PaymentRecord]]):
    """Payment ledger entries, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.billing.payments_by_customer_id, list)


class BalanceByCustomerIdLoader(_ByKeyLoader[BalanceRecord | None]):
    """Account balance, None for a customer without a billing account."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.billing.balance_by_customer_id, lambda: None)


class TicketsByCustomerIdLoader(_ByKeyLoader[list[TicketRecord]]):
    """Helpdesk tickets by requester, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.helpdesk.tickets_by_customer_id, list, REST_BATCH_SIZE)


@dataclass(frozen=True, slots=True)
class UpstreamLoaders:
    """Every upstream loader of one request."""

    customer_by_id: CustomerByIdLoader
    referrals_by_customer_id: ReferralsByCustomerIdLoader
    orders_by_customer_id: OrdersByCustomerIdLoader
    order_pages: OrderPagesLoader
    invoices_by_customer_id: InvoicesByCustomerIdLoader
    payments_by_customer_id: PaymentsByCustomerIdLoader
    balance_by_customer_id: BalanceByCustomerIdLoader
    tickets_by_customer_id: TicketsByCustomerIdLoader

    @classmethod
    def create(cls, upstreams: Upstreams) -> UpstreamLoaders:
        """Fresh loaders (with empty caches) for one request; call inside the event loop."""
        return cls(
            customer_by_id=CustomerByIdLoader(upstreams),
            referrals_by_customer_id=ReferralsByCustomerIdLoader(upstreams),
            orders_by_customer_id=OrdersByCustomerIdLoader(upstreams),
            order_pages=OrderPagesLoader(upstreams),
            invoices_by_customer_id=InvoicesByCustomerIdLoader(upstreams),
            payments_by_customer_id=PaymentsByCustomerIdLoader(upstreams),
            balance_by_customer_id=BalanceByCustomerIdLoader(upstreams),
            tickets_by_customer_id=TicketsByCustomerIdLoader(upstreams),
        )
