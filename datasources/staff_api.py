"""The staff directory over HTTP (an HR system's staff endpoint), read incrementally.

The same contract as the SQL table (`datasources.staff.StaffDirectory`): changed staff page by
page through the endpoint's own cursor, and everyone still listed. An object that does not
read is reported by id and skipped; an answer that is not the configured shape is
`BadUpstreamData` (the sync stops rather than deactivate everyone on a broken page).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from core.errors import BadUpstreamData
from datasources.config import StaffApiConfig
from datasources.fields import FieldError, as_text
from datasources.http import QueryParams, get_json, pages
from datasources.resilience import Guard
from datasources.staff import StaffPage, staff_record

SOURCE = "staff"


class StaffApiSource:
    """Reads the staff endpoint through the configured field mapping."""

    def __init__(self, client: httpx.AsyncClient, config: StaffApiConfig, guard: Guard) -> None:
        self.client = client
        self.config = config
        self.guard = guard

    async def changed_since(
        self, since: datetime | None, *, first: int, after: str | None = None
    ) -> StaffPage:
        """One page of staff changed at or after ``since`` (None: all); ``after`` is the
        endpoint's cursor from the page before."""
        c = self.config
        params: dict[str, str | int] = {c.limit_param: min(first, c.page_size)}
        if since is not None:
            params[c.since_param] = since.astimezone(UTC).isoformat()
        if after is not None:
            params[c.cursor_param] = after
        body = await get_json(self.client, self.guard, c.staff_path, params)
        results = self._results(body)
        following = body.get(c.next_cursor_field)
        page = StaffPage(records=[], next=str(following) if following else None)
        for payload in results:
            try:
                if not isinstance(payload, Mapping):
                    raise FieldError("staff entry is not an object")
                page.records.append(staff_record(payload, c.fields, c.roles))
            except FieldError as error:
                label = payload.get(c.fields.id) if isinstance(payload, Mapping) else None
                page.unreadable.append(f"{str(label)[:40]}: {error}")
        return page

    async def listed_ids(self) -> set[str]:
        """The id of everyone the endpoint lists, active or not (every page)."""
        c = self.config
        params: QueryParams = {c.limit_param: c.page_size}
        ids: set[str] = set()
        async for results in pages(
            self.client,
            self.guard,
            c.staff_path,
            params,
            cursor_param=c.cursor_param,
            results_field=c.results_field,
            next_field=c.next_cursor_field,
        ):
            for payload in results:
                if not isinstance(payload, Mapping):
                    raise self._bad("a staff entry is not an object")
                try:
                    ids.add(as_text(payload.get(c.fields.id), c.fields.id))
                except FieldError as error:
                    raise self._bad(f"a staff entry has no id: {error}") from error
        return ids

    def _results(self, body: Mapping[str, Any]) -> list[Any]:
        results = body.get(self.config.results_field)
        if not isinstance(results, list):
            raise self._bad(f"answered without a {self.config.results_field!r} list")
        return results

    def _bad(self, message: str) -> BadUpstreamData:
        return BadUpstreamData(
            f"staff directory {self.config.staff_path}: {message}", source=self.guard.source
        )
