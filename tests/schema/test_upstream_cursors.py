"""Cursors of the upstream lists (orders, invoices, payments, tickets, timeline) are checked."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from demo.upstreams.serve import DemoUpstreams
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import FAST, demo_store

LISTS = ["orders", "invoices", "payments", "tickets", "timeline"]


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


FORGED = [
    _cursor("[1, 2]"),
    _cursor('["not a date", "x"]'),
    _cursor('["2026-01-01T00:00:00+00:00", {"a": 1}]'),
    _cursor('["2026-01-01T00:00:00+00:00", true]'),
    _cursor('["2026-01-01T00:00:00+00:00"]'),
    _cursor('[99999999999999999999999, "x"]'),
    "garbage!",
]


@pytest.fixture(scope="module")
async def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return await demo_store(tmp_path_factory.mktemp("cursors"), notes=60)


@pytest.fixture(scope="module")
def gateway_settings(store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(tmp_path_factory.mktemp("gw"), database_url=store_url)


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings, demo_upstreams_sqlite: DemoUpstreams) -> Iterator[str]:
    config = demo_upstreams_sqlite.config.with_resilience(FAST)
    with serve_in_thread(gateway_settings, config) as url:
        yield url


async def _page(
    http: httpx.AsyncClient, token: str, field: str, after: str | None
) -> dict[str, Any]:
    query = f"""query Q($a: String) {{ customer(id: "cust-00001") {{
      {field}(first: 1, after: $a) {{ pageInfo {{ endCursor hasNextPage }} }} }} }}"""
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": {"a": after}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("cursor", FORGED)
@pytest.mark.parametrize("field", LISTS)
async def test_a_forged_cursor_is_invalid(
    http: httpx.AsyncClient, token_for: TokenFactory, field: str, cursor: str
) -> None:
    body = await _page(http, token_for("admin"), field, cursor)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["INVALID"], body


@pytest.mark.parametrize("field", LISTS)
async def test_real_cursors_still_page(
    http: httpx.AsyncClient, token_for: TokenFactory, field: str
) -> None:
    first = await _page(http, token_for("admin"), field, None)
    assert first.get("errors") is None, first
    page = first["data"]["customer"][field]["pageInfo"]
    if page["hasNextPage"]:
        second = await _page(http, token_for("admin"), field, page["endCursor"])
        assert second.get("errors") is None, second
