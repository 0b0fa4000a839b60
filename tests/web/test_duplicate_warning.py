"""A near-copy typed into the widget: the warning lists the note it resembles, nothing is
saved, and "Save anyway" saves it (Cancel keeps the draft)."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from core.settings import Settings
from tests.fixtures.app import TokenFactory, sqlite_settings
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.widget import CREATE, new_note, notes_of, write

CUSTOMER = "cust-00002"
SUBJECT = "Delivery window"
BODY = "Customer called about order O-18822, wants delivery after 3pm."
RETYPED = "Customer called re order O-18822 - wants the delivery after 3pm."


@pytest.fixture(scope="module")
def gateway_settings(web_store_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("web-dup"),
        database_url=web_store_url,
        search_poll_seconds=0.05,
        duplicate_check=True,
    )


async def subjects(api: Api, token: str) -> list[str]:
    return [n["subject"] for n in await notes_of(api, token, CUSTOMER) if n["subject"] == SUBJECT]


async def test_a_near_copy_warns_and_saves_only_when_confirmed(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    first_agent = token_for("sales", sub="agent-8")
    given = {
        "customerId": CUSTOMER,
        "subject": SUBJECT,
        "body": BODY,
        "category": "SALES",
        "type": "INTERACTION_LOG",
        "scope": "SALES",
    }
    created = await api.call(first_agent, CREATE, input=given)
    assert created["data"]["createNote"]["errors"] == []
    token = token_for("sales", sub="agent-11")
    await open_widget(page, gateway_url, token, CUSTOMER)
    warning = page.get_by_role("group", name="Possible duplicate")

    await write(page, SUBJECT, RETYPED)
    await expect(warning).to_be_visible()
    await expect(warning.get_by_role("list", name="Similar notes")).to_contain_text(SUBJECT)
    await expect(page.get_by_role("status").first).to_contain_text("Not saved yet")
    assert await subjects(api, token) == [SUBJECT]

    await warning.get_by_role("button", name="Cancel").click()
    await expect(warning).to_be_hidden()
    await expect(new_note(page).get_by_label("Subject")).to_have_value(SUBJECT)
    assert await subjects(api, token) == [SUBJECT]

    await new_note(page).get_by_label("Note (markdown)").press("Control+Enter")
    await warning.get_by_role("button", name="Save anyway").click()
    await expect(page.get_by_role("status").first).to_contain_text("Saved")
    await expect(warning).to_be_hidden()
    assert await subjects(api, token) == [SUBJECT, SUBJECT]
