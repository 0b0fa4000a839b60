"""Locators and givens shared by the browser tests."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Locator, Page

from tests.web.conftest import Api

NOTES_OF = """
query Notes($id: ID!, $after: String) {
  customer(id: $id) { notes(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id noteId subject body scope category type importance pinned tags version } } } }
}
"""
CREATE = """
mutation Create($input: CreateNoteInput!) {
  createNote(input: $input) { note { id version } errors { field code message } }
}
"""
ME = "{ me { permissions { writableScopes } } }"


def new_note(page: Page) -> Locator:
    """The new-note editor."""
    return page.get_by_role("form", name="New note")


def card(page: Page, subject: str) -> Locator:
    """The list item holding the note with this subject."""
    return (
        page.get_by_role("list", name="Notes list")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name=subject))
    )


async def write(page: Page, subject: str, body: str = "Body text") -> None:
    """Type a minimal note and save it with Ctrl+Enter."""
    form = new_note(page)
    await form.get_by_label("Subject").fill(subject)
    await form.get_by_label("Note (markdown)").fill(body)
    await form.get_by_label("Note (markdown)").press("Control+Enter")


async def notes_of(api: Api, token: str, customer: str) -> list[dict[str, Any]]:
    """The customer's notes as `token` reads them (every page)."""
    notes: list[dict[str, Any]] = []
    after = None
    while True:
        answer = await api.call(token, NOTES_OF, id=customer, after=after)
        assert "errors" not in answer, answer
        page = answer["data"]["customer"]["notes"]
        notes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return notes
        after = page["pageInfo"]["endCursor"]


async def given_note(api: Api, token: str, customer: str, **fields: Any) -> dict[str, Any]:
    """Create a note through the API (not the widget)."""
    values = {
        "customerId": customer,
        "subject": "Given note",
        "body": "Body",
        "category": "SUPPORT",
        "type": "INTERACTION_LOG",
        "scope": "SUPPORT",
        **fields,
    }
    answer = await api.call(token, CREATE, input=values)
    payload: dict[str, Any] = answer["data"]["createNote"]
    assert payload["errors"] == [], payload
    note: dict[str, Any] = payload["note"]
    return note


async def writable_scopes(api: Api, token: str) -> list[str]:
    """`me.permissions.writableScopes` (Scope enum names, as the widget offers them)."""
    answer = await api.call(token, ME)
    scopes: list[str] = answer["data"]["me"]["permissions"]["writableScopes"]
    return scopes


async def options(select: Locator) -> list[str]:
    """The values a <select> offers."""
    values: list[str] = await select.locator("option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    return values
