"""The follow-up tests' oracle: the store's rows read raw, and who may list which of them,
computed in Python from the compiled policy (never from the SQL under test)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.settings import REPO_ROOT, Settings
from gateway.auth import mint_token
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from store.models import Agent, Customer, CustomerAssignment, FollowUp, Note, NoteTag
from tests.schema.native_gateway import gql

CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId version } errors { field code message } }
}
"""
PAGE = """
query P($f: FollowUpFilter, $first: Int, $after: String, $last: Int, $before: String) {
  followUps(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id followUpId customerId noteId dueAt status instructions outcome
      comment assignee { agentId } } }
  }
}
"""


@dataclass(frozen=True)
class Rows:
    """The store's rows the visibility of a follow-up depends on."""

    follow_ups: dict[str, FollowUp]
    notes: dict[str, Note]
    handed_off: frozenset[str]
    customers: dict[str, Customer]
    assigned: frozenset[tuple[str, str]]
    agents: dict[str, Agent]


async def read_rows(engine: AsyncEngine) -> Rows:
    """Every row as it is now."""
    async with AsyncSession(engine) as session:
        return Rows(
            follow_ups={f.id: f for f in await session.scalars(select(FollowUp))},
            notes={n.id: n for n in await session.scalars(select(Note))},
            handed_off=frozenset(
                await session.scalars(select(NoteTag.note_id).where(NoteTag.tag == "handoff"))
            ),
            customers={c.id: c for c in await session.scalars(select(Customer))},
            assigned=frozenset(
                (a.customer_id, a.agent_id)
                for a in await session.scalars(select(CustomerAssignment))
            ),
            agents={a.id: a for a in await session.scalars(select(Agent))},
        )


def reaches(view: PolicyView, rows: Rows, customer_id: str) -> bool:
    """True if the view reaches the customer (from the raw rows)."""
    reach, customer = view.reach, rows.customers[customer_id]
    return (
        reach.everyone
        or customer.branch_id in reach.branches
        or (reach.partner is not None and customer.partner_id == reach.partner)
        or (
            reach.assigned_agent is not None
            and (customer_id, reach.assigned_agent) in rows.assigned
        )
        or customer_id == reach.customer
    )


def reads_note(view: PolicyView, rows: Rows, note_id: str) -> bool:
    """True if the view reads the note now (live, readable scope or handed off, reached)."""
    note = rows.notes[note_id]
    scope_ok = note.scope in view.readable_scopes or (
        note.scope in view.handoff_readable and note_id in rows.handed_off
    )
    return note.deleted_at is None and scope_ok and reaches(view, rows, note.customer_id)


def visible(view: PolicyView, rows: Rows, row: FollowUp) -> bool:
    """The derived-record rule: a reached customer, and a note (if any) the view reads."""
    return reaches(view, rows, row.customer_id) and (
        row.note_id is None or reads_note(view, rows, row.note_id)
    )


def listing(engine: PolicyEngine, roles: Iterable[str]) -> str:
    """ "all", "own" or "none", from the raw policy lines (the enforcer as oracle)."""
    roles = tuple(roles)
    if not any(engine.enforce(role, "fields:activity", "read") for role in roles):
        return "none"
    if any(engine.enforce(role, "follow_up:any", "list") for role in roles):
        return "all"
    if any(engine.enforce(role, "follow_up:own", "list") for role in roles):
        return "own"
    return "none"


def listable(engine: PolicyEngine, view: PolicyView, rows: Rows) -> list[FollowUp]:
    """What `followUps` must show the principal (no filter), soonest due first."""
    mode = listing(engine, view.principal.roles)
    if mode == "none":
        return []
    me = view.principal.subject
    return ordered(
        row
        for row in rows.follow_ups.values()
        if visible(view, rows, row) and (mode == "all" or me in (row.assignee_id, row.created_by))
    )


def ordered(found: Iterable[FollowUp]) -> list[FollowUp]:
    """Soonest due first, then by id."""
    return sorted(found, key=lambda row: (as_utc(row.due_at), row.id))


def as_utc(value: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite hands them back naive)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def is_open(row: FollowUp) -> bool:
    """Neither completed nor cancelled."""
    return row.completed_at is None and row.cancelled_at is None


def end_of_today() -> datetime:
    """00:00 UTC tomorrow."""
    return datetime.combine(datetime.now(UTC).date() + timedelta(days=1), time.min, tzinfo=UTC)


async def policy_engine() -> PolicyEngine:
    """The repository's policy."""
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


def principal_token(settings: Settings, principal: Principal) -> str:
    """A token carrying exactly the principal's claims."""
    return mint_token(
        settings,
        subject=principal.subject,
        roles=principal.roles,
        branches=principal.branches,
        partner=principal.partner,
        customer=principal.customer,
    )


async def all_pages(
    http: httpx.AsyncClient, token: str, follow_up_filter: dict[str, Any] | None, *, size: int = 50
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node of `followUps` read forwards, and every raw answer (for leak checks)."""
    found: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    after = None
    for _ in range(100):
        body = await gql(http, token, PAGE, f=follow_up_filter, first=size, after=after)
        answers.append(body)
        connection = body["data"]["followUps"]
        if connection is None:
            return found, answers
        found += [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return found, answers
        after = connection["pageInfo"]["endCursor"]
    raise AssertionError("followUps did not end within 100 pages")


async def note_with_follow_up(
    http: httpx.AsyncClient,
    engine: AsyncEngine,
    token: str,
    customer: str,
    scope: str,
    follow_up: dict[str, Any],
) -> tuple[str, str]:
    """Create a note with a follow-up; (its note id, the follow-up's raw key)."""
    note = {
        "customerId": customer, "subject": "Follow-up source", "body": "Body",
        "category": "GENERAL", "type": "FOLLOW_UP", "scope": scope, "tags": [],
        "followUp": follow_up,
    }  # fmt: skip
    payload = (await gql(http, token, CREATE, input=note))["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["noteId"]
    async with engine.connect() as connection:
        follow_up_id = await connection.scalar(
            select(FollowUp.id).where(FollowUp.note_id == note_id)
        )
    assert follow_up_id is not None
    return note_id, str(follow_up_id)
