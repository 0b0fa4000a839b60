"""A follow-up names its author (who created it) as an Agent, on both stores.

The author may act on a follow-up like its assignee, so a client needs it to offer the right
actions: the sidebar tells "mine" from "one I gave to someone else" by it. A follow-up made by
a job has no agent, so its author is null.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.settings import Settings
from store.models import FollowUp
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import (
    MANAGER,
    SALES_1,
    SALES_2,
    gql,
    nodes,
    seeded_settings,
    store_engine,
)

CUSTOMER = "cust-00003"
LOG = """
mutation L($input: LogInteractionInput!) {
  logInteraction(input: $input) {
    followUp { id author { agentId name } assignee { agentId } }
    errors { field code message }
  }
}
"""
LISTED = """
query F($c: ID!) { customer(id: $c) { followUps(first: 100) { edges { node {
  id author { agentId name } assignee { agentId }
} } } } }
"""
NODE = "query N($id: ID!) { node(id: $id) { ... on FollowUp { author { agentId name } } } }"
MINE = """
query M($c: ID!) { myFollowUps(filter: {customerId: $c}, first: 100) { edges { node {
  id author { agentId }
} } } }
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("follow-up-author"))


@pytest.fixture(scope="module")
async def engine(gateway_settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = store_engine(gateway_settings)
    yield engine
    await engine.dispose()


def due() -> str:
    return (datetime.now(UTC) + timedelta(days=3)).isoformat()


async def test_the_author_is_who_created_the_follow_up_not_its_assignee(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales1, sales2 = token_for("sales", sub=SALES_1), token_for("sales", sub=SALES_2)
    interaction = {
        "customerId": CUSTOMER, "type": "CALL", "purpose": "SALES", "subject": "Handover",
        "followUp": {"assigneeId": SALES_2, "dueAt": due(), "instructions": "Yours now"},
    }  # fmt: skip
    logged = (await gql(http, sales1, LOG, input=interaction))["data"]["logInteraction"]
    assert logged["errors"] == [], logged
    made = logged["followUp"]
    assert made["author"]["agentId"] == SALES_1
    assert made["author"]["name"]
    assert made["assignee"] == {"agentId": SALES_2}

    # The same author wherever the follow-up is read: the customer's list, node, a task list.
    manager = token_for("manager", sub=MANAGER)
    listed = await gql(http, manager, LISTED, c=CUSTOMER)
    assert "errors" not in listed, listed
    [row] = [f for f in nodes(listed["data"]["customer"]["followUps"]) if f["id"] == made["id"]]
    assert row["author"] == made["author"]
    by_id = await gql(http, manager, NODE, id=made["id"])
    assert by_id["data"]["node"]["author"] == made["author"]
    mine = await gql(http, sales2, MINE, c=CUSTOMER)
    assert "errors" not in mine, mine
    [task] = [f for f in nodes(mine["data"]["myFollowUps"]) if f["id"] == made["id"]]
    assert task["author"] == {"agentId": SALES_1}


async def test_a_follow_up_made_by_a_job_has_no_author(
    http: httpx.AsyncClient, token_for: TokenFactory, engine: AsyncEngine
) -> None:
    key = str(uuid.uuid4())
    async with AsyncSession(engine) as session:
        job_made = FollowUp(
            id=key,
            customer_id=CUSTOMER,
            assignee_id=SALES_1,
            due_at=datetime.now(UTC) + timedelta(days=1),
            instructions="Made by the outreach job",
            created_by="system:outreach",
        )
        session.add(job_made)
        await session.commit()
    global_id = base64.b64encode(f"FollowUp:{key}".encode()).decode()
    answer = await gql(http, token_for("manager", sub=MANAGER), NODE, id=global_id)
    assert "errors" not in answer, answer
    assert answer["data"]["node"] == {"author": None}
