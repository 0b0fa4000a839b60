"""The circuit breaker's state machine, on a controlled clock."""

from __future__ import annotations

from datasources.breaker import BreakerState, CircuitBreaker


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def state_of(b: CircuitBreaker) -> BreakerState:
    """The breaker's state, read through a call so the type checker does not pin it."""
    return b.state


def breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(failure_threshold=3, reset_seconds=10.0, clock=clock)


def test_opens_after_k_consecutive_failures_only() -> None:
    b = breaker(Clock())
    b.record_failure()
    b.record_failure()
    b.record_success()
    b.record_failure()
    b.record_failure()
    assert state_of(b) is BreakerState.CLOSED
    assert b.allow()

    b.record_failure()

    assert state_of(b) is BreakerState.OPEN
    assert not b.allow()


def test_half_opens_after_cool_down_and_lets_one_probe_through() -> None:
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()

    clock.now = 9.9
    assert state_of(b) is BreakerState.OPEN
    assert "probe in 0.1s" in b.describe()
    clock.now = 10.0

    assert state_of(b) is BreakerState.HALF_OPEN
    assert b.allow()
    assert not b.allow(), "only one probe at a time"


def test_a_successful_probe_closes_a_failed_one_reopens() -> None:
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()
    clock.now = 10.0
    assert b.allow()
    b.record_failure()
    assert state_of(b) is BreakerState.OPEN, "a failed probe re-opens at once"

    clock.now = 20.0
    assert b.allow()
    b.record_success()

    assert state_of(b) is BreakerState.CLOSED
    assert b.consecutive_failures == 0


def test_a_probe_without_verdict_frees_the_slot() -> None:
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()
    clock.now = 10.0
    assert b.allow()

    b.release()

    assert b.allow()
