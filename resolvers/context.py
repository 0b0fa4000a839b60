"""The per-request GraphQL context: built once by the app's `get_context`, read by resolvers."""

from __future__ import annotations

from dataclasses import dataclass, field

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.metrics import Metrics
from core.settings import Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.access_reads import AccessReads
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from resolvers.upstream_loaders import UpstreamLoaders
from search.backend import SearchBackend
from store.rate_limits import RateLimiter


@dataclass(slots=True)
class ResponseMeter:
    """What the request's extensions learn for the HTTP answer: the operation's estimated
    cost, and a status and headers to answer with instead of 200 (e.g. 429, Retry-After)."""

    cost: int | None = None
    # The metrics label of a safelisted persisted operation (else the operation's name).
    operation_label: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a resolver may use for one request; immutable once built."""

    settings: Settings
    principal: Principal
    policy: PolicyView
    policy_engine: PolicyEngine
    store: StoreLoaders
    # None when the gateway runs without upstreams; their fields then fail with a clear error.
    upstream: UpstreamLoaders | None
    request_id: str
    sessions: async_sessionmaker[AsyncSession]
    search: SearchBackend
    metrics: Metrics
    denials: DenialLog
    partial: PartialErrors
    # None: no rate limits (disabled, or a context built outside the HTTP app).
    rate_limiter: RateLimiter | None = None
    meter: ResponseMeter = field(default_factory=ResponseMeter)
    # Reads of sensitive data, recorded once the operation resolved (resolvers/access_audit.py).
    access: AccessReads = field(default_factory=AccessReads)


Info = strawberry.Info[Context, None]
