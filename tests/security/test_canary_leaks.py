"""Canary leak tests over the whole schema, for every role, on both backends.

Unique canaries are planted through the real write path into everything a role may not read
(notes of each scope, their earlier revisions and re-scoped text, follow-up instructions and
outcomes, interactions, risk-flag reasons, and the audit rows all of these write), then every
role runs the widest queries built from the schema by introspection (see `widest.py`) after
each phase of create → re-scope → edit → delete → restore with the indexer running and stopped.
No canary a role may not read may appear anywhere in its response bytes.

Known leaks that another change is fixing are `xfail(strict=True)` per case: when the fix
lands the case XPASSes, which fails, telling whoever merges it to delete the entry.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from demo.seed import seed
from devservices.postgres import create_database, drop_database
from store.db import create_engine
from store.migrate import async_upgrade
from tests.fixtures.app import sqlite_settings
from tests.fixtures.upstreams import DEMO_SEED, FAST
from tests.security.world import LIMITS, ROLES, SweepWorld, build_world

FAMILIES = [
    "note", "revision", "rescope", "deleted", "stale", "unindexed", "followup",
    "interaction", "riskflag", "customer", "fields",
]  # fmt: skip
# (backend or "*", role, family) -> why it leaks today. Remove an entry when its fix lands.
# A leak found and not yet fixed is listed here as (backend or "*", role, family) -> reason:
# its case becomes a strict xfail, so the fix turns it into an XPASS that fails until the entry
# goes. Every leak the suite found when it was written is fixed; keep it empty.
KNOWN_LEAKS: dict[tuple[str, str, str], str] = {}

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[pytest.mark.postgres, pytest.mark.opensearch]),
]


def _family(kind: str) -> str:
    return kind.split(".")[0]


def known_leak(backend: str, role: str, family: str) -> str | None:
    """Why this case leaks today, if it is a known leak."""
    return KNOWN_LEAKS.get((backend, role, family)) or KNOWN_LEAKS.get(("*", role, family))


@pytest.fixture(scope="module", params=BACKENDS)
async def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SweepWorld]:
    """The swept canary world on the requested backend."""
    backend: str = request.param
    directory = tmp_path_factory.mktemp(f"canaries-{backend}")
    # Fast retries, but a patient timeout: a slow CI machine must not turn answers into gaps.
    resilience = FAST.model_copy(update={"timeout_seconds": 5.0})
    upstreams = request.getfixturevalue("demo_upstreams_sqlite").config.with_resilience(resilience)
    admin_dsn = None
    overrides: dict[str, Any] = dict(LIMITS)
    if backend == "postgres":
        admin_dsn = request.getfixturevalue("postgres_server").admin_dsn
        name = f"c360_canary_{uuid.uuid4().hex[:10]}"
        url = await create_database(admin_dsn, name)
        overrides["opensearch_url"] = request.getfixturevalue("opensearch_server").url
        overrides["opensearch_index_prefix"] = f"c360-canary-{uuid.uuid4().hex[:8]}"
    else:
        url = f"sqlite+aiosqlite:///{directory / 'store.db'}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=20, notes=40, seed=DEMO_SEED)
        # The sweep spends far more than one principal's rate-limit budget on purpose:
        # it measures leaks, not throttling (tests/gateway/test_rate_limits.py does that).
        overrides["rate_limit_enabled"] = False
        settings = sqlite_settings(directory, database_url=url, **overrides)
        built = await build_world(settings, upstreams, engine, directory)
        built.backend = backend
        yield built
    finally:
        await engine.dispose()
        if admin_dsn is not None:
            await drop_database(admin_dsn, name)


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("role", ROLES)
def test_no_role_reads_a_canary_it_may_not(
    world: SweepWorld, role: str, family: str, request: pytest.FixtureRequest
) -> None:
    reason = known_leak(world.backend, role, family)
    if reason:
        # Strict: once the leak is fixed this case XPASSes and fails; delete its entry.
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"leak: {reason}"))
    leaks = [f for f in world.findings if f.role == role and _family(f.kind) == family]
    assert not leaks, "\n".join(str(f) for f in leaks[:40])


def test_the_sweep_covers_the_schema_and_sees_what_it_may(world: SweepWorld) -> None:
    # Every root field of Query was asked, by documents built from introspection.
    assert world.roots == world.query_roots
    assert world.planter is not None
    # Non-vacuity: each role finds every note subject it may read in its answers.
    for role in world.roles.values():
        allowed = [
            c
            for c in world.planter.canaries
            if c.kind == "note.subject"
            and not c.deleted
            and c.readable_by(role.view, role.reachable)
        ]
        assert allowed, role.name
        missing = [c.token for c in allowed if c.token not in world.seen[("reindexed", role.name)]]
        assert not missing, f"{role.name} does not see {missing}"
    # The senior roles see every live canary of every kind somewhere.
    owner = world.seen[("reindexed", "owner")]
    live = [c.token for c in world.planter.canaries if not c.deleted]
    assert [t for t in live if t not in owner] == []


def test_the_sweep_meets_no_server_error(world: SweepWorld) -> None:
    assert world.failures == []


def test_the_sweep_reports_its_figures(
    world: SweepWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    depth = max(document.depth for document in world.documents)
    assert depth >= 5, "the widest documents stopped short of the notes' history"
    # The field groups the schema documents as null + FORBIDDEN are all checked.
    assert set(world.guarded.values()) >= {"financials", "lifetime_value", "activity"}
    with capsys.disabled():
        print(
            f"\ncanary sweep: {sum(world.canaries.values())} canaries {dict(world.canaries)}; "
            f"{len(world.documents)} documents (max depth {depth}); {len(world.roles)} roles; "
            f"{len(world.guarded)} guarded fields; "
            f"{world.requests} requests; {len(world.findings)} findings; {world.seconds:.1f} s"
        )
        slowest = sorted(world.timings.items(), key=lambda kv: -kv[1])[:5]
        print("slowest roots: " + ", ".join(f"{root} {secs:.1f} s" for root, secs in slowest))
        for finding in world.findings:
            print(f"  {finding}")
