"""People as objects: every id that names a person has an `Agent` sibling, read in one batch,
trimmed by policy; the `agents` picker pages, matches and obeys the same policy.

In process on the seeded demo store (SQLite and PostgreSQL), with the request's real loaders.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import graphql
import pytest
from sqlalchemy import event, insert, select, update
from sqlalchemy.engine import Connection

from policies.principal import Principal
from schema import build_schema, render_sdl
from schema.agents import deprecated_id
from store.models import Agent, AuditLog, Customer, Note, NoteRevision
from store.models.base import utcnow
from tests.fixtures.seeded import SeededStore

ADMIN = Principal(subject="agent-1", roles=("admin",))
SALES = Principal(subject="agent-8", roles=("sales",))
BRANCH = Principal(subject="agent-9", roles=("branch",), branches=("branch-1",))
PARTNER = Principal(subject="portal-2", roles=("partner",), partner="partner-2")
CUSTOMER = Principal(subject="cust-00002", roles=("customer",), customer="cust-00002")
# Owner and executive author nothing in the demo data: editors only they are are new keys.
OUTSIDE_EDITORS = ("agent-20", "agent-21")

# Id fields (ending in Id/By) that name something other than a person.
NOT_PEOPLE = {
    "customerId", "noteId", "interactionId", "branchId", "partnerId", "referredById",
    "targetId", "requestId", "refId",
}  # fmt: skip
# Person-naming fields whose names do not end in Id/By, and their Agent siblings.
OTHER_PEOPLE = {
    ("AuditEntry", "actor"): "actorAgent",
    ("IntakeFailure", "resolvedBy"): "resolvedByAgent",
    ("ReportRow", "key"): "agent",
    ("NoteCreationTimes", "key"): "agent",
    ("FacetBucket", "value"): "agent",
}


def sibling(name: str) -> str:
    """The Agent field expected beside a person's id field."""
    return name[: -len("Id")] if name.endswith("Id") else f"{name}Agent"


def own_key(kind: graphql.GraphQLObjectType) -> str | None:
    """The raw key of a Node type (`agentId` on Agent, `followUpId` on FollowUp): its own id."""
    if not any(interface.name == "Node" for interface in kind.interfaces):
        return None
    return f"{kind.name[0].lower()}{kind.name[1:]}Id"


def person_fields(schema: graphql.GraphQLSchema) -> dict[tuple[str, str], str]:
    """(type, id field) → its expected Agent sibling, for every object type of the schema.

    Connection and edge types are object types of the map too, so a person named inside a
    connection's node is found on the node's type; a Node type's own raw key is no person
    it names (`Agent.agentId` is the agent itself).
    """
    found = dict(OTHER_PEOPLE)
    for name, kind in schema.type_map.items():
        if name.startswith("__") or not isinstance(kind, graphql.GraphQLObjectType):
            continue
        for field, definition in kind.fields.items():
            is_id = graphql.is_leaf_type(graphql.get_named_type(definition.type))
            if field == own_key(kind):
                continue
            if is_id and field.endswith(("Id", "By")) and field not in NOT_PEOPLE:
                found[(name, field)] = sibling(field)
    return found


def test_every_field_naming_a_person_has_an_agent_sibling() -> None:
    # Given the schema as served (introspected, not read from the source)
    schema = graphql.build_client_schema(
        graphql.graphql_sync(
            graphql.build_schema(render_sdl()), graphql.get_introspection_query()
        ).data  # type: ignore[arg-type]
    )

    missing, deprecated = [], []
    for (type_name, field), agent in sorted(person_fields(schema).items()):
        kind = schema.get_type(type_name)
        assert isinstance(kind, graphql.GraphQLObjectType)
        target = kind.fields.get(agent)
        if target is None or graphql.get_named_type(target.type).name != "Agent":
            missing.append(f"{type_name}.{field} -> {agent}")
            continue
        # The object is nullable: a hidden or unknown person is null, never an error.
        assert not graphql.is_non_null_type(target.type), f"{type_name}.{agent}"
        reason = kind.fields[field].deprecation_reason
        # `actor` and `resolvedBy` also name jobs, so they stay; every other id is deprecated.
        kept = field in {"resolvedBy"} or not field.endswith(("Id", "By"))
        if not kept and reason != deprecated_id(agent):
            deprecated.append(f"{type_name}.{field}: {reason!r}")

    assert missing == []
    assert deprecated == []
    # The walk found what the issue lists (a sanity check on the walk itself).
    assert {("Note", "authorId"), ("NoteRevision", "editorId"), ("FollowUp", "assigneeId"),
            ("FollowUp", "completedBy"), ("FollowUp", "cancelledBy"), ("RiskFlag", "raisedBy"),
            ("RiskFlag", "clearedBy"), ("Interaction", "loggedBy"), ("AgentReview", "agentId"),
            ("AgentDayCount", "agentId"), ("Customer360", "ownerAgentId")} <= set(
        person_fields(schema)
    )  # fmt: skip
    # Raw keys of Node types are skipped by name, not by accident: the people's ids stay in.
    assert {("Agent", "agentId"), ("FollowUp", "followUpId"), ("Note", "noteId")}.isdisjoint(
        person_fields(schema)
    )
    agent_type = schema.get_type("Agent")
    assert isinstance(agent_type, graphql.GraphQLObjectType)
    assert own_key(agent_type) == "agentId"
    assert "agentId" in agent_type.fields
    # Lists of people's records are connections now; the walk reaches their nodes' types.
    connection = schema.get_type("NoteConnection")
    assert isinstance(connection, graphql.GraphQLObjectType)
    edge = graphql.get_named_type(connection.fields["edges"].type)
    assert isinstance(edge, graphql.GraphQLObjectType)
    assert graphql.get_named_type(edge.fields["node"].type).name == "Note"


def global_id(agent_id: str) -> str:
    """An agent's global id (base64 of `Agent:<key>`, the Relay convention)."""
    return base64.b64encode(f"Agent:{agent_id}".encode()).decode()


def nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    """The nodes of one complete connection page (a truncated page would hide people)."""
    assert connection["pageInfo"]["hasNextPage"] is False, connection["pageInfo"]
    return [edge["node"] for edge in connection["edges"]]


async def run(store: SeededStore, principal: Principal, query: str, **variables: Any) -> Any:
    """Execute in process as `principal`; fail on any error."""
    result = await build_schema(store.settings).execute(
        query, variable_values=variables, context_value=store.context(principal)
    )
    assert result.errors is None, result.errors
    return result.data


@contextmanager
def agent_queries(store: SeededStore) -> Iterator[list[str]]:
    """Record every SQL statement that reads the agents table."""
    statements: list[str] = []

    def record(conn: Connection, cursor: Any, statement: str, *args: Any) -> None:
        if "FROM agents" in statement:
            statements.append(statement)

    event.listen(store.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(store.engine.sync_engine, "before_cursor_execute", record)


@pytest.fixture(scope="module")
async def edited(seeded_store: SeededStore) -> SeededStore:
    """The seeded store with notes edited by agents who author nothing (new agent keys)."""
    async with seeded_store.sessions() as session, session.begin():
        notes = list(await session.scalars(select(Note).order_by(Note.id).limit(30)))
        await session.execute(
            insert(NoteRevision),
            [
                {
                    "note_id": note.id,
                    "version": note.version + 100,
                    "editor_id": OUTSIDE_EDITORS[i % 2],
                    "edited_at": utcnow(),
                    "before": {"pinned": False},
                    "after": {"pinned": False},
                    "scope_before": note.scope,
                    "scope_after": note.scope,
                }
                for i, note in enumerate(notes)
            ],
        )
    return seeded_store


NOTES_WITH_PEOPLE = """
{ customers(first: 20) { edges { node {
    notes(first: 50) { pageInfo { hasNextPage } edges { node {
      authorId author { id agentId name }
      history(first: 10) { pageInfo { hasNextPage } edges { node {
        editorId editor { id agentId name }
      } } }
    } } }
} } } }
"""


async def test_a_page_of_notes_with_authors_and_editors_reads_agents_once(
    edited: SeededStore,
) -> None:
    # When every note of 20 customers is read with its author and its editors
    with agent_queries(edited) as statements:
        data = await run(edited, ADMIN, NOTES_WITH_PEOPLE)

    notes = [n["node"] for e in data["customers"]["edges"] for n in e["node"]["notes"]["edges"]]
    revisions = {id(n): nodes(n["history"]) for n in notes}
    editors = {r["editorId"] for n in notes for r in revisions[id(n)]}
    authors = {n["authorId"] for n in notes}
    # Then the page is big, names editors who author nothing, and every person resolved...
    assert len(notes) >= 50
    assert set(OUTSIDE_EDITORS) <= editors - authors
    assert all(n["author"]["agentId"] == n["authorId"] for n in notes)
    assert all(r["editor"]["agentId"] == r["editorId"] for n in notes for r in revisions[id(n)])
    # (`id` is the agent's global id, the same one wherever the agent appears.)
    people = [n["author"] for n in notes] + [r["editor"] for n in notes for r in revisions[id(n)]]
    assert all(p["id"] == global_id(p["agentId"]) for p in people)
    # ...from one query of the agents table.
    assert len(statements) == 1, statements


PEOPLE = """
query P($c: ID!) { customer(id: $c) {
  ownerAgentId ownerAgent { id agentId name email role branchId active }
  notes(first: 100) { pageInfo { hasNextPage } edges { node {
    authorId author { id agentId name email role branchId active }
  } } }
} }
"""


def _people(data: dict[str, Any]) -> list[dict[str, Any]]:
    customer = data["customer"]
    return [customer["ownerAgent"], *(n["author"] for n in nodes(customer["notes"]))]


async def test_staff_see_staff_in_full_with_email(seeded_store: SeededStore) -> None:
    data = await run(seeded_store, SALES, PEOPLE, c="cust-00002")
    people = [p for p in _people(data) if p is not None]
    assert people
    assert all(p["email"] and p["role"] and p["active"] for p in people)


async def test_portals_see_only_the_names_of_people_on_their_records(
    seeded_store: SeededStore,
) -> None:
    for principal in (PARTNER, CUSTOMER):
        data = await run(seeded_store, principal, PEOPLE, c="cust-00002")
        people = [p for p in _people(data) if p is not None]
        # cust-00002's owner agent is shown by name; so is every author of a visible note
        assert data["customer"]["ownerAgent"]["name"]
        assert all(p["name"] for p in people)
        assert all(p[k] is None for p in people for k in ("email", "role", "branchId", "active"))


async def test_the_branch_role_sees_its_branch_in_full_and_other_authors_by_name(
    seeded_store: SeededStore,
) -> None:
    # Given a note the branch role reads, written by an agent of no branch (support)
    async with seeded_store.sessions() as session, session.begin():
        branch_1 = set(await session.scalars(select(Agent.id).where(Agent.branch_id == "branch-1")))
        note = await session.scalar(
            select(Note)
            .join(Customer, Customer.id == Note.customer_id)
            .where(Customer.branch_id == "branch-1", Note.scope == "internal")
            .order_by(Note.id)
            .limit(1)
        )
        assert note is not None
        note_id, author = note.id, note.author_id
        note.author_id = "agent-4"
    try:
        data = await run(
            seeded_store,
            BRANCH,
            "{ customers(first: 20) { edges { node { notes(first: 100) {"
            " pageInfo { hasNextPage } edges { node { author { agentId name email } } } } } } } }",
        )
    finally:
        async with seeded_store.sessions() as session, session.begin():
            await session.execute(update(Note).where(Note.id == note_id).values(author_id=author))
    authors = [n["author"] for e in data["customers"]["edges"] for n in nodes(e["node"]["notes"])]
    inside = [a for a in authors if a["agentId"] in branch_1]
    outside = [a for a in authors if a["agentId"] not in branch_1]
    assert inside
    assert outside
    assert all(a["email"] for a in inside)
    assert all(a["name"] and a["email"] is None for a in outside)


ME = "{ me { subject agent { id agentId name email role } } }"


async def test_me_is_the_caller_s_own_agent(seeded_store: SeededStore) -> None:
    mine = (await run(seeded_store, BRANCH, ME))["me"]["agent"]
    assert mine["agentId"] == "agent-9"
    assert mine["id"] == global_id("agent-9")
    assert mine["email"]
    assert mine["role"] == "BRANCH"
    # A portal's subject is no agent; a partner token naming an agent's id gets no record.
    assert (await run(seeded_store, PARTNER, ME))["me"]["agent"] is None
    impostor = Principal(subject="agent-2", roles=("partner",), partner="partner-2")
    assert (await run(seeded_store, impostor, ME))["me"]["agent"] is None


async def test_a_job_actor_is_a_null_agent(seeded_store: SeededStore) -> None:
    # Given audit rows written by a job and by an agent
    async with seeded_store.sessions() as session, session.begin():
        session.add_all(
            [
                AuditLog(actor="system:intake", action="intake.scan", at=utcnow()),
                AuditLog(actor="agent-7", action="intake.redrive", at=utcnow()),
            ]
        )
    data = await run(
        seeded_store,
        ADMIN,
        "{ auditLog(first: 100) { edges { node { action actor actorAgent { agentId } } } } }",
    )
    entries = {e["node"]["action"]: e["node"] for e in data["auditLog"]["edges"]}
    # Then the job keeps its id and has no Agent; the agent has both
    assert entries["intake.scan"]["actor"] == "system:intake"
    assert entries["intake.scan"]["actorAgent"] is None
    assert entries["intake.redrive"]["actorAgent"] == {"agentId": "agent-7"}
    # A report key that is no agent id (grouped by type) is a null agent, never an error.
    report = (
        "{ noteReport(groupBy: %s) {"
        " pageInfo { hasNextPage } edges { node { key agent { agentId } } } } }"
    )
    rows = nodes((await run(seeded_store, ADMIN, report % "TYPE"))["noteReport"])
    assert rows
    assert all(row["agent"] is None for row in rows)
    rows = nodes((await run(seeded_store, ADMIN, report % "AGENT"))["noteReport"])
    assert rows
    assert all(row["agent"]["agentId"] == row["key"] for row in rows)


AGENTS = """
query A($q: String, $first: Int!, $after: String, $all: Boolean!) {
  agents(query: $q, first: $first, after: $after, includeInactive: $all) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id agentId name email role branchId active } }
  }
}
"""


async def picker(
    store: SeededStore, principal: Principal, **variables: Any
) -> list[dict[str, Any]]:
    """Every page of `agents`, followed to the end; checks totalCount against the pages."""
    args = {"q": None, "first": 5, "after": None, "all": False} | variables
    nodes: list[dict[str, Any]] = []
    total = None
    while True:
        page = (await run(store, principal, AGENTS, **args))["agents"]
        total = page["totalCount"] if total is None else total
        assert page["totalCount"] == total
        nodes += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        args["after"] = page["pageInfo"]["endCursor"]
    assert len(nodes) == total
    return nodes


async def test_the_picker_pages_every_active_agent_in_name_order(
    seeded_store: SeededStore,
) -> None:
    async with seeded_store.sessions() as session:
        rows = list(await session.scalars(select(Agent).where(Agent.active.is_(True))))
    nodes = await picker(seeded_store, SALES)
    assert [n["agentId"] for n in nodes] == [
        a.id for a in sorted(rows, key=lambda a: (a.name, a.id))
    ]


async def test_the_picker_matches_names_and_emails_case_insensitively(
    seeded_store: SeededStore,
) -> None:
    assert {n["agentId"] for n in await picker(seeded_store, SALES, q="BROWN")} == {
        "agent-8",
        "agent-9",
    }
    assert {n["agentId"] for n in await picker(seeded_store, SALES, q="o'liver")} == {"agent-9"}
    by_email = await picker(seeded_store, SALES, q="KOFI.WILSON@STAFF")
    assert [n["agentId"] for n in by_email] == ["agent-1"]


async def test_the_picker_hides_inactive_agents_unless_asked(seeded_store: SeededStore) -> None:
    async with seeded_store.sessions() as session, session.begin():
        await session.execute(update(Agent).where(Agent.id == "agent-5").values(active=False))
    try:
        assert "agent-5" not in {n["agentId"] for n in await picker(seeded_store, SALES)}
        everyone = await picker(seeded_store, SALES, all=True)
        assert {n["agentId"]: n["active"] for n in everyone if not n["active"]} == {
            "agent-5": False
        }
    finally:
        async with seeded_store.sessions() as session, session.begin():
            await session.execute(update(Agent).where(Agent.id == "agent-5").values(active=True))


async def test_the_picker_is_trimmed_by_policy(seeded_store: SeededStore) -> None:
    branch = await picker(seeded_store, BRANCH)
    assert branch
    assert {n["branchId"] for n in branch} == {"branch-1"}
    # The branch role does not find an agent of another branch by name or email either.
    assert await picker(seeded_store, BRANCH, q="Olivia Mensah") == []
    # Portals pick nobody, and learn nothing from the count.
    for principal in (PARTNER, CUSTOMER):
        page = await run(seeded_store, principal, AGENTS, q=None, first=5, after=None, all=True)
        assert page["agents"] == {
            "totalCount": 0,
            "pageInfo": {"hasNextPage": False, "endCursor": None},
            "edges": [],
        }


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"first": 0}, "first"),
        ({"first": 101}, "first"),
        ({"after": "not-a-cursor"}, "after"),
        ({"q": "x" * 201}, "query"),
        ({"q": "  ''  "}, "query"),
    ],
)
async def test_bad_picker_arguments_are_invalid(
    seeded_store: SeededStore, variables: dict[str, Any], field: str
) -> None:
    args = {"q": None, "first": 5, "after": None, "all": False} | variables
    result = await build_schema(seeded_store.settings).execute(
        AGENTS, variable_values=args, context_value=seeded_store.context(SALES)
    )
    assert result.errors is not None
    assert result.errors[0].extensions is not None
    assert result.errors[0].extensions["code"] == "INVALID", result.errors
