"""The sidebar follows its principal: a new signed-in user, a deleted note's open history."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget, set_token
from tests.web.widget import card, given_note, new_note

UPDATE = """
mutation Update($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { version } errors { code } }
}
"""


async def partner_customer(api: Api, token_for: TokenFactory) -> tuple[str, str]:
    """A customer assigned to a partner, and that partner."""
    manager = token_for("manager", sub="agent-2")
    answer = await api.call(
        manager, "{ customers(first: 50) { edges { node { customerId partnerId } } } }"
    )
    return next(
        (edge["node"]["customerId"], edge["node"]["partnerId"])
        for edge in answer["data"]["customers"]["edges"]
        if edge["node"]["partnerId"]
    )


async def test_a_new_signed_in_user_gets_their_own_list_permissions_and_form(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    # Given a support agent's sidebar showing an internal note they may edit, a draft and history
    customer, partner = await partner_customer(api, token_for)
    support = token_for("support", sub="agent-4")
    await given_note(api, support, customer, subject="Support internal plan", scope="INTERNAL")
    await given_note(api, support, customer, subject="Shared with the partner", scope="CUSTOMER")
    await open_widget(page, gateway_url, support, customer)
    internal = card(page, "Support internal plan")
    await expect(internal.get_by_role("button", name="Edit")).to_be_visible()
    await new_note(page).get_by_label("Subject").fill("Support's unsent draft")
    await card(page, "Shared with the partner").get_by_role("button", name="History").click()

    # When the host signs a partner in on the same page (no reload)
    await set_token(page, token_for("partner", sub="portal-1", partner=partner))

    # Then the sidebar shows what the partner may read, and nothing of the support agent's
    await expect(
        page.get_by_text("You can read this customer's notes but not write them")
    ).to_be_visible()
    await expect(card(page, "Shared with the partner")).to_be_visible()
    await expect(internal).to_have_count(0)
    await expect(new_note(page)).to_have_count(0)
    await expect(page.get_by_role("region", name="History")).to_have_count(0)
    widget = page.locator("customer-notes")
    for action in ("Edit", "Delete"):
        await expect(widget.get_by_role("button", name=re.compile(f"^{action} "))).to_have_count(0)
    scopes = await page.locator("c360-note-card").evaluate_all("cs => cs.map(c => c.note.scope)")
    assert set(scopes) <= {"CUSTOMER"}

    # And signing the support agent back in brings their list, rights and draft back
    await set_token(page, support)
    await expect(internal.get_by_role("button", name="Edit")).to_be_visible()
    await expect(new_note(page).get_by_label("Subject")).to_have_value("Support's unsent draft")


async def test_another_agent_does_not_inherit_a_draft(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    customer = "cust-00009"
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), customer)
    await new_note(page).get_by_label("Subject").fill("Only agent-4 wrote this")
    await set_token(page, token_for("support", sub="agent-5"))
    await expect(new_note(page).get_by_label("Subject")).to_have_value("")


async def test_a_deleted_notes_open_history_does_not_move_to_the_next_note(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    # Given two notes, the newest edited once, its history open
    customer = "cust-00010"
    token = token_for("support", sub="agent-4")
    await given_note(api, token, customer, subject="Older untouched note")
    edited = await given_note(api, token, customer, subject="Note to delete")
    answer = await api.call(
        token, UPDATE, input={"id": edited["id"], "expectedVersion": 1, "body": "Changed body"}
    )
    assert answer["data"]["updateNote"]["errors"] == [], answer
    await open_widget(page, gateway_url, token, customer)
    doomed = card(page, "Note to delete")
    await doomed.get_by_role("button", name="History").click()
    await expect(doomed.get_by_role("region", name="History")).to_contain_text("v2")

    # When the agent deletes that note
    await doomed.get_by_role("button", name="Delete Note to delete").click()
    await expect(doomed).to_have_count(0)

    # Then no card shows a history, and the next note's History is closed
    older = card(page, "Older untouched note")
    await expect(older).to_be_visible()
    await expect(page.get_by_role("region", name="History")).to_have_count(0)
    await expect(older.get_by_role("button", name="History")).to_have_attribute(
        "aria-expanded", "false"
    )
    await older.get_by_role("button", name="History").click()
    await expect(older.get_by_role("region", name="History")).to_contain_text("Not edited")
