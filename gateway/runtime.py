"""One runtime for the gateway and every job: the clients a process opens once and closes once.

`open_runtime(settings)` opens the store engine (with the settings' pool), its write and read
session factories, the search backend, the policy engine, the metrics and, when configured,
the upstream systems; it yields them as one frozen `Runtime` and closes them in reverse order.
The application's lifespan and the CLI's jobs (gateway/jobs/) all start from it, so a job runs
against exactly what the server would: same pool, same search backend, same upstreams.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.errors import UpstreamUnavailable
from core.metrics import Metrics
from core.settings import Settings
from datasources.config import UpstreamConfig
from datasources.registry import Upstreams
from policies.enforcer import PolicyEngine
from search.backend import SearchBackend
from search.client import create_search_backend
from search.indexer import IndexerOptions
from store.db import create_engine, read_session_factory, session_factory
from store.sealing import check_keys_at_startup


@dataclass(frozen=True, slots=True)
class Runtime:
    """What one gateway process (the server or a job) works with."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    # The dataloaders' one-statement reads (see store.db.read_session_factory).
    read_sessions: async_sessionmaker[AsyncSession]
    search: SearchBackend
    # None when opened without it (no job decides access; the gateway always loads it).
    policy: PolicyEngine | None
    metrics: Metrics
    # The upstream systems' configuration, and their open clients unless the runtime was
    # opened without them (a job that only replays stored payloads needs the mapping alone).
    upstream_config: UpstreamConfig | None
    upstreams: Upstreams | None

    @property
    def indexer_options(self) -> IndexerOptions:
        """The search indexer's knobs from settings (the gateway's indexer and the worker)."""
        return indexer_options(self.settings)

    def require_policy(self) -> PolicyEngine:
        """The loaded policy engine; raises RuntimeError if the runtime was opened without it."""
        if self.policy is None:
            raise RuntimeError("this runtime was opened without the policy (load_policy=False)")
        return self.policy

    def require_upstreams(self) -> Upstreams:
        """The open upstream systems; raises UpstreamUnavailable when none are configured."""
        if self.upstreams is None:
            raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
        return self.upstreams


def indexer_options(settings: Settings) -> IndexerOptions:
    """The search indexer's knobs from settings."""
    return IndexerOptions(
        batch_size=settings.search_batch_size,
        max_attempts=settings.search_max_attempts,
        poll_seconds=settings.search_poll_seconds,
        retention=(
            timedelta(hours=settings.search_outbox_retention_hours)
            if settings.search_outbox_retention_hours
            else None
        ),
    )


def resolve_upstream_config(
    settings: Settings, upstream_config: UpstreamConfig | None = None
) -> UpstreamConfig | None:
    """The given configuration, else the settings' `upstreams_file`, else none."""
    if upstream_config is None and settings.upstreams_file is not None:
        return UpstreamConfig.from_file(settings.upstreams_file)
    return upstream_config


@asynccontextmanager
async def open_runtime(
    settings: Settings,
    upstream_config: UpstreamConfig | None = None,
    *,
    metrics: Metrics | None = None,
    connect_upstreams: bool = True,
    load_policy: bool = True,
) -> AsyncIterator[Runtime]:
    """Open everything a gateway process needs for the block; close it all at its end.

    Upstreams come from `upstream_config`, else from `settings.upstreams_file`; with neither
    (or with `connect_upstreams=False`) `Runtime.upstreams` is None. A job that decides no
    access passes `load_policy=False`.
    """
    config = resolve_upstream_config(settings, upstream_config)
    metrics = metrics or Metrics()
    async with AsyncExitStack() as stack:
        policy = (
            await PolicyEngine.load(settings.casbin_model_path, settings.policy_dir)
            if load_policy
            else None
        )
        # The Settings (not its URL) carries the pool size: every process gets the same pool.
        engine = create_engine(settings)
        stack.push_async_callback(engine.dispose)
        # A key that is not the store's never writes: the server and every job stop here.
        await check_keys_at_startup(engine)
        search = create_search_backend(settings, embedded_path=settings.search_embedded_path)
        stack.push_async_callback(search.close)
        upstreams = Upstreams(config, metrics) if config and connect_upstreams else None
        if upstreams is not None:
            stack.push_async_callback(upstreams.aclose)
        yield Runtime(
            settings=settings,
            engine=engine,
            sessions=session_factory(engine),
            read_sessions=read_session_factory(engine),
            search=search,
            policy=policy,
            metrics=metrics,
            upstream_config=config,
            upstreams=upstreams,
        )
