"""A flood from a second process does not slow a principal within its budget.

A short `bench.throttling` run: one gateway process on PostgreSQL with the demo upstreams, a
polite principal measured alone and then beside a flood of 32 unpaced connections under
another principal's token, over budget. The bounds are relative to the same run's figures
(never absolute timings), and generous: this machine is shared and noisy.
"""

from __future__ import annotations

from bench import throttling
from devservices.postgres import ExternalPostgres, PostgresServer

CONNECTIONS = 32


async def test_a_flooding_principal_is_throttled_and_the_others_are_served(
    postgres_server: PostgresServer | ExternalPostgres,
) -> None:
    figures = await throttling.measure(
        2.5, connections=CONNECTIONS, admin_dsn=postgres_server.admin_dsn, customers=20
    )
    # The polite principal's requests all succeed, alone and beside the flood
    for stats in (figures.alone, figures.beside):
        assert stats.requests > 0
        assert stats.errors == 0
    # And beside the flood its median stays near its median alone (a loose bound: before
    # admission it was 5 to 24 times)
    assert figures.p50_ratio <= 3.0, figures
    # The flood is refused with the documented 429 and Retry-After, and is held back: each
    # refusal of a token already over budget waits out the tarpit, so the flood gets at most
    # about one answer per connection and second (it got hundreds per second before)
    flood = figures.flood
    assert flood.statuses.get("429", 0) > 0, flood
    assert flood.retry_after == flood.statuses["429"]
    assert flood.codes.get("RATE_LIMITED", 0) > 0, flood
    assert flood.requests / flood.seconds <= CONNECTIONS * 1.5, flood
