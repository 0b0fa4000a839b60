"""The audit log through HTTP: who may read it, filters, pages, and Customer360.audit."""

from __future__ import annotations

import httpx
import pytest

from core.settings import Settings
from tests.fixtures.app import TokenFactory
from tests.schema.native_gateway import ADMIN, QA, SALES_1, gql, nodes, seeded_settings

CUSTOMER = "cust-00003"
TAG = 'mutation T($c: ID!) { tagCustomer(customerId: $c, tag: "audited") { errors { code } } }'
AUDIT_LOG = """
query A($c: ID, $a: ID, $after: String) {
  auditLog(customerId: $c, actorId: $a, first: 1, after: $after) {
    edges { node { actor actorRole action targetType customerId after } }
    pageInfo { endCursor hasNextPage } totalCount
  }
}
"""
CUSTOMER_AUDIT = "query C($c: ID!) { customer(id: $c) { customerId audit { totalCount } } }"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await seeded_settings(database_url, tmp_path_factory.mktemp("audit"))


async def test_writes_are_audited_and_read_page_by_page(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales, admin = token_for("sales", sub=SALES_1), token_for("admin", sub=ADMIN)
    await gql(http, sales, TAG, c=CUSTOMER)
    await gql(
        http,
        sales,
        'mutation { untagCustomer(customerId: "cust-00003", tag: "audited") { errors { code } } }',
    )

    first = (await gql(http, admin, AUDIT_LOG, c=CUSTOMER, a=SALES_1))["data"]["auditLog"]
    cursor = first["pageInfo"]["endCursor"]
    second = (await gql(http, admin, AUDIT_LOG, c=CUSTOMER, a=SALES_1, after=cursor))["data"]

    assert first["totalCount"] == 2
    assert first["pageInfo"]["hasNextPage"] is True
    assert nodes(first) == [
        {
            "actor": SALES_1,
            "actorRole": "SALES",
            "action": "customer.untag",
            "targetType": "customer",
            "customerId": CUSTOMER,
            "after": None,
        }
    ]
    assert nodes(second["auditLog"])[0]["action"] == "customer.tag"
    assert second["auditLog"]["pageInfo"]["hasNextPage"] is False


async def test_the_audit_log_is_forbidden_without_the_right_and_the_denial_is_audited(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    denied = await gql(http, token_for("sales", sub=SALES_1), AUDIT_LOG)
    qa = await gql(http, token_for("qa", sub=QA), AUDIT_LOG, a=SALES_1)
    trail = await gql(http, token_for("admin", sub=ADMIN), AUDIT_LOG, a=SALES_1)

    assert denied["data"] == {"auditLog": None}
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert qa["data"]["auditLog"]["totalCount"] >= 1
    assert nodes(trail["data"]["auditLog"])[0]["action"] == "denied:audit_log.read"


async def test_customer_audit_is_null_and_forbidden_for_roles_without_the_audit_group(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    sales = await gql(http, token_for("sales", sub=SALES_1), CUSTOMER_AUDIT, c=CUSTOMER)
    admin = await gql(http, token_for("admin", sub=ADMIN), CUSTOMER_AUDIT, c=CUSTOMER)

    assert sales["data"]["customer"] == {"customerId": CUSTOMER, "audit": None}
    assert sales["errors"][0]["path"] == ["customer", "audit"]
    assert sales["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert admin["data"]["customer"]["audit"]["totalCount"] >= 2


async def test_no_mutation_edits_or_deletes_audit_rows(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    body = await gql(
        http, token_for("admin", sub=ADMIN), "{ __schema { mutationType { fields { name } } } }"
    )
    names = [f["name"] for f in body["data"]["__schema"]["mutationType"]["fields"]]
    assert not [name for name in names if "audit" in name.lower()]
