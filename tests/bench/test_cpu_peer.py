"""The CPU peer bench runs end to end on tiny data, and the peer answers exactly as the
gateway does (the ratio itself comes from `python -m bench.cpu_peer`; timings are no test)."""

from __future__ import annotations

from bench import cpu_peer
from devservices.postgres import ExternalPostgres, PostgresServer


async def test_gateway_and_peer_answer_byte_identically_and_cpu_is_measured(
    postgres_server: PostgresServer | ExternalPostgres,
) -> None:
    figures = await cpu_peer.run(
        postgres_server.admin_dsn, customers=20, notes=300, phases=1, requests=20
    )
    assert figures.answers_identical
    assert figures.gateway_ms > 0
    assert figures.peer_ms > 0
    assert "answers identical: yes" in cpu_peer.report(figures)
