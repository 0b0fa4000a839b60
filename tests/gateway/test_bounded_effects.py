"""Anonymous callers cannot grow the metrics or send heads of any size."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.settings import Settings
from devservices.loopback import serve_asgi
from gateway.app import create_app
from gateway.server import uvicorn_options
from tests.fixtures.app import sqlite_settings


@pytest.fixture(scope="module")
def gateway_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The module gateway, with head limits small enough for an HTTP client to exceed."""
    return sqlite_settings(
        tmp_path_factory.mktemp("bounded"), max_header_bytes=8_192, max_url_bytes=4_096
    )


def series(metrics_text: str) -> int:
    """How many samples (series lines) a /metrics scrape holds."""
    return sum(1 for line in metrics_text.splitlines() if line and not line.startswith("#"))


async def test_random_operation_names_leave_the_series_count_bounded(
    http: httpx.AsyncClient,
) -> None:
    await http.post("/graphql", json={"query": "query Warm { __typename }"})
    before = series((await http.get("/metrics")).text)

    names = [f"Op{uuid.uuid4().hex}" for _ in range(1_000)]
    for start in range(0, len(names), 10):
        responses = await asyncio.gather(
            *(
                http.post("/graphql", json={"query": f"query {name} {{ __typename }}"})
                for name in names[start : start + 10]
            )
        )
        assert all(response.status_code == 200 for response in responses)
    text = (await http.get("/metrics")).text
    after = series(text)

    print(f"\nseries before {before}, after 1,000 random operation names {after}")
    assert after - before <= 40, (before, after)
    assert 'operation="other"' in text
    assert names[0] not in text


async def test_an_oversized_header_is_refused_with_431(http: httpx.AsyncClient) -> None:
    started = time.perf_counter()
    response = await http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"X-Padding": "a" * 10_000}
    )
    assert response.status_code == 431
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_HEADER_FIELDS_TOO_LARGE"
    assert time.perf_counter() - started < 1.0


async def test_an_oversized_request_target_is_refused_with_414(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": "{ __typename }", "pad": "a" * 5_000})
    assert response.status_code == 414
    assert response.json()["errors"][0]["extensions"]["code"] == "URI_TOO_LONG"
    ordinary = await http.get("/graphql", params={"query": "{ __typename }"})
    assert ordinary.status_code == 200


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, Settings]]:
    """The gateway under uvicorn with the options `serve` uses; yields host, port, settings."""
    directory: Path = tmp_path_factory.mktemp("served")
    settings = sqlite_settings(directory, search_indexer=False)
    app = create_app(settings)
    with serve_asgi(app, name="gateway", lifespan="on", **uvicorn_options(settings)) as where:
        yield where.host, where.port, settings


def raw_exchange(host: str, port: int, head: bytes, total: int) -> tuple[bytes, float]:
    """Send a request head of `total` bytes (``head`` then padding) and read the answer."""
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(head)
        padding = b"X-Padding: " + b"a" * 65_536 + b"\r\n"
        sent = len(head)
        answer = b""
        try:
            while sent < total:
                connection.sendall(padding)
                sent += len(padding)
            connection.sendall(b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server closed the connection while the head was still coming
        try:
            while chunk := connection.recv(65_536):
                answer += chunk
        except ConnectionResetError:
            pass
    return answer, time.perf_counter() - started


def test_serve_refuses_a_huge_head_while_it_is_still_arriving(
    served: tuple[str, int, Settings],
) -> None:
    host, port, _ = served
    head = b"GET /healthz HTTP/1.1\r\nHost: gateway\r\n"
    answer, elapsed = raw_exchange(host, port, head, total=20_000_000)
    assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    assert b"REQUEST_HEADER_FIELDS_TOO_LARGE" in answer
    assert elapsed < 2.0, elapsed

    ordinary, _ = raw_exchange(host, port, head + b"Connection: close\r\n", total=0)
    assert ordinary.startswith(b"HTTP/1.1 200"), ordinary[:200]


def test_serve_still_reads_large_bodies_after_a_small_head(
    served: tuple[str, int, Settings],
) -> None:
    host, port, _ = served
    body = b'{"query": "{ __typename }", "variables": {"pad": "' + b"a" * 500_000 + b'"}}'
    response = httpx.post(
        f"http://{host}:{port}/graphql",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert response.status_code == 200, response.text[:200]
    assert response.json()["data"] == {"__typename": "Query"}
