"""Cursors of the upstream lists (orders, invoices, payments, tickets, timeline) are checked."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from tests.fixtures.app import TokenFactory
from tests.fixtures.served_gateways import on_demo_store, with_demo_upstreams
from tests.schema.native_gateway import gql

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


store_url, gateway_settings = on_demo_store("cursors", notes=60)
gateway_url = with_demo_upstreams()


async def _page(
    http: httpx.AsyncClient, token: str, field: str, after: str | None
) -> dict[str, Any]:
    query = f"""query Q($a: String) {{ customer(id: "cust-00001") {{
      {field}(first: 1, after: $a) {{ pageInfo {{ endCursor hasNextPage }} }} }} }}"""
    return await gql(http, token, query, a=after)


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
