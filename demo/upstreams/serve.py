"""Run the demo upstreams: build the databases, serve both REST apps, describe them as config.

`start_demo_upstreams` is a synchronous context manager so the CLI, the app's embedded mode
and pytest fixtures of any scope can use it; database building runs on a private event loop
in a worker thread, and each REST app runs under uvicorn in its own thread on a loopback port.
The helpdesk and marketplace serve generated lists by default, or what their own databases
hold (`serve_service_databases`, used by ``python -m demo.upstreams`` and the bench loader).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Coroutine, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

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
from demo.upstreams.databases import (
    DATABASES,
    SERVICE_DATABASES,
    build_databases,
    read_service_database,
    sqlite_urls,
)
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.marketplace_app import create_marketplace_app
from demo.upstreams.switch import write_services

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 20.0

T = TypeVar("T")


def run_private(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on a private event loop in a worker thread (safe inside a running loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


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
    service_database_urls: dict[str, str] | None = None


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
    directory: Path,
    *,
    seed: int,
    customers: int,
    database_urls: Mapping[str, str],
    order_rounds: int = 1,
    names: Sequence[str] = DATABASES,
) -> tuple[UpstreamData, list[str]]:
    """Generate the data and build the named databases that need it (on a private loop)."""
    directory.mkdir(parents=True, exist_ok=True)
    data = UpstreamData(seed=seed, customer_count=customers, order_rounds=order_rounds)
    built = run_private(build_databases(data, database_urls, names=names))
    return data, built


def read_services(
    urls: Mapping[str, str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The helpdesk's tickets and the marketplace's orders, read back from their databases."""
    _require(urls, SERVICE_DATABASES, "urls")

    async def read() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        return (
            await read_service_database("helpdesk", urls["helpdesk"]),
            await read_service_database("marketplace", urls["marketplace"]),
        )

    return run_private(read())


@contextmanager
def serve_services(
    tickets: Sequence[dict[str, Any]],
    orders: Sequence[dict[str, Any]],
    *,
    helpdesk_port: int = 0,
    marketplace_port: int = 0,
) -> Iterator[tuple[DemoServer, DemoServer]]:
    """Serve the helpdesk over ``tickets`` and the marketplace over ``orders`` for the block.

    Port 0 picks a free port; the servers' ``url`` says which.
    """
    helpdesk_behaviour, marketplace_behaviour = Behaviour(), Behaviour()
    helpdesk = DemoServer(
        create_helpdesk_app(tickets, helpdesk_behaviour), helpdesk_behaviour, port=helpdesk_port
    )
    marketplace = DemoServer(
        create_marketplace_app(orders, marketplace_behaviour),
        marketplace_behaviour,
        port=marketplace_port,
    )
    try:
        helpdesk.start()
        marketplace.start()
        yield helpdesk, marketplace
    finally:
        helpdesk.stop()
        marketplace.stop()


@contextmanager
def serve_service_databases(
    urls: Mapping[str, str], *, helpdesk_port: int = 0, marketplace_port: int = 0
) -> Iterator[tuple[DemoServer, DemoServer]]:
    """Serve the helpdesk and marketplace from what their databases hold (read once, at start)."""
    tickets, orders = read_services(urls)
    with serve_services(
        tickets, orders, helpdesk_port=helpdesk_port, marketplace_port=marketplace_port
    ) as servers:
        yield servers


def _require(urls: Mapping[str, str], names: Sequence[str], what: str) -> None:
    missing = set(names) - set(urls)
    if missing:
        raise ValueError(f"{what} lacks {sorted(missing)}")


@contextmanager
def start_demo_upstreams(
    directory: Path,
    *,
    seed: int,
    customers: int,
    database_urls: dict[str, str] | None = None,
    service_database_urls: dict[str, str] | None = None,
    order_rounds: int = 1,
) -> Iterator[DemoUpstreams]:
    """Build the demo databases if needed, serve helpdesk and marketplace; stop them on exit.

    ``database_urls`` maps ``crm``, ``oms`` and ``billing`` to writable SQLAlchemy async URLs
    (e.g. PostgreSQL databases); by default they are SQLite files in ``directory``. With
    ``service_database_urls`` (``helpdesk``, ``marketplace``), those databases are built too
    and the two apps serve what is read back from them; without, they serve generated lists.
    """
    urls = dict(database_urls) if database_urls is not None else sqlite_urls(directory)
    _require(urls, DATABASES, "database_urls")
    names: tuple[str, ...] = DATABASES
    if service_database_urls is not None:
        _require(service_database_urls, SERVICE_DATABASES, "service_database_urls")
        names += SERVICE_DATABASES
    data, built = build(
        directory,
        seed=seed,
        customers=customers,
        database_urls={**urls, **(service_database_urls or {})},
        order_rounds=order_rounds,
        names=names,
    )
    if service_database_urls is None:
        tickets, orders = data.tickets, data.marketplace_orders
    else:
        tickets, orders = read_services(service_database_urls)
    with serve_services(tickets, orders) as (helpdesk, marketplace):
        config = upstream_config(urls, helpdesk_url=helpdesk.url, marketplace_url=marketplace.url)
        # For `python -m gateway demo fail|heal` (demo/upstreams/switch.py) in another shell.
        services = write_services(
            directory, {"helpdesk": helpdesk.url, "marketplace": marketplace.url}
        )
        try:
            yield DemoUpstreams(
                config,
                data,
                urls,
                helpdesk,
                marketplace,
                built,
                None if service_database_urls is None else dict(service_database_urls),
            )
        finally:
            services.unlink(missing_ok=True)
