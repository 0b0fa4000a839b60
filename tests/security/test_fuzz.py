"""Schema-driven fuzzing of every query and mutation argument, and every malformed body.

Each root field of Query and Mutation (from the SDL and introspection, so a new one is fuzzed
without editing this file) gets `C360_FUZZ_CASES` derandomized cases per backend: arguments
drawn as variables, posted as a random role. Hand-written classes (naive and date-only
datetimes, NUL, huge strings and numbers, negative numbers, forged cursors) go to every
argument they fit, and every malformed body class is posted once. Any HTTP 5xx,
`INTERNAL_SERVER_ERROR` code, Python traceback or dropped connection fails.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from graphql import GraphQLSchema, build_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.settings import REPO_ROOT
from demo.seed import seed
from devservices.postgres import create_database, drop_database
from gateway.auth import mint_token
from store.db import create_engine
from store.migrate import async_upgrade
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import DEMO_SEED, FAST
from tests.security.fuzz import (
    Operation,
    Values,
    class_cases,
    class_variables,
    operations,
    variables,
)
from tests.security.widest import Ids, introspection_query, schema_from_introspection

# Cases per root field and backend (34 root fields today: about 1 000 cases per backend).
CASES = int(os.environ.get("C360_FUZZ_CASES", "30"))
ROLES = ["admin", "manager", "support", "sales", "branch", "field", "qa", "partner", "customer"]
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[pytest.mark.postgres, pytest.mark.opensearch]),
]


@dataclass
class Target:
    """A running gateway, tokens for its roles, and its operations."""

    http: httpx.AsyncClient
    tokens: list[str]
    operations: dict[str, Operation]
    values: Values
    backend: str
    cases: int = 0


def failure(response: httpx.Response) -> str | None:
    """Why this answer is a server failure, or None."""
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    if "INTERNAL_SERVER_ERROR" in response.text:
        return "INTERNAL_SERVER_ERROR"
    if "Traceback (most recent call last)" in response.text:
        return "traceback"
    return None


@pytest.fixture(scope="module", params=BACKENDS)
async def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Target]:
    """A seeded gateway on the backend, with demo upstreams."""
    directory = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    upstreams = request.getfixturevalue("demo_upstreams_sqlite").config.with_resilience(FAST)
    overrides: dict[str, Any] = {}
    admin_dsn = None
    name = f"c360_fuzz_{uuid.uuid4().hex[:10]}"
    if request.param == "postgres":
        admin_dsn = request.getfixturevalue("postgres_server").admin_dsn
        url = await create_database(admin_dsn, name)
        overrides["opensearch_url"] = request.getfixturevalue("opensearch_server").url
        overrides["opensearch_index_prefix"] = f"c360-fuzz-{uuid.uuid4().hex[:8]}"
    else:
        url = f"sqlite+aiosqlite:///{directory / 'store.db'}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=20, notes=40, seed=DEMO_SEED)
        # The sweep spends far more than one principal's rate-limit budget on purpose:
        # it measures leaks, not throttling (tests/gateway/test_rate_limits.py does that).
        overrides["rate_limit_enabled"] = False
        gateway_settings = sqlite_settings(directory, database_url=url, **overrides)
        tokens = [
            mint_token(
                gateway_settings,
                subject="agent-1" if role == "admin" else f"agent-{index + 2}",
                roles=[role],
                branches=["branch-1"],
                partner="partner-1",
                customer="cust-00001",
            )
            for index, role in enumerate(ROLES)
        ]
        with serve_in_thread(gateway_settings, upstreams) as base:
            async with httpx.AsyncClient(base_url=base, timeout=30) as http:
                answer = await http.post(
                    "/graphql",
                    json={"query": introspection_query()},
                    headers={"Authorization": f"Bearer {tokens[0]}"},
                )
                schema = schema_from_introspection(answer.json()["data"])
                ids = Ids({"customer": ["cust-00001", "cust-00002", "cust-00020"]})
                found = {f"{op.kind}.{op.field}": op for op in operations(schema, ids)}
                yield Target(http, tokens, found, Values(ids), request.param)
    finally:
        await engine.dispose()
        if admin_dsn is not None:
            await drop_database(admin_dsn, name)


def _sdl() -> GraphQLSchema:
    return build_schema((REPO_ROOT / "schema" / "schema.graphql").read_text())


def root_fields() -> list[str]:
    """Every root query and mutation field of the committed SDL (checked against the code)."""
    sdl = _sdl()
    return [
        f"{kind}.{name}"
        for kind, root in (("query", sdl.query_type), ("mutation", sdl.mutation_type))
        if root is not None
        for name in root.fields
    ]


# Failures found and not fixed yet: "[backend:]<query|mutation>.<field>" or a malformed-body
# label -> the minimal failing input. Strict: a fixed one XPASSes and fails; delete its entry.
# A failure found and not yet fixed: "[backend:]class:root field" (or a malformed-body case)
# -> reason; its case becomes a strict xfail until the fix turns it into an XPASS. Every
# failure the fuzzer found when it was written is fixed; keep it empty.
KNOWN_FAILURES: dict[str, str] = {}


def known_failure(request: pytest.FixtureRequest, target: Target, case: str) -> None:
    """Mark a known failure (of every backend, or of this one) as a strict xfail."""
    reason = KNOWN_FAILURES.get(f"{target.backend}:{case}") or KNOWN_FAILURES.get(case)
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


async def send(target: Target, method: str, **request: Any) -> str | None:
    """Post one request; why it is a server failure, or None."""
    body = request.pop("json", None)
    if body is not None:
        # Encoded here with ASCII escapes: a lone surrogate the strategies draw travels as
        # "\ud800", as any client may send it (httpx would refuse to encode it as UTF-8).
        request["content"] = json.dumps(body).encode()
        request["headers"] = {**request.get("headers", {}), "Content-Type": "application/json"}
    try:
        response = await target.http.request(method, "/graphql", **request)
    except httpx.TransportError as error:
        return f"no answer ({type(error).__name__})"
    problem = failure(response)
    if problem is None:
        return None
    return f"{problem}: {response.status_code} {response.text[:400]}"


@pytest.mark.parametrize("root", root_fields())
@settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_no_argument_makes_the_server_fail(
    data: st.DataObject, target: Target, root: str, request: pytest.FixtureRequest
) -> None:
    operation = target.operations[root]
    values = data.draw(variables(target.values, operation), label="variables")
    token = data.draw(st.sampled_from(target.tokens), label="token")
    target.cases += 1
    problem = await send(
        target,
        "POST",
        json={"query": operation.text, "variables": values},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert problem is None, f"{root} {values!r}: {problem}"


@pytest.mark.parametrize(("root", "label"), class_cases(_sdl()))
async def test_no_hand_written_class_makes_the_server_fail(
    target: Target, root: str, label: str, request: pytest.FixtureRequest
) -> None:
    known_failure(request, target, f"{label}:{root}")
    operation = target.operations[root]
    values = class_variables(operation, label)
    # As the admin (the write paths) and as the customer role (the denial paths).
    for token in (target.tokens[0], target.tokens[-1]):
        problem = await send(
            target,
            "POST",
            json={"query": operation.text, "variables": values},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert problem is None, f"{root} {values!r}: {problem}"


INTROSPECTION_DEEP = (
    "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name }"
    " } } } } } } } } }"
)
FRAGMENT_CYCLE = "{ me { ...A } } fragment A on Me { ...B } fragment B on Me { ...A }"


def _malformed(query: str) -> list[tuple[str, dict[str, Any]]]:
    """(label, httpx request arguments) for every malformed body class."""
    deep = "query { me { " * 60 + "subject" + " }" * 60
    aliases = "query { " + " ".join(f"a{i}: me {{ subject }}" for i in range(2000)) + " }"
    huge = b'{"query": "' + b"a" * 2_000_000 + b'"}'
    nested = json.loads("[" * 500 + "]" * 500)

    def raw(body: bytes, content_type: str = "application/json") -> dict[str, Any]:
        return {"content": body, "headers": {"Content-Type": content_type}}

    def post(**body: Any) -> dict[str, Any]:
        return {"json": body}

    return [
        ("empty body", raw(b"")),
        ("not json", raw(b"{query:")),
        ("json array (batch)", raw(b'[{"query": "{ me { subject } }"}]')),
        ("json string", raw(b'"{ me { subject } }"')),
        ("json null", raw(b"null")),
        ("query not a string", post(query=42)),
        ("query missing", post(variables={})),
        ("query null", post(query=None)),
        ("variables a list", post(query=query, variables=[1])),
        ("variables a string", post(query=query, variables="{}")),
        ("operationName a number", post(query=query, operationName=7)),
        ("operationName unknown", post(query=query, operationName="Nope")),
        ("extensions a list", post(query=query, extensions=[])),
        ("NUL in the query", post(query="{ me { subject\x00 } }")),
        ("invalid UTF-8", raw(b'{"query": "{ me \xff\xfe }"}')),
        ("lone surrogate", raw(b'{"query": "\\ud800"}')),
        ("syntax error", post(query="{ me { ")),
        ("unknown field", post(query="{ nope }")),
        ("too deep", post(query=deep)),
        ("too many aliases", post(query=aliases)),
        ("huge body", raw(huge)),
        (
            "huge integer literal",
            post(query="{ customers(first: 99999999999999999999) { totalCount } }"),
        ),
        ("negative first", post(query="{ customers(first: -5) { totalCount } }")),
        ("forged cursor", post(query='{ customers(after: "bm90LWEtY3Vyc29y") { totalCount } }')),
        ("deeply nested JSON variables", post(query=query, variables=nested)),
        ("wrong content type", raw(b"{ me { subject } }", "text/plain")),
        ("graphql content type", raw(b"{ me { subject } }", "application/graphql")),
        ("form body", {"data": {"query": query}}),
        (
            "mutation over GET",
            {"method": "GET", "params": {"query": "mutation { reloadPolicy { files } }"}},
        ),
        ("GET with bad variables", {"method": "GET", "params": {"query": query, "variables": "{"}}),
        ("subscription", post(query="subscription { me }")),
        ("two anonymous operations", post(query="{ me { subject } } { me { subject } }")),
        ("fragment cycle", post(query=FRAGMENT_CYCLE)),
        ("undefined variable in a directive", post(query="{ me @skip(if: $x) { subject } }")),
        ("introspection depth", post(query=INTROSPECTION_DEEP)),
    ]


@pytest.mark.parametrize("label", [label for label, _ in _malformed("")])
async def test_no_malformed_request_makes_the_server_fail(
    target: Target, label: str, request: pytest.FixtureRequest
) -> None:
    known_failure(request, target, label)
    cases = dict(_malformed("{ me { subject } }"))
    arguments = dict(cases[label])
    method = arguments.pop("method", "POST")
    headers = {"Authorization": f"Bearer {target.tokens[0]}", **arguments.pop("headers", {})}
    problem = await send(target, method, headers=headers, **arguments)
    assert problem is None, f"{label}: {problem}"


def test_the_fuzzer_reached_every_root_field(
    target: Target, capsys: pytest.CaptureFixture[str]
) -> None:
    # Runs after the fuzz cases of this backend (same module, same fixture instance).
    assert set(target.operations) == set(root_fields())
    with capsys.disabled():
        print(f"\nfuzz: {target.cases} generated cases over {len(target.operations)} root fields")
