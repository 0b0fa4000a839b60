"""The embedded search backend: notes searched inside the native store, no server needed."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.errors import SearchUnavailable


class EmbeddedSearch:
    """Search over the store's own database (the default when no OpenSearch is configured)."""

    name = "embedded"

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def ping(self) -> str:
        """The embedded backend is as available as the store it lives in."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search store is unreachable") from exc
        return f"embedded ({self.engine.dialect.name})"

    async def close(self) -> None:
        """Nothing to close: the engine belongs to the store."""
