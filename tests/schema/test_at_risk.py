"""At-risk scores and the outreach trigger, through HTTP on both stores.

One customer gets a run of negative support notes, negative restricted notes (with canary
text), an open risk flag and an overdue invoice; the `score-risk` job scores it, and every role
sees only the part of the score (and of the reasons) derived from what it may read.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.settings import Settings
from intelligence.labels import Sentiment
from store.models import (
    AuditLog,
    FollowUp,
    Note,
    OutreachDelivery,
    OutreachEpisode,
    RiskFlag,
    utcnow,
)
from tests.fixtures.app import TokenFactory
from tests.schema.at_risk_world import CANARY_RESTRICTED, CANARY_SUPPORT, CUSTOMER, plant, score
from tests.schema.native_gateway import (
    FINANCE,
    MANAGER,
    SALES_1,
    SUPPORT,
    gql,
    nodes,
    seeded_settings,
    store_engine,
)

AT_RISK = """
query A($first: Int, $after: String, $min: Int) {
  atRiskCustomers(first: $first, after: $after, minScore: $min) {
    totalCount
    edges { cursor node { customer { customerId name } score reasons { signal weight detail } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
RISK_360 = """
query R($id: ID!) {
  customer(id: $id) { customerId risk { score reasons { signal weight detail } } }
}
"""


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = await seeded_settings(
        database_url, tmp_path_factory.mktemp("at-risk"), outreach_threshold=60
    )
    await plant(settings)
    await score(settings, overdue_days=21)
    return settings


def _row(answer: dict[str, Any]) -> dict[str, Any] | None:
    found = [
        node
        for node in nodes(answer["data"]["atRiskCustomers"])
        if node["customer"]["customerId"] == CUSTOMER
    ]
    return found[0] if found else None


async def test_a_manager_sees_every_signal_with_reasons(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    answer = await gql(http, token_for("manager", sub=MANAGER), AT_RISK, first=100, min=1)
    assert "errors" not in answer, answer
    row = _row(answer)
    assert row is not None
    # 3 support notes (30) + 2 restricted notes (20) + a flag (20) + the invoice (25).
    assert row["score"] == 95
    details = {reason["detail"]: reason["weight"] for reason in row["reasons"]}
    assert details["invoice overdue 21 days"] == 25
    assert details["3 negative support notes in 30 days"] == 30
    assert details["2 negative restricted notes in 30 days"] == 20
    assert details["1 open risk flag"] == 20
    assert CANARY_SUPPORT not in str(answer)
    assert CANARY_RESTRICTED not in str(answer)
    assert nodes(answer["data"]["atRiskCustomers"])[0]["customer"]["customerId"] == CUSTOMER


@pytest.mark.parametrize(
    ("role", "sub", "score", "absent"),
    [
        ("support", SUPPORT, 75, "restricted"),
        ("finance", FINANCE, 45, "support notes"),
    ],
)
async def test_a_reader_scores_only_what_it_may_read(
    http: httpx.AsyncClient, token_for: TokenFactory, role: str, sub: str, score: int, absent: str
) -> None:
    token = token_for(role, sub=sub)
    answer = await gql(http, token, AT_RISK, first=100, min=1)
    row = _row(answer)
    assert row is not None
    assert row["score"] == score, answer
    assert absent not in str(answer)
    assert CANARY_RESTRICTED not in str(answer)
    assert CANARY_SUPPORT not in str(answer)
    # A minimum above what this reader can see leaves the customer out (and out of the count).
    above = await gql(http, token, AT_RISK, first=100, min=score + 1)
    assert _row(above) is None
    single = await gql(http, token, RISK_360, id=CUSTOMER)
    assert single["data"]["customer"]["risk"]["score"] == score
    assert absent not in str(single)


@pytest.mark.parametrize("role", ["sales", "qa", "branch"])
async def test_roles_that_do_not_see_risk_flags_are_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, role: str
) -> None:
    token = token_for(role, sub=SALES_1, branches=["branch-1"])
    answer = await gql(http, token, AT_RISK, first=10, min=1)
    assert answer["data"]["atRiskCustomers"] is None
    assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    single = await gql(http, token, RISK_360, id=CUSTOMER)
    # Out of a branch agent's reach the customer is not there at all; otherwise no risk.
    if single["data"]["customer"] is not None:
        assert single["data"]["customer"]["risk"] is None
        assert single["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "95" not in str(single["data"])


async def test_pages_are_keyset_and_bad_arguments_are_invalid(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("manager", sub=MANAGER)
    everything = await gql(http, token, AT_RISK, first=100, min=1)
    expected = [
        node["customer"]["customerId"] for node in nodes(everything["data"]["atRiskCustomers"])
    ]
    seen: list[str] = []
    after = None
    while True:
        page = (await gql(http, token, AT_RISK, first=1, after=after, min=1))["data"]
        seen += [node["customer"]["customerId"] for node in nodes(page["atRiskCustomers"])]
        assert page["atRiskCustomers"]["totalCount"] == len(expected)
        if not page["atRiskCustomers"]["pageInfo"]["hasNextPage"]:
            break
        after = page["atRiskCustomers"]["pageInfo"]["endCursor"]
    assert seen == expected
    for variables in ({"min": 0}, {"first": 0}, {"first": 101}, {"after": "bm9wZQ"}):
        answer = await gql(http, token, AT_RISK, **({"first": 5, "min": 1} | variables))
        assert answer["data"]["atRiskCustomers"] is None
        assert answer["errors"][0]["extensions"]["code"] in {"INVALID", "BAD_USER_INPUT"}


async def test_a_directory_page_shows_each_customers_risk(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    query = "{ customers(first: 50) { edges { node { customerId risk { score } } } } }"
    for role, sub, expected in (("manager", MANAGER, 95), ("support", SUPPORT, 75)):
        answer = await gql(http, token_for(role, sub=sub), query)
        assert "errors" not in answer, answer
        risks = {node["customerId"]: node["risk"] for node in nodes(answer["data"]["customers"])}
        assert risks[CUSTOMER] == {"score": expected}


async def _outreach(settings: Settings) -> tuple[list[OutreachEpisode], list[FollowUp], int]:
    engine = store_engine(settings)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            episodes = list(
                await session.scalars(
                    select(OutreachEpisode)
                    .where(OutreachEpisode.customer_id == CUSTOMER)
                    .order_by(OutreachEpisode.opened_at)
                )
            )
            follow_ups = list(
                await session.scalars(
                    select(FollowUp).where(
                        FollowUp.customer_id == CUSTOMER, FollowUp.created_by == "system:outreach"
                    )
                )
            )
            audited = await session.scalar(
                select(func.count()).where(
                    AuditLog.actor == "system:outreach", AuditLog.customer_id == CUSTOMER
                )
            )
            return episodes, follow_ups, int(audited or 0)
    finally:
        await engine.dispose()


async def test_one_follow_up_per_episode_for_the_owner_agent(
    gateway_settings: Settings,
) -> None:
    await score(gateway_settings, overdue_days=21)  # a second run: still the same episode
    episodes, follow_ups, audited = await _outreach(gateway_settings)
    assert len(episodes) == 1
    assert episodes[0].closed_at is None
    assert len(follow_ups) == 1
    follow_up = follow_ups[0]
    instructions = follow_up.instructions or ""
    assert follow_up.assignee_id == SUPPORT
    assert "invoice overdue 21 days" in instructions
    assert "3 negative support notes" in instructions
    # The owner agent (support) does not read restricted notes: nor do its instructions.
    assert "restricted" not in instructions
    assert CANARY_RESTRICTED not in instructions
    assert audited >= 2  # the episode and the follow-up
    assert episodes[0].follow_up_id == follow_up.id


async def test_a_new_episode_only_after_recovery(gateway_settings: Settings) -> None:
    engine = store_engine(gateway_settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Note).where(Note.customer_id == CUSTOMER).values(sentiment=None)
            )
            await connection.execute(update(RiskFlag).values(cleared_at=utcnow()))
    finally:
        await engine.dispose()
    await score(gateway_settings, overdue_days=21)  # 25: below 60 - 15, the episode closes
    episodes, follow_ups, _ = await _outreach(gateway_settings)
    assert [episode.closed_at is not None for episode in episodes] == [True]
    engine = store_engine(gateway_settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Note)
                .where(Note.customer_id == CUSTOMER)
                .values(sentiment=Sentiment.NEGATIVE)
            )
        await score(gateway_settings, overdue_days=21)
        episodes, follow_ups, _ = await _outreach(gateway_settings)
        assert sorted(episode.closed_at is None for episode in episodes) == [False, True]
        assert len(follow_ups) == 2
        # No webhook is configured here: no delivery is owed.
        async with engine.connect() as connection:
            owed = await connection.scalar(select(func.count()).select_from(OutreachDelivery))
        assert owed == 0
    finally:
        await engine.dispose()
