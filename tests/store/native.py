"""Helpers for native-write tests: a small directory, compiled views and write contexts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store.enums import ChoiceList, NoteCategory, NoteType, Scope
from store.models import Agent, Branch, ChoiceOption, Customer, CustomerAssignment
from store.note_drafts import NoteDraft
from store.write_context import WriteContext

AGENTS = {
    "a-admin": "admin",
    "a-manager": "manager",
    "a-qa": "qa",
    "a-support": "support",
    "a-sales": "sales",
    "a-sales-2": "sales",
    "a-branch": "branch",
}


_POLICY: list[PolicyEngine] = []


async def policy() -> PolicyEngine:
    """The real policy files, loaded once per test process."""
    if not _POLICY:
        _POLICY.append(
            await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
        )
    return _POLICY[0]


async def ctx_for(subject: str, *roles: str, branches: tuple[str, ...] = ()) -> WriteContext:
    """A write context for a principal with these roles (default: the agent's own role)."""
    principal = Principal(subject=subject, roles=roles or (AGENTS[subject],), branches=branches)
    engine = await policy()
    return WriteContext(
        view=engine.compile(principal), request_id="req-test", compile_view=engine.compile
    )


async def given_directory(session: AsyncSession) -> None:
    """Two branches, the AGENTS, customers c-1 (branch b-1) and c-2 (branch b-2), lists."""
    session.add_all([Branch(id="b-1", name="Leeds"), Branch(id="b-2", name="Bristol")])
    await session.flush()
    session.add_all(
        Agent(id=agent_id, name=agent_id, email=f"{agent_id}@example.com", role=role)
        for agent_id, role in AGENTS.items()
    )
    await session.flush()
    session.add_all(
        [
            Customer(id="c-1", name="Ann", branch_id="b-1"),
            Customer(id="c-2", name="Bo", branch_id="b-2"),
        ]
    )
    session.add_all(
        [
            ChoiceOption(list_name=ChoiceList.OUTCOME, value="interested", label="Interested"),
            ChoiceOption(list_name=ChoiceList.OUTCOME, value="purchased", label="Purchased"),
            ChoiceOption(list_name=ChoiceList.MOOD, value="happy", label="Happy"),
            ChoiceOption(list_name=ChoiceList.MOOD, value="angry", label="Angry", active=False),
        ]
    )
    await session.flush()
    session.add(CustomerAssignment(customer_id="c-1", agent_id="a-branch"))
    await session.flush()


def draft(**overrides: object) -> NoteDraft:
    """A valid sales note draft for c-1."""
    values: dict[str, object] = {
        "customer_id": "c-1",
        "subject": "Called about the sofa",
        "body": "Prefers **mornings**.\n\n> quoted",
        "category": NoteCategory.SALES,
        "type": NoteType.INTERACTION_LOG,
        "scope": Scope.SALES,
    }
    values.update(overrides)
    return NoteDraft(**values)  # type: ignore[arg-type]
