"""GraphQL over HTTP and the operational endpoints, through a real loopback server."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from core.settings import Settings
from gateway.auth import mint_token
from schema import SDL_PATH
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings

ME = "query Me { me { subject roles branches partner customer } }"


async def test_healthz_answers_while_the_process_is_up(http: httpx.AsyncClient) -> None:
    response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_answers_ready_and_nothing_more(http: httpx.AsyncClient) -> None:
    response = await http.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready"}


async def test_health_reports_each_component_to_an_admin(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("admin", sub="ops-1")
    response = await http.get("/health", headers={"Authorization": f"Bearer {token}"})
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "ready"
    assert body["components"]["store"]["status"] == "up"
    assert body["components"]["search"]["status"] == "up"
    assert body["components"]["search"]["detail"].startswith("embedded")


async def test_me_returns_the_token_claims(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("branch", sub="agent-7", branches=["north", "east"])
    response = await http.post(
        "/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "data": {
            "me": {
                "subject": "agent-7",
                "roles": ["BRANCH"],
                "branches": ["north", "east"],
                "partner": None,
                "customer": None,
            }
        }
    }


async def test_me_without_a_token_is_unauthenticated(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": ME})
    body = response.json()
    assert body["data"] == {"me": None}
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["errors"][0]["path"] == ["me"]


async def test_every_response_carries_a_request_id(http: httpx.AsyncClient) -> None:
    chosen = await http.get("/healthz", headers={"X-Request-ID": "req-123"})
    fresh = await http.get("/healthz")
    hostile = await http.get("/healthz", headers={"X-Request-ID": "<script>" * 20})
    assert chosen.headers["x-request-id"] == "req-123"
    assert len(fresh.headers["x-request-id"]) == 32
    assert hostile.headers["x-request-id"] != "<script>" * 20


async def test_metrics_count_requests_and_operations(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales")
    await http.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {token}"})
    response = await http.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'c360_graphql_operations_total{operation="Me",outcome="ok",type="query"}' in text
    assert 'c360_http_requests_total{method="POST",route="/graphql",status="200"}' in text
    assert "c360_graphql_operation_duration_seconds_bucket" in text
    assert "# TYPE c360_upstream_calls_total counter" in text


async def test_sdl_is_served_and_matches_the_committed_file(http: httpx.AsyncClient) -> None:
    response = await http.get("/schema.graphql")
    assert response.status_code == 200
    assert response.text == SDL_PATH.read_text()
    assert "type Query" in response.text


async def test_graphiql_is_served_in_development_html(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_get_runs_queries(http: httpx.AsyncClient, token_for: TokenFactory) -> None:
    token = token_for("sales", sub="agent-9")
    response = await http.get(
        "/graphql",
        params={"query": "{ me { subject } }"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"subject": "agent-9"}}}


async def test_me_shows_the_compiled_permissions(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    query = "{ me { permissions { readableScopes writableScopes fieldGroups capabilities } } }"
    token = token_for("support")
    response = await http.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )
    permissions = response.json()["data"]["me"]["permissions"]
    assert permissions["readableScopes"] == ["CUSTOMER", "INTERNAL", "SUPPORT"]
    assert permissions["writableScopes"] == ["CUSTOMER", "INTERNAL", "SUPPORT"]
    assert permissions["fieldGroups"] == ["ACTIVITY", "FINANCIALS", "LIFETIME_VALUE", "RISK_FLAGS"]
    assert "READ_AUDIT_LOG" not in permissions["capabilities"]
    assert "EDIT_OWN_NOTE" in permissions["capabilities"]


async def test_cross_origin_calls_need_a_listed_origin(tmp_path: Path) -> None:
    listed = "https://crm.example.com"
    settings = sqlite_settings(tmp_path).model_copy(update={"cors_origins": [listed]})
    token = mint_token(settings, subject="agent-1", roles=("support",))
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    with serve_in_thread(settings) as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:
            allowed = await client.options("/graphql", headers={"Origin": listed, **preflight})
            assert allowed.status_code == 200
            assert allowed.headers["access-control-allow-origin"] == listed
            assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
            answered = await client.post(
                "/graphql",
                json={"query": ME},
                headers={"Origin": listed, "Authorization": f"Bearer {token}"},
            )
            assert answered.json()["data"]["me"]["subject"] == "agent-1"
            assert answered.headers["access-control-allow-origin"] == listed
            widget = await client.get("/widget/customer-notes.js", headers={"Origin": listed})
            assert widget.headers["access-control-allow-origin"] == listed

            other = "https://elsewhere.example.net"
            refused = await client.options("/graphql", headers={"Origin": other, **preflight})
            assert refused.status_code == 400
            assert "access-control-allow-origin" not in refused.headers
            posted = await client.post("/graphql", json={"query": ME}, headers={"Origin": other})
            assert "access-control-allow-origin" not in posted.headers


async def test_without_listed_origins_no_cross_origin_headers_are_sent(
    http: httpx.AsyncClient,
) -> None:
    response = await http.post(
        "/graphql", json={"query": ME}, headers={"Origin": "https://crm.example.com"}
    )
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("origins", ["*", "crm.example.com", "https://crm.example.com/"])
def test_bad_cors_origins_are_refused_by_the_settings(origins: str) -> None:
    with pytest.raises(ValidationError, match="origin"):
        Settings(cors_origins=origins)


def test_cors_origins_read_comma_separated_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("C360_CORS_ORIGINS", "https://a.example.com, http://localhost:3000")
    assert Settings().cors_origins == ["https://a.example.com", "http://localhost:3000"]
