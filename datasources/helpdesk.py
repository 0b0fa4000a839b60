"""The helpdesk (REST): tickets looked up by a batch of requester ids, through cursor pages."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
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
        """Each query's page of one requester's tickets, newest first, through the API's own
        newest-first pagination: reads stop as soon as the page is full (one call each,
        concurrently; a page the API serves in parts follows its next cursor)."""
        return list(await asyncio.gather(*(self._ticket_page(query) for query in queries)))

    async def _ticket_page(self, query: PageQuery) -> SourcePage[TicketRecord]:
        c = self.config
        params: QueryParams = {
            c.requester_param: query.customer_id,
            c.order_param: c.newest_first,
            c.limit_param: min(c.page_size, query.size + 1),
        }
        after = query.after
        boundary = None if after is None else (after.at, after.key)
        token = None if after is None else after.token
        rows: list[tuple[TicketRecord, Position]] = []
        total = 0
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            body = await get_json(
                self.client,
                self.guard,
                c.tickets_path,
                params if token is None else {**params, c.cursor_param: token},
            )
            results, total, following = self._page_parts(body)
            for payload in results:
                ticket = self._ticket(payload)
                if ticket.customer_id != query.customer_id:
                    raise self._bad(f"a ticket of requester {ticket.customer_id!r} was listed")
                if boundary is not None and not _older(ticket, boundary):
                    continue  # at or before the cursor, on the API page it was served on
                rows.append((ticket, Position(at=ticket.created_at, key=ticket.id, token=token)))
            if len(rows) > query.size or following is None:
                return SourcePage(
                    rows=rows[: query.size], has_more=len(rows) > query.size, total=total
                )
            if following in seen or len(following) > MAX_TOKEN:
                raise self._bad(f"{c.tickets_path} answered an unusable cursor {following!r}")
            seen.add(following)
            token = following
        raise self._bad(f"{c.tickets_path} spans more than {MAX_PAGES} pages")

    def _page_parts(self, body: Mapping[str, Any]) -> tuple[list[Any], int, str | None]:
        c = self.config
        results, total, following = (
            body.get(c.results_field),
            body.get(c.total_field),
            body.get(c.next_cursor_field),
        )
        if not isinstance(results, list):
            raise self._bad(f"{c.tickets_path} answered without a {c.results_field!r} list")
        if not isinstance(total, int) or isinstance(total, bool) or total < 0:
            raise self._bad(f"{c.tickets_path} answered without a {c.total_field!r} count")
        return results, total, str(following) if following else None

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


def _older(ticket: TicketRecord, boundary: tuple[RawValue, str]) -> bool:
    at, key = boundary
    if not isinstance(at, datetime) or at.tzinfo is None:
        return True  # not a position of this list (the connection checks its cursors)
    return (ticket.created_at, ticket.id) < (at, key)
