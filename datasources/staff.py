"""The staff directory (a CRM or HR table, SQL): who works here, read incrementally.

`sync-agents` reads the rows changed since its watermark (the newest ``updated_at`` it has
copied), page by page in id order, and the ids of everyone still listed, to deactivate
leavers that were deleted rather than marked inactive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Select, literal, select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import StaffTable
from datasources.fields import FieldError, as_bool, as_instant, as_optional_text, as_text
from datasources.records import StaffRecord
from datasources.resilience import Guard
from datasources.sql import col, fetch_all, mapped_table


@dataclass(frozen=True, slots=True)
class StaffPage:
    """One page of changed rows: those that read, why the others did not, where to go on."""

    records: list[StaffRecord]
    unreadable: list[str] = field(default_factory=list)
    last_id: str | None = None


class StaffSource:
    """Reads the staff table through its configured mapping."""

    def __init__(self, engine: AsyncEngine, config: StaffTable, guard: Guard) -> None:
        self.engine = engine
        self.config = config
        self.guard = guard
        self._columns = config.columns
        self._table = mapped_table(config.table, self._columns)

    async def changed_since(
        self, since: datetime | None, *, first: int, after: str | None = None
    ) -> StaffPage:
        """Up to ``first`` rows changed at or after ``since`` (None: all), in id order."""
        c = self._columns
        id_column = col(self._table, c.id)
        statement: Select[Any] = select(self._table).order_by(id_column).limit(first)
        if since is not None:
            # Typed, so SQLite compares it in the form it stores timestamps in.
            moment = literal(since.astimezone(UTC), DateTime(timezone=True))
            statement = statement.where(col(self._table, c.updated_at) >= moment)
        if after is not None:
            statement = statement.where(id_column > after)
        rows = await self._read(statement)
        page = StaffPage(records=[], last_id=str(rows[-1][c.id]) if rows else None)
        for row in rows:
            try:
                page.records.append(self._record(row))
            except FieldError as error:
                # One bad row is reported and left as it is; it must not stop everyone else's.
                page.unreadable.append(f"{str(row[c.id])[:40]}: {error}")
        return page

    async def listed_ids(self) -> set[str]:
        """The id of every row the table holds, active or not."""
        rows = await self._read(select(col(self._table, self._columns.id)))
        return {as_text(row[self._columns.id], self._columns.id) for row in rows}

    async def _read(self, statement: Select[Any]) -> list[dict[str, Any]]:
        async def run() -> list[dict[str, Any]]:
            async with self.engine.connect() as connection:
                return await fetch_all(connection, statement)

        return await self.guard.read(run)

    def _record(self, row: Mapping[str, Any]) -> StaffRecord:
        c = self._columns
        role = as_optional_text(row[c.role], c.role)
        active = as_bool(row[c.active] if row[c.active] is not None else False, c.active)
        if self.config.roles:
            role = self.config.roles.get(role or "")
            # A job the gateway has no role for cannot write here: treated as a leaver.
            active = active and role is not None
        return StaffRecord(
            id=as_text(row[c.id], c.id),
            name=as_text(row[c.name], c.name),
            email=as_text(row[c.email], c.email),
            role=role,
            branch_id=as_optional_text(row[c.branch], c.branch),
            active=active,
            updated_at=as_instant(row[c.updated_at], c.updated_at),
        )
