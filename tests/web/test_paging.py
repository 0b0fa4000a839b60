"""The notes list comes a page at a time: "Load more" (keyboard too) shows every note once."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Page, Request, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.test_safety import ACTIVE, serious_violations
from tests.web.widget import given_note, notes_of

CUSTOMER = "cust-00007"
PAGE = 25  # NOTES_PAGE in web/src/queries.ts


async def test_load_more_pages_through_every_note_by_keyboard(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    # Given a customer with more notes than one page holds
    token = token_for("support", sub="agent-4")
    for number in range(PAGE + 6):
        await given_note(api, token, CUSTOMER, subject=f"Paged note {number:02d}", pinned=False)
    expected = [note["subject"] for note in await notes_of(api, token, CUSTOMER)]
    assert len(expected) > PAGE

    # (Every list request the widget sends, to check it never asks for more than a page.)
    sent: list[dict[str, Any]] = []

    def record(request: Request) -> None:
        body = request.post_data_json if request.method == "POST" else None
        if isinstance(body, dict) and "notes(first:" in body.get("query", ""):
            sent.append(body["variables"])

    page.on("request", record)

    # When the agent opens the sidebar, it shows the first page and says how many there are
    await open_widget(page, gateway_url, token, CUSTOMER)
    # One subject heading per note card (a card's own lists hold list items too).
    items = page.get_by_role("list", name="Notes list").get_by_role("heading", level=3)
    await expect(items).to_have_count(PAGE)
    await expect(page.get_by_text(f"{PAGE} of {len(expected)} notes")).to_be_visible()
    assert await serious_violations(page) == []

    # And it loads the rest from the keyboard until no page is left
    more = page.get_by_role("button", name="Load more notes")
    while await more.count():
        await more.focus()
        await page.keyboard.press("Enter")
        await expect(page.get_by_text("Loading more notes")).to_have_count(0)
    await expect(items).to_have_count(len(expected))
    await expect(page.get_by_text(f"{len(expected)} notes", exact=True)).to_be_visible()
    headings = await items.all_inner_texts()
    shown = [text.removeprefix("📌").strip() for text in headings]

    # Then every note is shown once, in the API's order, and the keyboard stays on the list
    assert shown == expected
    focused = await page.evaluate_handle(ACTIVE)
    assert await focused.evaluate("el => el.getAttribute('aria-label')") == "Notes list"
    assert await serious_violations(page) == []

    # And it asked a page at a time, each next page after the one before (cursors, not offsets)
    pages = -(-len(expected) // PAGE)
    assert [variables["first"] for variables in sent] == [PAGE] * pages
    afters = [variables.get("after") for variables in sent]
    assert afters[0] is None
    assert all(afters[1:])
    assert len(set(afters[1:])) == pages - 1
