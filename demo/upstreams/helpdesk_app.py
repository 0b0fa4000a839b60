"""The demo helpdesk: tickets as JSON, looked up by requester ids, in cursor-paginated pages.

``GET /api/tickets?requester_ids=a,b&limit=100&cursor=…`` answers
``{"tickets": [...], "next_cursor": "…" | null}`` ordered by ticket id; the cursor is opaque
(base64 of the last id served). Rate limiting and test faults come from `Behaviour`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo.upstreams.behaviour import Behaviour, with_behaviour

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def encode_cursor(ticket_id: str) -> str:
    """The opaque cursor after ``ticket_id`` (base64, as real APIs hide their keys)."""
    return base64.urlsafe_b64encode(ticket_id.encode()).decode()


def decode_cursor(cursor: str) -> str | None:
    """The id a cursor stands for, or None when it is not one of ours."""
    try:
        decoded = base64.b64decode(cursor.encode(), altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded or None


def create_helpdesk_app(
    tickets: Sequence[dict[str, Any]], behaviour: Behaviour | None = None
) -> Starlette:
    """The helpdesk app over ``tickets`` (each with ``id`` and ``requester_id``)."""
    ordered = sorted(tickets, key=lambda t: str(t["id"]))
    by_requester: dict[str, list[dict[str, Any]]] = {}
    for ticket in ordered:
        by_requester.setdefault(str(ticket["requester_id"]), []).append(ticket)

    async def list_tickets(request: Request) -> Response:
        params = request.query_params
        raw_ids = params.get("requester_ids", "")
        requesters = [each for each in raw_ids.split(",") if each]
        try:
            limit = min(MAX_LIMIT, max(1, int(params.get("limit", DEFAULT_LIMIT))))
        except ValueError:
            return JSONResponse({"error": "limit must be an integer"}, 400)
        after = None
        if "cursor" in params:
            after = decode_cursor(params["cursor"])
            if after is None:
                return JSONResponse({"error": "invalid cursor"}, 400)
        if requesters:
            wanted = sorted(
                (t for r in set(requesters) for t in by_requester.get(r, [])),
                key=lambda t: str(t["id"]),
            )
        else:
            wanted = ordered
        if after is not None:
            wanted = [t for t in wanted if str(t["id"]) > after]
        page = wanted[:limit]
        more = len(wanted) > limit
        return JSONResponse(
            {"tickets": page, "next_cursor": encode_cursor(str(page[-1]["id"])) if more else None}
        )

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "tickets": len(ordered)})

    routes = [Route("/api/tickets", list_tickets), Route("/health", health)]
    return with_behaviour(routes, behaviour or Behaviour())
