"""The access audit: reads of sensitive data, added up per reader, customer, group and hour.

One request's reads arrive as one batch (`record`): one upsert adds 1 to the count of each
(principal, role, customer, group, hour) it touched, so polling adds to a row, not rows.
The restricted notes read are kept on their row as a bounded, sorted id list.
Reads of the log obey the policy of what each row is about (`visible_access`).
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    case,
    delete,
    false,
    func,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from core.progress import Progress
from policies.decisions import can_read_audit_log
from policies.view import PolicyView
from policies.vocabulary import FieldGroup, Scope
from store.keyset import Keyset, keyset_page
from store.models import AccessRead, Customer
from store.pagination import Page, PageRequest
from store.read_lease import SessionSource
from store.visibility import reachable_customers
from store.write_context import transaction

# Note ids kept per row; more make the row `note_ids_truncated` (the count stays exact).
NOTE_ID_CAP = 100
# Rows deleted per statement by the prune, so a large backlog never holds one long lock.
PRUNE_BATCH = 5_000
ID_LENGTH = 64
ROLE_LENGTH = 32


class AccessGroup(StrEnum):
    """What kind of sensitive data was read."""

    RESTRICTED_NOTES = "restricted_notes"
    FINANCIALS = "financials"
    LIFETIME_VALUE = "lifetime_value"
    RISK_FLAGS = "risk_flags"
    AUDIT = "audit"


# The field groups whose reads are recorded (activity is everyday staff data).
AUDITED_FIELD_GROUPS: Mapping[FieldGroup, AccessGroup] = {
    FieldGroup.FINANCIALS: AccessGroup.FINANCIALS,
    FieldGroup.LIFETIME_VALUE: AccessGroup.LIFETIME_VALUE,
    FieldGroup.RISK_FLAGS: AccessGroup.RISK_FLAGS,
    FieldGroup.AUDIT: AccessGroup.AUDIT,
}
# Notes of these scopes are recorded, by id, when shown.
AUDITED_SCOPES = frozenset({Scope.RESTRICTED})

# One request's reads: (customer id or '', group) → the note ids read (empty for a field group).
Reads = Mapping[tuple[str, AccessGroup], Set[str]]


def bucket_of(at: datetime) -> datetime:
    """The hour a read is counted in."""
    return at.replace(minute=0, second=0, microsecond=0)


def _bounded(value: str, length: int) -> str:
    return value if len(value) <= length else value[: length - 1] + "…"


async def record(
    sessions: async_sessionmaker[AsyncSession],
    *,
    principal: str,
    role: str,
    reads: Reads,
    now: datetime,
    connections: SessionSource | None = None,
) -> int:
    """Add one request's reads (one upsert); return the rows touched. On PostgreSQL the
    upsert needs no transaction, so it may run on `connections` (the request's read lease,
    whose kept connection then serves it) instead of a new session of `sessions`."""
    if not reads:
        return 0
    principal, role = _bounded(principal, ID_LENGTH), _bounded(role, ROLE_LENGTH)
    bucket = bucket_of(now)
    async with (connections or sessions)() as session:
        if session.bind is not None and session.bind.dialect.name == "postgresql":
            rows = _rows(principal, role, bucket, now, reads, {})
            # One statement merges the ids into the stored row (under the row lock ON
            # CONFLICT takes), so it needs no transaction of its own nor a locking read.
            connection = await session.connection(execution_options=_AUTOCOMMIT)
            await connection.execute(_PG_UPSERT, rows)
            return len(rows)
    async with transaction(sessions) as session:
        kept = await _kept_note_ids(session, principal, role, bucket, reads)
        rows = _rows(principal, role, bucket, now, reads, kept)
        await session.execute(_upsert(rows))
    return len(rows)


_AUTOCOMMIT = {"isolation_level": "AUTOCOMMIT"}


def _rows(
    principal: str,
    role: str,
    bucket: datetime,
    now: datetime,
    reads: Reads,
    kept: Mapping[tuple[str, str], tuple[list[str] | None, bool]],
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for (customer_id, group), note_ids in sorted(reads.items()):
        key = (_bounded(customer_id, ID_LENGTH), group.value)
        merged, truncated = _merge(kept.get(key), note_ids)
        rows.append(
            {
                "principal": principal,
                "role": role,
                "customer_id": key[0],
                "field_group": key[1],
                "bucket": bucket,
                "read_count": 1,
                "first_read_at": now,
                "last_read_at": now,
                "note_ids": merged,
                "note_ids_truncated": truncated,
            }
        )
    return rows


def _merge(
    kept: tuple[list[str] | None, bool] | None, new: Set[str]
) -> tuple[list[str] | None, bool]:
    before, truncated = kept if kept is not None else (None, False)
    if not new and before is None:
        return None, truncated
    ids = sorted(set(before or ()) | new)
    return ids[:NOTE_ID_CAP], truncated or len(ids) > NOTE_ID_CAP


async def _kept_note_ids(
    session: AsyncSession, principal: str, role: str, bucket: datetime, reads: Reads
) -> dict[tuple[str, str], tuple[list[str] | None, bool]]:
    """The ids already on this hour's rows that gain note ids now (SQLite: its write
    transaction holds the database's lock meanwhile)."""
    keys = [(customer, group.value) for (customer, group), ids in reads.items() if ids]
    if not keys:
        return {}
    query = select(
        AccessRead.customer_id,
        AccessRead.field_group,
        AccessRead.note_ids,
        AccessRead.note_ids_truncated,
    ).where(
        AccessRead.principal == principal,
        AccessRead.role == role,
        AccessRead.bucket == bucket,
        tuple_(AccessRead.customer_id, AccessRead.field_group).in_(keys),
    )
    rows = (await session.execute(query)).all()
    return {(row[0], row[1]): (row[2], bool(row[3])) for row in rows}


def _upsert(rows: list[dict[str, Any]]) -> Any:
    statement = sqlite.insert(AccessRead).values(rows)
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=_KEY,
        set_={
            "read_count": AccessRead.read_count + excluded.read_count,
            "last_read_at": excluded.last_read_at,
            # Only rows of restricted notes carry ids, and those are merged above.
            "note_ids": excluded.note_ids,
            "note_ids_truncated": or_(AccessRead.note_ids_truncated, excluded.note_ids_truncated),
        },
    )


_KEY = ["principal", "role", "customer_id", "field_group", "bucket"]


def _pg_upsert() -> Any:
    # Built once, the rows as parameters (a multi-row VALUES has no cache key: it was
    # compiled on every request). A row that gains ids merges them with the stored ones in
    # SQL: the union, sorted as Python sorts (byte order), the first NOTE_ID_CAP kept, and
    # truncated once the union is longer. A row without ids (a field group) keeps none.
    table = cast(Table, AccessRead.__table__)
    insert = postgresql.insert(table)
    excluded = insert.excluded
    stored, new = table.c.note_ids, excluded.note_ids
    has_ids = func.jsonb_typeof(new) == "array"
    empty: ColumnElement[Any] = literal_column("'[]'::jsonb")
    before = case((func.jsonb_typeof(stored) == "array", stored), else_=empty)
    union = func.jsonb_array_elements_text(before.op("||")(new)).table_valued("value")
    distinct = select(union.c.value.label("id")).distinct().subquery("ids")
    kept = select(distinct.c.id).order_by(distinct.c.id.collate("C")).limit(NOTE_ID_CAP)
    kept_ids = kept.subquery("kept")
    merged = select(func.jsonb_agg(aggregate_order_by(kept_ids.c.id, kept_ids.c.id.collate("C"))))
    count = select(func.count()).select_from(distinct)
    return insert.on_conflict_do_update(
        index_elements=_KEY,
        set_={
            "read_count": table.c.read_count + excluded.read_count,
            "last_read_at": excluded.last_read_at,
            "note_ids": case((has_ids, merged.scalar_subquery()), else_=stored),
            "note_ids_truncated": or_(
                table.c.note_ids_truncated,
                excluded.note_ids_truncated,
                and_(has_ids, count.scalar_subquery() > NOTE_ID_CAP),
            ),
        },
    )


_PG_UPSERT = _pg_upsert()


@dataclass(frozen=True, slots=True)
class AccessFilter:
    """Optional narrowing of the access log; `since`/`until` select rows with a read in
    [since, until)."""

    customer_id: str | None = None
    principal: str | None = None
    groups: frozenset[AccessGroup] | None = None
    since: datetime | None = None
    until: datetime | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `AccessRead`."""
        clauses: list[ColumnElement[bool]] = []
        if self.customer_id is not None:
            clauses.append(AccessRead.customer_id == self.customer_id)
        if self.principal is not None:
            clauses.append(AccessRead.principal == self.principal)
        if self.groups is not None:
            clauses.append(AccessRead.field_group.in_(sorted(g.value for g in self.groups)))
        if self.since is not None:
            clauses.append(AccessRead.last_read_at >= self.since)
        if self.until is not None:
            clauses.append(AccessRead.first_read_at < self.until)
        return clauses


def visible_access(view: PolicyView) -> ColumnElement[bool]:
    """Rows the caller may read: about customers it reaches (or none), of groups it sees
    (restricted notes: only with the restricted scope), and only with the audit right."""
    if not can_read_audit_log(view):
        return false()
    shown = [AccessGroup.AUDIT.value]
    shown += [access.value for group, access in AUDITED_FIELD_GROUPS.items() if view.sees(group)]
    if view.readable_scopes >= AUDITED_SCOPES:
        shown.append(AccessGroup.RESTRICTED_NOTES.value)
    clauses: list[ColumnElement[bool]] = [AccessRead.field_group.in_(sorted(set(shown)))]
    if not view.reach.everyone:
        reachable = select(Customer.id).where(reachable_customers(view))
        clauses.append(or_(AccessRead.customer_id == "", AccessRead.customer_id.in_(reachable)))
    return and_(*clauses)


ACCESS = Keyset("access", (AccessRead.id,), (int,))


async def access_page(
    session: AsyncSession, view: PolicyView, access_filter: AccessFilter, request: PageRequest
) -> Page[AccessRead]:
    """The access log, most recently created row first, one keyset page at a time."""
    where = [visible_access(view), *access_filter.clauses()]
    return await keyset_page(session, AccessRead, where, ACCESS, request)


async def prune(
    connection: AsyncConnection, *, now: datetime, retention_days: int, progress: Progress
) -> int:
    """Delete the rows whose last read is older than the retention; return how many."""
    cutoff = now - timedelta(days=retention_days)
    old = AccessRead.last_read_at < cutoff
    total = int(
        await connection.scalar(select(func.count()).select_from(AccessRead).where(old)) or 0
    )
    progress.start("access audit", total)
    deleted = 0
    while deleted < total:
        batch = select(AccessRead.id).where(old).limit(PRUNE_BATCH).scalar_subquery()
        result = await connection.execute(delete(AccessRead).where(AccessRead.id.in_(batch)))
        if not result.rowcount:
            break
        deleted += result.rowcount
        progress.advance("access audit", result.rowcount)
    progress.finish("access audit")
    return deleted
