"""Chooses the search backend from settings: OpenSearch when configured, else embedded."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.settings import Settings
from search.backend import SearchBackend
from search.embedded import EmbeddedSearch
from search.opensearch_backend import OpenSearchBackend


def create_search_backend(settings: Settings, engine: AsyncEngine) -> SearchBackend:
    """OpenSearch if `opensearch_url` is set, otherwise the embedded backend over `engine`."""
    if settings.opensearch_url:
        return OpenSearchBackend(settings.opensearch_url, settings.opensearch_index_prefix)
    return EmbeddedSearch(engine)
