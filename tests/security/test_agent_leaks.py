"""People's email is personal data: a canary email planted on every agent appears only where
the policy shows it, for every role, on both backends.

Every agent's email is replaced by a unique canary; writes through the real mutations name
agents as authors, assignees, completers, raisers, clearers, loggers and audit actors; then
every principal runs documents that ask every `Agent` field of the schema (a test checks
they cover them all, so a new person field is swept without editing this
file) plus the `agents` picker. The oracle is the compiled `PolicyView`: an agent's email may
appear only with `agents:email` for an agent seen in full (every agent, or one of the token's
branches), or the caller's own with `agents:self`.
"""

from __future__ import annotations

import dataclasses
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import graphql
import pytest
from sqlalchemy import select, update

from datasources.registry import Upstreams
from policies.principal import Principal
from policies.view import PolicyView
from policies.vocabulary import Capability
from resolvers.upstream_loaders import UpstreamLoaders
from schema import render_sdl
from store.models import Agent, FollowUp, RiskFlag
from tests.fixtures.seeded import SeededStore

CUSTOMER = "cust-00002"  # branch-4, partner-2, owned by agent-17
PRINCIPALS = {
    "owner": Principal("agent-20", ("owner",)),
    "admin": Principal("agent-1", ("admin",)),
    "manager": Principal("agent-2", ("manager",)),
    "executive": Principal("agent-21", ("executive",)),
    "support": Principal("agent-4", ("support",)),
    "finance": Principal("agent-6", ("finance",)),
    "sales": Principal("agent-8", ("sales",)),
    "branch": Principal("agent-18", ("branch",), branches=("branch-4",)),
    "other-branch": Principal("agent-9", ("branch",), branches=("branch-1",)),
    "fulfillment": Principal("agent-7", ("fulfillment",)),
    "field": Principal("agent-19", ("field",)),
    "qa": Principal("agent-3", ("qa",)),
    "partner": Principal("portal-2", ("partner",), partner="partner-2"),
    # A portal token whose subject happens to be an agent's id: still no email.
    "partner-impostor": Principal("agent-17", ("partner",), partner="partner-2"),
    "customer": Principal(CUSTOMER, ("customer",), customer=CUSTOMER),
    "nobody": Principal("agent-5", ("superuser",)),
}

AGENT = "id agentId name email role branchId active"
PEOPLE = f"{{ {AGENT} }}"


def page(selection: str) -> str:
    """A connection's selection: its nodes, and whether a page is left (none may be)."""
    return f"{{ pageInfo {{ hasNextPage }} edges {{ node {{ {selection} }} }} }}"


# One document per root field: a root the caller may not use fails alone, not the others.
ROOTS = [
    f"me {{ agent {PEOPLE} }}",
    f"agents(first: 100, includeInactive: true) {page(AGENT)}",
    f"""customer(id: $c) {{
      ownerAgent {PEOPLE}
      profile {{ ownerAgent {PEOPLE} }}
      notes(first: 100) {page(f"author {PEOPLE} history(first: 100) {page(f'editor {PEOPLE}')}")}
      followUps(first: 100) {
        page(
            f"assignee {PEOPLE} author {PEOPLE} completedByAgent {PEOPLE} cancelledByAgent {PEOPLE}"
        )
    }
      riskFlags(first: 100) {page(f"raisedByAgent {PEOPLE} clearedByAgent {PEOPLE}")}
      interactions(first: 100) {page(f"loggedByAgent {PEOPLE}")}
      attachments(first: 100) {page(f"uploadedByAgent {PEOPLE}")}
      audit(first: 100) {page(f"actorAgent {PEOPLE}")}
    }}""",
    f"auditLog(first: 100) {page(f'actorAgent {PEOPLE}')}",
    f"accessLog(first: 100) {page(f'agent {PEOPLE}')}",
    f"myFollowUps(includeCompleted: true, first: 100) {page(f'assignee {PEOPLE}')}",
    f"noteReport(groupBy: AGENT, first: 1000) {page(f'agent {PEOPLE}')}",
    f"noteCreationTimes(groupBy: AGENT, first: 1000) {page(f'agent {PEOPLE}')}",
    f"notesPerAgentPerDay(first: 1000) {page(f'agent {PEOPLE}')}",
    f"qaReport(first: 1000) {page(f'agent {PEOPLE} sample {{ author {PEOPLE} }}')}",
    f"""searchNotes(first: 50) {{ edges {{ node {{ author {PEOPLE} }} }}
      facets {{ authors {{ agent {PEOPLE} }} }} }}""",
    f"intakeFailures(first: 50, includeResolved: true) {page(f'resolvedByAgent {PEOPLE}')}",
]


def truncated(data: Any) -> bool:
    """Whether any connection of an answer left a page unread (the sweep would miss people)."""
    if isinstance(data, dict):
        return data.get("hasNextPage") is True or any(truncated(v) for v in data.values())
    return isinstance(data, list) and any(truncated(v) for v in data)


def document(root: str) -> str:
    """A query of one root field (declaring `$c` when it uses it)."""
    return f"query R($c: ID!) {{ {root} }}" if "$c" in root else f"{{ {root} }}"


def agent_fields(schema: graphql.GraphQLSchema) -> set[tuple[str, str]]:
    """Every (type, field) of the schema whose value is an Agent or a list of them."""
    return {
        (name, field)
        for name, kind in schema.type_map.items()
        if isinstance(kind, graphql.GraphQLObjectType) and not name.startswith("__")
        for field, definition in kind.fields.items()
        if graphql.get_named_type(definition.type).name == "Agent"
    }


def covered(schema: graphql.GraphQLSchema, document: str) -> set[tuple[str, str]]:
    """The (type, field) pairs returning Agent that the document asks for."""
    info = graphql.TypeInfo(schema)
    found: set[tuple[str, str]] = set()

    class Visitor(graphql.Visitor):
        def enter_field(self, node: graphql.FieldNode, *_: Any) -> None:
            parent, field = info.get_parent_type(), info.get_field_def()
            if parent and field and graphql.get_named_type(field.type).name == "Agent":
                found.add((parent.name, node.name.value))

    graphql.visit(graphql.parse(document), graphql.TypeInfoVisitor(info, Visitor()))
    return found


def test_the_documents_ask_every_agent_field_of_the_schema() -> None:
    schema = graphql.build_schema(render_sdl())
    asked: set[tuple[str, str]] = set()
    for root in ROOTS:
        assert not graphql.validate(schema, graphql.parse(document(root))), root
        asked |= covered(schema, document(root))
    assert agent_fields(schema) - asked == set()


def may_read_email(view: PolicyView, agent: Agent) -> bool:
    """The oracle, from the compiled policy: may this principal read this agent's email?"""
    own = agent.id == view.principal.subject and view.can(Capability.READ_OWN_AGENT)
    in_full = view.can(Capability.READ_ALL_AGENTS) or (
        view.can(Capability.READ_BRANCH_AGENTS) and agent.branch_id in view.principal.branches
    )
    return own or (in_full and view.can(Capability.READ_AGENT_EMAIL))


async def execute(
    store: SeededStore,
    principal: Principal,
    query: str,
    upstreams: Upstreams | None = None,
    **variables: Any,
) -> Any:
    """Run in process (with the demo upstreams, if given); return (data, errors)."""
    context = store.context(principal)
    if upstreams is not None:
        context = dataclasses.replace(context, upstream=UpstreamLoaders.create(upstreams))
    result = await store.schema.execute(query, variable_values=variables, context_value=context)
    return result.data, result.errors


async def write(store: SeededStore, query: str, **variables: Any) -> dict[str, Any]:
    """One mutation as admin; its payload (user errors fail the setup)."""
    data, errors = await execute(store, PRINCIPALS["admin"], query, **variables)
    assert errors is None, errors
    payload: dict[str, Any] = next(iter(data.values()))
    assert not payload.get("errors"), payload
    return payload


@pytest.fixture(scope="module")
async def planted(seeded_store: SeededStore) -> dict[str, Agent]:
    """Canary emails on every agent, and records that name agents in every role."""
    async with seeded_store.sessions() as session, session.begin():
        agents = list(await session.scalars(select(Agent)))
        for agent in agents:
            canary = f"canary-{agent.id}-{secrets.token_hex(4)}@mail.example"
            await session.execute(update(Agent).where(Agent.id == agent.id).values(email=canary))
    due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    follow_up = {"assigneeId": "agent-17", "dueAt": due, "instructions": "call"}
    await write(
        seeded_store,
        "mutation($i: CreateNoteInput!) { createNote(input: $i) { errors { code message } } }",
        i={
            "customerId": CUSTOMER, "subject": "s", "body": "b", "category": "GENERAL",
            "type": "INTERACTION_LOG", "scope": "CUSTOMER", "tags": [], "followUp": follow_up,
        },
    )  # fmt: skip
    await write(
        seeded_store,
        "mutation($i: LogInteractionInput!) { logInteraction(input: $i) { errors { code } } }",
        i={
            "customerId": CUSTOMER, "type": "CALL", "purpose": "SERVICE", "subject": "s",
            "followUp": follow_up,
        },
    )  # fmt: skip
    flag = await write(
        seeded_store,
        "mutation($c: ID!) { raiseRiskFlag(customerId: $c, kind: MANUAL_FLAG, reason: "
        '"r") { riskFlag { id } errors { code } } }',
        c=CUSTOMER,
    )
    await write(
        seeded_store,
        "mutation($id: ID!) { clearRiskFlag(id: $id) { errors { code } } }",
        id=flag["riskFlag"]["id"],
    )
    async with seeded_store.sessions() as session:
        open_ids = list(
            await session.scalars(
                select(FollowUp.id).where(
                    FollowUp.customer_id == CUSTOMER, FollowUp.completed_at.is_(None)
                )
            )
        )
        assert await session.scalar(select(RiskFlag.id).where(RiskFlag.cleared_by.is_not(None)))
    for follow_up_id in open_ids:
        await write(
            seeded_store,
            "mutation($id: ID!) { completeFollowUp(id: $id, outcome: null) { errors { code } } }",
            id=follow_up_id,
        )
    async with seeded_store.sessions() as session:
        return {agent.id: agent for agent in await session.scalars(select(Agent))}


@pytest.fixture(scope="module")
async def answers(
    seeded_store: SeededStore, planted: dict[str, Agent], sqlite_upstreams: Upstreams
) -> dict[str, str]:
    """Each principal's whole answer to the wide document, as text."""
    found = {}
    for name, principal in PRINCIPALS.items():
        texts = []
        for root in ROOTS:
            variables = {"c": CUSTOMER} if "$c" in root else {}
            data, errors = await execute(
                seeded_store, principal, document(root), sqlite_upstreams, **variables
            )
            # Hidden fields and roots answer FORBIDDEN or NOT_FOUND; nothing else may fail
            # (but search: no index runs here; the canary sweep covers search with one).
            codes = {(e.extensions or {}).get("code") for e in errors or []}
            assert codes <= {"FORBIDDEN", "NOT_FOUND", "SEARCH_UNAVAILABLE"}, (name, root, errors)
            assert not truncated(data), (name, root)
            texts.append(repr(data) + repr([e.message for e in errors or []]))
        found[name] = "\n".join(texts)
    return found


@pytest.mark.parametrize("name", sorted(PRINCIPALS))
def test_no_principal_reads_an_email_the_policy_hides(
    seeded_store: SeededStore, planted: dict[str, Agent], answers: dict[str, str], name: str
) -> None:
    view = seeded_store.policy.compile(PRINCIPALS[name])
    leaked = [
        agent.id
        for agent in planted.values()
        if agent.email in answers[name] and not may_read_email(view, agent)
    ]
    assert leaked == []


def test_the_sweep_sees_what_it_may(planted: dict[str, Agent], answers: dict[str, str]) -> None:
    def emails(name: str) -> set[str]:
        return {a.id for a in planted.values() if a.email in answers[name]}

    # Staff see every agent's email (the picker lists them all).
    assert emails("admin") == emails("sales") == set(planted)
    # The branch role: its branch's agents (and itself), nobody else's.
    branch_4 = {a.id for a in planted.values() if a.branch_id == "branch-4"}
    assert emails("branch") == branch_4
    # Portals and an unknown role: no email at all, but the people on their records by name.
    for name in ("partner", "partner-impostor", "customer", "nobody"):
        assert emails(name) == set(), name
    for name in ("partner", "customer"):
        assert planted["agent-17"].name in answers[name]
    assert planted["agent-17"].name not in answers["nobody"]
