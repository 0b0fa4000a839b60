"""Helpers for GraphQL write tests: a gateway on a seeded store, and one-call queries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.settings import Settings
from demo.seed import seed
from store.db import create_engine
from store.models import COUNTER_TABLES, Base
from tests.fixtures.app import sqlite_settings

# Stable ids of the demo roster (demo/distributions.py: core roles, then per branch).
ADMIN, MANAGER, QA, SUPPORT, FINANCE = "agent-1", "agent-2", "agent-3", "agent-4", "agent-6"
SALES_1, BRANCH_1, FIELD_1, SALES_2 = "agent-8", "agent-9", "agent-10", "agent-11"


async def seeded_settings(database_url: str, directory: Path, **overrides: Any) -> Settings:
    """Settings of a gateway on `database_url`, seeded with a tiny demo first."""
    engine = create_engine(database_url)
    try:
        await seed(engine, customers=20, notes=60)
    finally:
        await engine.dispose()
    return sqlite_settings(directory, database_url=database_url, **overrides)


async def gql(
    http: httpx.AsyncClient, token: str | None, query: str, **variables: Any
) -> dict[str, Any]:
    """POST one operation and return the decoded response (status must be 200)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def store_engine(settings: Settings) -> AsyncEngine:
    """An engine on the gateway's own store, for asserting what was written."""
    return create_engine(settings.database_url)


def nodes(connection: dict[str, Any] | None) -> list[Any]:
    """The nodes of a connection in the answer, in order (an empty list for null)."""
    return [edge["node"] for edge in (connection or {}).get("edges", [])]


async def row_counts(settings: Settings) -> dict[str, int]:
    """Rows per table of the gateway's store (audit log included; the rate-limit counters,
    which every request may move, left out)."""
    engine = store_engine(settings)
    try:
        async with engine.connect() as connection:
            return {
                table.name: await connection.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
                if table.name not in COUNTER_TABLES
            }
    finally:
        await engine.dispose()
