"""Bad conditions: gateway outage, expired token, a huge paste, a slow gateway."""

from __future__ import annotations

import asyncio
import json
import time

from playwright.async_api import Page, Request, Route, expect

from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget, set_token
from tests.web.widget import card, new_note, notes_of, write

CUSTOMER = "cust-00003"


def creates(requests: list[str]) -> int:
    """How many createNote requests the page sent."""
    return sum("createNote" in body for body in requests)


def record_graphql(page: Page) -> list[str]:
    """Bodies of every GraphQL request the page sends from now on."""
    bodies: list[str] = []

    def on_request(request: Request) -> None:
        if request.url.endswith("/graphql"):
            bodies.append(request.post_data or "")

    page.on("request", on_request)
    return bodies


async def test_a_save_during_an_outage_is_kept_across_a_reload_and_lands_once(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    outage = True
    landed: list[str] = []

    async def gateway(route: Route) -> None:
        if "createNote" not in (route.request.post_data or ""):
            await route.continue_()
        elif outage:
            await route.abort("connectionrefused")
        else:
            landed.append(route.request.post_data or "")
            await route.continue_()

    await page.route("**/graphql", gateway)
    await write(page, "Written during the outage", "Must not be lost")
    waiting = page.get_by_role("region", name="Waiting to send")
    await expect(waiting).to_contain_text("Written during the outage")
    await expect(page.get_by_role("status").first).to_contain_text("kept")

    await page.reload()
    await expect(waiting).to_contain_text("Written during the outage")
    outage = False
    await expect(card(page, "Written during the outage")).to_be_visible(timeout=20_000)
    await expect(waiting).to_have_count(0)
    subjects = [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
    assert subjects.count("Written during the outage") == 1
    assert len(landed) == 1


async def test_a_save_whose_answer_was_lost_is_retried_without_a_second_note(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    """The gateway saved the note but the answer never arrived: the retry must not add one."""
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    sent: list[str] = []

    async def gateway(route: Route) -> None:
        body = route.request.post_data or ""
        if "createNote" not in body:
            await route.continue_()
            return
        sent.append(body)
        if len(sent) == 1:
            await route.fetch()  # the gateway commits the note...
            await route.abort("connectionreset")  # ...and the answer is lost on the way
        else:
            await route.continue_()

    await page.route("**/graphql", gateway)
    await write(page, "Saved but unanswered", "Exactly once")

    await expect(card(page, "Saved but unanswered")).to_be_visible(timeout=20_000)
    await expect(page.get_by_role("region", name="Waiting to send")).to_have_count(0)
    subjects = [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
    assert subjects.count("Saved but unanswered") == 1
    assert len(sent) == 2
    keys = {json.loads(body)["variables"]["input"]["idempotencyKey"] for body in sent}
    assert len(keys) == 1


async def test_an_expired_token_asks_the_host_and_keeps_the_draft(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Subject").fill("Written as the session ran out")
    await form.get_by_label("Note (markdown)").fill("Keep me")

    await set_token(page, token_for("support", sub="agent-4", now=time.time() - 7200))
    await form.get_by_label("Note (markdown)").press("Control+Enter")

    await expect(page.get_by_role("status").first).to_contain_text("session has expired")
    assert await page.evaluate("window.__expired") == 1
    await expect(form.get_by_label("Subject")).to_have_value("Written as the session ran out")
    await set_token(page, token)  # what the host does on token-expired
    await expect(card(page, "Written as the session ran out")).to_be_visible()
    await expect(form.get_by_label("Subject")).to_have_value("")
    subjects = [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
    assert subjects.count("Written as the session ran out") == 1


async def test_a_one_megabyte_paste_is_refused_before_sending(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), CUSTOMER)
    sent = record_graphql(page)
    form = new_note(page)
    await form.get_by_label("Subject").fill("Log dump")
    await form.get_by_label("Note (markdown)").fill("x" * 1_000_000)

    message = "The body is 1,000,000 characters; the limit is 100,000."
    await expect(form.get_by_text(message)).to_be_visible()
    await form.get_by_label("Note (markdown)").press("Control+Enter")
    await form.get_by_role("button", name="Save note").click()
    await expect(form.get_by_label("Note (markdown)")).to_have_attribute("aria-invalid", "true")
    assert creates(sent) == 0


async def test_a_slow_gateway_shows_a_spinner_and_saves_once(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    sent = record_graphql(page)

    async def slow(route: Route) -> None:
        if "createNote" in (route.request.post_data or ""):
            await asyncio.sleep(1.5)
        await route.continue_()

    await page.route("**/graphql", slow)
    form = new_note(page)
    await write(page, "Sent to a slow gateway")
    await expect(form.get_by_role("status")).to_contain_text("Saving")
    await expect(form.get_by_role("button", name="Save note")).to_be_disabled()
    for _ in range(3):
        await form.get_by_label("Note (markdown)").press("Control+Enter")
    await expect(card(page, "Sent to a slow gateway")).to_be_visible()
    assert creates(sent) == 1
    subjects = [n["subject"] for n in await notes_of(api, token, CUSTOMER)]
    assert subjects.count("Sent to a slow gateway") == 1
