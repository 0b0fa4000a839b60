"""A bare host page for <customer-notes>, served by Playwright on the gateway's own origin.

The page has no CSP of its own, so the XSS tests prove the widget is inert by itself. It
records the widget's events on `window` for the tests: `__saved` (note-saved details) and
`__expired` (token-expired count).
"""

from __future__ import annotations

import json

from playwright.async_api import Page, Route

HOST_PATH = "/test-host"

HOST_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host CS screen</title>
<script type="module" src="/widget/customer-notes.js"></script></head>
<body><main><h1>Customer {customer}</h1>
<customer-notes customer-id="{customer}" endpoint="/graphql"></customer-notes></main>
<script>
  window.__saved = JSON.parse(sessionStorage.getItem("saved") || "[]");
  window.__expired = 0;
  const widget = document.querySelector("customer-notes");
  widget.addEventListener("note-saved", (event) => {{
    window.__saved.push({{ id: event.detail.note.id, creationMs: event.detail.creationMs }});
    sessionStorage.setItem("saved", JSON.stringify(window.__saved));
  }});
  widget.addEventListener("token-expired", () => {{ window.__expired += 1; }});
  widget.token = {token};
</script></body></html>"""


async def open_widget(page: Page, base_url: str, token: str, customer: str) -> None:
    """Serve the host page for `customer` with `token` and wait until the widget is ready."""

    async def fulfil(route: Route) -> None:
        html = HOST_PAGE.format(customer=customer, token=json.dumps(token))
        await route.fulfill(status=200, content_type="text/html", body=html)

    await page.route(f"**{HOST_PATH}*", fulfil)
    await page.goto(f"{base_url}{HOST_PATH}?customer={customer}")
    await page.get_by_role("list", name="Notes list").wait_for()
    await page.get_by_text("Loading notes").wait_for(state="detached")


async def set_token(page: Page, token: str) -> None:
    """What a host does on `token-expired`: hand the widget a new token."""
    await page.evaluate("t => { document.querySelector('customer-notes').token = t; }", token)
