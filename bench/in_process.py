"""Benchmarks that run the schema in process: a seeded embedded store and a request context.

The authorization, access-audit and encryption benchmarks compare two variants of one query
over the same store; this is what they share (no HTTP, no upstreams: the part they measure).
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.metrics import Metrics
from core.settings import REPO_ROOT, Settings
from demo.seed import seed
from gateway.cli import progress_bars
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from resolvers.context import Context
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from search.embedded import EmbeddedSearch
from store.db import create_engine, session_factory
from store.migrate import async_upgrade


@dataclass(frozen=True)
class SeededStore:
    """A migrated, seeded store with the project's policy loaded."""

    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    policy: PolicyEngine


@asynccontextmanager
async def seeded_store(
    *, customers: int, notes: int, progress: bool, url: str | None = None
) -> AsyncIterator[SeededStore]:
    """Migrate and seed a store (SQLite in a temp dir unless `url`); disposed on exit."""
    with tempfile.TemporaryDirectory() as directory:
        url = url or f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"
        await async_upgrade(url)
        engine = create_engine(url)
        try:
            with progress_bars(progress) as bars:
                await seed(engine, customers=customers, notes=notes, progress=bars)
            policy = await PolicyEngine.load(
                REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies"
            )
            yield SeededStore(url, engine, session_factory(engine), policy)
        finally:
            await engine.dispose()


def request_context(
    settings: Settings,
    principal: Principal,
    view: PolicyView,
    policy: PolicyEngine,
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
) -> Context:
    """A fresh request's context on `engine` (embedded search, no upstreams)."""
    return Context(
        settings=settings,
        principal=principal,
        policy=view,
        policy_engine=policy,
        store=StoreLoaders.create(sessions, view),
        upstream=None,
        request_id="bench",
        sessions=sessions,
        search=EmbeddedSearch(engine),
        metrics=Metrics(),
        denials=DenialLog(),
        partial=PartialErrors(),
    )
