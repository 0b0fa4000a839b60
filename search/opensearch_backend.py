"""OpenSearch as the production note search backend (async client).

Every client failure is translated here, at the boundary, into `SearchUnavailable` with a
short, safe message; OpenSearch's own error text is logged, never passed to a caller.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import structlog
from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import (
    AuthenticationException,
    AuthorizationException,
    NotFoundError,
    OpenSearchException,
    RequestError,
)

from core import tracing
from core.errors import SearchUnavailable
from search.backend import WriteOutcome, WriteStatus
from search.connection import OpenSearchConnection, open_client
from search.documents import NoteDocument
from search.mapping import (
    ADDED_FIELDS,
    ANALYSIS_MODULE,
    REFRESH_INTERVAL,
    alias_name,
    index_body,
    new_index_name,
)
from search.opensearch_dsl import request_body
from search.request import NoteSearch
from search.results import Facets, SearchHit, SearchPage, buckets
from store.visibility import NoteVisibility

_log = structlog.get_logger("search.opensearch")
# The first index gets a fixed name, so two processes starting at once create only one.
_FIRST_INDEX_TIME = datetime(1970, 1, 1, tzinfo=UTC)
# While a rebuild loads an index nobody reads yet: no replicas to copy to, and the translog
# fsynced every few seconds instead of on every bulk request (a crash just fails the rebuild).
# `swap_alias` restores the live settings before the index goes live.
_BULK_LOAD_SETTINGS: dict[str, Any] = {
    "number_of_replicas": 0,
    "translog.durability": "async",
}
_REBUILD_TIMEOUT = 120.0


@asynccontextmanager
async def _translated(action: str) -> AsyncIterator[None]:
    try:
        with tracing.child_span(
            f"search {action}",
            kind=tracing.SpanKind.CLIENT,
            attributes={"db.system": "opensearch", "db.operation": action},
        ):
            yield
    except (AuthenticationException, AuthorizationException) as exc:
        # The operator's fix is a setting; the caller learns only that search is down.
        _log.warning(
            "opensearch refused the gateway's credentials (check C360_OPENSEARCH_USERNAME / "
            "C360_OPENSEARCH_PASSWORD, the client certificate or the SigV4 role)",
            action=action,
            status=exc.status_code,
        )
        raise SearchUnavailable(f"OpenSearch refused the gateway ({action} failed)") from exc
    except (OpenSearchException, OSError, TimeoutError) as exc:
        _log.warning("opensearch call failed", action=action, error=repr(exc)[:500])
        raise SearchUnavailable(f"OpenSearch is unreachable ({action} failed)") from exc


def _highlights(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for field in ("subject", "body"):
        fragments = raw.get(field) or raw.get(f"{field}.exact")
        if fragments:
            merged[field] = fragments
    return merged


def _facet(aggregations: dict[str, Any], name: str) -> list[tuple[str, int]]:
    return [(str(b["key"]), int(b["doc_count"])) for b in aggregations[name]["buckets"]]


class OpenSearchBackend:
    """Note search on an OpenSearch cluster, through the `<prefix>-notes` alias."""

    name = "opensearch"

    def __init__(
        self,
        url: str | OpenSearchConnection,
        index_prefix: str,
        *,
        timeout: float = 5.0,
        replicas: int = 0,
    ) -> None:
        # A bare URL: plain defaults; the runtime passes the settings' TLS, auth and pool.
        connection = (
            url
            if isinstance(url, OpenSearchConnection)
            else OpenSearchConnection(url, timeout=timeout)
        )
        self.client: AsyncOpenSearch = open_client(connection)
        self.index_prefix = index_prefix
        self.alias = alias_name(index_prefix)
        self.replicas = replicas
        self._index_checked = False
        # Whether the cluster can fold and stem (decided once, from its modules).
        self.linguistic: bool | None = None

    async def ping(self) -> str:
        """Ask the cluster for its version; any failure is SearchUnavailable."""
        async with _translated("ping"):
            info = await self.client.info()
        return f"OpenSearch {info['version']['number']}"

    async def close(self) -> None:
        """Close the client's connection pool."""
        await self.client.close()

    async def _index_body(self, refresh_interval: str = REFRESH_INTERVAL) -> dict[str, Any]:
        if self.linguistic is None:
            nodes = await self.client.nodes.info(metric="plugins")
            self.linguistic = all(
                any(module["name"] == ANALYSIS_MODULE for module in node.get("modules", []))
                for node in nodes["nodes"].values()
            )
        return index_body(
            linguistic=self.linguistic, replicas=self.replicas, refresh_interval=refresh_interval
        )

    async def ensure_index(self) -> None:
        """Create the first index with the alias unless the alias exists."""
        if self._index_checked:
            return
        async with _translated("index check"):
            if await self.client.indices.exists_alias(name=self.alias):
                # Fields added since the index was made (new keyword fields only: adding a
                # field is the one mapping change an existing index accepts).
                await self.client.indices.put_mapping(index=self.alias, body=ADDED_FIELDS)
            else:
                body = await self._index_body()
                body["aliases"] = {self.alias: {"is_write_index": True}}
                try:
                    await self.client.indices.create(
                        index=new_index_name(self.index_prefix, _FIRST_INDEX_TIME), body=body
                    )
                except RequestError as exc:
                    if exc.error != "resource_already_exists_exception":
                        raise
            # A brand-new (or just restarted) index answers 503 until its shard is started.
            await self.client.cluster.health(index=self.alias, wait_for_status="yellow")
        self._index_checked = True

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        """Bulk-index with `version_type=external`: an older version never replaces a newer."""
        if not documents:
            return []
        if index is None:
            await self.ensure_index()
        lines: list[dict[str, Any]] = []
        for document in documents:
            lines.append(
                {
                    "index": {
                        "_index": index or self.alias,
                        "_id": document.note_id,
                        "version": document.version,
                        "version_type": "external",
                    }
                }
            )
            lines.append(document.source())
        async with _translated("bulk write"):
            # A rebuild target takes large batches with nobody waiting on a page: give it time.
            timeout = _REBUILD_TIMEOUT if index is not None else None
            response = await self.client.bulk(body=lines, request_timeout=timeout)
        statuses = [int(item["index"].get("status", 500)) for item in response["items"]]
        if any(status == 429 or status >= 500 for status in statuses):
            # Overloaded or shards not yet allocated (e.g. just restarted): an outage, retried
            # as a whole without counting against any document.
            raise SearchUnavailable("OpenSearch is not accepting writes yet")
        outcomes = []
        for document, item in zip(documents, response["items"], strict=True):
            result = item["index"]
            status = int(result.get("status", 500))
            if status < 300:
                outcomes.append(WriteOutcome(document.note_id, WriteStatus.WRITTEN))
            elif status == 409:
                outcomes.append(WriteOutcome(document.note_id, WriteStatus.STALE))
            else:
                error = result.get("error", {})
                reason = f"{error.get('type', status)}: {error.get('reason', '')}"[:1000]
                outcomes.append(WriteOutcome(document.note_id, WriteStatus.FAILED, reason))
        return outcomes

    async def search(self, search: NoteSearch, visibility: NoteVisibility) -> SearchPage:
        """One page of `search` within `visibility`."""
        await self.ensure_index()
        async with _translated("search"):
            response = await self.client.search(
                index=self.alias, body=request_body(search, visibility)
            )
        raw_hits = response["hits"]["hits"]
        hits = [
            SearchHit(
                note_id=str(hit["_id"]),
                score=hit.get("_score") if search.ranked else None,
                highlights=_highlights(hit.get("highlight", {})),
                sort_values=tuple(hit["sort"]),
            )
            for hit in raw_hits[: search.first]
        ]
        aggregations = response["aggregations"]
        return SearchPage(
            hits=hits,
            total=int(response["hits"]["total"]["value"]),
            facets=Facets(
                tags=buckets(_facet(aggregations, "tags")),
                types=buckets(_facet(aggregations, "types")),
                authors=buckets(_facet(aggregations, "authors")),
                sentiments=buckets(_facet(aggregations, "sentiments")),
                urgencies=buckets(_facet(aggregations, "urgencies")),
            ),
            has_next=len(raw_hits) > search.first,
        )

    async def aggregate(
        self, bodies: Sequence[dict[str, Any]], *, request_timeout: float
    ) -> list[dict[str, Any]]:
        """Run `_search` bodies (aggregations) in one `_msearch` on the live index; one response
        each, in order. The engine runs them side by side; any failed part is SearchUnavailable."""
        await self.ensure_index()
        lines: list[dict[str, Any]] = []
        for body in bodies:
            lines += [{"index": self.alias}, body]
        async with _translated("aggregate"):
            response = await self.client.msearch(body=lines, request_timeout=request_timeout)
        answers: list[dict[str, Any]] = response["responses"]
        for answer in answers:
            if "error" in answer or answer.get("timed_out") or answer["_shards"].get("failed"):
                _log.warning("opensearch aggregation failed", error=repr(answer)[:500])
                raise SearchUnavailable("OpenSearch could not answer (aggregate failed)")
        return answers

    async def refresh(self) -> None:
        """Refresh the live index so every write so far is searchable."""
        async with _translated("refresh"):
            await self.client.indices.refresh(index=self.alias)

    async def create_index(self) -> str:
        """A new versioned index set up for a fast bulk load (see `_BULK_LOAD_SETTINGS`)."""
        name = new_index_name(self.index_prefix)
        async with _translated("create index"):
            body = await self._index_body(refresh_interval="-1")
            body["settings"].update(_BULK_LOAD_SETTINGS)
            await self.client.indices.create(index=name, body=body)
        return name

    async def swap_alias(self, index: str) -> list[str]:
        """Point the alias at `index` in one atomic call, then delete the old indexes."""
        async with _translated("alias swap"):
            await self.client.indices.put_settings(
                index=index,
                body={
                    "index": {
                        "refresh_interval": REFRESH_INTERVAL,
                        "number_of_replicas": self.replicas,
                        "translog.durability": "request",
                    }
                },
            )
            # The first refresh writes the whole load as segments: seconds, not milliseconds.
            await self.client.indices.refresh(index=index, request_timeout=_REBUILD_TIMEOUT)
            try:
                current = await self.client.indices.get_alias(name=self.alias)
            except NotFoundError:
                current = {}
            old = sorted(name for name in current if name != index)
            actions: list[dict[str, Any]] = [
                {"remove": {"index": name, "alias": self.alias}} for name in old
            ]
            actions.append({"add": {"index": index, "alias": self.alias, "is_write_index": True}})
            await self.client.indices.update_aliases(body={"actions": actions})
            for name in old:
                await self.client.indices.delete(index=name)
        self._index_checked = True
        return old

    async def drop_index(self, index: str) -> None:
        """Delete an index that never went live."""
        async with _translated("drop index"):
            await self.client.indices.delete(index=index, ignore_unavailable=True)
