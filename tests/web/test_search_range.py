"""Search within a date range, the API's highlights shown with only their <em> marks as markup."""

from __future__ import annotations

import datetime as dt

from playwright.async_api import Page, Route, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.test_safety import ACTIVE, serious_violations
from tests.web.widget import card, given_note

CUSTOMER = "cust-00011"


async def search(page: Page, words: str, start: str = "", end: str = "") -> None:
    """Fill the search form (words and dates) and submit it from the keyboard."""
    form = page.get_by_role("search", name="Search notes")
    await form.get_by_label("From date").fill(start)
    await form.get_by_label("To date").fill(end)
    await form.get_by_role("searchbox", name="Search notes").fill(words)
    await form.get_by_role("searchbox", name="Search notes").press("Enter")


async def test_search_within_dates_shows_highlighted_matches(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    # Given a note written today with a rare word
    token = token_for("support", sub="agent-4")
    await given_note(
        api, token, CUSTOMER, subject="Boiler quote", body="The quasarflux valve was replaced."
    )
    await open_widget(page, gateway_url, token, CUSTOMER)
    today = dt.datetime.now(dt.UTC).date()
    around = (
        (today - dt.timedelta(days=1)).isoformat(),
        (today + dt.timedelta(days=1)).isoformat(),
    )

    # When the agent searches for it within a range that holds today
    await search(page, "quasarflux", *around)

    # Then it is found, and its matched word is marked
    await expect(page.get_by_text(f"1 note matching “quasarflux” from {around[0]}")).to_be_visible()
    matches = page.locator("customer-notes").locator("p.matches")
    await expect(matches).to_have_count(1)
    await expect(matches.locator("em")).to_have_text(["quasarflux"])
    await expect(matches).to_contain_text("The quasarflux valve was replaced.")
    assert await serious_violations(page) == []

    # And a range in the past finds nothing; Clear brings the whole list back
    await search(page, "quasarflux", "2001-01-01", "2001-12-31")
    await expect(page.get_by_text("0 notes matching “quasarflux” from 2001-01-01")).to_be_visible()
    await expect(card(page, "Boiler quote")).to_have_count(0)
    await page.get_by_role("button", name="Clear").press("Enter")
    await expect(card(page, "Boiler quote")).to_be_visible()
    await expect(matches).to_have_count(0)
    await expect(page.get_by_role("search").get_by_label("From date")).to_have_value("")

    # And the dates are reached by keyboard, right after the words and the Search button
    await page.get_by_role("searchbox", name="Search notes").focus()
    reached: list[str] = []
    while "search-to" not in reached and len(reached) < 10:
        await page.keyboard.press("Tab")  # a date input stops at each of its parts
        reached.append(await page.evaluate(f"({ACTIVE})().id || ({ACTIVE})().textContent.trim()"))
    assert [name for i, name in enumerate(reached) if name not in reached[:i]] == [
        "Search",
        "search-from",
        "search-to",
    ]

    # And an inverted range is refused beside the dates, not sent
    await search(page, "quasarflux", today.isoformat(), "2001-01-01")
    await expect(page.get_by_role("alert")).to_contain_text("after the “To” date")
    await expect(page.get_by_label("From date")).to_have_attribute("aria-invalid", "true")


async def test_a_hostile_matched_word_is_shown_as_text(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api, dialogs: list[str]
) -> None:
    # Given a note whose matched word sits inside stored markup (the gateway keeps the tag,
    # having dropped its handler, when it saves the body)
    token = token_for("support", sub="agent-4")
    body = "Pasted <img src=x onerror=alert(7)> tag"
    await given_note(api, token, CUSTOMER, subject="Pasted markup", body=body)
    await open_widget(page, gateway_url, token, CUSTOMER)

    # When the agent searches for the tag's own word
    await search(page, "img")
    matches = page.locator("customer-notes").locator("p.matches")
    await expect(matches).to_have_count(1)
    await page.wait_for_timeout(300)  # time for an onerror to fire, if one could

    # Then the markup is words on the screen: only <em> marks are elements
    assert dialogs == []
    await expect(matches).to_contain_text('<img src="x">')
    await expect(matches.locator("em")).to_have_text(["img"])
    tags = await matches.locator("*").evaluate_all("els => els.map(e => e.tagName)")
    assert tags == ["EM"]
    assert await page.locator("customer-notes").locator("p.matches img").count() == 0


async def test_highlights_that_carry_raw_markup_stay_text(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api, dialogs: list[str]
) -> None:
    # Given a search backend that answers highlights with unescaped markup around the mark
    token = token_for("support", sub="agent-4")
    await given_note(api, token, CUSTOMER, subject="Raw highlight", body="A zanzibarite note")
    hostile = "<img src=x onerror=alert(7)><script>alert(8)</script> <em>zanzibarite</em> &amp;"

    async def tamper(route: Route) -> None:
        response = await route.fetch()
        answer = await response.json()
        for edge in ((answer.get("data") or {}).get("searchNotes") or {}).get("edges", []):
            edge["highlights"] = {"subject": [], "body": [hostile]}
        await route.fulfill(response=response, json=answer)

    await open_widget(page, gateway_url, token, CUSTOMER)
    await page.route("**/graphql", tamper)

    # When the agent searches
    await search(page, "zanzibarite")
    matches = page.locator("customer-notes").locator("p.matches")
    await expect(matches).to_have_count(1)
    await page.wait_for_timeout(300)

    # Then nothing of it runs or renders as markup but the mark
    assert dialogs == []
    await expect(matches).to_contain_text("<img src=x onerror=alert(7)><script>alert(8)</script>")
    await expect(matches).to_contain_text("zanzibarite &")
    assert await matches.locator("*").evaluate_all("els => els.map(e => e.tagName)") == ["EM"]
