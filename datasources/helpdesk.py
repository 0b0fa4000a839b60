"""The helpdesk (REST): tickets looked up by a batch of requester ids, through cursor pages."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from core.errors import BadUpstreamData
from datasources.config import HelpdeskConfig
from datasources.fields import (
    FieldError,
    as_instant,
    as_optional_instant,
    as_text,
    lookup,
)
from datasources.http import MAX_PAGES, QueryParams, get_json, pages
from datasources.records import TicketRecord
from datasources.resilience import Guard
from datasources.source_pages import PageQuery, Position, RawValue, SourcePage

SOURCE = "helpdesk"
MAX_TOKEN = 200
"""The longest API cursor kept in a connection cursor (which is bounded in length)."""


class HelpdeskSource:
    """Reads tickets from the helpdesk API through the configured field mapping."""

    def __init__(self, client: httpx.AsyncClient, config: HelpdeskConfig, guard: Guard) -> None:
        self.client = client
        self.config = config
        self.guard = guard

    async def tickets_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[TicketRecord]]:
        """Each requester's tickets, newest first: one request per page of the batch lookup."""
        if not ids:
            return {}
        c = self.config
        params: QueryParams = {
            c.requester_param: ",".join(sorted(set(ids))),
            c.limit_param: c.page_size,
        }
        tickets: dict[str, list[TicketRecord]] = {}
        async for page in pages(
            self.client,
            self.guard,
            c.tickets_path,
            params,
            cursor_param=c.cursor_param,
            results_field=c.results_field,
            next_field=c.next_cursor_field,
        ):
            for payload in page:
                ticket = self._ticket(payload)
                tickets.setdefault(ticket.customer_id, []).append(ticket)
        for listed in tickets.values():
            listed.sort(key=lambda t: (t.created_at, t.id), reverse=True)
        return tickets

    async def ticket_pages(self, queries: Sequence[PageQuery]) -> list[SourcePage[TicketRecord]]:
        """Each query's page of one requester's tickets, newest first, through the API's
        newest-first pagination, stopping as soon as a page is full: the first pages of the
        batch in one call per page size, a page after a cursor one call of its own."""
        firsts: dict[int, list[str]] = {}
        for query in queries:
            if query.after is None:
                firsts.setdefault(query.size, []).append(query.customer_id)
        started = await asyncio.gather(
            *(self._first_pages(size, ids) for size, ids in firsts.items())
        )
        opened = {
            (size, customer): state
            for size, states in zip(firsts, started, strict=True)
            for customer, state in states.items()
        }
        return list(
            await asyncio.gather(
                *(
                    self._fill(query, opened.get((query.size, query.customer_id)))
                    for query in queries
                )
            )
        )

    async def _first_pages(self, size: int, ids: list[str]) -> dict[str, _Started]:
        body = await self._newest(sorted(set(ids)), size, None)
        results, totals, following = self._page_parts(body)
        started = {
            customer: _Started([], totals.get(customer, 0), following.get(customer))
            for customer in ids
        }
        for payload in results:
            ticket = self._ticket(payload)
            if ticket.customer_id not in started:
                raise self._bad(f"a ticket of requester {ticket.customer_id!r} was listed")
            rows = started[ticket.customer_id].rows
            rows.append((ticket, Position(ticket.created_at, ticket.id, None, len(rows))))
        return started

    async def _fill(self, query: PageQuery, state: _Started | None) -> SourcePage[TicketRecord]:
        """Complete one page: from the batch's first answer, or from the query's cursor."""
        after = query.after
        boundary = None if after is None else (after.at, after.key)
        if state is None:
            state = _Started([], 0, None if after is None else after.token, fetch=True)
        # Resuming re-reads the cursor's own source page up to its row, then the page itself.
        again = 0 if after is None else after.index + 1
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            if len(state.rows) > query.size or not state.fetch:
                break
            token = state.following
            body = await self._newest([query.customer_id], query.size + again, token)
            again = 0
            results, totals, following = self._page_parts(body)
            for index, payload in enumerate(results):
                ticket = self._ticket(payload)
                if ticket.customer_id != query.customer_id:
                    raise self._bad(f"a ticket of requester {ticket.customer_id!r} was listed")
                if boundary is not None and not _older(ticket, boundary):
                    continue  # at or before the cursor, on the API page it was served on
                state.rows.append((ticket, Position(ticket.created_at, ticket.id, token, index)))
            state.total = totals.get(query.customer_id, 0)
            state.following = following.get(query.customer_id)
            state.fetch = state.following is not None
            if state.following in seen or len(state.following or "") > MAX_TOKEN:
                raise self._bad(f"{self.config.tickets_path} answered an unusable cursor")
            seen.add(state.following or "")
        else:
            raise self._bad(f"{self.config.tickets_path} spans more than {MAX_PAGES} pages")
        rows = state.rows
        return SourcePage(
            rows=rows[: query.size], has_more=len(rows) > query.size, total=state.total
        )

    async def _newest(self, ids: list[str], size: int, token: str | None) -> dict[str, Any]:
        c = self.config
        params: QueryParams = {
            c.requester_param: ",".join(ids),
            c.order_param: c.newest_first,
            c.limit_param: min(c.page_size, size + 1),
        }
        if token is not None:
            params = {**params, c.cursor_param: token}
        return await get_json(self.client, self.guard, c.tickets_path, params)

    def _page_parts(
        self, body: Mapping[str, Any]
    ) -> tuple[list[Any], dict[str, int], dict[str, str | None]]:
        c = self.config
        results, totals, following = (
            body.get(c.results_field),
            body.get(c.totals_field),
            body.get(c.next_cursors_field),
        )
        if not isinstance(results, list):
            raise self._bad(f"{c.tickets_path} answered without a {c.results_field!r} list")
        if not isinstance(totals, dict) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in totals.values()
        ):
            raise self._bad(f"{c.tickets_path} answered without {c.totals_field!r} counts")
        if not isinstance(following, dict):
            raise self._bad(f"{c.tickets_path} answered without {c.next_cursors_field!r}")
        cursors = {str(k): str(v) if v else None for k, v in following.items()}
        return results, {str(k): v for k, v in totals.items()}, cursors

    def _bad(self, message: str) -> BadUpstreamData:
        return BadUpstreamData(message, source=self.guard.source)

    async def ping(self) -> str:
        """Check the API answers; returns the HTTP status."""

        async def probe() -> str:
            response = await self.client.get(self.config.health_path)
            response.raise_for_status()
            return f"HTTP {response.status_code}"

        return await self.guard.read(probe, retry=False)

    def _ticket(self, payload: Any) -> TicketRecord:
        f = self.config.fields
        try:
            if not isinstance(payload, Mapping):
                raise FieldError("ticket is not an object")
            tags = lookup(payload, f.tags, required=False) or []
            if not isinstance(tags, list):
                raise FieldError(f"{f.tags} is not a list")
            return TicketRecord(
                id=as_text(lookup(payload, f.id), f.id),
                customer_id=as_text(lookup(payload, f.customer_id), f.customer_id),
                subject=as_text(lookup(payload, f.subject), f.subject),
                status=as_text(lookup(payload, f.status), f.status).lower(),
                priority=as_text(lookup(payload, f.priority), f.priority).lower(),
                created_at=as_instant(lookup(payload, f.created_at), f.created_at),
                updated_at=as_optional_instant(
                    lookup(payload, f.updated_at, required=False), f.updated_at
                ),
                tags=tuple(as_text(tag, f.tags) for tag in tags),
            )
        except FieldError as error:
            raise BadUpstreamData(
                f"helpdesk ticket unreadable: {error}", source=self.guard.source
            ) from error


@dataclass(slots=True)
class _Started:
    """A page being filled: rows so far, the requester's total, the API's next cursor, and
    whether to read on from it."""

    rows: list[tuple[TicketRecord, Position]]
    total: int
    following: str | None
    fetch: bool = False

    def __post_init__(self) -> None:
        self.fetch = self.fetch or self.following is not None


def _older(ticket: TicketRecord, boundary: tuple[RawValue, str]) -> bool:
    at, key = boundary
    if not isinstance(at, datetime) or at.tzinfo is None:
        return True  # not a position of this list (the connection checks its cursors)
    return (ticket.created_at, ticket.id) < (at, key)
