"""`node(id:)` / `nodes(ids:)` show exactly what the ordinary fields show, for every role.

An all-seeing principal collects the global id of every object the ordinary fields reach (the
Node types are read from the schema by introspection, so a new one cannot be forgotten: it
must be collected and round-trip). Then every role asks `nodes(ids:)` for all of them: each
object it gets must be one its own ordinary query shows, with the same field values (trimmed
the same way), and each object its ordinary query shows must come back. On both stores.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from graphql import GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema, is_leaf_type
from graphql import GraphQLNonNull as NonNull
from sqlalchemy import insert

from core.settings import REPO_ROOT
from demo.seed import seed
from devservices.postgres import create_database, drop_database
from gateway.auth import mint_token
from policies.enforcer import PolicyEngine
from schema.node import decode_global_id, global_id
from schema.node_query import MAX_NODES
from store.db import create_engine
from store.migrate import async_upgrade
from store.models import Attachment
from tests.fixtures.app import sqlite_settings
from tests.fixtures.upstreams import DEMO_SEED, FAST
from tests.security.widest import introspection_query, schema_from_introspection
from tests.security.world import LIMITS, ROLES, cast, gateway, principal_for

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[pytest.mark.postgres, pytest.mark.opensearch]),
]
# Objects per type and customer asked for (every one of a big customer's orders adds nothing).
PER_TYPE = 12

CUSTOMER_FIELDS = """
  ...F_Customer360
  notes(first: 100) { edges { node {
    ...F_Note history(first: 100) { edges { node { ...F_NoteRevision } } }
  } } }
  interactions(first: 100) { edges { node { ...F_Interaction } } }
  followUps(first: 100) { edges { node { ...F_FollowUp } } }
  riskFlags(first: 100) { edges { node { ...F_RiskFlag } } }
  attachments(first: 100) { edges { node { ...F_Attachment } } }
  audit(first: 100) { edges { node { ...F_AuditEntry } } }
  orders(first: 100) { edges { node {
    ...F_Order deliveries { ...F_Delivery } installations { ...F_Installation }
  } } }
  invoices(first: 100) { edges { node { ...F_Invoice } } }
  payments(first: 100) { edges { node { ...F_Payment } } }
  tickets(first: 100) { edges { node { ...F_Ticket } } }
  timeline(first: 100) { edges { node { ...F_TimelineEntry } } }
  referrals(first: 100) { edges { node { ...F_CustomerRef } } }
  referredBy { ...F_CustomerRef }
"""
# One request each: a root a role may not read nulls the whole answer.
CUSTOMERS = "query Customers { customers(first: 100) { edges { node {" + CUSTOMER_FIELDS + "} } } }"
INTAKE = """
query Intake { intakeFailures(first: 100, includeResolved: true) { edges { node {
  ...F_IntakeFailure
} } } }
"""
CHOICES = """
query Choices {
  outcomes: choices(list: OUTCOME, includeRetired: true) { ...F_Choice }
  moods: choices(list: MOOD, includeRetired: true) { ...F_Choice }
}
"""
# An agent's ordinary path is the picker (and the caller's own record): `node(id:)` shows an
# agent only where the policy shows it in full, not merely because a readable record names it
# (a note's `author` may show a name only), so record-named agents are not collected.
ME = "query Me { me { agent { ...F_Agent } } }"
# Every page of the paged roots: reads append denial rows to the audit log, so a first page
# alone would drift between requests.
PAGED = {
    "auditLog": """
query Audit($after: String) { auditLog(first: 100, after: $after) {
  edges { node { ...F_AuditEntry } } pageInfo { endCursor hasNextPage }
} }
""",
    "agents": """
query Agents($after: String) { agents(first: 100, after: $after, includeInactive: true) {
  edges { node { ...F_Agent } } pageInfo { endCursor hasNextPage }
} }
""",
}
NODES = "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ...F_All } }"

Key = tuple[str, str]  # (type name, global id)


def node_types(schema: GraphQLSchema) -> dict[str, list[str]]:
    """Every type implementing Node and its leaf fields without required arguments."""
    node = schema.type_map["Node"]
    assert isinstance(node, GraphQLInterfaceType)
    types: dict[str, list[str]] = {}
    for type_ in schema.get_possible_types(node):
        assert isinstance(type_, GraphQLObjectType)
        types[type_.name] = sorted(
            name
            for name, field_ in type_.fields.items()
            if is_leaf_type(_named(field_.type))
            and not any(isinstance(arg.type, NonNull) for arg in field_.args.values())
        )
    return types


def _named(type_: Any) -> Any:
    while hasattr(type_, "of_type"):
        type_ = type_.of_type
    return type_


def fragments(types: dict[str, list[str]]) -> dict[str, str]:
    """`F_<Type>` with the type's leaf fields, and `F_All` spreading every one on Node."""
    found = {
        f"F_{name}": f"fragment F_{name} on {name} {{ __typename id {_aliased(name, fields)} }}"
        for name, fields in types.items()
    }
    spreads = " ".join(f"...F_{name}" for name in types)
    return found | {"F_All": f"fragment F_All on Node {{ {spreads} }}"}


def _aliased(type_name: str, fields: list[str]) -> str:
    # One alias per type: `tags` is [String!] on one type and [String!]! on another, and
    # fields of one name and different types may not meet in one selection.
    return " ".join(f"{type_name}_{name}: {name}" for name in fields if name != "id")


def with_fragments(query: str, known: dict[str, str]) -> str:
    """The query and the fragments it spreads (an unused fragment is invalid)."""
    text, used = query, set()
    while True:
        spread = set(re.findall(r"\.\.\.(F_\w+)", text))
        new = {name for name in known if name not in used and name in spread}
        if not new:
            return text
        used |= new
        text += "\n" + "\n".join(known[name] for name in sorted(new))


# Counted by every read of orders (each request sights the failed payloads again).
VOLATILE = {"IntakeFailure_occurrences", "IntakeFailure_lastSeenAt"}


def _leaves(type_name: str, value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k.startswith(f"{type_name}_") and k not in VOLATILE}


def _as_ordinary(key: Key, ordinary: dict[Key, dict[str, Any]]) -> dict[str, Any] | None:
    """The object as the role's ordinary queries show it, or None when they do not.

    A CustomerRef is shown where a reachable customer refers to it; by policy it is any
    customer the role reaches, so the customer itself stands for it.
    """
    if key in ordinary or key[0] != "CustomerRef":
        return ordinary.get(key)
    decoded = decode_global_id(key[1])
    assert decoded is not None
    customer = ordinary.get(("Customer360", global_id("Customer360", decoded[1])))
    if customer is None:
        return None
    return {"CustomerRef_customerId": decoded[1], "CustomerRef_name": customer["Customer360_name"]}


def objects(value: Any, types: dict[str, list[str]], found: dict[Key, dict[str, Any]]) -> None:
    """Collect every Node object of an answer, keyed by (type, id), with its leaf fields."""
    if isinstance(value, dict):
        name = value.get("__typename")
        if name in types and value.get("id"):
            leaves = _leaves(name, value)
            key = (name, value["id"])
            assert found.get(key, leaves) == leaves, f"{key} differs between two places"
            found[key] = leaves
        for item in value.values():
            objects(item, types, found)
    elif isinstance(value, list):
        for item in value:
            objects(item, types, found)


@dataclass
class NodeWorld:
    http: httpx.AsyncClient
    types: dict[str, list[str]]
    fragments: dict[str, str]
    tokens: dict[str, str]
    # What the all-seeing principal's ordinary query shows: a sample per type and customer.
    everything: dict[Key, dict[str, Any]] = field(default_factory=dict)

    async def call(self, role: str, query: str, **variables: Any) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql",
            json={"query": with_fragments(query, self.fragments), "variables": variables},
            headers={"Authorization": f"Bearer {self.tokens[role]}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def ordinary(self, role: str) -> dict[Key, dict[str, Any]]:
        """The Node objects the role's ordinary queries show."""
        found: dict[Key, dict[str, Any]] = {}
        for query in (CUSTOMERS, INTAKE, CHOICES, ME):
            objects((await self.call(role, query)).get("data"), self.types, found)
        for root, query in PAGED.items():
            after = None
            while True:
                page = ((await self.call(role, query, after=after)).get("data") or {}).get(root)
                if page is None:
                    break
                objects(page, self.types, found)
                if not page["pageInfo"]["hasNextPage"]:
                    break
                after = page["pageInfo"]["endCursor"]
        return found

    async def by_node(self, role: str, ids: list[str]) -> tuple[list[Any], list[Any]]:
        """`nodes(ids:)` as the role, in pages of the allowed size; answers and errors."""
        answers: list[Any] = []
        errors: list[Any] = []
        for start in range(0, len(ids), MAX_NODES):
            body = await self.call(role, NODES, ids=ids[start : start + MAX_NODES])
            assert body.get("data"), body
            answers += body["data"]["nodes"]
            errors += body.get("errors") or []
        return answers, errors


PLANT_NOTE = """
mutation C($input: CreateNoteInput!) { createNote(input: $input) { note { id version } errors { code } } }
"""  # noqa: E501
EDIT_NOTE = """
mutation U($input: UpdateNoteInput!) { updateNote(input: $input) { note { id } errors { code } } }
"""
FLAG = """
mutation F($c: ID!) { raiseRiskFlag(customerId: $c, kind: MANUAL_FLAG, reason: "Watch") { errors { code } } }
"""  # noqa: E501


async def plant(world: NodeWorld, main: str) -> None:
    """A note per scope with a follow-up and an edit, a risk flag (all audited)."""
    due = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    for scope in ("INTERNAL", "SALES", "SUPPORT", "FINANCE", "RESTRICTED", "CUSTOMER", "BRANCH"):
        note_input = {
            "customerId": main, "subject": f"About {scope}", "body": "Called back.",
            "category": "GENERAL", "type": "INTERACTION_LOG", "scope": scope,
            "followUp": {"assigneeId": "agent-1", "dueAt": due},
        }  # fmt: skip
        created = (await world.call("admin", PLANT_NOTE, input=note_input))["data"]["createNote"]
        assert not created["errors"], created
        edit = {"id": created["note"]["id"], "expectedVersion": 1, "subject": f"Re {scope}"}
        edited = (await world.call("admin", EDIT_NOTE, input=edit))["data"]["updateNote"]
        assert not edited["errors"], edited
    # A note edited while restricted, then moved to support: its edits hold restricted text
    # that support may not read, although support reads the note now.
    await rescoped_note(world, main)
    flagged = (await world.call("admin", FLAG, c=main))["data"]["raiseRiskFlag"]
    assert not flagged["errors"], flagged


async def rescoped_note(world: NodeWorld, main: str) -> None:
    """Restricted, edited twice while restricted, then moved to the support scope."""
    note_input = {
        "customerId": main, "subject": "Restricted at first", "body": "Private.",
        "category": "GENERAL", "type": "INTERACTION_LOG", "scope": "RESTRICTED",
    }  # fmt: skip
    created = (await world.call("admin", PLANT_NOTE, input=note_input))["data"]["createNote"]
    assert not created["errors"], created
    note_id = created["note"]["id"]
    edits = [{"body": "Still private."}, {"body": "Private again."}, {"scope": "SUPPORT"}]
    for version, change in enumerate(edits, start=1):
        edit = {"id": note_id, "expectedVersion": version, **change}
        edited = (await world.call("admin", EDIT_NOTE, input=edit))["data"]["updateNote"]
        assert not edited["errors"], edited


@pytest.fixture(scope="module", params=BACKENDS)
async def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[NodeWorld]:
    """A seeded gateway, planted and collected by the all-seeing principal."""
    backend: str = request.param
    directory = tmp_path_factory.mktemp(f"nodes-{backend}")
    resilience = FAST.model_copy(update={"timeout_seconds": 5.0})
    upstreams = request.getfixturevalue("demo_upstreams_sqlite").config.with_resilience(resilience)
    admin_dsn = None
    overrides: dict[str, Any] = dict(LIMITS)
    if backend == "postgres":
        admin_dsn = request.getfixturevalue("postgres_server").admin_dsn
        name = f"c360_nodes_{uuid.uuid4().hex[:10]}"
        url = await create_database(admin_dsn, name)
        overrides["opensearch_url"] = request.getfixturevalue("opensearch_server").url
        overrides["opensearch_index_prefix"] = f"c360-nodes-{uuid.uuid4().hex[:8]}"
    else:
        url = f"sqlite+aiosqlite:///{directory / 'store.db'}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        await seed(engine, customers=20, notes=60, seed=DEMO_SEED)
        c = await cast(engine)
        async with engine.begin() as connection:
            await connection.execute(
                insert(Attachment),
                [
                    {"id": f"att-{i}", "note_id": None, "customer_id": customer,
                     "file_name": f"scan-{i}.pdf", "content_type": "application/pdf",
                     "size_bytes": 1024, "sha256": "0" * 64, "storage_key": f"k/{i}",
                     "uploaded_by": "agent-1", "uploaded_at": datetime.now(UTC)}
                    for i, customer in enumerate((c.main, c.other))
                ],
            )  # fmt: skip
        # The sweep spends far more than one principal's rate-limit budget on purpose:
        # it measures leaks, not throttling (tests/gateway/test_rate_limits.py does that).
        overrides["rate_limit_enabled"] = False
        settings = sqlite_settings(directory, database_url=url, **overrides)
        policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
        tokens = {}
        for role in ROLES:
            p = principal_for(role, c)
            assert policy.compile(p) is not None
            tokens[role] = mint_token(
                settings, subject=p.subject, roles=p.roles, branches=p.branches,
                partner=p.partner, customer=p.customer,
            )  # fmt: skip
        async with gateway(settings, upstreams) as http:
            answer = await http.post(
                "/graphql",
                json={"query": introspection_query()},
                headers={"Authorization": f"Bearer {tokens['owner']}"},
            )
            types = node_types(schema_from_introspection(answer.json()["data"]))
            built = NodeWorld(http, types, fragments(types), tokens)
            await plant(built, c.main)
            await built.ordinary("owner")  # reading orders records the intake failures
            built.everything = _sample(await built.ordinary("owner"))
            yield built
    finally:
        await engine.dispose()
        if admin_dsn is not None:
            await drop_database(admin_dsn, name)


def _sample(found: dict[Key, dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    """At most PER_TYPE objects per type and customer (the customer is in composite keys)."""
    kept: dict[Key, dict[str, Any]] = {}
    counts: dict[tuple[str, str], int] = {}
    for key, leaves in sorted(found.items()):
        decoded = decode_global_id(key[1])
        assert decoded is not None, key
        assert decoded[0] == key[0], key
        owner = str(leaves.get(f"{key[0]}_customerId") or decoded[1].split(":")[0])
        bucket = (key[0], owner)
        counts[bucket] = counts.get(bucket, 0) + 1
        if counts[bucket] <= PER_TYPE:
            kept[key] = leaves
    return kept


def test_every_node_type_is_collected_and_ids_are_unique(world: NodeWorld) -> None:
    collected = {type_name for type_name, _ in world.everything}
    assert collected == set(world.types), f"not collected: {set(world.types) - collected}"
    ids = [global_id for _, global_id in world.everything]
    assert len(ids) == len(set(ids))


async def test_node_round_trips_every_type(world: NodeWorld) -> None:
    """Each type's first object through `node(id:)` is the object the ordinary path shows."""
    firsts: dict[str, Key] = {}
    for key in world.everything:
        firsts.setdefault(key[0], key)
    for type_name, key in sorted(firsts.items()):
        body = await world.call(
            "owner", "query N($id: ID!) { node(id: $id) { ...F_All } }", id=key[1]
        )
        assert body.get("errors") is None, body
        assert body["data"]["node"]["id"] == key[1]
        assert _leaves(type_name, body["data"]["node"]) == world.everything[key], type_name


@pytest.mark.parametrize("role", ROLES)
async def test_nodes_show_a_role_exactly_what_its_ordinary_fields_show(
    world: NodeWorld, role: str
) -> None:
    ids = [global_id for _, global_id in world.everything]
    answers, errors = await world.by_node(role, ids)
    ordinary = await world.ordinary(role)

    # Field-level FORBIDDEN and upstream failures, as on the ordinary path; nothing else.
    codes = {error["extensions"]["code"] for error in errors}
    assert codes <= {"FORBIDDEN", "BAD_UPSTREAM_DATA"}, errors[:5]
    assert len(answers) == len(ids)
    shown = 0
    for key, answer in zip(world.everything, answers, strict=True):
        expected = _as_ordinary(key, ordinary)
        if answer is None:
            assert expected is None, f"{role}: {key} is shown ordinarily but not by node"
            continue
        shown += 1
        assert expected is not None, f"{role} sees {key} by node only"
        assert _leaves(key[0], answer) == expected, f"{role}: {key} differs from ordinary"
    if role == "owner":
        assert shown == len(ids)
