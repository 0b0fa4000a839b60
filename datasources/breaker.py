"""A per-upstream circuit breaker: closed → open after K consecutive failures → half-open.

No maintained asyncio circuit-breaker library is installed, and the state machine is small:
``closed`` lets calls through and counts consecutive failures; ``open`` rejects calls until
the cool-down has passed; ``half_open`` lets exactly one probe through, whose outcome closes
the breaker again or re-opens it for another cool-down.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum


class BreakerState(StrEnum):
    """Where a breaker stands; readiness reports it."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Counts consecutive failures of one upstream and decides whether to try it at all."""

    def __init__(
        self,
        *,
        failure_threshold: int,
        reset_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.reset_seconds = reset_seconds
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> BreakerState:
        """The state now (an open breaker turns half-open once its cool-down has passed)."""
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._probing or self._clock() - self._opened_at >= self.reset_seconds:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    @property
    def consecutive_failures(self) -> int:
        """Failures since the last success."""
        return self._failures

    def retry_in(self) -> float:
        """Seconds until an open breaker lets a probe through (0 when it would now)."""
        if self._opened_at is None:
            return 0.0
        return max(0.0, self.reset_seconds - (self._clock() - self._opened_at))

    def allow(self) -> bool:
        """Whether a call may go out now; in half-open state only one probe at a time may."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._probing:
            self._probing = True
            return True
        return False

    def record_success(self) -> None:
        """A call succeeded: close the breaker."""
        self._failures = 0
        self._opened_at = None
        self._probing = False

    def record_failure(self) -> None:
        """A call failed: a failed probe, or the K-th failure in a row, opens the breaker."""
        self._failures += 1
        if self._probing or self._failures >= self.failure_threshold:
            self._opened_at = self._clock()
        self._probing = False

    def release(self) -> None:
        """A call ended without a verdict on availability (e.g. cancelled): free the probe."""
        self._probing = False

    def describe(self) -> str:
        """A short human-readable state for readiness details."""
        state = self.state
        if state is BreakerState.OPEN:
            return f"breaker open, probe in {self.retry_in():.1f}s"
        if state is BreakerState.HALF_OPEN:
            return "breaker half-open"
        return f"breaker closed ({self._failures} recent failures)"
