"""The follow-ups tab offers what the gateway allows, from `me`'s capabilities: a manager
reassigns any open follow-up to an agent picked by name and cancels one after confirming, by
keyboard; a plain agent acts on the follow-ups it is assigned or wrote (its author), and sees no
action on someone else's. axe-core stays clean with the forms open."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Locator, Page, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.test_activity_forms import open_activity
from tests.web.test_safety import ACTIVE, serious_violations

CUSTOMER = "cust-00002"  # agents 4 (support, Astrid White) and 8 (sales, Arthur Brown) reach it
SUPPORT, SALES, MANAGER = "agent-4", "agent-8", "agent-2"
LOG = """
mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { followUp { id } errors { field code message } }
}
"""
FOLLOW_UP = """
query($id: ID!) { node(id: $id) { ... on FollowUp { status assignee { agentId }
  author { agentId } } } }
"""
ACTIONS = ["Complete", "Reschedule", "Reassign", "Cancel follow-up"]


async def given_follow_up(api: Api, token: str, assignee: str, instructions: str) -> str:
    """A call with a follow-up for `assignee`, logged (authored) by the token's agent."""
    answer = await api.call(
        token,
        LOG,
        input={
            "customerId": CUSTOMER,
            "type": "CALL",
            "purpose": "SERVICE",
            "subject": f"Call ({instructions})",
            "followUp": {
                "assigneeId": assignee,
                "dueAt": "2031-04-01T09:00:00Z",
                "instructions": instructions,
            },
        },
    )
    payload = answer["data"]["logInteraction"]
    assert payload["errors"] == [], answer
    follow_up_id: str = payload["followUp"]["id"]
    return follow_up_id


async def stored(api: Api, token: str, follow_up_id: str) -> dict[str, Any]:
    answer = await api.call(token, FOLLOW_UP, id=follow_up_id)
    assert "errors" not in answer, answer
    node: dict[str, Any] = answer["data"]["node"]
    return node


def item(page: Page, text: str) -> Locator:
    """The follow-up whose instructions hold `text`."""
    listed = page.get_by_role("list", name="Follow-ups list").get_by_role("listitem")
    return listed.filter(has_text=text)


async def focused_label(page: Page) -> str | None:
    """The accessible text of the focused element (through shadow roots)."""
    focused = await page.evaluate_handle(ACTIVE)
    text: str | None = await focused.evaluate(
        "el => el.getAttribute('aria-label') || el.textContent.trim()"
    )
    return text


async def test_a_manager_reassigns_to_a_named_agent_and_cancels_after_confirming(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    support = token_for("support", sub=SUPPORT)
    handed = await given_follow_up(api, support, SUPPORT, "Hand this on")
    dropped = await given_follow_up(api, support, SUPPORT, "No longer needed")
    manager = token_for("manager", sub=MANAGER)
    await open_widget(page, gateway_url, manager, CUSTOMER)
    await open_activity(page)

    # Someone else's follow-ups: the manager may do everything (the ANY capabilities).
    on = item(page, "Hand this on")
    await expect(on.get_by_role("button")).to_have_text(ACTIONS)

    # Reassign, keyboard only: find the agent by name, choose them, save.
    await on.get_by_role("button", name="Reassign").focus()
    await page.keyboard.press("Enter")
    form = on.get_by_role("form", name="Reassign the follow-up")
    find = form.get_by_label("Find agent")
    await expect(find).to_be_focused()
    await page.keyboard.type("arthur br", delay=10)
    await expect(form.get_by_role("status")).to_contain_text("1 agent found")
    await page.keyboard.press("Tab")
    chosen = form.get_by_label("New assignee")
    await expect(chosen).to_be_focused()
    await expect(chosen.locator("option")).to_have_text(["(choose)", "Arthur Brown"])
    assert await serious_violations(page) == []
    # An empty choice is refused at the field.
    await form.get_by_role("button", name="Save new assignee").click()
    await expect(chosen).to_have_attribute("aria-invalid", "true")
    await expect(chosen).to_be_focused()
    await chosen.select_option(label="Arthur Brown")
    await form.get_by_role("button", name="Save new assignee").press("Enter")
    await expect(page.get_by_role("status").filter(has_text="Follow-up reassigned")).to_be_visible()
    await expect(on).to_contain_text("Arthur Brown")
    await expect(on).to_contain_text("by Astrid White")
    await expect(form).to_have_count(0)
    # The keyboard is back on the action it used.
    assert await focused_label(page) == "Reassign"
    after = await stored(api, manager, handed)
    assert after["assignee"] == {"agentId": SALES}
    assert after["author"] == {"agentId": SUPPORT}

    # Cancel asks first; Escape (or "Keep it") leaves the follow-up open.
    off = item(page, "No longer needed")
    await off.get_by_role("button", name="Cancel follow-up").click()
    confirm = off.get_by_role("form", name="Cancel the follow-up")
    await expect(confirm).to_contain_text("Cancel this follow-up?")
    await expect(confirm.get_by_label("Reason")).to_be_focused()
    await page.keyboard.press("Escape")
    await expect(confirm).to_have_count(0)
    assert (await stored(api, manager, dropped))["status"] == "OPEN"

    await off.get_by_role("button", name="Cancel follow-up").press("Enter")
    await confirm.get_by_label("Reason").fill("Customer moved abroad")
    assert await serious_violations(page) == []
    await confirm.get_by_role("button", name="Yes, cancel it").click()
    await expect(off).to_contain_text("Cancelled")
    await expect(off.get_by_role("button")).to_have_count(0)
    assert await focused_label(page) == "Follow-ups list"
    assert (await stored(api, manager, dropped))["status"] == "CANCELLED"
    assert await serious_violations(page) == []


async def test_a_plain_agent_acts_on_what_it_was_given_or_wrote_and_not_on_others(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    support = token_for("support", sub=SUPPORT)
    await given_follow_up(api, token_for("manager", sub=MANAGER), SALES, "Arthur's own task")
    await given_follow_up(api, support, SALES, "Given to Arthur by Astrid")
    await given_follow_up(api, support, SUPPORT, "Astrid's own task")
    await open_widget(page, gateway_url, support, CUSTOMER)
    await open_activity(page)

    # Assigned to someone else, written by someone else: nothing to do here.
    others = item(page, "Arthur's own task")
    await expect(others).to_be_visible()
    await expect(others.get_by_role("button")).to_have_count(0)
    # Written by the caller for someone else: the author may act on it like the assignee.
    written = item(page, "Given to Arthur by Astrid")
    await expect(written).to_contain_text("Arthur Brown · by Astrid White")
    await expect(written.get_by_role("button")).to_have_text(ACTIONS)
    # Assigned to the caller.
    await expect(item(page, "Astrid's own task").get_by_role("button")).to_have_text(ACTIONS)
    assert await serious_violations(page) == []
