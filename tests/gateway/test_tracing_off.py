"""Tracing off (no ``C360_OTLP_ENDPOINT``, the default): no spans, no trace ids anywhere.

A module of its own: tracing is process-wide, and the traced gateway of test_tracing.py must
not be running here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest
import structlog
from structlog.testing import capture_logs

from core import tracing
from core.settings import Settings
from store.migrate import async_upgrade
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings

MISSING = 'query Missing { customer(id: "cust-99999") { name } }'


@pytest.fixture(scope="module")
async def gateway_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = sqlite_settings(tmp_path_factory.mktemp("untraced"), log_level="INFO")
    await async_upgrade(settings.database_url)
    return settings


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


async def test_off_by_default_with_no_trace_ids(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    assert Settings(environment="test").otlp_endpoint is None
    assert not tracing.enabled()
    traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        response = await http.post(
            "/graphql",
            json={"query": MISSING},
            headers={
                "Authorization": f"Bearer {token_for('manager', sub='agent-2')}",
                "traceparent": traceparent,
            },
        )
        for _ in range(200):
            if any(line["event"] == "request" for line in logs):
                break
            await asyncio.sleep(0.01)
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "traceId" not in error["extensions"]
    access = [line for line in logs if line["event"] == "request"]
    assert access
    assert all("trace_id" not in line for line in access)


def test_headers_for_the_collector_are_a_secret_that_needs_https() -> None:
    settings = Settings(
        environment="test",
        otlp_endpoint="https://collector.example/v1/traces",
        otlp_headers="x-api-key=s3cr%3Dt,tenant=acme",
    )
    assert "s3cr" not in repr(settings)
    assert settings.otlp_headers is not None
    assert tracing.parse_headers(settings.otlp_headers.get_secret_value()) == {
        "x-api-key": "s3cr=t",
        "tenant": "acme",
    }
    with pytest.raises(ValueError, match="C360_OTLP_HEADERS need an https"):
        Settings(
            environment="test",
            otlp_endpoint="http://collector.example/v1/traces",
            otlp_headers="x-api-key=1",
        )
    with pytest.raises(ValueError, match="must be an http"):
        Settings(environment="test", otlp_endpoint="grpc://collector:4317")
