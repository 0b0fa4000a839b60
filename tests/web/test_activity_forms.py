"""The sidebar's activity tab does the day's work: an interaction (with a follow-up for an agent
picked by name) is logged by keyboard alone, typed errors show at their fields, own follow-ups
are completed (outcome from the list) and rescheduled, and roles without the right see no
forms; axe-core stays clean."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Locator, Page, expect

from core.settings import REPO_ROOT
from tests.fixtures.app import TokenFactory
from tests.web.conftest import TIMEOUT_MS, Api
from tests.web.host import open_widget
from tests.web.test_safety import serious_violations

CUSTOMER = "cust-00002"
SCREENSHOT = REPO_ROOT / "docs" / "sidebar-log-interaction.png"
ACTIVITY = """
query($id: ID!) { customer(id: $id) {
  interactions(first: 100) { edges { node { interactionId type purpose subject detail outcome
    mood loggedByAgent { agentId } } } }
  followUps(first: 100) { edges { node { id interactionId instructions status outcome dueAt
    assignee { agentId name } } } }
} }
"""
LOG = """
mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { followUp { id } errors { field code message } }
}
"""


async def activity(api: Api, token: str) -> dict[str, list[dict[str, Any]]]:
    """The customer's interactions and follow-ups as `token` reads them."""
    answer = await api.call(token, ACTIVITY, id=CUSTOMER)
    assert "errors" not in answer, answer
    customer = answer["data"]["customer"]
    return {key: [edge["node"] for edge in customer[key]["edges"]] for key in customer}


async def given_follow_up(api: Api, token: str, instructions: str) -> None:
    """An interaction with a follow-up for the caller, logged through the API."""
    me = (await api.call(token, "{ me { subject } }"))["data"]["me"]["subject"]
    answer = await api.call(
        token,
        LOG,
        input={
            "customerId": CUSTOMER,
            "type": "CALL",
            "purpose": "SERVICE",
            "subject": f"Given call ({instructions})",
            "followUp": {
                "assigneeId": me,
                "dueAt": "2031-03-01T09:00:00Z",
                "instructions": instructions,
            },
        },
    )
    assert answer["data"]["logInteraction"]["errors"] == [], answer


async def open_activity(page: Page) -> None:
    """Select the activity tab with the keyboard."""
    await page.get_by_role("tab", name="Interactions & follow-ups").focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.get_by_role("heading", name="Interactions", exact=True)).to_be_visible()


def log_form(page: Page) -> Locator:
    return page.get_by_role("form", name="Log an interaction")


async def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has focus (a date input takes one Tab per part, by locale)."""
    for _ in range(8):
        await page.keyboard.press("Tab")
        if await target.evaluate("el => el.matches(':focus')"):
            return
    await expect(target).to_be_focused()


@pytest.fixture
async def en_page(browser: Browser) -> AsyncIterator[Page]:
    """A page in en-US and UTC: the date inputs' parts are typed in that order."""
    ctx = await browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-US", timezone_id="UTC"
    )
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        yield await ctx.new_page()
    finally:
        await ctx.close()


async def test_an_interaction_with_a_follow_up_is_logged_by_keyboard_alone(
    en_page: Page, gateway_url: str, token_for: TokenFactory, api: Api, tmp_path: Path
) -> None:
    page = en_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    await open_activity(page)
    keyboard = page.keyboard
    await keyboard.press("Tab")
    opener = page.get_by_role("button", name="Log an interaction")
    await expect(opener).to_be_focused()
    await keyboard.press("Enter")
    form = log_form(page)
    await expect(form.get_by_label("Type")).to_be_focused()
    await keyboard.press("ArrowDown")  # CALL → VISIT
    await keyboard.press("Tab")
    await keyboard.press("ArrowUp")  # SERVICE → CREDIT_CONTROL
    await keyboard.press("Tab")
    await keyboard.type("Visit about the arrears", delay=5)
    await keyboard.press("Tab")
    await keyboard.type("Agreed a **payment plan**.", delay=5)
    await keyboard.press("Tab")
    for _ in range(3):  # (none) → Interested → Not interested → Callback requested
        await keyboard.press("ArrowDown")
    await keyboard.press("Tab")
    for _ in range(3):  # (none) → Happy → Neutral → Frustrated
        await keyboard.press("ArrowDown")
    await expect(form.get_by_label("Outcome")).to_have_value("callback_requested")
    await expect(form.get_by_label("Mood")).to_have_value("frustrated")
    # Occurred at defaults to now; the follow-up box comes next.
    await expect(form.get_by_label("Occurred at")).not_to_have_value("")
    box = form.get_by_label("Add a follow-up")
    await tab_to(page, box)
    await keyboard.press("Space")
    await keyboard.press("Tab")
    await expect(form.get_by_label("Find assignee")).to_be_focused()
    await keyboard.type("arthur br", delay=10)
    await expect(form.get_by_role("status").filter(has_text="1 agent found")).to_be_visible()
    await keyboard.press("Tab")
    assignee = form.get_by_label("Assignee", exact=True)
    await expect(assignee).to_be_focused()
    await expect(assignee.locator("option")).to_have_text(["Astrid White (me)", "Arthur Brown"])
    await keyboard.press("ArrowDown")
    await expect(assignee).to_have_value("agent-8")
    await keyboard.press("Tab")
    due = form.get_by_label("Due")
    await expect(due).to_be_focused()
    await keyboard.type("01152031")  # mm dd yyyy, as en-US parts it; the year takes 6 digits
    await keyboard.press("ArrowRight")
    await keyboard.type("1000A")  # hh mm AM
    await expect(due).to_have_value("2031-01-15T10:00")
    await tab_to(page, form.get_by_label("Instructions"))
    await keyboard.type("Check the first instalment arrived", delay=5)
    assert await serious_violations(page) == []
    # Regenerate docs/sidebar-log-interaction.png by deleting it; otherwise it goes to a temp file.
    shot = tmp_path / SCREENSHOT.name if SCREENSHOT.exists() else SCREENSHOT
    await page.screenshot(path=shot, full_page=True)
    await keyboard.press("Control+Enter")

    await expect(page.get_by_role("status").filter(has_text="Logged")).to_be_visible()
    listed = page.get_by_role("list", name="Interactions list").get_by_role("listitem")
    entry = listed.filter(has_text="Visit about")
    await expect(entry).to_contain_text("Credit control")
    await expect(entry).to_contain_text("Callback requested · Frustrated")
    follow_up = page.get_by_role("list", name="Follow-ups list").get_by_role("listitem")
    await expect(follow_up.filter(has_text="Check the first instalment")).to_contain_text(
        "Arthur Brown"
    )
    # The form is ready for the next one.
    await expect(form).to_be_visible()
    await expect(form.get_by_label("Subject")).to_have_value("")

    stored = await activity(api, token)
    interaction = next(i for i in stored["interactions"] if "Visit about" in i["subject"])
    assert interaction["subject"] == "Visit about the arrears"
    assert (interaction["type"], interaction["purpose"]) == ("VISIT", "CREDIT_CONTROL")
    assert (interaction["outcome"], interaction["mood"]) == ("callback_requested", "frustrated")
    assert interaction["detail"] == "Agreed a **payment plan**."
    assert interaction["loggedByAgent"]["agentId"] == "agent-4"
    [made] = [f for f in stored["followUps"] if f["interactionId"] == interaction["interactionId"]]
    assert made["assignee"]["agentId"] == "agent-8"
    assert made["instructions"] == "Check the first instalment arrived"
    assert dialogs == []


async def test_typed_errors_show_at_their_fields(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    before = await activity(api, token)
    await open_widget(page, gateway_url, token, CUSTOMER)
    await open_activity(page)
    await page.get_by_role("button", name="Log an interaction").click()
    form = log_form(page)
    await form.get_by_label("Add a follow-up").check()
    await form.get_by_label("Due").fill("2020-01-01T10:00")
    await form.get_by_role("button", name="Save interaction").click()

    subject = form.get_by_label("Subject")
    await expect(subject).to_have_attribute("aria-invalid", "true")
    await expect(subject).to_be_focused()
    described = await subject.get_attribute("aria-describedby")
    assert described
    await expect(form.locator(f"#{described}")).to_have_attribute("role", "alert")
    await expect(form.locator(f"#{described}")).not_to_be_empty()
    due = form.get_by_label("Due")
    await expect(due).to_have_attribute("aria-invalid", "true")
    due_error = form.locator(f"#{await due.get_attribute('aria-describedby')}")
    await expect(due_error).to_contain_text("past")
    assert await serious_violations(page) == []
    assert await activity(api, token) == before


async def test_own_follow_ups_are_completed_and_rescheduled(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api, dialogs: list[str]
) -> None:
    token = token_for("support", sub="agent-4")
    await given_follow_up(api, token, "Finish the refund")
    await given_follow_up(api, token, "Move the visit")
    await given_follow_up(api, token, "Markup `<img src=x onerror=alert(9)>` stays text")
    await open_widget(page, gateway_url, token, CUSTOMER)
    await open_activity(page)
    items = page.get_by_role("list", name="Follow-ups list").get_by_role("listitem")

    done = items.filter(has_text="Finish the refund")
    await done.get_by_role("button", name="Complete").click()
    completing = done.get_by_role("form", name="Complete the follow-up")
    await expect(completing.get_by_label("Outcome")).to_be_focused()
    await completing.get_by_role("button", name="Save completion").click()
    await expect(completing.get_by_label("Outcome")).to_have_attribute("aria-invalid", "true")
    await completing.get_by_label("Outcome").select_option(label="Purchased")
    await completing.get_by_label("Comment").fill("Refund sent")
    await completing.get_by_role("button", name="Save completion").click()
    await expect(done).to_contain_text("Completed · Purchased")
    await expect(done.get_by_role("button", name="Complete")).to_have_count(0)

    moved = items.filter(has_text="Move the visit")
    await moved.get_by_role("button", name="Reschedule").click()
    rescheduling = moved.get_by_role("form", name="Reschedule the follow-up")
    due = rescheduling.get_by_label("New due date")
    await expect(due).to_be_focused()
    await due.fill("2020-05-05T09:30")
    await rescheduling.get_by_label("Reason").fill("Customer away")
    await due.press("Enter")
    await expect(due).to_have_attribute("aria-invalid", "true")
    await expect(rescheduling.get_by_role("alert")).to_contain_text("past")
    await due.fill("2031-02-02T09:30")
    await rescheduling.get_by_role("button", name="Save new due date").click()
    await expect(moved).to_contain_text("Due 2031-02-02")
    await expect(
        page.get_by_role("status").filter(has_text="Follow-up rescheduled")
    ).to_be_visible()
    assert await serious_violations(page) == []
    # Values are rendered as text: no element comes out of a stored value.
    await expect(items.filter(has_text="stays text")).to_be_visible()
    await expect(page.get_by_role("list", name="Follow-ups list").locator("img")).to_have_count(0)
    assert dialogs == []

    stored = {f["instructions"]: f for f in (await activity(api, token))["followUps"]}
    assert stored["Finish the refund"]["status"] == "COMPLETED"
    assert stored["Finish the refund"]["outcome"] == "purchased"
    assert stored["Move the visit"]["status"] == "OPEN"
    assert stored["Move the visit"]["dueAt"].startswith("2031-02-02")


async def no_activity_forms(page: Page) -> None:
    """The activity tab offers no way to write."""
    await expect(page.get_by_role("heading", name="Follow-ups")).to_be_visible()
    await expect(page.get_by_role("button", name="Log an interaction")).to_have_count(0)
    await expect(page.get_by_role("form")).to_have_count(0)
    await expect(page.get_by_role("button", name="Complete")).to_have_count(0)
    await expect(page.get_by_role("button", name="Reschedule")).to_have_count(0)
    assert await serious_violations(page) == []


async def test_a_reader_of_activity_without_write_rights_sees_no_forms(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    await given_follow_up(api, token_for("support", sub="agent-4"), "Not for QA")
    await open_widget(page, gateway_url, token_for("qa", sub="qa-1"), CUSTOMER)
    await open_activity(page)
    # QA reads the interactions but writes none.
    interactions = page.get_by_role("list", name="Interactions list")
    await expect(interactions).to_contain_text("Not for QA")
    await no_activity_forms(page)


async def test_a_partner_sees_no_activity_forms(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    manager = token_for("manager", sub="agent-2")
    answer = await api.call(
        manager, "{ customers(first: 50) { edges { node { customerId partnerId } } } }"
    )
    customer, partner = next(
        (edge["node"]["customerId"], edge["node"]["partnerId"])
        for edge in answer["data"]["customers"]["edges"]
        if edge["node"]["partnerId"]
    )
    token = token_for("partner", sub="portal-1", partner=partner)
    await open_widget(page, gateway_url, token, customer)
    await open_activity(page)
    await expect(page.get_by_text("Not available to your role.").first).to_be_visible()
    await no_activity_forms(page)
