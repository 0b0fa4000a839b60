"""Rate limits: each operation spends its estimated cost from the caller's budgets.

Over a budget the gateway answers 429 with Retry-After and RATE_LIMITED before executing;
other principals are served; a partner's principals share the partner's budget; on
PostgreSQL two gateways count against the same budget (one store), on SQLite each process
counts its own. `me { rateLimits }` and the RateLimit-* headers show what is left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import Settings
from gateway.auth import mint_token
from store.rate_limits import Budget, MemoryRateLimiter, open_rate_limiter
from tests.fixtures.app import serve_in_thread, sqlite_settings

BUDGET = 30  # cost units per window; `{ me { subject } }` costs 1
PARTNER_BUDGET = 45
ME = "{ me { subject } }"
BUDGETS = "{ me { rateLimits { scope limit used remaining windowSeconds resetsAt } } }"


@pytest.fixture(scope="module")
def limited(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("limits"),
        database_url=database_url,
        rate_limit_cost=BUDGET,
        rate_limit_partner_cost=PARTNER_BUDGET,
        rate_limit_window_seconds=3600,  # one window for the whole module
    )


@pytest.fixture(scope="module")
def two_gateways(limited: Settings) -> Iterator[tuple[str, str]]:
    with serve_in_thread(limited) as first, serve_in_thread(limited) as second:
        yield first, second


def _token(settings: Settings, subject: str, role: str = "support", **claims: Any) -> str:
    return mint_token(settings, subject=subject, roles=(role,), **claims)


def _post(url: str, token: str, query: str = ME) -> httpx.Response:
    return httpx.post(
        f"{url}/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )


def test_a_spent_budget_is_429_with_retry_after_and_others_are_served(
    limited: Settings, two_gateways: tuple[str, str]
) -> None:
    url, _ = two_gateways
    greedy, other = _token(limited, "agent-greedy"), _token(limited, "agent-other")
    # Given a principal that spends its whole budget, one unit at a time
    answers = [_post(url, greedy) for _ in range(BUDGET)]
    assert [a.status_code for a in answers] == [200] * BUDGET
    assert [a.headers["RateLimit-Remaining"] for a in answers] == [
        str(BUDGET - n) for n in range(1, BUDGET + 1)
    ]
    # When it asks once more
    refused = _post(url, greedy)
    # Then it is refused before execution, with a coded error and when to come back
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    body = refused.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["budget"] == "PRINCIPAL"
    assert error["extensions"]["retryAfter"] == int(refused.headers["Retry-After"])
    # And stays refused, before parsing (even a document that would not parse)
    again = _post(url, greedy, "{ me { subject ")
    assert again.status_code == 429
    assert again.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert again.json()["errors"][0]["extensions"]["budget"] == "PRINCIPAL"
    # And another principal is served as before
    served = _post(url, other)
    assert served.status_code == 200
    assert served.json()["data"]["me"]["subject"] == "agent-other"


def test_me_shows_the_budget_this_request_included(
    limited: Settings, two_gateways: tuple[str, str]
) -> None:
    url, _ = two_gateways
    token = _token(limited, "agent-counter")
    _post(url, token)
    answer = _post(url, token, BUDGETS)
    assert answer.status_code == 200, answer.text
    (budget,) = answer.json()["data"]["me"]["rateLimits"]
    assert budget["scope"] == "PRINCIPAL"
    assert (budget["limit"], budget["windowSeconds"]) == (BUDGET, 3600)
    assert budget["used"] > 1  # the first request, and this one's cost
    assert budget["remaining"] == BUDGET - budget["used"]


def test_a_partner_s_principals_share_the_partner_budget(
    limited: Settings, two_gateways: tuple[str, str]
) -> None:
    url, _ = two_gateways
    portal = [_token(limited, f"portal-{n}", "partner", partner="partner-9") for n in (1, 2)]
    elsewhere = _token(limited, "portal-x", "partner", partner="partner-8")
    # Two portal users of one partner, each under its own budget, spend the partner's
    statuses = [_post(url, portal[n % 2]).status_code for n in range(PARTNER_BUDGET)]
    assert statuses == [200] * PARTNER_BUDGET
    refused = _post(url, portal[0])
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["extensions"]["budget"] == "PARTNER"
    # Another partner's portal is not affected
    assert _post(url, elsewhere).status_code == 200


def test_two_gateways_share_the_budget_on_postgres_and_count_apart_on_sqlite(
    limited: Settings, two_gateways: tuple[str, str], database_url: str
) -> None:
    first, second = two_gateways
    token = _token(limited, "agent-roaming")
    assert [_post(first, token).status_code for _ in range(BUDGET)] == [200] * BUDGET
    shared = database_url.startswith("postgresql")
    assert _post(second, token).status_code == (429 if shared else 200)


def test_windows_restart_and_budgets_are_per_key(tmp_path: Path) -> None:
    no_sessions: Any = None  # neither limiter below opens a session
    now = [1_000_000.0]
    limiter = MemoryRateLimiter(60, clock=lambda: now[0])
    budget = Budget("principal:a", 10)

    async def spend(cost: int) -> Any:
        return (await limiter.spend([budget, Budget("partner:p", 100)], cost))[0]

    state = asyncio.run(spend(8))
    assert (state.used, state.remaining, state.exhausted) == (8, 2, False)
    assert asyncio.run(spend(3)).exhausted
    now[0] += 60  # the next window
    assert asyncio.run(spend(3)).used == 3
    with pytest.raises(ValueError, match="PostgreSQL"):
        open_rate_limiter(
            sqlite_settings(tmp_path, rate_limit_backend="database"), "sqlite", no_sessions
        )
    off = sqlite_settings(tmp_path, rate_limit_enabled=False)
    assert open_rate_limiter(off, "sqlite", no_sessions) is None
