"""OpenSearch as the production note search backend (async client)."""

from __future__ import annotations

from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import OpenSearchException

from gateway.errors import SearchUnavailable


class OpenSearchBackend:
    """Note search on an OpenSearch cluster."""

    name = "opensearch"

    def __init__(self, url: str, index_prefix: str, *, timeout: float = 5.0) -> None:
        self.client = AsyncOpenSearch(hosts=[url], timeout=timeout, max_retries=0)
        self.index_prefix = index_prefix

    async def ping(self) -> str:
        """Ask the cluster for its version; any failure is SearchUnavailable."""
        try:
            info = await self.client.info()
        except (OpenSearchException, OSError, TimeoutError) as exc:
            raise SearchUnavailable(f"OpenSearch is unreachable: {type(exc).__name__}") from exc
        return f"OpenSearch {info['version']['number']}"

    async def close(self) -> None:
        """Close the client's connection pool."""
        await self.client.close()
