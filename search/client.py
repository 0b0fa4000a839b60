"""Chooses the search backend from settings: OpenSearch when configured, else embedded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from search.backend import SearchBackend
from search.connection import OpenSearchConnection
from search.embedded import EmbeddedSearch
from search.opensearch_backend import OpenSearchBackend


def default_embedded_path(settings: Settings) -> Path:
    """Beside a SQLite store (``x.db`` → ``x-search.db``); ``data_dir/search.db`` otherwise."""
    if settings.is_sqlite:
        database = make_url(settings.database_url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            store = Path(database)
            return store.with_name(f"{store.stem}-search.db")
    return settings.data_dir / "search.db"


def create_search_backend(
    settings: Settings, engine: AsyncEngine | None = None, *, embedded_path: Path | None = None
) -> SearchBackend:
    """OpenSearch if `opensearch_url` is set, otherwise the embedded SQLite FTS5 index.

    `engine` (the store's) is no longer used: the embedded index has a file of its own.
    """
    if settings.opensearch_url:
        connection = OpenSearchConnection.from_settings(settings)
        return OpenSearchBackend(connection, settings.opensearch_index_prefix)
    path = embedded_path or default_embedded_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    return EmbeddedSearch.open(path)
