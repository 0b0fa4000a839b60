"""Who uploads and deletes attachments, from the real policy files (policies/actions.csv)."""

from __future__ import annotations

import pytest

from core.settings import REPO_ROOT
from policies.decisions import can_delete_attachment, can_upload_attachment
from policies.enforcer import PolicyEngine
from policies.principal import Principal

UPLOADERS = {
    "owner", "admin", "manager", "executive",
    "support", "finance", "sales", "branch", "fulfillment", "field",
}  # fmt: skip
DELETE_ANY = {"owner", "admin", "manager"}
ROLES = sorted(UPLOADERS | {"qa", "partner", "customer"})


@pytest.fixture(scope="module")
async def engine() -> PolicyEngine:
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


@pytest.mark.parametrize("role", ROLES)
def test_staff_who_write_activity_upload_and_delete_their_own(
    engine: PolicyEngine, role: str
) -> None:
    view = engine.compile(Principal(subject="agent-x", roles=(role,)))

    assert can_upload_attachment(view) is (role in UPLOADERS)
    assert can_delete_attachment(view, uploaded_by="agent-x") is (role in UPLOADERS)
    assert can_delete_attachment(view, uploaded_by="agent-y") is (role in DELETE_ANY)
