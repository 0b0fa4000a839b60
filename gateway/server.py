"""uvicorn options for `serve`: a request head limit enforced while the head is still arriving.

uvicorn's ``h11_max_incomplete_event_size`` applies to its h11 protocol only; the gateway runs
on httptools, which buffers a request line and headers of any size (a 20 MB header was read
in full). `limited_http_protocol` counts the bytes a request's head takes as they arrive and
answers 431 and closes the connection once they pass the limit, before the head is parsed
into a request; `RequestLimitsMiddleware` then checks the finished head against the separate
line and header limits (for any server).

With ``--workers N`` uvicorn starts each worker from an import string, so the protocol is
`WorkerHeadLimitedProtocol`, which takes its limit from the settings the worker loads.
`uvicorn_options` also carries the graceful shutdown and the trusted proxies.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from core.settings import Settings, load_worker_settings
from gateway.request_limits import error_body

# Fed in slices while the head is incomplete, so the bytes counted as head overshoot the
# real head (into the body) by less than one slice.
_SLICE = 4096
# The request line's method, version and line ends, beyond the URL limit.
_LINE_OVERHEAD = 1024


class _HeadLimitedProtocol(HttpToolsProtocol):
    max_head_bytes: ClassVar[int] = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limit = self._head_limit()
        self._head_bytes = 0
        self._in_body = False

    def data_received(self, data: bytes) -> None:
        start = 0
        while start < len(data) and not self._in_body:
            piece = data[start : start + _SLICE]
            self._head_bytes += len(piece)
            if self._head_bytes > self._limit:
                self._refuse()
                return
            super().data_received(piece)
            start += len(piece)
            if self.transport.is_closing():
                return
        if start < len(data):
            super().data_received(data[start:])

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._in_body = False

    def on_headers_complete(self) -> None:
        self._in_body = True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        # The next request on this connection starts with a head again.
        self._head_bytes = 0
        self._in_body = False

    def _head_limit(self) -> int:
        return self.max_head_bytes

    def _refuse(self) -> None:
        body = error_body(
            f"request head exceeds {self._limit} bytes",
            "REQUEST_HEADER_FIELDS_TOO_LARGE",
            limit=self._limit,
        )
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n"
            b"connection: close\r\n\r\n" + body
        )
        self.transport.close()


def _max_head_bytes(settings: Settings) -> int:
    return settings.max_header_bytes + settings.max_url_bytes + _LINE_OVERHEAD


@functools.cache
def _worker_max_head_bytes() -> int:
    return _max_head_bytes(load_worker_settings())


class WorkerHeadLimitedProtocol(_HeadLimitedProtocol):
    """The head-limited protocol in a `serve --workers N` process (imported by name there)."""

    def _head_limit(self) -> int:
        return _worker_max_head_bytes()


def limited_http_protocol(settings: Settings) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with the settings' request head limit."""
    limit = _max_head_bytes(settings)
    return type("HeadLimitedProtocol", (_HeadLimitedProtocol,), {"max_head_bytes": limit})


def uvicorn_options(settings: Settings, *, workers: int = 1) -> dict[str, Any]:
    """Keyword arguments for uvicorn.run / uvicorn.Config that `serve` adds.

    With more than one worker the protocol is named by import string: uvicorn hands its
    configuration to each worker process, and a class built at run time cannot travel.
    """
    http: str | type[HttpToolsProtocol] = (
        f"{__name__}:{WorkerHeadLimitedProtocol.__name__}"
        if workers > 1
        else limited_http_protocol(settings)
    )
    return {
        "http": http,
        "timeout_graceful_shutdown": settings.shutdown_grace_seconds,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
        "proxy_headers": True,
    }
