"""Writing notes in the widget: every field, scopes from the policy, errors, drafts."""

from __future__ import annotations

from playwright.async_api import Page, expect

from schema.node import global_id
from tests.fixtures.app import TokenFactory
from tests.web.conftest import Api
from tests.web.host import open_widget
from tests.web.widget import card, new_note, notes_of, options, writable_scopes, write

CUSTOMER = "cust-00001"


async def test_a_note_with_every_field_is_saved_with_ctrl_enter_and_listed(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    await open_widget(page, gateway_url, token, CUSTOMER)
    form = new_note(page)

    await form.get_by_label("Subject").fill("Delivery moved to Friday")
    await form.get_by_label("Note (markdown)").fill("Customer asked for **Friday**.")
    await form.get_by_role("button", name="Preview").click()
    await expect(form.get_by_role("region", name="Preview").locator("strong")).to_have_text(
        "Friday"
    )
    await form.get_by_label("Category").select_option("SUPPORT")
    await form.get_by_label("Type").select_option("FOLLOW_UP")
    await form.get_by_label("Visibility").select_option("SUPPORT")
    await form.get_by_label("Importance").select_option("HIGH")
    await form.get_by_label("Tags", exact=True).fill("Delivery")
    await form.get_by_label("Tags", exact=True).press("Enter")
    await form.get_by_label("Tags", exact=True).fill("friday")
    await form.get_by_label("Pin this note").check()
    await form.get_by_label("Add a follow-up").check()
    await form.get_by_label("Assignee", exact=True).select_option("agent-4")
    await form.get_by_label("Due").fill("2031-01-15T10:00")
    await form.get_by_label("Instructions").fill("Confirm the slot")
    await form.get_by_label("Subject").press("Control+Enter")

    await expect(page.get_by_role("status").first).to_contain_text("Saved")
    await expect(card(page, "Delivery moved to Friday")).to_contain_text("visible to Support")
    await expect(form.get_by_label("Subject")).to_have_value("")
    [saved] = [n for n in await notes_of(api, token, CUSTOMER) if n["subject"].startswith("Deliv")]
    assert saved | {"id": None, "noteId": None, "version": None} == {
        "id": None,
        "noteId": None,
        "version": None,
        "subject": "Delivery moved to Friday",
        "body": "Customer asked for **Friday**.",
        "scope": "SUPPORT",
        "category": "SUPPORT",
        "type": "FOLLOW_UP",
        "importance": "HIGH",
        "pinned": True,
        "tags": ["delivery", "friday"],
    }
    answer = await api.call(
        token,
        "query($id: ID!) { customer(id: $id) { "
        "followUps(first: 100) { edges { node { noteId } } } } }",
        id=CUSTOMER,
    )
    # A follow-up names its note by raw key; the widget's note carries the global id.
    assert global_id("Note", saved["noteId"]) == saved["id"]
    follow_ups = answer["data"]["customer"]["followUps"]["edges"]
    assert saved["noteId"] in [f["node"]["noteId"] for f in follow_ups]


async def test_the_visibility_list_is_the_callers_writable_scopes(
    page: Page, context: object, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    for role, sub in (("support", "agent-4"), ("sales", "agent-8")):
        token = token_for(role, sub=sub)
        await open_widget(page, gateway_url, token, CUSTOMER)
        offered = await options(new_note(page).get_by_label("Visibility"))
        assert offered == await writable_scopes(api, token)
        if role == "sales":
            assert "SUPPORT" not in offered
            assert "RESTRICTED" not in offered
            scopes = await page.locator("c360-note-card").evaluate_all(
                "cards => cards.map(c => c.note.scope)"
            )
            assert scopes
            assert set(scopes) <= {"INTERNAL", "SALES", "CUSTOMER"}


async def test_a_partner_reads_customer_notes_only_and_cannot_write(
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
    await open_widget(
        page, gateway_url, token_for("partner", sub="portal-1", partner=partner), customer
    )
    await expect(
        page.get_by_text("You can read this customer's notes but not write them")
    ).to_be_visible()
    await expect(new_note(page)).to_have_count(0)
    scopes = await page.locator("c360-note-card").evaluate_all("cs => cs.map(c => c.note.scope)")
    assert set(scopes) <= {"CUSTOMER"}
    assert await page.get_by_role("button", name="Edit").count() == 0


async def test_typed_user_errors_appear_beside_their_field(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Subject").fill("Chase the refund")
    await form.get_by_label("Note (markdown)").fill("Body")
    await form.get_by_label("Add a follow-up").check()
    await form.get_by_label("Due").fill("2001-01-01T10:00")  # the gateway says IN_PAST
    await form.get_by_label("Tags", exact=True).fill("x" * 80)  # the gateway says TOO_LONG
    await form.get_by_role("button", name="Save note").click()

    due = form.get_by_label("Due")
    await expect(due).to_have_attribute("aria-invalid", "true")
    await expect(form.get_by_role("alert").filter(has_text="past")).to_be_visible()
    described = await due.get_attribute("aria-describedby")
    assert "past" in await form.locator(f"#{described}").inner_text()
    await expect(form.get_by_label("Tags", exact=True)).to_have_attribute("aria-invalid", "true")
    await form.get_by_label("Subject").fill("s" * 301)
    await expect(
        form.get_by_text("The subject is 301 characters; the limit is 300.")
    ).to_be_visible()


async def test_a_draft_survives_a_reload(
    page: Page, gateway_url: str, token_for: TokenFactory
) -> None:
    await open_widget(page, gateway_url, token_for("support", sub="agent-4"), CUSTOMER)
    form = new_note(page)
    await form.get_by_label("Subject").fill("Half-written")
    await form.get_by_label("Note (markdown)").fill("Still typing when the tab reloaded")
    await form.get_by_label("Category").select_option("SALES")

    await page.reload()

    form = new_note(page)
    await expect(form.get_by_label("Subject")).to_have_value("Half-written")
    await expect(form.get_by_label("Note (markdown)")).to_have_value(
        "Still typing when the tab reloaded"
    )
    await expect(form.get_by_label("Category")).to_have_value("SALES")
    await write(page, "Half-written", "Still typing when the tab reloaded")
    await expect(card(page, "Half-written")).to_be_visible()


async def test_tag_suggestions_include_the_controlled_list(
    page: Page, gateway_url: str, token_for: TokenFactory, api: Api
) -> None:
    token = token_for("support", sub="agent-4")
    controlled = await api.call(token, "{ controlledTags { tag } }")
    vocabulary = {entry["tag"] for entry in controlled["data"]["controlledTags"]}
    assert "handoff" in vocabulary
    await open_widget(page, gateway_url, token, CUSTOMER)
    form = new_note(page)
    suggested = await form.locator("datalist option").evaluate_all(
        "options => options.map(option => option.value)"
    )
    assert vocabulary <= set(suggested)
