"""Reading notes in the widget: edit with history, conflicts, delete and restore, filters."""

from __future__ import annotations

from playwright.async_api import Browser, Page, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.widget import card, given_note, notes_of

CUSTOMER = "cust-00002"


async def test_edit_then_see_the_history(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await given_note(api, token, CUSTOMER, subject="Boiler check", body="First visit")
    await open_widget(page, gateway_url, token, CUSTOMER)

    await card(page, "Boiler check").get_by_role("button", name="Edit").click()
    editor = page.get_by_role("form", name="Edit note")
    await editor.get_by_label("Note (markdown)").fill("Second visit booked")
    await editor.get_by_label("Note (markdown)").press("Control+Enter")

    item = card(page, "Boiler check")
    await expect(item).to_contain_text("Second visit booked")
    await expect(item).to_contain_text("v2")
    await item.get_by_role("button", name="History").click()
    history = item.get_by_role("region", name="History")
    await expect(history).to_contain_text("v2 by Astrid White")  # agent-4, by name
    await expect(history).to_contain_text('"First visit" → "Second visit booked"')


async def test_a_stale_edit_shows_both_versions_and_reapplies(
    browser: Browser, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await given_note(api, token, CUSTOMER, subject="Warranty claim", body="Original")
    first, second = await browser.new_context(), await browser.new_context()
    try:
        page_a, page_b = await first.new_page(), await second.new_page()
        for page in (page_a, page_b):
            await open_widget(page, gateway_url, token, CUSTOMER)
            await card(page, "Warranty claim").get_by_role("button", name="Edit").click()
        # Agent B saves a new subject first; agent A, still on version 1, edits the body.
        editor_b = page_b.get_by_role("form", name="Edit note")
        await editor_b.get_by_label("Subject").fill("Warranty claim approved")
        await editor_b.get_by_role("button", name="Save changes").click()
        await expect(card(page_b, "Warranty claim approved")).to_contain_text("v2")
        editor_a = page_a.get_by_role("form", name="Edit note")
        await editor_a.get_by_label("Note (markdown)").fill("Parts ordered")
        await editor_a.get_by_role("button", name="Save changes").click()

        conflict = page_a.get_by_role("alert", name="Edit conflict")
        await expect(conflict.get_by_role("region", name="Your version")).to_contain_text(
            "Parts ordered"
        )
        await expect(conflict.get_by_role("region", name="Saved version")).to_contain_text(
            "Warranty claim approved"
        )
        await conflict.get_by_role("button", name="Reapply my changes").click()
        await expect(card(page_a, "Warranty claim approved")).to_contain_text("Parts ordered")
    finally:
        await first.close()
        await second.close()
    [note] = [n for n in await notes_of(api, token, CUSTOMER) if n["subject"].startswith("Warr")]
    assert (note["subject"], note["body"], note["version"]) == (
        "Warranty claim approved",
        "Parts ordered",
        3,
    )


async def test_delete_then_restore(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await given_note(api, token, CUSTOMER, subject="Wrong customer")
    await open_widget(page, gateway_url, token, CUSTOMER)

    await card(page, "Wrong customer").get_by_role("button", name="Delete").click()
    await expect(card(page, "Wrong customer")).to_have_count(0)
    assert "Wrong customer" not in [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
    await page.get_by_role("button", name="Restore “Wrong customer”").click()
    await expect(card(page, "Wrong customer")).to_be_visible()
    assert "Wrong customer" in [n["subject"] for n in await notes_of(api, token, CUSTOMER)]


async def test_filters_and_keyword_search(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await given_note(
        api,
        token,
        CUSTOMER,
        subject="Escalated leak",
        type="TECHNICAL",
        category="SUPPORT",
        tags=["plumbing"],
        body="Water under the zyxwvut sink",
    )
    await given_note(
        api,
        token,
        CUSTOMER,
        subject="Quiet call",
        type="INTERACTION_LOG",
        category="GENERAL",
        tags=["smalltalk"],
        body="Nothing to report",
    )
    await open_widget(page, gateway_url, token, CUSTOMER)
    panel = page.get_by_role("region", name="Notes", exact=True)

    await panel.get_by_label("Type").select_option("TECHNICAL")
    await expect(card(page, "Quiet call")).to_have_count(0)
    await expect(card(page, "Escalated leak")).to_be_visible()
    await panel.get_by_label("Type").select_option("")
    await panel.get_by_label("Category").select_option("GENERAL")
    await expect(card(page, "Escalated leak")).to_have_count(0)
    await expect(card(page, "Quiet call")).to_be_visible()
    await panel.get_by_label("Category").select_option("")
    await panel.get_by_label("Tag", exact=True).select_option("plumbing")
    await expect(card(page, "Quiet call")).to_have_count(0)
    await expect(card(page, "Escalated leak")).to_be_visible()
    await panel.get_by_label("Tag", exact=True).select_option("")

    search = page.get_by_role("searchbox", name="Search notes")
    await search.fill("zyxwvut")
    await search.press("Enter")
    await expect(page.get_by_text("1 note matching “zyxwvut”")).to_be_visible()
    await expect(card(page, "Escalated leak")).to_be_visible()
