"""Persisted operations: Apollo's automatic persisted queries, the safelist and `persist`.

APQ: a hash alone is PERSISTED_QUERY_NOT_FOUND until the client sends the document with it;
then the hash alone runs it, through either gateway on the store. A role restricted to the
safelist runs only what an operator loaded with `python -m gateway persist` (by hash or by
text), registers nothing, and its operations are counted under their persisted name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import Settings
from gateway.auth import mint_token
from gateway.cli import main
from tests.fixtures.app import serve_in_thread, sqlite_settings

ME = "query PersistedMe { me { subject } }"
OTHER = "query NotListed { me { roles } }"


def _sha(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


@pytest.fixture(scope="module")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return sqlite_settings(
        tmp_path_factory.mktemp("persisted"),
        database_url=database_url,
        safelist_roles=["partner"],
    )


@pytest.fixture(scope="module")
def gateways(settings: Settings) -> Iterator[tuple[str, str]]:
    with serve_in_thread(settings) as first, serve_in_thread(settings) as second:
        yield first, second


def _post(url: str, token: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{url}/graphql", json=body, headers={"Authorization": f"Bearer {token}"})


def _apq(sha: str) -> dict[str, Any]:
    return {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha}}}


def _code(answer: httpx.Response) -> str:
    return str(answer.json()["errors"][0]["extensions"]["code"])


def test_apq_registers_on_the_second_request_and_then_runs_by_hash(
    settings: Settings, gateways: tuple[str, str]
) -> None:
    first, second = gateways
    token = mint_token(settings, subject="agent-apq", roles=("support",))
    document = "query ApqMe { me { subject partner } }"
    # Given a hash the gateway has never seen
    unknown = _post(first, token, _apq(_sha(document)))
    assert unknown.status_code == 200
    assert _code(unknown) == "PERSISTED_QUERY_NOT_FOUND"
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    # When the client sends the document with its hash, it runs and is kept
    sent = _post(first, token, {"query": document, **_apq(_sha(document))})
    assert sent.json() == {"data": {"me": {"subject": "agent-apq", "partner": None}}}
    # Then the hash alone runs it, on either gateway of the store
    for url in (first, second):
        again = _post(url, token, _apq(_sha(document)))
        assert again.json() == sent.json()


def test_a_wrong_hash_or_extension_is_refused_and_nothing_is_kept(
    settings: Settings, gateways: tuple[str, str]
) -> None:
    url, _ = gateways
    token = mint_token(settings, subject="agent-apq", roles=("support",))
    document = "query Mismatch { me { subject } }"
    wrong = _post(url, token, {"query": document, **_apq("0" * 64)})
    assert _code(wrong) == "BAD_REQUEST"
    assert "does not match" in wrong.json()["errors"][0]["message"]
    assert _code(_post(url, token, _apq(_sha(document)))) == "PERSISTED_QUERY_NOT_FOUND"
    for bad in ({"version": 2, "sha256Hash": _sha(document)}, {"version": 1}, "x"):
        answer = _post(url, token, {"query": document, "extensions": {"persistedQuery": bad}})
        assert _code(answer) == "BAD_REQUEST"
    # A document that does not validate is answered but not kept
    broken = "query Broken { me { nope } }"
    assert _post(url, token, {"query": broken, **_apq(_sha(broken))}).json()["errors"]
    assert _code(_post(url, token, _apq(_sha(broken)))) == "PERSISTED_QUERY_NOT_FOUND"


def test_a_restricted_role_runs_only_the_persisted_safelist(
    settings: Settings,
    gateways: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, _ = gateways
    portal = mint_token(settings, subject="portal-1", roles=("partner",), partner="partner-1")
    # Before the operator loads the safelist, the portal runs nothing and registers nothing
    refused = _post(url, portal, {"query": ME})
    assert _code(refused) == "FORBIDDEN"
    assert refused.json()["errors"][0]["extensions"]["reason"] == "PERSISTED_QUERY_REQUIRED"
    assert _code(_post(url, portal, {"query": ME, **_apq(_sha(ME))})) == "FORBIDDEN"
    # When the operator persists the client's manifest
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [{"id": _sha(ME), "name": "PersistedMe", "body": ME}],
            }
        )
    )
    _point_the_cli_at(settings, monkeypatch)
    assert main(["persist", str(manifest)]) == 0
    # Then the portal runs it by hash and by text, and nothing else
    by_hash = _post(url, portal, _apq(_sha(ME)))
    assert by_hash.json() == {"data": {"me": {"subject": "portal-1"}}}
    assert _post(url, portal, {"query": ME}).json() == by_hash.json()
    assert _code(_post(url, portal, {"query": OTHER})) == "FORBIDDEN"
    # And it is counted under its persisted name
    metrics = httpx.get(f"{url}/metrics").text
    assert 'operation="persisted:PersistedMe"' in metrics


def test_persist_refuses_a_file_with_an_invalid_or_mismatched_operation(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _point_the_cli_at(settings, monkeypatch)
    mismatched = tmp_path / "ops.json"
    mismatched.write_text(json.dumps({"0" * 64: ME}))
    invalid = tmp_path / "bad.graphql"
    invalid.write_text("query Bad { me { nope } }")
    assert main(["persist", str(mismatched)]) == 2
    assert main(["persist", str(invalid)]) == 2


def _point_the_cli_at(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # The prefixed name wins over the bare DATABASE_URL the test services export.
    monkeypatch.setenv("C360_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("C360_ENVIRONMENT", "test")
