"""The error map and the retry policy, on exceptions the libraries really raise."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import sqlalchemy.exc

from core.errors import BadUpstreamData, UpstreamError, UpstreamTimeout, UpstreamUnavailable
from core.metrics import Metrics
from datasources.resilience import (
    CircuitOpen,
    Guard,
    UpstreamRateLimited,
    parse_retry_after,
    translate_errors,
)
from tests.fixtures.upstreams import FAST, upstream_calls

REQUEST = httpx.Request("GET", "http://upstream.invalid/x")


def status_error(status: int, headers: dict[str, str] | None = None) -> httpx.HTTPStatusError:
    response = httpx.Response(status, headers=headers, request=REQUEST)
    return httpx.HTTPStatusError("status", request=REQUEST, response=response)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ReadTimeout("slow", request=REQUEST), UpstreamTimeout),
        (httpx.ConnectError("refused", request=REQUEST), UpstreamUnavailable),
        (status_error(500), UpstreamUnavailable),
        (status_error(429, {"Retry-After": "3"}), UpstreamRateLimited),
        (status_error(404), BadUpstreamData),
        (sqlalchemy.exc.OperationalError("SELECT 1", {}, Exception("gone")), UpstreamUnavailable),
        (sqlalchemy.exc.ProgrammingError("SELECT x", {}, Exception("no col")), BadUpstreamData),
        (sqlalchemy.exc.TimeoutError("pool"), UpstreamTimeout),
        (TimeoutError(), UpstreamTimeout),
        (ConnectionRefusedError(), UpstreamUnavailable),
        (ValueError("Expecting value"), BadUpstreamData),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else "",
)
def test_library_errors_become_upstream_errors_naming_the_source(
    error: BaseException, expected: type[UpstreamError]
) -> None:
    with pytest.raises(expected) as caught, translate_errors("billing"):
        raise error

    assert type(caught.value) is expected
    assert caught.value.source == "billing"
    assert caught.value.graphql_extensions()["source"] == "billing"


def test_retry_after_in_seconds_and_as_a_date() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)

    assert parse_retry_after("7") == 7.0
    assert 25 < (parse_retry_after(later) or 0) <= 30
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


async def test_bad_data_is_not_retried_and_does_not_trip_the_breaker() -> None:
    metrics = Metrics()
    guard = Guard("crm", FAST, metrics)

    async def broken() -> None:
        raise ValueError("not JSON")

    with pytest.raises(BadUpstreamData):
        await guard.read(broken)

    assert upstream_calls(metrics, "crm") == 1
    assert guard.breaker.consecutive_failures == 0


async def test_an_open_breaker_fails_fast_without_calling() -> None:
    metrics = Metrics()
    guard = Guard("crm", FAST.model_copy(update={"breaker_failure_threshold": 2}), metrics)
    calls = 0

    async def down() -> None:
        nonlocal calls
        calls += 1
        raise ConnectionRefusedError

    with pytest.raises(UpstreamUnavailable):
        await guard.read(down)
    with pytest.raises(CircuitOpen) as caught:
        await guard.read(down)

    assert calls == 2, "the third attempt was refused by the open breaker"
    assert caught.value.source == "crm"


async def test_cancellation_is_not_translated() -> None:
    guard = Guard("crm", FAST, Metrics())
    task = asyncio.create_task(guard.read(lambda: asyncio.sleep(10)))
    await asyncio.sleep(0.01)
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
