"""Completing, reassigning, rescheduling and cancelling follow-ups, through HTTP on both stores.

Who may is policy; a closed follow-up is a CONFLICT; a due time in the past and an outcome
outside the outcome list are user errors; every change writes exactly one audit row (before
and after) with it, and a refused one writes none (a denial only its `denied:` row).
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store import follow_ups
from store.db import session_factory
from store.models import AuditLog, FollowUp, SearchOutbox
from store.write_context import WriteContext, transaction
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    ADMIN,
    FINANCE,
    MANAGER,
    SALES_1,
    SALES_2,
    gql,
    seeded_settings,
    store_engine,
)

CUSTOMER = "cust-00003"
LOG = """
mutation L($input: LogInteractionInput!) {
  logInteraction(input: $input) { followUp { id followUpId } errors { field code message } }
}
"""
FIELDS = "followUp { followUpId dueAt status outcome comment assignee { agentId } } "
PAYLOAD = FIELDS + "customer { customerId } errors { field code message }"
RESCHEDULE = (
    "mutation R($input: RescheduleFollowUpInput!) { rescheduleFollowUp(input: $input) { "
    + PAYLOAD
    + " } }"
)
COMPLETE = (
    "mutation C($input: CompleteFollowUpInput!) { completeFollowUp(input: $input) { "
    + PAYLOAD
    + " } }"
)
REASSIGN = (
    "mutation A($input: ReassignFollowUpInput!) { reassignFollowUp(input: $input) { "
    + PAYLOAD
    + " } }"
)
CANCEL = (
    "mutation X($input: CancelFollowUpInput!) { cancelFollowUp(input: $input) { " + PAYLOAD + " } }"
)
SAVE = (
    'mutation { saveChoice(list: OUTCOME, value: "gone_away", label: "Gone away") '
    "{ errors { code } } }"
)
RETIRE = 'mutation { retireChoice(list: OUTCOME, value: "gone_away") { errors { code } } }'


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("follow-up-changes"))


@pytest.fixture(scope="module")
async def engine(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


def later(hours: float) -> str:
    """An ISO time `hours` from now (negative: ago)."""
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


async def new_follow_up(http: httpx.AsyncClient, token: str, assignee: str = SALES_1) -> str:
    """Log a call with a follow-up (authored by the token's agent); its global id."""
    interaction = {
        "customerId": CUSTOMER, "type": "CALL", "purpose": "SALES", "subject": "Call",
        "followUp": {"assigneeId": assignee, "dueAt": later(4), "instructions": "Call back"},
    }  # fmt: skip
    payload = (await gql(http, token, LOG, input=interaction))["data"]["logInteraction"]
    assert payload["errors"] == [], payload
    follow_up_id: str = payload["followUp"]["id"]
    return follow_up_id


async def audit_actions(engine: AsyncEngine, global_id: str) -> list[str]:
    """The actions of the audit rows about a follow-up, oldest first."""
    key = raw_key(global_id)
    async with engine.connect() as connection:
        rows = await connection.scalars(
            select(AuditLog.action).where(AuditLog.target_id == key).order_by(AuditLog.id)
        )
        return list(rows)


def raw_key(global_id: str) -> str:
    """The store's key of a follow-up's global id."""
    return base64.b64decode(global_id).decode().split(":", 1)[1]


async def row(engine: AsyncEngine, global_id: str) -> FollowUp:
    """The follow-up as stored."""
    async with AsyncSession(engine) as session:
        found = await session.get(FollowUp, raw_key(global_id))
        assert found is not None
        return found


async def outbox_rows(engine: AsyncEngine) -> int:
    """How many search-outbox rows there are."""
    async with engine.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(SearchOutbox)) or 0)


def result(body: dict[str, Any], name: str) -> dict[str, Any]:
    """The payload of one mutation (it must not be null)."""
    payload: dict[str, Any] = body["data"][name]
    assert payload is not None, body
    return payload


def codes(body: dict[str, Any], name: str) -> list[tuple[str | None, str]]:
    """The user errors of the payload as (field, code)."""
    return [(e["field"], e["code"]) for e in result(body, name)["errors"]]


def refused(body: dict[str, Any], name: str) -> str:
    """The GraphQL error code of a refused mutation (its payload null)."""
    assert body["data"][name] is None, body
    code: str = body["errors"][0]["extensions"]["code"]
    return code


async def test_reschedule_is_for_the_assignee_author_and_managers(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    sales1, sales2 = token_for("sales", sub=SALES_1), token_for("sales", sub=SALES_2)
    follow_up = await new_follow_up(http, sales1)
    before = await row(engine, follow_up)

    other = await gql(http, sales2, RESCHEDULE, input={"id": follow_up, "dueAt": later(48)})
    partner = await gql(
        http, token_for("partner", sub="p", partner="x"), RESCHEDULE,
        input={"id": follow_up, "dueAt": later(48)},
    )  # fmt: skip
    assert refused(other, "rescheduleFollowUp") == "FORBIDDEN"
    assert refused(partner, "rescheduleFollowUp") == "FORBIDDEN"
    assert (await row(engine, follow_up)).due_at == before.due_at
    assert await audit_actions(engine, follow_up) == [
        "follow_up.create",
        "denied:follow_up.reschedule",
        "denied:follow_up.reschedule",
    ]

    mine = await gql(
        http, sales1, RESCHEDULE, input={"id": follow_up, "dueAt": later(48), "reason": "Away"}
    )
    managed = await gql(
        http, token_for("manager", sub=MANAGER), RESCHEDULE,
        input={"id": follow_up, "dueAt": later(72)},
    )  # fmt: skip

    assert result(mine, "rescheduleFollowUp")["errors"] == []
    assert result(mine, "rescheduleFollowUp")["customer"] == {"customerId": CUSTOMER}
    assert result(managed, "rescheduleFollowUp")["errors"] == []
    moved = datetime.fromisoformat(result(managed, "rescheduleFollowUp")["followUp"]["dueAt"])
    assert abs(moved - (datetime.now(UTC) + timedelta(hours=72))) < timedelta(minutes=5)
    actions = await audit_actions(engine, follow_up)
    assert actions[-2:] == ["follow_up.reschedule", "follow_up.reschedule"]
    async with engine.connect() as connection:
        audited = (
            await connection.execute(
                select(AuditLog.before, AuditLog.after)
                .where(AuditLog.target_id == raw_key(follow_up))
                .where(AuditLog.action == "follow_up.reschedule")
                .order_by(AuditLog.id)
            )
        ).all()
    assert audited[0].after["reason"] == "Away"
    assert datetime.fromisoformat(audited[0].before["due_at"]) == _utc(before.due_at)
    assert audited[1].before["due_at"] == audited[0].after["due_at"]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


async def test_a_due_time_in_the_past_is_refused_and_writes_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    follow_up = await new_follow_up(http, token)

    body = await gql(http, token, RESCHEDULE, input={"id": follow_up, "dueAt": later(-24)})

    assert codes(body, "rescheduleFollowUp") == [("dueAt", "IN_PAST")]
    assert result(body, "rescheduleFollowUp")["followUp"] is None
    assert await audit_actions(engine, follow_up) == ["follow_up.create"]


async def test_the_outcome_must_be_a_current_choice_of_the_outcome_list(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    admin, token = token_for("admin", sub=ADMIN), token_for("sales", sub=SALES_1)
    assert result(await gql(http, admin, SAVE), "saveChoice")["errors"] == []
    assert result(await gql(http, admin, RETIRE), "retireChoice")["errors"] == []
    follow_up = await new_follow_up(http, token)

    unknown = await gql(http, token, COMPLETE, input={"id": follow_up, "outcome": "Made up"})
    retired = await gql(http, token, COMPLETE, input={"id": follow_up, "outcome": "gone_away"})
    assert codes(unknown, "completeFollowUp") == [("outcome", "NOT_IN_LIST")]
    assert codes(retired, "completeFollowUp") == [("outcome", "NOT_IN_LIST")]
    assert await audit_actions(engine, follow_up) == ["follow_up.create"]

    outboxed = await outbox_rows(engine)
    done = await gql(
        http, token, COMPLETE,
        input={"id": follow_up, "outcome": "Interested", "comment": "Quote **sent**"},
    )  # fmt: skip

    completed = result(done, "completeFollowUp")
    assert completed["errors"] == []
    assert completed["followUp"]["status"] == "COMPLETED"
    assert completed["followUp"]["outcome"] == "interested"
    assert completed["followUp"]["comment"] == "Quote **sent**"
    assert await audit_actions(engine, follow_up) == ["follow_up.create", "follow_up.complete"]
    # Follow-ups are not in the search index: no outbox row comes with them.
    assert await outbox_rows(engine) == outboxed


async def test_a_closed_follow_up_is_a_conflict_for_every_change(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    completed, cancelled = await new_follow_up(http, token), await new_follow_up(http, token)
    done = await gql(http, token, COMPLETE, input={"id": completed, "outcome": "purchased"})
    gone = await gql(http, token, CANCEL, input={"id": cancelled, "reason": "Bought elsewhere"})
    assert result(done, "completeFollowUp")["errors"] == []
    assert result(gone, "cancelFollowUp")["followUp"]["status"] == "CANCELLED"

    for follow_up in (completed, cancelled):
        attempts = {
            "rescheduleFollowUp": (RESCHEDULE, {"id": follow_up, "dueAt": later(30)}),
            "completeFollowUp": (COMPLETE, {"id": follow_up, "outcome": "purchased"}),
            "reassignFollowUp": (REASSIGN, {"id": follow_up, "assigneeId": SALES_2}),
            "cancelFollowUp": (CANCEL, {"id": follow_up}),
        }
        before = await audit_actions(engine, follow_up)
        for name, (query, values) in attempts.items():
            body = await gql(http, token, query, input=values)
            assert codes(body, name) == [("id", "CONFLICT")], (name, body)
        assert await audit_actions(engine, follow_up) == before
        assert len(before) == 2


async def test_reassign_and_cancel_follow_the_policy(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    sales1, finance = token_for("sales", sub=SALES_1), token_for("finance", sub=FINANCE)
    follow_up = await new_follow_up(http, sales1)

    stranger = await gql(http, finance, REASSIGN, input={"id": follow_up, "assigneeId": SALES_2})
    handed = await gql(http, sales1, REASSIGN, input={"id": follow_up, "assigneeId": SALES_2})
    # Still its author: sales1 may cancel it; the new assignee could too, finance may not.
    refused_cancel = await gql(http, finance, CANCEL, input={"id": follow_up})
    cancelled = await gql(http, sales1, CANCEL, input={"id": follow_up, "reason": "Duplicate"})

    assert refused(stranger, "reassignFollowUp") == "FORBIDDEN"
    assert result(handed, "reassignFollowUp")["followUp"]["assignee"] == {"agentId": SALES_2}
    assert refused(refused_cancel, "cancelFollowUp") == "FORBIDDEN"
    assert result(cancelled, "cancelFollowUp")["errors"] == []
    assert await audit_actions(engine, follow_up) == [
        "follow_up.create",
        "denied:follow_up.reassign",
        "follow_up.reassign",
        "denied:follow_up.cancel",
        "follow_up.cancel",
    ]


async def test_input_or_the_deprecated_arguments_never_both(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    token = token_for("sales", sub=SALES_1)
    follow_up = await new_follow_up(http, token)
    both = (
        "mutation B($id: ID!) { completeFollowUp(id: $id, "
        'input: {id: $id, outcome: "purchased"}) { errors { code } } }'
    )
    neither = "mutation { cancelFollowUp { errors { code } } }"
    legacy = (
        'mutation L($id: ID!) { completeFollowUp(id: $id, outcome: "Interested") '
        "{ followUp { outcome comment } errors { code } } }"
    )

    assert refused(await gql(http, token, both, id=follow_up), "completeFollowUp") == (
        "BAD_USER_INPUT"
    )
    assert refused(await gql(http, token, neither), "cancelFollowUp") == "BAD_USER_INPUT"
    assert await audit_actions(engine, follow_up) == ["follow_up.create"]
    old = result(await gql(http, token, legacy, id=follow_up), "completeFollowUp")
    assert old == {"followUp": {"outcome": "interested", "comment": None}, "errors": []}


async def test_a_change_and_its_audit_row_share_one_transaction(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    follow_up = await new_follow_up(http, token_for("sales", sub=SALES_1))
    key, before = raw_key(follow_up), await row(engine, follow_up)
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    ctx = WriteContext(view=policy.compile(Principal(SALES_1, ("sales",))))

    # The writes' own transaction (BEGIN IMMEDIATE on SQLite): a plain one read first and
    # failed with "database is locked" when the gateway committed before its first write.
    async with transaction(session_factory(engine)) as session:
        moved = await follow_ups.reschedule_follow_up(
            session, ctx, key, datetime.now(UTC) + timedelta(days=9), "Rolled back"
        )
        pending = await session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.target_id == key)
        )
        assert moved.due_at != before.due_at
        assert pending == 2  # create + this reschedule, seen inside the transaction
        await session.rollback()

    assert (await row(engine, follow_up)).due_at == before.due_at
    assert await audit_actions(engine, follow_up) == ["follow_up.create"]
