"""How every upstream call is made: timeout, bounded read retries, circuit breaker, one error map.

`translate_errors` is the single place where httpx, SQLAlchemy, driver and decoding exceptions
become the gateway's `UpstreamTimeout` / `UpstreamUnavailable` / `BadUpstreamData` (each with
``source=``). `Guard.read` wraps one logical read of one source:

    breaker closed?  ──no──▶ CircuitOpen (fail fast, nothing sent)
        │yes
    attempt: asyncio.timeout(timeout_seconds) + translate_errors, counted in Metrics
        │ UpstreamTimeout / UpstreamUnavailable
    retry up to max_attempts, exponential backoff with jitter, or the upstream's Retry-After
    (429/503) when it is within retry_after_cap_seconds; a longer Retry-After fails at once.

Only availability failures (timeouts, refused connections, 5xx, 429) count against the breaker;
bad data proves the upstream answered, and is never retried (it would not get better). Neither
does the gateway's own slowness: a cancelled call (the request's deadline, a client gone) is
no verdict, and neither is a timeout while the event loop itself lagged (`loop_lag`) — the
reply may have been sitting unread.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
import sqlalchemy.exc
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from core import tracing
from core.errors import BadUpstreamData, UpstreamError, UpstreamTimeout, UpstreamUnavailable
from core.metrics import Metrics
from datasources.breaker import CircuitBreaker
from datasources.config import ResilienceConfig
from datasources.loop_lag import LagMark, loop_lag

T = TypeVar("T")

# A timeout counts against the breaker only when the event loop lagged less than this share
# of the timeout (and this many seconds) during the call; see datasources.loop_lag.
_STALL_FRACTION = 0.1
_STALL_FLOOR_SECONDS = 0.1


class UpstreamRateLimited(UpstreamUnavailable):
    """The upstream answered 429 (or 503) and may have said when to come back."""

    def __init__(
        self, message: str, *, source: str, retry_after: float | None, **extensions: Any
    ) -> None:
        super().__init__(message, source=source, **extensions)
        self.retry_after = retry_after


class CircuitOpen(UpstreamUnavailable):
    """The breaker is open: the call was not attempted."""


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _from_status(source: str, response: httpx.Response) -> UpstreamError:
    status = response.status_code
    if status in (429, 503):
        return UpstreamRateLimited(
            f"{source} answered {status}",
            source=source,
            status=status,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    if status >= 500:
        return UpstreamUnavailable(f"{source} answered {status}", source=source, status=status)
    # A 4xx means our request does not fit their API: a mapping or configuration problem.
    return BadUpstreamData(
        f"{source} rejected the request ({status})", source=source, status=status
    )


def _from_sql(source: str, error: sqlalchemy.exc.SQLAlchemyError) -> UpstreamError:
    if isinstance(error, sqlalchemy.exc.TimeoutError):
        return UpstreamTimeout(f"{source} database pool timed out", source=source)
    if isinstance(error, sqlalchemy.exc.ProgrammingError | sqlalchemy.exc.DataError):
        # Wrong table/column names in the mapping, or values the driver cannot read.
        return BadUpstreamData(f"{source} database does not match its mapping", source=source)
    return UpstreamUnavailable(f"{source} database is unavailable", source=source)


@contextmanager
def translate_errors(source: str) -> Iterator[None]:
    """Turn any library failure inside the block into an UpstreamError naming ``source``."""
    try:
        yield
    except UpstreamError:
        raise
    except httpx.TimeoutException as error:
        raise UpstreamTimeout(f"{source} did not answer in time", source=source) from error
    except httpx.HTTPStatusError as error:
        raise _from_status(source, error.response) from error
    except httpx.HTTPError as error:
        raise UpstreamUnavailable(f"{source} is unreachable", source=source) from error
    except sqlalchemy.exc.SQLAlchemyError as error:
        raise _from_sql(source, error) from error
    except TimeoutError as error:
        raise UpstreamTimeout(f"{source} did not answer in time", source=source) from error
    except OSError as error:
        # Drivers (asyncpg) raise ConnectionRefusedError and friends without wrapping them.
        raise UpstreamUnavailable(f"{source} is unreachable", source=source) from error
    except ValueError as error:
        # Undecodable JSON or text; field-level problems are raised as BadUpstreamData by the
        # parsers themselves, so a programming error is not mistaken for bad upstream data.
        raise BadUpstreamData(
            f"{source} sent data that cannot be read: {str(error)[:200]}", source=source
        ) from error


def _retryable(error: BaseException) -> bool:
    return isinstance(error, UpstreamTimeout | UpstreamUnavailable) and not isinstance(
        error, CircuitOpen
    )


class Guard:
    """The timeout, retry and breaker policy of one upstream source."""

    def __init__(
        self,
        source: str,
        config: ResilienceConfig,
        metrics: Metrics,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        self.config = config
        self.metrics = metrics
        self.breaker = CircuitBreaker(
            failure_threshold=config.breaker_failure_threshold,
            reset_seconds=config.breaker_reset_seconds,
            clock=clock,
        )
        self._backoff = wait_exponential_jitter(
            multiplier=config.backoff_initial_seconds,
            max=config.backoff_max_seconds,
            jitter=config.backoff_initial_seconds,
        )

    async def read(self, operation: Callable[[], Awaitable[T]], *, retry: bool = True) -> T:
        """Run one read through the breaker with a timeout per attempt and bounded retries."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.config.max_attempts if retry else 1),
            retry=retry_if_exception(self._should_retry),
            wait=self._wait,
            reraise=True,
        )
        return await retrying(self._attempt, operation)

    async def _attempt(self, operation: Callable[[], Awaitable[T]]) -> T:
        if not self.breaker.allow():
            raise CircuitOpen(f"{self.source} is failing; circuit breaker open", source=self.source)
        lag = loop_lag().mark()
        try:
            with (
                tracing.child_span(
                    f"upstream {self.source}",
                    kind=tracing.SpanKind.CLIENT,
                    attributes={"c360.upstream.source": self.source},
                ),
                self.metrics.upstream_call(self.source),
                translate_errors(self.source),
            ):
                async with asyncio.timeout(self.config.timeout_seconds):
                    result = await operation()
        except UpstreamTimeout:
            if self._loop_was_stalled(lag):
                self.breaker.release()  # the gateway stalled, not the upstream: no verdict
            else:
                self.breaker.record_failure()
            raise
        except UpstreamUnavailable:
            self.breaker.record_failure()
            raise
        except BadUpstreamData:
            self.breaker.record_success()
            raise
        except BaseException:
            self.breaker.release()
            raise
        self.breaker.record_success()
        return result

    def _loop_was_stalled(self, lag: LagMark) -> bool:
        # A timeout is the upstream's fault only if the loop could run for (nearly) all of it.
        timeout = self.config.timeout_seconds
        return lag.lag_since(timeout) > max(_STALL_FRACTION * timeout, _STALL_FLOOR_SECONDS)

    def _should_retry(self, error: BaseException) -> bool:
        if not _retryable(error):
            return False
        if isinstance(error, UpstreamRateLimited) and error.retry_after is not None:
            return error.retry_after <= self.config.retry_after_cap_seconds
        return True

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        if isinstance(error, UpstreamRateLimited) and error.retry_after is not None:
            return min(error.retry_after, self.config.retry_after_cap_seconds)
        return float(self._backoff(state))
