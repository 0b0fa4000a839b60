"""GraphiQL at /graphql is the gateway's own bundle: it renders and runs a query offline."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import Page, Request, expect

from core.settings import Settings
from gateway.graphiql_page import example_queries
from tests.fixtures.app import sqlite_settings


@pytest.fixture(scope="module")
def gateway_settings(web_store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """As the web suite's gateway, with the demo on: the page prefills a working token."""
    return sqlite_settings(
        tmp_path_factory.mktemp("graphiql-gw"), database_url=web_store_url, demo=True
    )


async def test_graphiql_renders_and_runs_a_query_without_leaving_loopback(
    page: Page, gateway_url: str
) -> None:
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    page.on("request", record)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    await page.goto(f"{gateway_url}/graphql")
    # The README's first example (the Customer 360) is the open tab.
    editor = page.locator(".graphiql-query-editor .CodeMirror").first
    await expect(editor).to_contain_text("query Customer360")
    await expect(page.locator(".graphiql-tab")).to_have_count(len(example_queries()))
    await page.locator(".graphiql-execute-button").click()
    result = page.locator(".graphiql-response .CodeMirror").first
    # The prefilled demo token (a manager) reads the customer: the query ran, authorized.
    await expect(result).to_contain_text('"name": ')
    await expect(result).not_to_contain_text("UNAUTHENTICATED")
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, requested
    assert any(url.endswith("/graphiql/graphiql.js") for url in requested)
    assert not [line for line in console if "Content Security Policy" in line], console


async def test_the_page_names_only_local_assets_under_a_strict_csp(gateway_url: str) -> None:
    async with httpx.AsyncClient(base_url=gateway_url) as client:
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        script = await client.get("/graphiql/graphiql.js")
    assert page.status_code == 200
    assert "https://" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '"Authorization": "Bearer ey' in page.text.replace('\\"', '"')
    assert script.status_code == 200
