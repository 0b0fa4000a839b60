"""Run the demo upstreams: build the databases, serve both REST apps, describe them as config.

`start_demo_upstreams` is a synchronous context manager so the CLI, the app's embedded mode
and pytest fixtures of any scope can use it; database building runs on a private event loop
in a worker thread, and each REST app runs under uvicorn in its own thread on a loopback port.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp

from datasources.config import (
    BillingConfig,
    CrmConfig,
    HelpdeskConfig,
    MarketplaceConfig,
    OmsConfig,
    UpstreamConfig,
)
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import DATABASES, build_databases, sqlite_urls
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.marketplace_app import create_marketplace_app

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 20.0


class DemoServer:
    """One ASGI app served by uvicorn in a thread; can be stopped and started on the same port."""

    def __init__(self, app: ASGIApp, behaviour: Behaviour, *, port: int = 0) -> None:
        self.app = app
        self.behaviour = behaviour
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:43121``."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._server is not None

    def start(self) -> None:
        """Bind (the same port on a restart) and serve until `stop`."""
        if self._server is not None:
            return
        # proto must be IPPROTO_TCP, not 0: asyncio only disables Nagle on sockets that say
        # so, and with Nagle on every response waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((LOOPBACK, self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_config=None,
            access_log=False,
            lifespan="off",
            ws="none",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=lambda: asyncio.run(server.serve(sockets=[sock])),
            name=f"demo-upstream-{self.port}",
            daemon=True,
        )
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError(f"demo upstream on port {self.port} did not start")
            time.sleep(0.01)
        self._server, self._thread, self._socket = server, thread, sock

    def stop(self) -> None:
        """Shut the server down; connections are refused until `start` is called again."""
        server, thread, sock = self._server, self._thread, self._socket
        self._server = self._thread = self._socket = None
        if server is None or thread is None or sock is None:
            return
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT)
        sock.close()


@dataclass
class DemoUpstreams:
    """Running demo upstreams and the configuration that reaches them."""

    config: UpstreamConfig
    data: UpstreamData
    database_urls: dict[str, str]
    helpdesk: DemoServer
    marketplace: DemoServer
    built: list[str] = field(default_factory=list)


def read_only_sqlite(url: str) -> str:
    """The read-only URI form of a SQLite URL: the gateway must never write to an upstream."""
    prefix = "sqlite+aiosqlite:///"
    if not url.startswith(prefix):
        return url
    return f"{prefix}file:{url.removeprefix(prefix)}?mode=ro&uri=true"


def upstream_config(
    database_urls: Mapping[str, str], *, helpdesk_url: str, marketplace_url: str
) -> UpstreamConfig:
    """The `UpstreamConfig` of the demo upstreams (all mappings are the defaults)."""
    urls = {name: read_only_sqlite(url) for name, url in database_urls.items()}
    return UpstreamConfig(
        crm=CrmConfig(url=urls["crm"]),
        oms=OmsConfig(url=urls["oms"]),
        billing=BillingConfig(url=urls["billing"]),
        helpdesk=HelpdeskConfig(base_url=helpdesk_url),
        marketplace=MarketplaceConfig(base_url=marketplace_url),
    )


def build(
    directory: Path, *, seed: int, customers: int, database_urls: Mapping[str, str]
) -> tuple[UpstreamData, list[str]]:
    """Generate the data and build the databases that need it (on a private event loop)."""
    directory.mkdir(parents=True, exist_ok=True)
    data = UpstreamData(seed=seed, customer_count=customers)
    with ThreadPoolExecutor(max_workers=1) as pool:
        built = pool.submit(asyncio.run, build_databases(data, database_urls)).result()
    return data, built


@contextmanager
def start_demo_upstreams(
    directory: Path,
    *,
    seed: int,
    customers: int,
    database_urls: dict[str, str] | None = None,
) -> Iterator[DemoUpstreams]:
    """Build the demo databases if needed, serve helpdesk and marketplace; stop them on exit.

    ``database_urls`` maps ``crm``, ``oms`` and ``billing`` to writable SQLAlchemy async URLs
    (e.g. PostgreSQL databases); by default they are SQLite files in ``directory``.
    """
    urls = dict(database_urls) if database_urls is not None else sqlite_urls(directory)
    missing = set(DATABASES) - set(urls)
    if missing:
        raise ValueError(f"database_urls lacks {sorted(missing)}")
    data, built = build(directory, seed=seed, customers=customers, database_urls=urls)
    helpdesk_behaviour, marketplace_behaviour = Behaviour(), Behaviour()
    helpdesk = DemoServer(create_helpdesk_app(data.tickets, helpdesk_behaviour), helpdesk_behaviour)
    marketplace = DemoServer(
        create_marketplace_app(data.marketplace_orders, marketplace_behaviour),
        marketplace_behaviour,
    )
    try:
        helpdesk.start()
        marketplace.start()
        config = upstream_config(urls, helpdesk_url=helpdesk.url, marketplace_url=marketplace.url)
        yield DemoUpstreams(config, data, urls, helpdesk, marketplace, built)
    finally:
        helpdesk.stop()
        marketplace.stop()
