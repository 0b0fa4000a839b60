"""The demo marketplace: a second sales channel's REST order feed with its own payload shape.

``GET /v1/orders?buyer=a&buyer=b&page_size=100&page_token=…`` answers
``{"results": [...], "nextPageToken": "…" | absent}``; orders are nested JSON (``buyer``,
``amount``, ``items``, ``shipments``). Rate limiting and test faults come from `Behaviour`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo.upstreams.behaviour import Behaviour, with_behaviour

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 500


def create_marketplace_app(
    orders: Sequence[dict[str, Any]], behaviour: Behaviour | None = None
) -> Starlette:
    """The marketplace app over ``orders`` (payloads with ``buyer.externalRef``)."""
    by_buyer: dict[str, list[dict[str, Any]]] = {}
    for order in orders:
        by_buyer.setdefault(str(order["buyer"]["externalRef"]), []).append(order)

    async def list_orders(request: Request) -> Response:
        buyers = request.query_params.getlist("buyer")
        if not buyers:
            return JSONResponse({"error": "at least one buyer is required"}, 400)
        try:
            size = int(request.query_params.get("page_size", DEFAULT_PAGE_SIZE))
            offset = int(request.query_params.get("page_token", "0"))
        except ValueError:
            return JSONResponse({"error": "page_size and page_token must be integers"}, 400)
        size = min(MAX_PAGE_SIZE, max(1, size))
        matching = [order for buyer in sorted(set(buyers)) for order in by_buyer.get(buyer, [])]
        page = matching[offset : offset + size]
        body: dict[str, Any] = {"results": page}
        if offset + size < len(matching):
            body["nextPageToken"] = str(offset + size)
        return JSONResponse(body)

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes = [Route("/v1/orders", list_orders), Route("/health", health)]
    return with_behaviour(routes, behaviour or Behaviour())
