"""Safety and access: stored markup never runs, keyboard-only use, axe-core, creation time."""

from __future__ import annotations

import statistics
from typing import Any

from playwright.async_api import Page, expect

from core.settings import REPO_ROOT
from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.widget import card, given_note, new_note

CUSTOMER = "cust-00004"
AXE = REPO_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
CREATION_TIMES = """
query Times($group: NoteCreationTimeGroup!) {
  noteCreationTimes(groupBy: $group, first: 1000) { edges { node { key notes averageMs p90Ms } } }
}
"""
PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "[click me](javascript:alert(3))",
    '<svg onload="alert(4)"></svg> <iframe src="javascript:alert(5)"></iframe>',
]
# The deepest focused element, through shadow roots.
ACTIVE = """() => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el; }"""


async def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page (shadow DOM included)."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.add_script_tag(content=AXE.read_text())
    violations: list[dict[str, Any]] = await page.evaluate(
        """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
             .filter(v => v.impact === "serious" || v.impact === "critical")
             .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target) }))"""
    )
    return violations


async def test_stored_and_typed_markup_never_runs(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api, dialogs: list[str]
) -> None:
    token = token_for("support", sub="agent-4")
    for number, payload in enumerate(PAYLOADS):
        body = f"Text {payload} text"
        await given_note(api, token, CUSTOMER, subject=f"Hostile {number} {payload}", body=body)
    await open_widget(page, gateway_url, token, CUSTOMER)
    await card(page, "Hostile 2").locator("a", has_text="click me").click()
    # Unsaved markup goes through the client's sanitiser only.
    form = new_note(page)
    await form.get_by_label("Note (markdown)").fill("\n\n".join(PAYLOADS))
    await form.get_by_role("button", name="Preview").click()
    await form.get_by_role("region", name="Preview").locator("a", has_text="click me").click()
    await page.wait_for_timeout(300)  # time for an onerror/onload to fire, if one could

    assert dialogs == []
    widget = page.locator("customer-notes")
    assert await widget.locator("img, script, svg, iframe, [onerror], [onload]").count() == 0
    assert await widget.locator("[href^='javascript' i]").count() == 0
    await expect(card(page, "Hostile 0")).to_be_visible()


async def test_keyboard_only_writing_and_tab_switching(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), CUSTOMER)
    for _ in range(5):
        await page.keyboard.press("Tab")
        if await page.evaluate(f"({ACTIVE})().id.endsWith('-subject')"):
            break
    else:
        raise AssertionError("Tab never reached the subject field")
    outline = await page.evaluate(f"getComputedStyle(({ACTIVE})()).outlineStyle")
    assert outline != "none", "the focused control shows no focus ring"
    await page.keyboard.type("Typed without a mouse")
    await page.keyboard.press("Tab")
    await page.keyboard.type("Every step by keyboard")
    await page.keyboard.press("Control+Enter")
    await expect(card(page, "Typed without a mouse")).to_be_visible()

    await page.get_by_role("tab", name="Notes").focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.get_by_role("tab", name="Interactions & follow-ups")).to_be_focused()
    await expect(page.get_by_role("heading", name="Interactions")).to_be_visible()
    await expect(page.get_by_role("tabpanel", name="Notes")).to_be_hidden()


async def test_axe_finds_no_serious_violations(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await given_note(api, token, CUSTOMER, subject="Checked by axe", body="**bold** and _em_")
    await open_widget(page, gateway_url, token, CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Add a follow-up").check()
    await form.get_by_label("Subject").fill("s" * 301)  # an error beside a field
    await form.get_by_role("button", name="Preview").click()
    item = card(page, "Checked by axe")
    await item.get_by_role("button", name="History").click()
    await item.get_by_role("button", name="Edit").click()
    assert await serious_violations(page) == []

    await page.get_by_role("tab", name="Interactions & follow-ups").click()
    await expect(page.get_by_role("heading", name="Follow-ups")).to_be_visible()
    assert await serious_violations(page) == []


async def test_creation_time_is_measured_sent_and_reported(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-7"), CUSTOMER)
    form = new_note(page)
    for number in range(5):
        await form.get_by_label("Subject").click()
        await page.keyboard.type(f"Timed note {number}", delay=20)
        await form.get_by_label("Note (markdown)").fill("Measured from first focus to saved")
        await form.get_by_label("Visibility").select_option("INTERNAL")
        await form.get_by_label("Subject").press("Control+Enter")
        await expect(card(page, f"Timed note {number}")).to_be_visible()

    saved: list[dict[str, Any]] = await page.evaluate("window.__saved")
    measured = [entry["creationMs"] for entry in saved]
    assert len(measured) == 5
    assert all(0 < ms < 30_000 for ms in measured)
    median = statistics.median(measured)
    print(f"median note creation time in the browser tests: {median:.0f} ms")

    manager = token_for("manager", sub="agent-2")
    by_agent = (await api.call(manager, CREATION_TIMES, group="AGENT"))["data"]
    rows = [edge["node"] for edge in by_agent["noteCreationTimes"]["edges"]]
    [row] = [r for r in rows if r["key"] == "agent-7"]
    assert row["notes"] == 5
    assert row["averageMs"] == round(statistics.fmean(measured), 1)
    assert row["p90Ms"] == max(measured)
    by_day = (await api.call(manager, CREATION_TIMES, group="DAY"))["data"]
    assert sum(e["node"]["notes"] for e in by_day["noteCreationTimes"]["edges"]) >= 5
