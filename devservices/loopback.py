"""An ASGI app served by uvicorn in a thread on a free loopback port, for tests and benchmarks.

One copy of the start/wait/stop dance that the gateway fixtures, the JWKS and OTLP test
servers and the benchmarks all need.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class Served:
    """Where a served app listens."""

    host: str
    port: int

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return f"http://{self.host}:{self.port}"


@contextmanager
def serve_asgi(app: Any, *, name: str = "server", **options: Any) -> Iterator[Served]:
    """Serve `app` until the block exits; `options` go to `uvicorn.Config` (they override
    the defaults: no log config, no access log, no lifespan, no websockets)."""
    # IPPROTO_TCP explicitly: with protocol 0 asyncio leaves Nagle on (+40 ms a request).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, 0))
    host, port = sock.getsockname()
    defaults: dict[str, Any] = {
        "log_config": None,
        "access_log": False,
        "lifespan": "off",
        "ws": "none",
    }
    config = uvicorn.Config(app, **(defaults | options))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])))
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start")
            time.sleep(0.01)
        yield Served(host, port)
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT)
        sock.close()
