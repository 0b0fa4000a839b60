"""The helpdesk (REST): tickets looked up by a batch of requester ids, through cursor pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from datasources.http import QueryParams, pages
from datasources.records import TicketRecord
from datasources.resilience import Guard

SOURCE = "helpdesk"


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
