"""The customer gate: one customer's requests take turns at upstream work, others never wait,
a request never waits on itself, and nobody waits past the bound (no deadlock, no leak); and
through a served gateway, two agents opening one account take turns at a slow helpdesk while
a third opening another account does not wait for them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import strawberry
from pydantic import ValidationError

from core.settings import Settings
from demo.upstreams.serve import DemoUpstreams
from resolvers.customer_gate import CustomerGate, admit, customer_gate, request_scope
from schema.customer_gate import CustomerGateScope
from tests.fixtures.app import TokenFactory
from tests.fixtures.served_gateways import on_demo_store, with_demo_upstreams

HELPDESK_DELAY = 0.5
TICKETS = "query T($id: ID!) { customer(id: $id) { id tickets(first: 5) { totalCount } } }"


async def _hold(
    gate: CustomerGate, customer: str, seconds: float, log: list[str], name: str
) -> None:
    async with request_scope(gate):
        await admit([customer])
        log.append(f"{name} in")
        await asyncio.sleep(seconds)
        log.append(f"{name} out")


async def test_one_customers_requests_take_turns_while_others_go_ahead() -> None:
    gate = CustomerGate(per_customer=1, wait_seconds=5)
    log: list[str] = []

    await asyncio.gather(
        _hold(gate, "cust-big", 0.1, log, "a"),
        _hold(gate, "cust-big", 0.1, log, "b"),
        _hold(gate, "cust-small", 0.05, log, "c"),
    )

    # b starts only after a ended; c (another customer) started beside a
    assert log.index("b in") > log.index("a out")
    assert log.index("c in") < log.index("a out")
    assert gate.busy() == 0  # every turn given back, no slot left
    assert gate.overflows == 0


async def test_a_contested_turn_rests_before_the_next_and_an_uncontested_one_does_not() -> None:
    # share 0.5: the next request of the same customer starts a turn's length after the end
    turn = 0.2
    for share, least, most in ((0.5, 2 * turn, 2.6 * turn), (1.0, turn, 1.6 * turn)):
        gate = CustomerGate(per_customer=1, wait_seconds=5, share=share)
        started: dict[str, float] = {}

        async def hold(
            name: str, gate: CustomerGate = gate, started: dict[str, float] = started
        ) -> None:
            async with request_scope(gate):
                await admit(["cust-big"])
                started[name] = time.perf_counter()
                await asyncio.sleep(turn)

        await asyncio.gather(hold("a"), hold("b"))
        gap = abs(started["b"] - started["a"])
        assert least * 0.95 <= gap < most, (share, gap)
        assert gate.busy() == 0
        assert gate.overflows == 0
    # Nobody waiting: a request right after another's turn is not held back by a rest
    gate = CustomerGate(per_customer=1, wait_seconds=5, share=0.1)
    async with request_scope(gate):
        await admit(["cust-1"])
        await asyncio.sleep(turn)
    began = time.perf_counter()
    async with request_scope(gate):
        await asyncio.wait_for(admit(["cust-1"]), timeout=turn / 2)
    assert time.perf_counter() - began < turn / 2


async def test_a_request_does_not_wait_on_its_own_turn() -> None:
    gate = CustomerGate(per_customer=1, wait_seconds=5)

    async with request_scope(gate):
        await admit(["cust-1"])
        await asyncio.wait_for(admit(["cust-1", "cust-2"]), timeout=1)  # its own loaders again

        assert gate.busy() == 2
    assert gate.busy() == 0


async def test_two_requests_waiting_on_each_other_go_ahead_after_the_bound() -> None:
    gate = CustomerGate(per_customer=1, wait_seconds=0.2)
    first_in = asyncio.Event()
    second_in = asyncio.Event()

    async def cross(mine: str, theirs: str, me: asyncio.Event, other: asyncio.Event) -> None:
        async with request_scope(gate):
            await admit([mine])
            me.set()
            await other.wait()
            await admit([theirs])  # held by the other request, which waits for ours

    await asyncio.wait_for(
        asyncio.gather(
            cross("cust-1", "cust-2", first_in, second_in),
            cross("cust-2", "cust-1", second_in, first_in),
        ),
        timeout=3,
    )

    assert gate.overflows == 2
    assert gate.busy() == 0


async def test_outside_a_request_admit_does_nothing() -> None:
    await asyncio.wait_for(admit(["cust-1"]), timeout=1)


# --- through the gateway ---------------------------------------------------------------------


store_url, gateway_settings = on_demo_store("gate", notes=50)
gateway_url = with_demo_upstreams()


@pytest.fixture
def slow_helpdesk(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[None]:
    demo_upstreams_sqlite.helpdesk.behaviour.set_faults(delay_seconds=HELPDESK_DELAY)
    try:
        yield
    finally:
        demo_upstreams_sqlite.helpdesk.behaviour.reset()


async def test_agents_opening_one_account_take_turns_and_others_do_not_wait(
    http: httpx.AsyncClient, token_for: TokenFactory, slow_helpdesk: None
) -> None:
    started = time.perf_counter()

    async def ended(customer: str, agent: str) -> float:
        headers = {"Authorization": f"Bearer {token_for('manager', sub=agent)}"}
        response = await http.post(
            "/graphql", json={"query": TICKETS, "variables": {"id": customer}}, headers=headers
        )
        body = response.json()
        assert body.get("errors") is None, body
        return time.perf_counter() - started

    # When two agents open the same account and a third another, all at once
    first, second, other = await asyncio.gather(
        ended("cust-00001", "agent-2"),
        ended("cust-00001", "agent-4"),
        ended("cust-00003", "agent-5"),
    )

    # Then the account's second request read the helpdesk after the first had finished,
    # and the other account's request did not wait for either
    assert abs(second - first) >= 0.8 * HELPDESK_DELAY, (first, second)
    assert other < max(first, second) - 0.5 * HELPDESK_DELAY, (first, second, other)


# --- the limits are settings -----------------------------------------------------------------


@strawberry.type
class _HoldQuery:
    @strawberry.field
    async def hold(self) -> bool:
        await admit(["cust-gated"])
        await asyncio.sleep(HOLD)
        return True


HOLD = 0.3


@dataclass
class _Context:
    settings: Settings


async def _two_requests_at_one_customer(settings: Settings) -> float:
    schema = strawberry.Schema(_HoldQuery, extensions=[CustomerGateScope])
    started = time.perf_counter()
    results = await asyncio.gather(
        *(schema.execute("{ hold }", context_value=_Context(settings)) for _ in range(2))
    )
    assert all(result.errors is None for result in results), results
    return time.perf_counter() - started


async def test_the_gate_limits_come_from_the_settings() -> None:
    # One at a time (the default): the second request waits for the first's turn
    default = await _two_requests_at_one_customer(Settings(environment="test"))
    assert default >= 2 * HOLD * 0.9, default
    # Two at a time: both work at once
    two = Settings(environment="test", customer_gate_per_customer=2)
    assert await _two_requests_at_one_customer(two) < 1.5 * HOLD
    # One at a time but a short wait: the second goes ahead without its turn
    short = Settings(environment="test", customer_gate_wait_seconds=0.05)
    assert await _two_requests_at_one_customer(short) < 1.5 * HOLD
    assert customer_gate(1, 0.05).overflows == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"customer_gate_per_customer": 0},
        {"customer_gate_wait_seconds": 0},
        {"customer_gate_share": 0},
        {"customer_gate_share": 1.5},
    ],
)
def test_gate_limits_out_of_range_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate({"environment": "test", **bad})


def test_gate_limits_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C360_CUSTOMER_GATE_PER_CUSTOMER", "3")
    monkeypatch.setenv("C360_CUSTOMER_GATE_WAIT_SECONDS", "0.5")
    monkeypatch.setenv("C360_CUSTOMER_GATE_SHARE", "0.25")
    settings = Settings(environment="test")
    limits = (
        settings.customer_gate_per_customer,
        settings.customer_gate_wait_seconds,
        settings.customer_gate_share,
    )
    assert limits == (3, 0.5, 0.25)
