"""The search backend interface shared by OpenSearch (production) and the embedded backend."""

from __future__ import annotations

from typing import Protocol


class SearchBackend(Protocol):
    """What the gateway needs from a note search backend."""

    name: str

    async def ping(self) -> str:
        """Return a short description (e.g. version) or raise SearchUnavailable."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...
