"""REST upstream plumbing: one httpx client per source, JSON pages followed through a cursor."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx

from core import tracing
from core.errors import BadUpstreamData
from datasources.fields import FieldError
from datasources.normalising import normalised
from datasources.resilience import Guard

MAX_PAGES = 1_000
"""A batch that spans more pages than this is treated as an upstream pagination bug."""

QueryParams = Mapping[str, str | int | list[str]]


def open_client(base_url: str, *, timeout: float, headers: Mapping[str, str]) -> httpx.AsyncClient:
    """An AsyncClient for one REST upstream; the Guard's timeout bounds each attempt as well."""
    # The hook only when tracing is on (installed before the upstreams are opened).
    hooks = {"request": [_propagate_trace]} if tracing.enabled() else {}
    return httpx.AsyncClient(
        base_url=base_url, timeout=timeout, headers=dict(headers), event_hooks=hooks
    )


async def _propagate_trace(request: httpx.Request) -> None:
    # The upstream continues the gateway's trace (W3C traceparent) when tracing is on.
    tracing.inject(request.headers)


async def get_json(
    client: httpx.AsyncClient, guard: Guard, path: str, params: QueryParams | None = None
) -> dict[str, Any]:
    """GET ``path`` through the source's Guard and return the JSON object it answers.

    The guard times the request and the body's arrival; decoding the body is the gateway's
    own work and runs after it (see `datasources.normalising`)."""

    async def call() -> bytes:
        response = await client.get(path, params=params)
        response.raise_for_status()
        return response.content

    def decode(content: bytes) -> dict[str, Any]:
        body = json.loads(content)
        if not isinstance(body, dict):
            raise FieldError(f"{path} answered JSON that is not an object")
        return body

    return await normalised(guard.source, decode, await guard.read(call))


async def pages(
    client: httpx.AsyncClient,
    guard: Guard,
    path: str,
    params: QueryParams,
    *,
    cursor_param: str,
    results_field: str,
    next_field: str,
) -> AsyncIterator[list[Any]]:
    """Yield the results of each page, following the upstream's cursor until it runs out."""
    cursor: str | None = None
    seen: set[str] = set()
    for _ in range(MAX_PAGES):
        query = dict(params) if cursor is None else {**params, cursor_param: cursor}
        body = await get_json(client, guard, path, query)
        results = body.get(results_field)
        if not isinstance(results, list):
            raise _bad(guard, f"{path} answered without a {results_field!r} list")
        yield results
        following = body.get(next_field)
        if not following:
            return
        cursor = str(following)
        if cursor in seen:
            raise _bad(guard, f"{path} repeated the cursor {cursor!r}")
        seen.add(cursor)
    raise _bad(guard, f"{path} spans more than {MAX_PAGES} pages")


def _bad(guard: Guard, message: str) -> BadUpstreamData:
    return BadUpstreamData(message, source=guard.source)
