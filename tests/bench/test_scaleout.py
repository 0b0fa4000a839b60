"""The scale-out proof: two gateways on one outbox index every note once, and a gap fails it.

The real thing runs against the session's PostgreSQL and OpenSearch with tiny data and a
short load (``python -m bench --only scaleout`` runs it at size); the proof's failure modes
are checked on hand-made evidence.
"""

from __future__ import annotations

import dataclasses

import pytest

from bench import capacity, environment
from bench.indexing_proof import IndexingEvidence, ProofViolated, check_index, verify
from devservices.opensearch import ExternalOpenSearch, OpenSearchServer
from devservices.postgres import ExternalPostgres, PostgresServer
from search.opensearch_backend import OpenSearchBackend
from store.db import create_engine, session_factory

TINY = environment.DataSpec(customers=20, notes=200)
SHORT = environment.LoadShape(warmup_seconds=1.0, duration_seconds=5.0, concurrency=4)
SOUND = IndexingEvidence(
    outbox_rows=10,
    claimed=(6, 4),
    written=10,
    stale=0,
    retried=0,
    dead_lettered=0,
    dead_letters=0,
    unprocessed=0,
    notes_checked=10,
    not_indexed=(),
    index_live=210,
    store_live=210,
)


async def test_two_gateways_index_every_note_once_and_a_missing_one_fails_the_proof(
    postgres_server: PostgresServer | ExternalPostgres,
    opensearch_server: OpenSearchServer | ExternalOpenSearch,
) -> None:
    # Given tiny data in PostgreSQL, indexed in OpenSearch, and the demo upstreams
    async with environment.environment(
        TINY, admin_dsn=postgres_server.admin_dsn, opensearch_url=opensearch_server.url
    ) as env:
        # When the same load runs against one gateway, then spread over two
        one, two = await capacity.scaleout(env, SHORT)

        # Then every outbox row was claimed once, by both indexers between them
        for phase in (one, two):
            assert phase.load.errors == phase.load.warmup_errors == 0, phase.load.error_examples
            assert phase.load.created_notes
            assert sum(phase.evidence.claimed) == phase.evidence.outbox_rows
            assert phase.evidence.outbox_rows >= len(phase.load.created_notes)
            assert phase.evidence.not_indexed == ()
            assert phase.evidence.index_live == phase.evidence.store_live
        assert len(two.evidence.claimed) == 2
        assert all(two.evidence.claimed), two.evidence.claimed
        assert len(two.load.per_target) == 2
        assert all(two.load.per_target.values())
        figures = capacity.scaleout_figures(one, two)
        assert all(figure.met is not False for figure in figures), figures

        # And a note that vanishes from the index is caught by the same evidence path
        lost = two.load.created_notes[0].id
        search = OpenSearchBackend(opensearch_server.url, env.prefix)
        try:
            await search.client.delete(index=search.alias, id=lost)
        finally:
            await search.close()
        engine = create_engine(env.dataset.store_url)
        try:
            not_indexed, live = await check_index(session_factory(engine), env, [lost])
        finally:
            await engine.dispose()
    assert not_indexed == (lost,)
    assert live == two.evidence.index_live - 1
    with pytest.raises(ProofViolated, match="1 notes not indexed"):
        verify(dataclasses.replace(two.evidence, not_indexed=not_indexed, index_live=live))


def test_sound_evidence_passes() -> None:
    verify(SOUND)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"claimed": (7, 4)}, "processed twice", id="claimed-more-than-created"),
        pytest.param({"claimed": (5, 4)}, "some lost", id="claimed-fewer-than-created"),
        pytest.param({"claimed": (10, 0)}, "an indexer claimed nothing", id="one-idle-indexer"),
        pytest.param({"not_indexed": ("note-1",)}, "not indexed", id="note-missing"),
        pytest.param({"index_live": 209}, "209 live documents", id="live-count-differs"),
        pytest.param({"dead_letters": 1, "dead_lettered": 1}, "dead-lettered", id="dead-letter"),
        pytest.param({"retried": 1, "claimed": (7, 4)}, "1 retried", id="retried"),
        pytest.param({"unprocessed": 2}, "never processed", id="outbox-not-drained"),
    ],
)
def test_violated_evidence_raises(change: dict[str, object], message: str) -> None:
    with pytest.raises(ProofViolated, match=message):
        verify(dataclasses.replace(SOUND, **change))  # type: ignore[arg-type]
