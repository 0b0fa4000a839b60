"""The demo marketplace: a second sales channel's REST order feed with its own payload shape.

``GET /v1/orders?buyer=a&buyer=b&page_size=100&page_token=…`` answers
``{"results": [...], "nextPageToken": "…" | absent}``; orders are nested JSON (``buyer``,
``amount``, ``items``, ``shipments``). Rate limiting and test faults come from `Behaviour`.

``GET /v1/orders/newest?buyer=a&before=MP-0000042&buyer=b&before=&limit=20`` pages each buyer
newest first (by ``createdAt``, then ``orderId``; an unreadable time sorts oldest): the
``limit`` orders older than that buyer's ``before`` (empty: the newest), answering
``{"buyers": [{"buyer", "results", "total"}, ...]}`` in the order asked. Each buyer's list is
sorted once, when the app is built, and ``before`` is looked up in an index, so a page costs
what it holds.

``GET /v1/shipments/newest?buyer=a&before=TRK0001&limit=20`` pages each buyer's shipments the
same way, newest first by their own time (``deliveredAt``, else ``promisedFor``; then
``trackingNo``), each with its ``orderId``; a shipment with neither time is not listed. The
lists and the index of ``before`` are built once, with the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
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

    by_recency = {
        buyer: sorted(rows, key=_newest_first, reverse=True) for buyer, rows in by_buyer.items()
    }
    # Where each order sits in its buyer's list: a `before` cursor is one dict lookup.
    places = {
        (buyer, str(order.get("orderId"))): index
        for buyer, rows in by_recency.items()
        for index, order in enumerate(rows)
    }

    shipments = _shipments_by_buyer(by_buyer)
    shipment_places = {
        (buyer, str(shipment.get("trackingNo"))): index
        for buyer, rows in shipments.items()
        for index, shipment in enumerate(rows)
    }

    async def newest(request: Request) -> Response:
        return _pages(request, by_recency, places, "order")

    async def newest_shipments(request: Request) -> Response:
        return _pages(request, shipments, shipment_places, "shipment")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes = [
        Route("/v1/orders", list_orders),
        Route("/v1/orders/newest", newest),
        Route("/v1/shipments/newest", newest_shipments),
        Route("/health", health),
    ]
    return with_behaviour(routes, behaviour or Behaviour())


def _pages(
    request: Request,
    lists: dict[str, list[dict[str, Any]]],
    places: dict[tuple[str, str], int],
    noun: str,
) -> Response:
    """Each buyer's page of ``lists`` after its ``before`` (an index lookup in ``places``)."""
    buyers = request.query_params.getlist("buyer")
    befores = request.query_params.getlist("before")
    if not buyers or len(befores) != len(buyers):
        return JSONResponse({"error": "give each buyer a before (empty: newest)"}, 400)
    try:
        size = int(request.query_params.get("limit", DEFAULT_PAGE_SIZE))
    except ValueError:
        return JSONResponse({"error": "limit must be an integer"}, 400)
    size = min(MAX_PAGE_SIZE, max(1, size))
    answers: list[dict[str, Any]] = []
    for buyer, before in zip(buyers, befores, strict=True):
        rows = lists.get(buyer, [])
        start = 0
        if before:
            place = places.get((buyer, before))
            if place is None:
                return JSONResponse({"error": f"no {noun} {before!r} of {buyer!r}"}, 400)
            start = place + 1
        answers.append({"buyer": buyer, "results": rows[start : start + size], "total": len(rows)})
    return JSONResponse({"buyers": answers})


def _shipments_by_buyer(
    by_buyer: dict[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """Each buyer's timed shipments (with their order's id), newest first by their own time."""
    found: dict[str, list[dict[str, Any]]] = {}
    for buyer, orders in by_buyer.items():
        rows = [
            {**shipment, "orderId": order.get("orderId")}
            for order in orders
            if isinstance(order.get("shipments"), list)
            for shipment in order["shipments"]
            if isinstance(shipment, dict)
            and (shipment.get("deliveredAt") or shipment.get("promisedFor"))
        ]
        found[buyer] = sorted(rows, key=_shipment_newest_first, reverse=True)
    return found


def _shipment_newest_first(shipment: dict[str, Any]) -> tuple[datetime, str]:
    return _instant(shipment.get("deliveredAt") or shipment.get("promisedFor")), str(
        shipment.get("trackingNo")
    )


_OLDEST = datetime.min.replace(tzinfo=UTC)


def _instant(value: Any) -> datetime:
    try:
        at = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return _OLDEST
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _newest_first(order: dict[str, Any]) -> tuple[datetime, str]:
    return _instant(order.get("createdAt")), str(order.get("orderId"))
