"""The demo helpdesk: tickets as JSON, looked up by requester ids, in cursor-paginated pages.

``GET /api/tickets?requester_ids=a,b&limit=100&cursor=…`` answers
``{"tickets": [...], "next_cursor": "…" | null}`` ordered by ticket id. With ``order=newest``
it answers each requester's newest ``limit`` tickets (created, then id, both descending; a
``cursor`` only with one requester) as ``{"tickets": [...], "totals": {requester: n},
"next_cursors": {requester: "…" | null}}``. Cursors are opaque (base64 of the last position).
Pages come from an index built once (each requester's tickets sorted both ways; a cursor is
found by bisection), so a page costs what it holds, not the requester's history.
Rate limiting and test faults come from `Behaviour`.
"""

from __future__ import annotations

import base64
import binascii
import heapq
import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo.upstreams.behaviour import Behaviour, with_behaviour

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
NEWEST = "newest"

Ticket = dict[str, Any]
NewestKey = tuple[datetime, str]


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


def encode_newest_cursor(key: NewestKey) -> str:
    """The opaque cursor after the ticket created at ``key[0]`` with id ``key[1]``."""
    return encode_cursor(json.dumps([key[0].isoformat(), key[1]]))


def decode_newest_cursor(cursor: str) -> NewestKey | None:
    """The (created, id) a newest-first cursor stands for, or None when it is not one."""
    text = decode_cursor(cursor)
    try:
        created, ticket_id = json.loads(text or "")
        return datetime.fromisoformat(created), str(ticket_id)
    except (ValueError, TypeError):
        return None


def _created(ticket: Ticket) -> datetime:
    # A ticket without a readable instant sorts as the oldest (the gateway reports it).
    try:
        created = datetime.fromisoformat(str(ticket["created_at"]))
    except (KeyError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return created if created.tzinfo else created.replace(tzinfo=UTC)


def _key(ticket: Ticket) -> NewestKey:
    return _created(ticket), str(ticket["id"])


@dataclass(frozen=True, slots=True)
class Listed:
    """One page the index served: the tickets, whether more follow, the total of the
    requesters asked, and how many tickets the index looked at to serve it."""

    tickets: list[Ticket]
    more: bool
    total: int
    scanned: int


class TicketIndex:
    """Every requester's tickets sorted once by id and once by (created, id)."""

    def __init__(self, tickets: Sequence[Ticket]) -> None:
        by_id = sorted(tickets, key=lambda t: str(t["id"]))
        self._all = by_id
        self._all_ids = [str(t["id"]) for t in by_id]
        self._by_id: dict[str, tuple[list[str], list[Ticket]]] = {}
        self._newest: dict[str, tuple[list[NewestKey], list[Ticket]]] = {}
        grouped: dict[str, list[Ticket]] = {}
        for ticket in by_id:
            grouped.setdefault(str(ticket["requester_id"]), []).append(ticket)
        for requester, listed in grouped.items():
            self._by_id[requester] = ([str(t["id"]) for t in listed], listed)
            ascending = sorted(listed, key=_key)
            self._newest[requester] = ([_key(t) for t in ascending], ascending)

    def __len__(self) -> int:
        return len(self._all)

    def by_id(self, requesters: Sequence[str], after: str | None, limit: int) -> Listed:
        """Up to ``limit`` tickets of ``requesters`` (everyone's when empty) with an id after
        ``after``, by id."""
        if requesters:
            runs = [self._by_id[r] for r in sorted(set(requesters)) if r in self._by_id]
        else:
            runs = [(self._all_ids, self._all)]
        total = sum(len(ids) for ids, _ in runs)
        starts = [0 if after is None else bisect_right(ids, after) for ids, _ in runs]
        merged = heapq.merge(
            *(_from(listed, start) for (_, listed), start in zip(runs, starts, strict=True)),
            key=lambda t: str(t["id"]),
        )
        return _take(merged, limit, total)

    def newest(self, requesters: Sequence[str], before: NewestKey | None, limit: int) -> Listed:
        """Up to ``limit`` tickets of ``requesters`` older than ``before``, newest first."""
        runs = [self._newest[r] for r in sorted(set(requesters)) if r in self._newest]
        total = sum(len(keys) for keys, _ in runs)
        ends = [len(keys) if before is None else bisect_left(keys, before) for keys, _ in runs]
        merged = heapq.merge(
            *(_back(keys, listed, end) for (keys, listed), end in zip(runs, ends, strict=True)),
            key=lambda pair: pair[0],
            reverse=True,
        )
        return _take((ticket for _, ticket in merged), limit, total)


def _from(listed: list[Ticket], start: int) -> Iterator[Ticket]:
    return (listed[i] for i in range(start, len(listed)))


def _back(
    keys: list[NewestKey], listed: list[Ticket], end: int
) -> Iterator[tuple[NewestKey, Ticket]]:
    return ((keys[i], listed[i]) for i in range(end - 1, -1, -1))


def _take(merged: Iterator[Ticket], limit: int, total: int) -> Listed:
    window = list(islice(merged, limit + 1))
    return Listed(window[:limit], len(window) > limit, total, len(window))


def _newest_pages(
    index: TicketIndex, requesters: list[str], limit: int, cursor: str | None
) -> Response:
    """Each requester's newest ``limit`` tickets (after ``cursor``, with one requester)."""
    if not requesters or (cursor is not None and len(set(requesters)) > 1):
        return JSONResponse({"error": "order=newest needs requester_ids (one with a cursor)"}, 400)
    before = None if cursor is None else decode_newest_cursor(cursor)
    if cursor is not None and before is None:
        return JSONResponse({"error": "invalid cursor"}, 400)
    tickets: list[Ticket] = []
    totals: dict[str, int] = {}
    following: dict[str, str | None] = {}
    for requester in sorted(set(requesters)):
        listed = index.newest([requester], before, limit)
        tickets += listed.tickets
        totals[requester] = listed.total
        last = listed.tickets[-1] if listed.more else None
        following[requester] = None if last is None else encode_newest_cursor(_key(last))
    return JSONResponse({"tickets": tickets, "totals": totals, "next_cursors": following})


def create_helpdesk_app(tickets: Sequence[Ticket], behaviour: Behaviour | None = None) -> Starlette:
    """The helpdesk app over ``tickets`` (each with ``id``, ``requester_id``, ``created_at``)."""
    index = TicketIndex(tickets)

    async def list_tickets(request: Request) -> Response:
        params = request.query_params
        requesters = [each for each in params.get("requester_ids", "").split(",") if each]
        try:
            limit = min(MAX_LIMIT, max(1, int(params.get("limit", DEFAULT_LIMIT))))
        except ValueError:
            return JSONResponse({"error": "limit must be an integer"}, 400)
        cursor = params.get("cursor")
        if params.get("order") == NEWEST:
            return _newest_pages(index, requesters, limit, cursor)
        after = None if cursor is None else decode_cursor(cursor)
        if cursor is not None and after is None:
            return JSONResponse({"error": "invalid cursor"}, 400)
        listed = index.by_id(requesters, after, limit)
        following = encode_cursor(str(listed.tickets[-1]["id"])) if listed.more else None
        return JSONResponse({"tickets": listed.tickets, "next_cursor": following})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "tickets": len(index)})

    routes = [Route("/api/tickets", list_tickets), Route("/health", health)]
    return with_behaviour(routes, behaviour or Behaviour())
