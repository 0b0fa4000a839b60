"""The widget names the customer by its global id, whichever id the host page embeds."""

from __future__ import annotations

import json
from typing import Any

from playwright.async_api import Page, Request, expect

from schema.node import global_id
from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.widget import card, notes_of, write

CUSTOMER = "cust-00002"


def _customer_ids(value: Any) -> list[str]:
    """Every `id` / `customerId` value anywhere in a request's variables."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in ("id", "customerId") and isinstance(v, str)]
        return found + [i for v in value.values() for i in _customer_ids(v)]
    if isinstance(value, list):
        return [i for v in value for i in _customer_ids(v)]
    return []


async def test_the_widget_sends_the_customers_global_id(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    sent: list[str] = []

    def record(request: Request) -> None:
        if request.url.endswith("/graphql") and request.method == "POST" and request.post_data:
            sent.extend(_customer_ids(json.loads(request.post_data).get("variables")))

    page.on("request", record)
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)  # the host embeds the raw key
    await write(page, "Sent by global id")
    await expect(card(page, "Sent by global id")).to_be_visible()

    assert global_id("Customer360", CUSTOMER) in sent
    assert CUSTOMER not in sent
    assert "Sent by global id" in [n["subject"] for n in await notes_of(api, token, CUSTOMER)]


async def test_a_host_may_embed_the_global_id(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, global_id("Customer360", CUSTOMER))
    await write(page, "Embedded by global id")
    await expect(card(page, "Embedded by global id")).to_be_visible()
    assert "Embedded by global id" in [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
