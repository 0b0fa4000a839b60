"""Customer references kept in step with the CRM: upserts from a directory sync.

The CRM owns customers; the `customers` table is our foreign-key target and carries the
attributes row-level policy scopes on. A sync upserts it in batches: unknown branches and
partners are created (named by their id until someone renames them), an unknown owner agent is
left empty, and referrals are linked in a second pass so that order does not matter.

A customer that moves to another branch or partner has its notes re-queued on the search
outbox in the same transaction: their index documents carry the branch and partner that
searchNotes filters a caller's reach on, and the indexer rewrites them from the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from store import rollup
from store.enums import OutboxOp
from store.models import Agent, Branch, Customer, Note, Partner, SearchOutbox

UNASSIGNED_BRANCH = "unassigned"


@dataclass(frozen=True, slots=True)
class CustomerReference:
    """What the store keeps of a CRM customer."""

    id: str
    name: str
    email: str | None
    phone: str | None
    branch_id: str | None
    partner_id: str | None
    owner_agent_id: str | None
    vip: bool
    created_at: datetime
    referred_by_id: str | None
    last_activity_at: datetime | None = None


def _insert(session: AsyncSession, model: type[Any]) -> Any:
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


async def _ensure_named(
    session: AsyncSession, model: type[Branch] | type[Partner], ids: set[str]
) -> None:
    if not ids:
        return
    statement = _insert(session, model).values([{"id": i, "name": i} for i in sorted(ids)])
    await session.execute(statement.on_conflict_do_nothing(index_elements=["id"]))


async def upsert_customers(session: AsyncSession, references: Sequence[CustomerReference]) -> int:
    """Insert or update a batch of references (referrals are linked by `link_referrals`)."""
    if not references:
        return 0
    await _ensure_named(session, Branch, {r.branch_id or UNASSIGNED_BRANCH for r in references})
    await _ensure_named(session, Partner, {r.partner_id for r in references if r.partner_id})
    owners = {r.owner_agent_id for r in references if r.owner_agent_id}
    known_agents = set(await session.scalars(select(Agent.id).where(Agent.id.in_(owners))))
    # Where each known customer is now, to see which ones this batch moves.
    placed = {
        row.id: (row.branch_id, row.partner_id)
        for row in await session.execute(
            select(Customer.id, Customer.branch_id, Customer.partner_id).where(
                Customer.id.in_({r.id for r in references})
            )
        )
    }
    rows = []
    for reference in references:
        row = asdict(reference)
        row.pop("referred_by_id")
        row["branch_id"] = reference.branch_id or UNASSIGNED_BRANCH
        if reference.owner_agent_id not in known_agents:
            row["owner_agent_id"] = None
        rows.append(row)
    moved = {
        row["id"]
        for row in rows
        if row["id"] in placed and placed[row["id"]] != (row["branch_id"], row["partner_id"])
    }
    # Their notes' report counts follow them: out under the old place, in under the new.
    await rollup.move_customers(session, moved, -1)
    statement = _insert(session, Customer).values(rows)
    changing = [
        "name",
        "email",
        "phone",
        "branch_id",
        "partner_id",
        "owner_agent_id",
        "vip",
        "last_activity_at",
    ]
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["id"],
            set_={column: statement.excluded[column] for column in changing},
        )
    )
    await rollup.move_customers(session, moved, 1)
    await requeue_customer_notes(session, moved)
    return len(rows)


async def requeue_customer_notes(session: AsyncSession, customer_ids: set[str]) -> None:
    """Queue every live note of these customers for re-indexing (their reach fields changed)."""
    if not customer_ids:
        return
    notes = select(Note.id, Note.version, literal(OutboxOp.UPSERT.value)).where(
        Note.customer_id.in_(customer_ids), Note.deleted_at.is_(None)
    )
    await session.execute(
        insert(SearchOutbox).from_select(["note_id", "note_version", "op"], notes)
    )


async def link_referrals(session: AsyncSession, references: Sequence[CustomerReference]) -> int:
    """Set `referred_by_id` where the referrer is a known customer; return how many."""
    referrers = {r.referred_by_id for r in references if r.referred_by_id}
    known = set(await session.scalars(select(Customer.id).where(Customer.id.in_(referrers))))
    linked = 0
    for reference in references:
        target = reference.referred_by_id if reference.referred_by_id in known else None
        await session.execute(
            update(Customer).where(Customer.id == reference.id).values(referred_by_id=target)
        )
        linked += target is not None
    return linked
