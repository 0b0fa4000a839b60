"""The customer directory (CRM, SQL): customers by id, referrals, and a keyset-paged listing.

The guard times the query and its rows only; the rows become records after it lets go
(`datasources.normalising`), so a large answer's mapping never counts against the CRM's
timeout or breaker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import CrmConfig
from datasources.fields import (
    as_bool,
    as_instant,
    as_optional_instant,
    as_optional_text,
    as_text,
)
from datasources.normalising import normalised_rows
from datasources.records import CustomerRecord
from datasources.resilience import Guard
from datasources.sql import col, fetch_all, mapped_table
from datasources.staff import StaffSource

SOURCE = "crm"


class CrmSource:
    """Reads the CRM's customer table through its configured mapping."""

    def __init__(self, engine: AsyncEngine, config: CrmConfig, guard: Guard) -> None:
        self.engine = engine
        self.config = config
        self.guard = guard
        self._columns = config.customers.columns
        self._table = mapped_table(config.customers.table, self._columns)
        # The staff table, when this CRM holds one: the agent directory's source.
        self.staff = StaffSource(engine, config.staff, guard) if config.staff else None

    async def customers_by_id(self, ids: Sequence[str]) -> dict[str, CustomerRecord]:
        """The customers with these ids (one query); unknown ids are simply absent."""
        if not ids:
            return {}
        id_column = col(self._table, self._columns.id)
        rows = await self._read(self._select().where(id_column.in_(sorted(set(ids)))))
        return {record.id: record for record in rows}

    async def referrals_by_referrer_id(self, ids: Sequence[str]) -> dict[str, list[CustomerRecord]]:
        """The customers each of these customers referred (one query), oldest first."""
        if not ids:
            return {}
        referrer = col(self._table, self._columns.referred_by)
        statement = self._select().where(referrer.in_(sorted(set(ids))))
        referrals: dict[str, list[CustomerRecord]] = {}
        for record in sorted(await self._read(statement), key=lambda r: r.created_at):
            if record.referred_by_id is not None:
                referrals.setdefault(record.referred_by_id, []).append(record)
        return referrals

    async def list_customers(self, *, first: int, after: str | None = None) -> list[CustomerRecord]:
        """Up to ``first`` customers ordered by id, starting after the id ``after``."""
        id_column = col(self._table, self._columns.id)
        statement = self._select().order_by(id_column).limit(first)
        if after is not None:
            statement = statement.where(id_column > after)
        return await self._read(statement)

    def _select(self) -> Select[Any]:
        return select(self._table)

    async def _read(self, statement: Select[Any]) -> list[CustomerRecord]:
        async def run() -> list[dict[str, Any]]:
            async with self.engine.connect() as connection:
                return await fetch_all(connection, statement)

        rows = await self.guard.read(run)
        return await normalised_rows(self.guard.source, self._record, rows)

    def _record(self, row: Mapping[str, Any]) -> CustomerRecord:
        c = self._columns
        return CustomerRecord(
            id=as_text(row[c.id], c.id),
            name=as_text(row[c.name], c.name),
            email=as_optional_text(row[c.email], c.email),
            phone=as_optional_text(row[c.phone], c.phone),
            branch_id=as_optional_text(row[c.branch], c.branch),
            partner_id=as_optional_text(row[c.partner], c.partner),
            owner_agent_id=as_optional_text(row[c.owner_agent], c.owner_agent),
            vip=as_bool(row[c.vip] if row[c.vip] is not None else False, c.vip),
            created_at=as_instant(row[c.created_at], c.created_at),
            last_activity_at=as_optional_instant(row[c.last_activity_at], c.last_activity_at),
            referred_by_id=as_optional_text(row[c.referred_by], c.referred_by),
        )
