"""The staff directory (a CRM or HR table, SQL): who works here, read incrementally.

`sync-agents` reads the rows changed since its watermark (the newest ``updated_at`` it has
copied), page by page in id order, and the ids of everyone still listed, to deactivate
leavers that were deleted rather than marked inactive. `StaffDirectory` is that contract;
the SQL table here and the HTTP endpoint in `datasources/staff_api.py` both keep it. The
guard times the query and its rows only; the rows become records after it lets go, handing
the event loop back as they go (`datasources.normalising`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import DateTime, Select, literal, select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import StaffColumns, StaffTable
from datasources.fields import FieldError, as_bool, as_instant, as_optional_text, as_text
from datasources.normalising import normalised_rows
from datasources.records import StaffRecord
from datasources.resilience import Guard
from datasources.sql import col, fetch_all, mapped_table


@dataclass(frozen=True, slots=True)
class StaffPage:
    """One page of changed rows: those that read, why the others did not, where to go on
    (``next``: the ``after`` of the following page; None on the last page)."""

    records: list[StaffRecord]
    unreadable: list[str] = field(default_factory=list)
    next: str | None = None


class StaffDirectory(Protocol):
    """What `sync-agents` reads: changed staff page by page, and every id still listed."""

    async def changed_since(
        self, since: datetime | None, *, first: int, after: str | None = None
    ) -> StaffPage:
        """Up to ``first`` staff changed at or after ``since`` (None: all)."""
        ...

    async def listed_ids(self) -> set[str]:
        """The id of everyone the directory lists, active or not."""
        ...


def staff_record(
    values: Mapping[str, Any], names: StaffColumns, roles: Mapping[str, str]
) -> StaffRecord:
    """A staff record from one row or object, its keys named by ``names`` (columns or fields);
    with a ``roles`` map, a job it does not name makes the row a leaver."""
    role = as_optional_text(values.get(names.role), names.role)
    raw_active = values.get(names.active)
    active = as_bool(raw_active if raw_active is not None else False, names.active)
    if roles:
        role = roles.get(role or "")
        # A job the gateway has no role for cannot write here: treated as a leaver.
        active = active and role is not None
    return StaffRecord(
        id=as_text(values.get(names.id), names.id),
        name=as_text(values.get(names.name), names.name),
        email=as_text(values.get(names.email), names.email),
        role=role,
        branch_id=as_optional_text(values.get(names.branch), names.branch),
        active=active,
        updated_at=as_instant(values.get(names.updated_at), names.updated_at),
    )


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
        following = str(rows[-1][c.id]) if len(rows) == first else None
        page = StaffPage(records=[], next=following)
        for read in await normalised_rows(self.guard.source, self._readable, rows):
            if isinstance(read, StaffRecord):
                page.records.append(read)
            else:
                page.unreadable.append(read)
        return page

    async def listed_ids(self) -> set[str]:
        """The id of every row the table holds, active or not."""
        rows = await self._read(select(col(self._table, self._columns.id)))
        c = self._columns
        return set(await normalised_rows(self.guard.source, lambda r: as_text(r[c.id], c.id), rows))

    def _readable(self, row: Mapping[str, Any]) -> StaffRecord | str:
        """The row's record, or why it does not read."""
        c = self._columns
        try:
            return staff_record(row, c, self.config.roles)
        except FieldError as error:
            # One bad row is reported and left as it is; it must not stop everyone else's.
            return f"{str(row[c.id])[:40]}: {error}"

    async def _read(self, statement: Select[Any]) -> list[dict[str, Any]]:
        async def run() -> list[dict[str, Any]]:
            async with self.engine.connect() as connection:
                return await fetch_all(connection, statement)

        return await self.guard.read(run)
