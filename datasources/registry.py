"""`Upstreams`: every configured source opened once per app, with its guard and health check.

The app's lifespan (or the CLI) builds one from `UpstreamConfig` and `Metrics`, hands the
sources to the per-request loaders and the checks to ``/readyz``, and closes it on shutdown.
Sources are named ``crm``, ``oms``, ``billing``, ``helpdesk``, ``marketplace`` and ``staff``
(an HTTP staff directory, when configured); that name
is the ``source`` of every error and the label of every upstream metric.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from core.metrics import Metrics
from datasources.billing import BillingSource
from datasources.breaker import CircuitBreaker
from datasources.config import ResilienceConfig, SqlSource, UpstreamConfig
from datasources.crm import CrmSource
from datasources.helpdesk import HelpdeskSource
from datasources.http import open_client
from datasources.orders import OrderChannel, OrderSources
from datasources.orders.marketplace import MarketplaceChannel
from datasources.orders.pos import PosChannel
from datasources.orders.web import WebShopChannel
from datasources.resilience import Guard
from datasources.sql import open_engine
from datasources.staff import StaffDirectory
from datasources.staff_api import StaffApiSource

HealthCheck = Callable[[], Awaitable[str | None]]


class Upstreams:
    """The open upstream sources of one running gateway."""

    def __init__(self, config: UpstreamConfig, metrics: Metrics) -> None:
        self.config = config
        self.metrics = metrics
        self.guards: dict[str, Guard] = {}
        self.engines: dict[str, AsyncEngine] = {}
        self.clients: dict[str, httpx.AsyncClient] = {}

        crm_engine = self._engine("crm", config.crm)
        self.crm = CrmSource(crm_engine, config.crm, self._guard("crm", config.crm.resilience))

        oms_engine = self._engine("oms", config.oms)
        oms_guard = self._guard("oms", config.oms.resilience)
        channels: list[OrderChannel] = [WebShopChannel(oms_engine, config.oms.web, oms_guard)]
        if config.oms.pos is not None:
            channels.append(PosChannel(oms_engine, config.oms.pos, oms_guard))
        self.marketplace: MarketplaceChannel | None = None
        if config.marketplace is not None:
            m = config.marketplace
            self.marketplace = MarketplaceChannel(
                self._client("marketplace", m.base_url, m.all_headers(), m.resilience),
                m,
                self._guard("marketplace", m.resilience),
            )
            channels.append(self.marketplace)
        self.orders = OrderSources(channels)

        billing_engine = self._engine("billing", config.billing)
        self.billing = BillingSource(
            billing_engine, config.billing, self._guard("billing", config.billing.resilience)
        )

        # The staff directory: an HTTP endpoint when configured, else the CRM's staff table.
        self.staff: StaffDirectory | None = self.crm.staff
        if config.staff_api is not None:
            a = config.staff_api
            self.staff = StaffApiSource(
                self._client("staff", a.base_url, a.all_headers(), a.resilience),
                a,
                self._guard("staff", a.resilience),
            )

        h = config.helpdesk
        self.helpdesk = HelpdeskSource(
            self._client("helpdesk", h.base_url, h.all_headers(), h.resilience),
            h,
            self._guard("helpdesk", h.resilience),
        )

    @property
    def breakers(self) -> dict[str, CircuitBreaker]:
        """Each source's circuit breaker, by source name."""
        return {name: guard.breaker for name, guard in self.guards.items()}

    def health_checks(self) -> dict[str, HealthCheck]:
        """One readiness check per source: a short detail, or an UpstreamError when down."""
        checks: dict[str, HealthCheck] = {
            name: self._sql_check(name, engine) for name, engine in self.engines.items()
        }
        checks["helpdesk"] = self._http_check("helpdesk", self.helpdesk.ping)
        if self.marketplace is not None:
            checks["marketplace"] = self._http_check("marketplace", self.marketplace.ping)
        return checks

    async def aclose(self) -> None:
        """Close every HTTP client and dispose every engine."""
        for client in self.clients.values():
            await client.aclose()
        for engine in self.engines.values():
            await engine.dispose()

    def _guard(self, name: str, resilience: ResilienceConfig) -> Guard:
        guard = self.guards[name] = Guard(name, resilience, self.metrics)
        return guard

    def _engine(self, name: str, source: SqlSource) -> AsyncEngine:
        engine = self.engines[name] = open_engine(
            source.url,
            connect_timeout=source.resilience.timeout_seconds,
            pool_size=source.pool_size,
            tls=source.tls,
            password=source.password(),
        )
        return engine

    def _client(
        self, name: str, base_url: str, headers: dict[str, str], resilience: ResilienceConfig
    ) -> httpx.AsyncClient:
        client = self.clients[name] = open_client(
            base_url, timeout=resilience.timeout_seconds, headers=headers
        )
        return client

    def _sql_check(self, name: str, engine: AsyncEngine) -> HealthCheck:
        guard = self.guards[name]

        async def check() -> str:
            async def probe() -> None:
                async with engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))

            await guard.read(probe, retry=False)
            return f"{engine.dialect.name}; {guard.breaker.describe()}"

        return check

    def _http_check(self, name: str, ping: Callable[[], Awaitable[str]]) -> HealthCheck:
        guard = self.guards[name]

        async def check() -> str:
            return f"{await ping()}; {guard.breaker.describe()}"

        return check
