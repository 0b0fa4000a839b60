"""What every command runs in: one runtime per job, and the upstreams (configured or demo)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from core.progress import Progress
from core.settings import Settings
from gateway.cli.draw import console, progress_bars

if TYPE_CHECKING:
    from datasources.config import UpstreamConfig
    from gateway.runtime import Runtime

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# The demo store and the demo upstreams are generated from the same seed, so ids line up.
DEMO_SEED = 42


@contextlib.asynccontextmanager
async def command_runtime(
    settings: Settings,
    upstream_config: UpstreamConfig | None = None,
    *,
    connect_upstreams: bool = False,
) -> AsyncIterator[Runtime]:
    """A runtime for one command: no policy (jobs decide no access), upstream clients only
    for the jobs that read them."""
    from gateway.runtime import open_runtime

    async with open_runtime(
        settings, upstream_config, connect_upstreams=connect_upstreams, load_policy=False
    ) as runtime:
        yield runtime


@contextlib.contextmanager
def upstreams(settings: Settings) -> Iterator[UpstreamConfig]:
    """The configured upstream systems, or the demo ones (run for the block) when none are."""
    if settings.upstreams_file is not None:
        from datasources.config import UpstreamConfig

        yield UpstreamConfig.from_file(settings.upstreams_file)
        return
    with _demo_upstreams(settings) as config:
        yield config


@contextlib.contextmanager
def _demo_upstreams(settings: Settings) -> Iterator[UpstreamConfig]:
    """Run the demo CRM/OMS/billing databases and helpdesk/marketplace services."""
    from demo.upstreams.serve import start_demo_upstreams

    customers = asyncio.run(_store_customer_count(settings)) or 200
    console.print(f"demo upstreams for {customers} customers in {settings.demo_upstreams_dir}")
    with start_demo_upstreams(
        settings.demo_upstreams_dir, seed=DEMO_SEED, customers=customers
    ) as demo:
        yield demo.config


async def _store_customer_count(settings: Settings) -> int:
    from gateway.jobs.seed import customer_count

    async with command_runtime(settings) as runtime:
        # 0 when not migrated yet: the demo upstreams get the default size.
        return await customer_count(runtime)


class UpstreamJob(Protocol[T_co]):
    """A job that reads the upstreams and reports progress."""

    def __call__(self, runtime: Runtime, *, progress: Progress) -> Awaitable[T_co]: ...


def upstream_job(settings: Settings, job: UpstreamJob[T], progress: bool) -> T:
    """Run a job that reads the upstreams: the configured ones, or the demo ones meanwhile."""

    async def run(config: UpstreamConfig, bars: Progress) -> T:
        async with command_runtime(settings, config, connect_upstreams=True) as runtime:
            return await job(runtime, progress=bars)

    with upstreams(settings) as config, progress_bars(progress) as bars:
        return asyncio.run(run(config, bars))
