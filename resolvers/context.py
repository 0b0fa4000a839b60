"""The per-request GraphQL context: built once by the app's `get_context`, read by resolvers."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.metrics import Metrics
from gateway.settings import Settings
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.loaders import StoreLoaders
from search.backend import SearchBackend


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a resolver may use for one request; immutable once built."""

    settings: Settings
    principal: Principal
    policy: PolicyView
    store: StoreLoaders
    request_id: str
    sessions: async_sessionmaker[AsyncSession]
    search: SearchBackend
    metrics: Metrics


Info = strawberry.Info[Context, None]
