"""A stock normalised-cache client (urql + graphcache, no `keys` config) against the gateway.

The script web/client-check/normalised-cache.mjs drives a real gateway over HTTP and counts every
request through its fetch; this test asserts on what it prints.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from demo.seed import seed
from gateway.auth import mint_token
from store.db import create_engine
from store.migrate import async_upgrade
from tests.fixtures.services import service_unavailable

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "web" / "client-check" / "normalised-cache.mjs"
CUSTOMER = "cust-00001"
AGENT = "agent-4"
CUSTOMERS = 40


@pytest.fixture(scope="module", autouse=True)
def node_js() -> None:
    """The client runs in Node.js (scripts/test needs it for the widget too): skip locally
    without it, fail on CI."""
    if shutil.which("node") is None:
        service_unavailable("Node.js", FileNotFoundError("node is not on PATH"))


@pytest.fixture(scope="module")
async def web_store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Enough demo customers that some were referred by another (a CustomerRef)."""
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('cache') / 'store.db'}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=CUSTOMERS, notes=CUSTOMERS)
    finally:
        await engine.dispose()
    return url


@pytest.fixture(scope="module")
def report(gateway_url: str, gateway_settings: Settings) -> dict[str, Any]:
    """Run the client script once against the module's gateway; its JSON output."""
    token = mint_token(gateway_settings, subject=AGENT, roles=("support",))
    env = {**os.environ, "GATEWAY_TOKEN": token}
    schema = ROOT / "schema" / "schema.graphql"
    done = subprocess.run(
        ["node", str(SCRIPT), f"{gateway_url}/graphql", str(schema), CUSTOMER, AGENT],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def test_the_same_note_by_three_paths_is_one_entity_keyed_by_typename_and_id(
    report: dict[str, Any],
) -> None:
    read = report["steps"]["read"]
    assert read["listed"]
    assert len(set(read["keys"])) == 1
    assert read["keys"][0].startswith("Note:")


def test_update_note_refreshes_every_cached_query_without_a_request(
    report: dict[str, Any],
) -> None:
    update = report["steps"]["update"]
    assert update["errors"] == []
    assert update["mutationRequests"] == 1
    assert update["readRequests"] == 0
    version = report["steps"]["read"]["version"] + 1
    assert update["returned"]["version"] == version
    edited = {"subject": "Cache check (edited)", "version": version, "body": "Original body"}
    assert update["list"] == update["note"] == update["node"] == edited


def test_complete_follow_up_updates_the_cached_customer_view_without_a_request(
    report: dict[str, Any],
) -> None:
    follow_up = report["steps"]["followUp"]
    assert follow_up["errors"] == []
    assert follow_up["before"] == {"completedAt": None}
    assert follow_up["mutationRequests"] == 1
    assert follow_up["readRequests"] == 0
    assert follow_up["cached"]["completedAt"] is not None
    assert follow_up["cached"]["completedAt"] == follow_up["returned"]["completedAt"]


def test_a_customer_and_its_reference_are_distinct_entities(report: dict[str, Any]) -> None:
    identity = report["steps"]["identity"]
    assert identity is not None, "the demo data has no referred customer"
    full, ref = identity["keys"]
    assert full.startswith("Customer360:")
    assert ref.startswith("CustomerRef:")
    assert full.split(":", 1)[1] != ref.split(":", 1)[1]
    assert identity["readRequests"] == 0


def test_a_deleted_note_stays_in_the_cached_list_until_the_list_is_fetched_again(
    report: dict[str, Any],
) -> None:
    # Field changes reach the cache from a payload; list membership is the server's to say:
    # deleteNote returns the note marked deleted, so an updater (or a refetch) drops it.
    delete = report["steps"]["delete"]
    assert delete["errors"] == []
    assert delete["returned"]["deleted"] is True
    assert delete["returned"]["deletedAt"] is not None
    assert delete["mutationRequests"] == 1
    assert delete["cachedReadRequests"] == 0
    assert delete["cachedStillListed"]
    assert delete["refetchRequests"] == 1
    assert not delete["refetchedListed"]
    assert delete["refetchedTotalCount"] == delete["cachedTotalCount"] - 1


def test_tag_customer_updates_the_cached_customer_tags_without_a_request(
    report: dict[str, Any],
) -> None:
    customer = report["steps"]["customer"]
    tag = customer["tag"]
    assert tag["errors"] == []
    assert not {"cache check", "cached"} & set(customer["before"]["tags"])
    assert {"cache check", "cached"} <= set(tag["returned"])
    assert tag["mutationRequests"] == 1
    assert tag["readRequests"] == 0
    assert tag["cachedTags"] == tag["returned"]


def test_raise_risk_flag_updates_the_cached_customer_badges_without_a_request(
    report: dict[str, Any],
) -> None:
    customer = report["steps"]["customer"]
    raised = customer["raise"]
    assert raised["errors"] == []
    assert customer["before"]["openFlags"] == 0
    assert "UNDER_REVIEW" not in customer["before"]["badges"]
    assert raised["mutationRequests"] == 1
    assert raised["readRequests"] == 0
    assert "UNDER_REVIEW" in raised["returned"]
    assert raised["cachedBadges"] == raised["returned"]


def test_the_cache_needs_no_configuration_and_the_run_is_fast(report: dict[str, Any]) -> None:
    # graphcache warns when it cannot key an entity or match a fragment: it never did.
    assert report["warnings"] == []
    assert report["requests"] == [
        "CreateNote",
        "CustomerNotes",
        "OneNote",
        "NodeNote",
        "UpdateNote",
        "CustomerFollowUps",
        "CompleteFollowUp",
        "Referrals",
        "DeleteNote",
        "CustomerNotes",
        "CustomerCard",
        "TagCustomer",
        "RaiseRiskFlag",
    ]
    assert report["ms"] < 20_000
