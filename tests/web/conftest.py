"""Browser test fixtures: a seeded gateway on loopback and Debian's Chromium via Playwright."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, BrowserContext, Dialog, Page, async_playwright

from core.settings import Settings
from demo.seed import seed
from devservices.chromium import ensure_chromium_installed, launch_args
from store.db import create_engine
from store.migrate import async_upgrade
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings

CUSTOMERS, NOTES = 12, 120
TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
async def web_store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated SQLite store with a little demo data."""
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=CUSTOMERS, notes=NOTES)
    finally:
        await engine.dispose()
    return url


@pytest.fixture(scope="module")
def gateway_settings(web_store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("web-gw"), database_url=web_store_url, search_poll_seconds=0.05
    )


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Headless Chromium from Debian's package (Playwright's own download is unreachable)."""
    executable = ensure_chromium_installed()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(executable), args=launch_args(), headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh profile per test: empty localStorage, no cookies."""
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        yield ctx
    finally:
        await ctx.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of JavaScript dialogs the page opened (alert() from a note body): none, ever."""
    return []


@pytest.fixture
async def page(context: BrowserContext, dialogs: list[str]) -> Page:
    """A page that records (and dismisses) every JavaScript dialog."""
    opened = await context.new_page()

    async def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        await dialog.dismiss()

    opened.on("dialog", on_dialog)
    return opened


class Api:
    """GraphQL calls straight to the gateway, for a test's givens and thens."""

    def __init__(self, base_url: str, token_for: TokenFactory) -> None:
        self.base_url = base_url
        self.token_for = token_for

    async def call(self, token: str, query: str, **variables: Any) -> Any:
        """POST one operation; returns the JSON body."""
        async with httpx.AsyncClient(base_url=self.base_url, timeout=10) as client:
            response = await client.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {token}"},
            )
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def api(gateway_url: str, token_for: TokenFactory) -> Api:
    return Api(gateway_url, token_for)
