"""The activity tab's lists come a page at a time: "Load more" (keyboard too) shows the 51st
interaction and follow-up and on to the last, each once, in the API's order, asking by cursor."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Page, Request, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.test_activity_forms import open_activity
from tests.web.test_safety import ACTIVE, serious_violations

CUSTOMER = "cust-00009"
PAGE = 50  # ACTIVITY_PAGE in web/src/activity-model.ts
LOG = """
mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { errors { field code message } }
}
"""
LISTS = """
query($id: ID!, $afterI: String, $afterF: String) { customer(id: $id) {
  interactions(first: 100, after: $afterI) { pageInfo { hasNextPage endCursor }
    edges { node { id subject } } }
  followUps(first: 100, after: $afterF) { pageInfo { hasNextPage endCursor }
    edges { node { id instructions } } }
} }
"""


async def every(api: Api, token: str, name: str, field: str) -> list[str]:
    """One field of every item of one of the customer's lists, in the API's order."""
    values: list[str] = []
    after = None
    while True:
        cursors = {"afterI": after} if name == "interactions" else {"afterF": after}
        answer = await api.call(token, LISTS, id=CUSTOMER, **cursors)
        assert "errors" not in answer, answer
        page = answer["data"]["customer"][name]
        values += [edge["node"][field] or "" for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return values
        after = page["pageInfo"]["endCursor"]


async def test_load_more_shows_the_51st_item_and_on_by_keyboard(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    # Given a customer with more interactions and follow-ups than a page holds
    token = token_for("support", sub="agent-4")
    for number in range(PAGE + 5):
        answer = await api.call(
            token,
            LOG,
            input={
                "customerId": CUSTOMER,
                "type": "CALL",
                "purpose": "SERVICE",
                "subject": f"Paged call {number:02d}",
                "occurredAt": f"2026-01-01T{number // 60:02d}:{number % 60:02d}:00Z",
                "followUp": {
                    "assigneeId": "agent-4",
                    "dueAt": f"2031-06-01T{number // 60:02d}:{number % 60:02d}:00Z",
                    "instructions": f"Paged task {number:02d}",
                },
            },
        )
        assert answer["data"]["logInteraction"]["errors"] == [], answer
    interactions = await every(api, token, "interactions", "subject")
    follow_ups = await every(api, token, "followUps", "instructions")
    assert len(interactions) > PAGE
    assert len(follow_ups) > PAGE

    # (Every list request the widget sends, to check it asks a page at a time, by cursor.)
    sent: list[dict[str, Any]] = []

    def record(request: Request) -> None:
        body = request.post_data_json if request.method == "POST" else None
        if isinstance(body, dict) and "WidgetMore" in body.get("query", ""):
            sent.append(body["variables"])

    page.on("request", record)

    # When the agent opens the tab, each list shows its first page and how many there are
    await open_widget(page, gateway_url, token, CUSTOMER)
    await open_activity(page)
    for name, expected, what in (
        ("Interactions list", interactions, "interactions"),
        ("Follow-ups list", follow_ups, "follow-ups"),
    ):
        items = page.get_by_role("list", name=name).get_by_role("listitem")
        await expect(items).to_have_count(PAGE)
        await expect(page.get_by_text(f"{PAGE} of {len(expected)} {what} shown")).to_be_visible()
        await expect(items.filter(has_text=expected[PAGE])).to_have_count(0)
        assert await serious_violations(page) == []

        # And "Load more", from the keyboard, adds the next pages until none is left
        more = page.get_by_role("button", name=f"Load more {what}")
        await expect(more).to_contain_text(f"({len(expected) - PAGE} more)")
        while await more.count():
            await more.focus()
            await page.keyboard.press("Enter")
            await expect(page.get_by_text(f"Loading more {what}")).to_have_count(0)
        await expect(items).to_have_count(len(expected))

        # Then the 51st and every other item shows once, in the API's order
        await expect(items.nth(PAGE)).to_contain_text(expected[PAGE])
        shown = await items.all_inner_texts()
        assert all(value in text for value, text in zip(expected, shown, strict=True))
        # And the keyboard is on the list, where the new items are
        focused = await page.evaluate_handle(ACTIVE)
        assert await focused.evaluate("el => el.getAttribute('aria-label')") == name
        assert await serious_violations(page) == []

    # And it asked a page at a time, after the cursor of the page before
    assert sent
    assert all(variables["first"] == PAGE for variables in sent)
    assert all(variables["after"] for variables in sent)
    assert len({variables["after"] for variables in sent}) == len(sent)
