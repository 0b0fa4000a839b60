"""The widget embedded in a host page on another origin: allowed only for listed origins.

A real host page is served from its own loopback server, reached as ``http://localhost:P``
(listed in the gateway's C360_CORS_ORIGINS) or as ``http://127.0.0.1:P`` (another origin, not
listed), while the script and the API stay on the gateway's origin. Chromium then enforces CORS
on the module script and on every GraphQL call (preflighted, because of the bearer token).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.async_api import Page, expect

from core.settings import Settings
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.web.conftest import Api
from tests.web.widget import card, notes_of, write

CUSTOMER = "cust-00002"

HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner CRM</title>
<script type="module" src="{gateway}/widget/customer-notes.js"></script></head>
<body><main><h1>Customer</h1>
<customer-notes customer-id="{customer}" endpoint="{gateway}/graphql"></customer-notes></main>
<script>document.querySelector("customer-notes").token = {token};</script></body></html>"""


class _HostPage(BaseHTTPRequestHandler):
    """GET /?gateway=…&token=… answers the host page for those values."""

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path != "/" or "gateway" not in query or "token" not in query:
            self.send_error(404)
            return
        html = HOST.format(
            gateway=query["gateway"][0], customer=CUSTOMER, token=json.dumps(query["token"][0])
        )
        body = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def host_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def gateway_settings(
    web_store_url: str, host_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("web-cors"),
        database_url=web_store_url,
        cors_origins=[f"http://localhost:{host_port}"],
    )


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


async def _open(page: Page, origin: str, gateway: str, token: str) -> list[str]:
    """Open the host page on `origin`; returns the console errors collected meanwhile."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    await page.goto(f"{origin}/?gateway={gateway}&token={token}")
    return errors


async def test_a_listed_origin_embeds_the_widget_and_writes_through_it(
    page: Page, gateway_url: str, host_port: int, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    errors = await _open(page, f"http://localhost:{host_port}", gateway_url, token)
    await page.get_by_role("list", name="Notes list").wait_for()
    await page.get_by_text("Loading notes").wait_for(state="detached")

    await write(page, "Called from the partner CRM")

    await expect(card(page, "Called from the partner CRM")).to_be_visible()
    subjects = [note["subject"] for note in await notes_of(api, token, CUSTOMER)]
    assert "Called from the partner CRM" in subjects
    assert not [error for error in errors if "favicon" not in error and "404" not in error]


async def test_an_unlisted_origin_cannot_load_or_call_it(
    page: Page, gateway_url: str, host_port: int, token_for: TokenFactory
) -> None:
    token = token_for("support", sub="agent-4")
    errors = await _open(page, f"http://127.0.0.1:{host_port}", gateway_url, token)
    await page.wait_for_load_state("networkidle")
    assert await page.evaluate("customElements.get('customer-notes') === undefined")
    assert any("CORS policy" in error for error in errors), errors
    called = await page.evaluate(
        """async ([url, token]) => {
             const headers = {"Content-Type": "application/json", Authorization: `Bearer ${token}`};
             const body = JSON.stringify({query: "{ me { subject } }"});
             try {
               await fetch(url, {method: "POST", headers, body});
               return "answered";
             } catch (error) { return "refused"; }
           }""",
        [f"{gateway_url}/graphql", token],
    )
    assert called == "refused"
