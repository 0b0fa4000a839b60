"""The rule of one form per call, for every v1 mutation with loose arguments, through HTTP.

`input` alone or the old arguments (complete) alone; both, neither or an incomplete old form
is BAD_USER_INPUT, and nothing is written (every table's row count, the audit log included).
"""

from __future__ import annotations

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, SALES_1, SUPPORT, gql, row_counts, seeded_settings
from tests.schema.test_mutation_input_forms import CUSTOMER, new_note

# Per mutation: the role that may call it, a complete input, and the same as old arguments.
FORMS: dict[str, tuple[tuple[str, str], str, str]] = {
    "tagNote": (("sales", SALES_1), '{id: "$note", tags: ["x"]}', 'id: "$note", tags: ["x"]'),
    "untagNote": (("sales", SALES_1), '{id: "$note", tags: ["x"]}', 'id: "$note", tags: ["x"]'),
    "deleteNote": (("sales", SALES_1), '{id: "$note"}', 'id: "$note"'),
    "restoreNote": (("sales", SALES_1), '{id: "$note"}', 'id: "$note"'),
    "tagCustomer": (
        ("sales", SALES_1),
        f'{{customerId: "{CUSTOMER}", tags: ["x"]}}',
        f'customerId: "{CUSTOMER}", tag: "x"',
    ),
    "untagCustomer": (
        ("sales", SALES_1),
        f'{{customerId: "{CUSTOMER}", tags: ["x"]}}',
        f'customerId: "{CUSTOMER}", tag: "x"',
    ),
    "raiseRiskFlag": (
        ("support", SUPPORT),
        f'{{customerId: "{CUSTOMER}", kind: OVERDUE_PAYMENT, reason: "late"}}',
        f'customerId: "{CUSTOMER}", kind: OVERDUE_PAYMENT, reason: "late"',
    ),
    "clearRiskFlag": (("support", SUPPORT), '{id: "$flag"}', 'id: "$flag"'),
    "handoffToSupport": (
        ("sales", SALES_1),
        f'{{customerId: "{CUSTOMER}"}}',
        f'customerId: "{CUSTOMER}"',
    ),
    "saveChoice": (
        ("admin", ADMIN),
        '{list: MOOD, value: "calm", label: "Calm"}',
        'list: MOOD, value: "calm", label: "Calm"',
    ),
    "retireChoice": (
        ("admin", ADMIN),
        '{list: MOOD, value: "happy"}',
        'list: MOOD, value: "happy"',
    ),
    "setRequiredFields": (
        ("admin", ADMIN),
        "{noteType: INTERACTION_LOG, fields: [TAGS]}",
        "noteType: INTERACTION_LOG, fields: [TAGS]",
    ),
    "redriveIntakeFailures": (("fulfillment", "agent-7"), '{ids: ["if-1"]}', 'ids: ["if-1"]'),
}


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("input-rule"))


async def _operation(
    http: httpx.AsyncClient, token_for: TokenFactory, name: str, *, new: bool, old: bool
) -> tuple[str, str]:
    """A token and the call of `name` with its input, its old arguments, both or neither
    (a note of its own created first where the mutation names one)."""
    (role, sub), input_form, old_form = FORMS[name]
    parts = ([f"input: {input_form}"] if new else []) + ([old_form] if old else [])
    arguments = ", ".join(parts)
    if "$note" in arguments:
        note_id = await new_note(http, token_for("sales", sub=SALES_1))
        arguments = arguments.replace("$note", note_id)
    arguments = arguments.replace("$flag", "rf-none")
    text = f"mutation {{ {name}{f'({arguments})' if arguments else ''} {{ errors {{ code }} }} }}"
    return token_for(role, sub=sub), text


@pytest.mark.parametrize("name", sorted(FORMS))
async def test_both_forms_at_once_is_bad_user_input_and_writes_nothing(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings, name: str
) -> None:
    token, text = await _operation(http, token_for, name, new=True, old=True)
    before = await row_counts(gateway_settings)

    body = await gql(http, token, text)

    assert body["data"] == {name: None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert "not both" in body["errors"][0]["message"]
    assert await row_counts(gateway_settings) == before  # the audit log included


@pytest.mark.parametrize("name", sorted(FORMS))
async def test_neither_form_is_bad_user_input(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings, name: str
) -> None:
    token, text = await _operation(http, token_for, name, new=False, old=False)
    before = await row_counts(gateway_settings)

    body = await gql(http, token, text)

    assert body["data"] == {name: None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert "`input` is required" in body["errors"][0]["message"]
    assert await row_counts(gateway_settings) == before


async def test_an_incomplete_old_form_is_bad_user_input(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    text = f'mutation {{ tagCustomer(customerId: "{CUSTOMER}") {{ errors {{ code }} }} }}'
    body = await gql(http, token_for("sales", sub=SALES_1), text)

    assert body["data"] == {"tagCustomer": None}
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "missing tag" in body["errors"][0]["message"]
