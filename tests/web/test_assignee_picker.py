"""People by name in the widget: the follow-up assignee is picked from the gateway's `agents`
lookup by name (keyboard and axe clean), and notes and follow-ups show names, not ids."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.test_safety import serious_violations
from tests.web.widget import card, new_note

CUSTOMER = "cust-00001"
FOLLOW_UPS = """
query($id: ID!) { customer(id: $id) { followUps(first: 100) {
  pageInfo { hasNextPage } edges { node { noteId assignee { agentId name } } }
} } }
"""


async def test_the_assignee_is_picked_by_name_from_the_agents_lookup(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Subject").fill("Call back about the invoice")
    await form.get_by_label("Note (markdown)").fill("Asked for a call on Monday.")
    await form.get_by_label("Visibility").select_option("INTERNAL")
    await form.get_by_label("Add a follow-up").check()
    assignee = form.get_by_label("Assignee", exact=True)
    # The caller is the default assignee, shown by name.
    await expect(assignee.locator("option:checked")).to_contain_text("Astrid White (me)")

    # Typed with the keyboard: the lookup answers with names, announced in a status line
    find = form.get_by_label("Find assignee")
    await find.click()
    await page.keyboard.type("arthur br", delay=10)
    await expect(form.get_by_role("status").filter(has_text="1 agent found")).to_be_visible()
    await expect(assignee.locator("option")).to_have_text(["Astrid White (me)", "Arthur Brown"])
    # Tab reaches the picker next; the choice is a name, the value sent is the id.
    await page.keyboard.press("Tab")
    await expect(assignee).to_be_focused()
    await assignee.select_option(label="Arthur Brown")
    assert await serious_violations(page) == []
    await form.get_by_label("Due").fill("2031-01-15T10:00")
    await form.get_by_label("Subject").press("Control+Enter")

    await expect(page.get_by_role("status").first).to_contain_text("Saved")
    answer = await api.call(token, FOLLOW_UPS, id=CUSTOMER)
    follow_ups = answer["data"]["customer"]["followUps"]
    assert follow_ups["pageInfo"]["hasNextPage"] is False
    people = [edge["node"]["assignee"] for edge in follow_ups["edges"]]
    # The value sent was the agent's raw key: the follow-up names agent-8.
    assert {"agentId": "agent-8", "name": "Arthur Brown"} in people
    # The notes list names the author, and the follow-ups list the assignee, by name.
    await expect(card(page, "Call back about the invoice")).to_contain_text("Astrid White")
    await page.get_by_role("tab", name="Interactions & follow-ups").click()
    await expect(page.get_by_role("listitem").filter(has_text="Arthur Brown").first).to_be_visible()


async def test_a_lookup_that_finds_nobody_says_so(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Add a follow-up").check()
    await form.get_by_label("Find assignee").fill("zzzz-nobody")
    await expect(form.get_by_role("status").filter(has_text="No agent found")).to_be_visible()
    await expect(form.get_by_label("Assignee", exact=True).locator("option")).to_have_text(
        ["Astrid White (me)"]
    )
