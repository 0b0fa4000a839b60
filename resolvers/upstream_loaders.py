"""Per-request dataloaders over the upstream datasources, one per batch function.

Each loader gathers the keys requested in one event-loop tick and makes one batch call to its
source; loaders of independent sources dispatch in the same tick, so their calls run in
parallel. Answers come back in key order: None (or an empty list / empty `OrdersResult`) for
a key the source does not know. A failing batch rejects every key of that batch with the
source's `UpstreamError`, which the field resolver turns into a null plus an error.
"""

from __future__ import annotations

from asyncio import Future
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from aiodataloader import DataLoader

from core.tracing import loader_span
from datasources.orders import ChannelOutcome, FulfilmentOutcome, OrderSources, PageKey
from datasources.records import (
    BalanceRecord,
    CustomerRecord,
    InvoiceRecord,
    OrdersResult,
    PaymentRecord,
    TicketRecord,
)
from datasources.registry import Upstreams
from datasources.source_pages import PageQuery, SourcePage
from resolvers.customer_gate import admit
from resolvers.insights import OrderFigures, order_figures
from resolvers.order_figures import figures_of
from store.models import OrderSummary
from store.pagination import DEFAULT_PAGE_SIZE

V = TypeVar("V")
Fetch = Callable[[list[str]], Awaitable[Mapping[str, V]]]
SummaryFetch = Callable[[list[str]], Awaitable[Mapping[str, OrderSummary]]]

# Long key lists become long query strings for REST upstreams; keep each request well under
# common URL limits (a larger batch is split into several calls, each still one request).
REST_BATCH_SIZE = 500
# One UNION ALL arm per page; SQLite allows 500 arms in one compound statement.
SQL_PAGE_BATCH_SIZE = 200
PREFETCH_PAGE_SIZE = 20
"""The page a bare customer id stands for: the paged fields' default `first`, from the newest."""
# An order-page batch becomes one UNION ALL part per key (SQLite allows 500) and an IN list of
# up to 101 order numbers per key (drivers allow about 32,000 parameters).
ORDER_PAGE_BATCH_SIZE = 200


class _ByKeyLoader(DataLoader[str, V], Generic[V]):
    """A loader answering each key from one batch fetch, with a default for missing keys."""

    reads_through: tuple[str, ...] = ()  # it reads its own source only

    def __init__(
        self, fetch: Fetch[V], missing: Callable[[], V], max_batch_size: int | None = None
    ) -> None:
        self._fetch = fetch
        self._missing = missing
        super().__init__(batch_load_fn=self._load, max_batch_size=max_batch_size)

    async def _load(self, keys: list[str]) -> list[V]:
        with loader_span(self, keys):
            await admit(keys)
            found = await self._fetch(keys)
        return [found[key] if key in found else self._missing() for key in keys]


class PageLoader(DataLoader[PageQuery, SourcePage[V]], Generic[V]):
    """A loader of source pages (`PageQuery` → `SourcePage`), one batch fetch per tick."""

    def __init__(
        self,
        fetch: Callable[[Sequence[PageQuery]], Awaitable[list[SourcePage[V]]]],
        max_batch_size: int,
    ) -> None:
        self._fetch_pages = fetch
        super().__init__(batch_load_fn=self._load, max_batch_size=max_batch_size)

    async def _load(self, keys: list[PageQuery]) -> list[SourcePage[V]]:
        with loader_span(self, keys):
            await admit(key.customer_id for key in keys)
            return await self._fetch_pages(keys)

    def load(self, key: PageQuery | str) -> Future[SourcePage[V]]:
        """The page `key` asks; a bare customer id (a prefetch) stands for its first page."""
        query = PageQuery(key, PREFETCH_PAGE_SIZE) if isinstance(key, str) else key
        return super().load(query)


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


class OrderFiguresByCustomerIdLoader(DataLoader[str, OrderFigures]):
    """Lifetime value, repurchase and dormancy figures: the stored summary where the job has
    made one, else computed live from the customer's orders (through the request's orders
    loader, so a page that also shows orders reads them once)."""

    # The loaders this one reads through, once its own batch runs (after any reach check).
    reads_through: tuple[str, ...] = ("orders_by_customer_id",)

    def __init__(self, orders: OrdersByCustomerIdLoader, summaries: SummaryFetch | None) -> None:
        self._orders = orders
        self._summaries = summaries
        super().__init__(batch_load_fn=self._load)

    async def _load(self, keys: list[str]) -> list[OrderFigures]:
        with loader_span(self, keys):
            stored = await self._summaries(keys) if self._summaries is not None else {}
            missing = [key for key in keys if key not in stored]
            live = dict(zip(missing, await self._orders.load_many(missing), strict=True))
        figures: list[OrderFigures] = []
        for key in keys:
            if key in stored:
                figures.append(figures_of(stored[key]))
            else:
                result = live[key]
                figures.append(replace(order_figures(result.orders), errors=result.errors))
        return figures


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
        pages = [order_page_key(key) for key in keys]
        with loader_span(self, keys):
            await admit(page.customer_id for page in pages)
            return await self.sources.heads(pages)


class FulfilmentPagesLoader(DataLoader[PageKey | str, dict[str, FulfilmentOutcome]]):
    """One page read of a customer's deliveries and installations per key: each channel's
    heads (or its error); a bare customer id is their first page, as for order pages."""

    def __init__(self, upstreams: Upstreams) -> None:
        self.sources: OrderSources = upstreams.orders
        super().__init__(
            batch_load_fn=self._load,
            max_batch_size=ORDER_PAGE_BATCH_SIZE,
            get_cache_key=order_page_key,
        )

    async def _load(self, keys: list[PageKey | str]) -> list[dict[str, FulfilmentOutcome]]:
        with loader_span(self, keys):
            return await self.sources.fulfilment_heads([order_page_key(key) for key in keys])


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


class InvoicePageByQueryLoader(PageLoader[InvoiceRecord]):
    """Pages of billing invoices read at the source, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.billing.invoice_pages, SQL_PAGE_BATCH_SIZE)


class PaymentPageByQueryLoader(PageLoader[PaymentRecord]):
    """Pages of the payment ledger read at the source, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.billing.payment_pages, SQL_PAGE_BATCH_SIZE)


class TicketPageByQueryLoader(PageLoader[TicketRecord]):
    """Pages of helpdesk tickets read through the API's own pagination, newest first."""

    def __init__(self, upstreams: Upstreams) -> None:
        super().__init__(upstreams.helpdesk.ticket_pages, REST_BATCH_SIZE)


@dataclass(frozen=True, slots=True)
class UpstreamLoaders:
    """Every upstream loader of one request."""

    customer_by_id: CustomerByIdLoader
    referrals_by_customer_id: ReferralsByCustomerIdLoader
    orders_by_customer_id: OrdersByCustomerIdLoader
    order_figures_by_customer_id: OrderFiguresByCustomerIdLoader
    order_pages: OrderPagesLoader
    fulfilment_pages: FulfilmentPagesLoader
    invoices_by_customer_id: InvoicesByCustomerIdLoader
    payments_by_customer_id: PaymentsByCustomerIdLoader
    balance_by_customer_id: BalanceByCustomerIdLoader
    tickets_by_customer_id: TicketsByCustomerIdLoader
    invoice_page_by_query: InvoicePageByQueryLoader
    payment_page_by_query: PaymentPageByQueryLoader
    ticket_page_by_query: TicketPageByQueryLoader

    @classmethod
    def create(cls, upstreams: Upstreams, summaries: SummaryFetch | None = None) -> UpstreamLoaders:
        """Fresh loaders (with empty caches) for one request; call inside the event loop.
        `summaries` reads the store's order summaries (None: order figures are always live)."""
        orders = OrdersByCustomerIdLoader(upstreams)
        return cls(
            customer_by_id=CustomerByIdLoader(upstreams),
            referrals_by_customer_id=ReferralsByCustomerIdLoader(upstreams),
            orders_by_customer_id=orders,
            order_figures_by_customer_id=OrderFiguresByCustomerIdLoader(orders, summaries),
            order_pages=OrderPagesLoader(upstreams),
            fulfilment_pages=FulfilmentPagesLoader(upstreams),
            invoices_by_customer_id=InvoicesByCustomerIdLoader(upstreams),
            payments_by_customer_id=PaymentsByCustomerIdLoader(upstreams),
            balance_by_customer_id=BalanceByCustomerIdLoader(upstreams),
            tickets_by_customer_id=TicketsByCustomerIdLoader(upstreams),
            invoice_page_by_query=InvoicePageByQueryLoader(upstreams),
            payment_page_by_query=PaymentPageByQueryLoader(upstreams),
            ticket_page_by_query=TicketPageByQueryLoader(upstreams),
        )
