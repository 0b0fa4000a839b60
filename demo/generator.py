"""Deterministic demo data for the native store: the same arguments always give the same rows.

Rows are plain dicts keyed by column name, ready for a Core ``insert()`` executemany. Small
tables come back as lists; notes and interactions are streamed so a million notes never sit in
memory at once. Each table draws from its own random stream (seeded from the seed and the
table's name), so changing how one table is generated leaves the others as they were.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any

from demo import vocabulary as vocab
from demo.distributions import (
    BRANCH_ROLES,
    CORE_ROLES,
    CUSTOMER_TAG_COUNTS,
    CUSTOMERS_PER_EXTRA_AGENT,
    HISTORY,
    IMPORTANCE_WEIGHTS,
    INTERACTION_TYPE_WEIGHTS,
    INVOICE_REF,
    LEADERSHIP_ROLES,
    MOOD_WEIGHTS,
    NOTE_TAG_COUNTS,
    OUTCOME_WEIGHTS,
    REF_PREFIX,
    SCOPE_AUTHORS,
    SCOPE_WEIGHTS,
    TYPE_WEIGHTS,
    Weighted,
    between,
    creation_ms,
    customer_name,
    pick,
    pick_distinct,
    sentences,
    uuid4,
)
from store.enums import (
    Importance,
    InteractionPurpose,
    NoteCategory,
    NoteType,
    RiskFlagKind,
    Scope,
)

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class NoteBundle:
    """One note and the rows that hang off it."""

    note: Row
    tags: list[Row] = field(default_factory=list)
    revisions: list[Row] = field(default_factory=list)
    follow_up: Row | None = None


@dataclass(frozen=True, slots=True)
class InteractionBundle:
    """One interaction and the follow-up it led to, if any."""

    interaction: Row
    follow_up: Row | None = None


def default_now() -> datetime:
    """Today at midnight UTC: stable within a day, so a seed reproduces the same data."""
    today = datetime.now(UTC).date()
    return datetime(today.year, today.month, today.day, tzinfo=UTC)


class DemoData:
    """The demo data set for a size and a seed."""

    def __init__(
        self, *, customers: int, notes: int, seed: int = 42, now: datetime | None = None
    ) -> None:
        if customers < 1 or notes < 0:
            raise ValueError("a demo needs at least one customer and a non-negative note count")
        self.customer_count = customers
        self.note_count = notes
        self.interaction_count = max(customers, notes // 4)
        self.seed = seed
        self.now = now or default_now()
        self._candidates: dict[tuple[tuple[str, ...], str | None], list[str]] = {}

    def rng(self, stream: str) -> random.Random:
        """The random stream of one table; str seeds hash with SHA-512, stable across runs."""
        return random.Random(f"{self.seed}:{stream}")

    # --- directory ---------------------------------------------------------------------------

    @cached_property
    def agents(self) -> list[Row]:
        """The staff roster: a fixed core, three agents per branch, more as customers grow."""
        rng = self.rng("agents")
        branch_ids = [id_ for id_, _ in vocab.BRANCHES]
        roster: list[tuple[str, str | None]] = [(role, None) for role in CORE_ROLES]
        roster += [(role, branch) for branch in branch_ids for role in BRANCH_ROLES]
        roster += [(role, None) for role in LEADERSHIP_ROLES]
        extra = self.customer_count // CUSTOMERS_PER_EXTRA_AGENT
        roster += [("sales", branch_ids[i % len(branch_ids)]) for i in range(extra)]
        roster += [("support", None) for _ in range(extra)]
        rows, emails = [], set()
        for number, (role, branch) in enumerate(roster, start=1):
            first, last = pick(rng, vocab.FIRST_NAMES), pick(rng, vocab.LAST_NAMES)
            email = f"{first}.{last}".lower().replace("'", "")
            if email in emails:
                email = f"{email}{number}"
            emails.add(email)
            rows.append(
                {
                    "id": f"agent-{number}",
                    "name": f"{first} {last}",
                    "email": f"{email}@{vocab.AGENT_EMAIL_DOMAIN}",
                    "role": role,
                    "branch_id": branch,
                    "active": True,
                    "created_at": self.now - HISTORY - timedelta(days=rng.randint(1, 900)),
                }
            )
        return rows

    @cached_property
    def staff(self) -> list[Row]:
        """The agents who create things (everyone but the read-only leadership)."""
        return [agent for agent in self.agents if agent["role"] not in LEADERSHIP_ROLES]

    @cached_property
    def agents_by_role(self) -> dict[str, list[Row]]:
        """Agents grouped by role."""
        groups: dict[str, list[Row]] = {}
        for agent in self.agents:
            groups.setdefault(agent["role"], []).append(agent)
        return groups

    def _agent(self, rng: random.Random, roles: Sequence[str], branch: str | None = None) -> str:
        """A random agent of one of `roles`, from `branch` when it has one."""
        key = (tuple(roles), branch)
        candidates = self._candidates.get(key)
        if candidates is None:
            every = [a["id"] for role in roles for a in self.agents_by_role.get(role, ())]
            local = [
                a["id"]
                for role in roles
                for a in self.agents_by_role.get(role, ())
                if branch and a["branch_id"] == branch
            ]
            candidates = self._candidates[key] = local or every
        return pick(rng, candidates)

    @cached_property
    def customers(self) -> list[Row]:
        """Customers: some companies, some VIP, some with a partner, some referred."""
        rng = self.rng("customers")
        branch_ids = [id_ for id_, _ in vocab.BRANCHES]
        rows: list[Row] = []
        for number in range(1, self.customer_count + 1):
            branch = pick(rng, branch_ids)
            name, email = customer_name(rng, number)
            referrer = rows[rng.randrange(len(rows))]["id"] if rows and rng.random() < 0.1 else None
            rows.append(
                {
                    "id": f"cust-{number:05d}",
                    "name": name,
                    "email": email,
                    "phone": f"+1-555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                    "branch_id": branch,
                    "partner_id": pick(rng, vocab.PARTNERS)[0] if rng.random() < 0.2 else None,
                    "owner_agent_id": (
                        self._agent(rng, ("sales",), branch) if rng.random() < 0.85 else None
                    ),
                    "vip": rng.random() < 0.08,
                    "created_at": self.now - timedelta(days=rng.uniform(30, 5 * 365)),
                    "referred_by_id": referrer,
                }
            )
        return rows

    def customer_assignments(self) -> list[Row]:
        """Field agents' assigned customers: about a third of their branch's customers."""
        rng = self.rng("customer_assignments")
        return [
            {"customer_id": customer["id"], "agent_id": agent["id"], "kind": "field"}
            for agent in self.agents_by_role.get("field", [])
            for customer in self.customers
            if customer["branch_id"] == agent["branch_id"] and rng.random() < 0.35
        ]

    def customer_tags(self) -> list[Row]:
        """Zero to three normalised tags per customer."""
        rng = self.rng("customer_tags")
        pool = [tag for tag, _ in vocab.CONTROLLED_TAGS] + list(vocab.FREE_CUSTOMER_TAGS)
        rows = []
        for customer in self.customers:
            for tag in rng.sample(pool, pick(rng, CUSTOMER_TAG_COUNTS)):
                rows.append(
                    {
                        "customer_id": customer["id"],
                        "tag": tag,
                        "created_by": str(pick(rng, self.staff)["id"]),
                        "created_at": between(rng, customer["created_at"], self.now),
                    }
                )
        return rows

    def risk_flags(self) -> list[Row]:
        """A few risk flags, some cleared."""
        rng = self.rng("risk_flags")
        rows = []
        for _ in range(max(1, self.customer_count // 12)):
            kind = pick(rng, list(RiskFlagKind))
            raised_at = self.now - timedelta(days=rng.uniform(1, 365))
            cleared = rng.random() < 0.4
            rows.append(
                {
                    "id": uuid4(rng),
                    "customer_id": pick(rng, self.customers)["id"],
                    "kind": kind,
                    "reason": vocab.RISK_REASONS[kind],
                    "raised_by": self._agent(rng, ("finance", "support", "manager")),
                    "raised_at": raised_at,
                    "cleared_by": self._agent(rng, ("manager",)) if cleared else None,
                    "cleared_at": between(rng, raised_at, self.now) if cleared else None,
                }
            )
        return rows

    # --- streamed tables --------------------------------------------------------------------

    def interactions(self) -> Iterator[InteractionBundle]:
        """Interactions with outcome and mood from the default lists, and their follow-ups."""
        rng = self.rng("interactions")
        types, outcomes, moods = (
            Weighted(INTERACTION_TYPE_WEIGHTS),
            Weighted(OUTCOME_WEIGHTS),
            Weighted(MOOD_WEIGHTS),
        )
        roles = ("sales", "support", "branch", "field", "finance")
        for _ in range(self.interaction_count):
            customer = pick(rng, self.customers)
            agent_id = self._agent(rng, roles, customer["branch_id"])
            role = self._role(agent_id)
            purpose = (
                InteractionPurpose.CREDIT_CONTROL
                if role == "finance"  # lint-skip: plausible demo data, not access control
                else InteractionPurpose.SERVICE
                if role in ("support", "field")  # lint-skip: plausible demo data
                else InteractionPurpose.SALES
            )
            type_ = types.pick(rng)
            outcome = outcomes.pick(rng)
            occurred_at = self.now - HISTORY * rng.random()
            product = pick(rng, vocab.PRODUCTS)
            interaction = {
                "id": uuid4(rng),
                "customer_id": customer["id"],
                "logged_by": agent_id,
                "type": type_,
                "purpose": purpose,
                "subject": pick(rng, vocab.INTERACTION_SUBJECTS[purpose]).format(product=product),
                "detail": sentences(rng, product, 1, 2),
                "outcome": outcome,
                "mood": None if outcome == "no_answer" else moods.pick(rng),
                "channel": vocab.INTERACTION_CHANNELS[type_],
                "occurred_at": occurred_at,
                "created_at": occurred_at + timedelta(minutes=1 + 89 * rng.random()),
            }
            wants_follow_up = outcome == "callback_requested" or (
                outcome == "interested" and rng.random() < 0.3
            )
            follow_up = (
                self._follow_up(rng, customer["id"], agent_id, occurred_at, interaction=interaction)
                if wants_follow_up
                else None
            )
            yield InteractionBundle(interaction, follow_up)

    def notes(self) -> Iterator[NoteBundle]:
        """Notes across every scope, type and category, with tags, edits and follow-ups."""
        rng = self.rng("notes")
        scopes, types, importances = (
            Weighted(SCOPE_WEIGHTS),
            Weighted(TYPE_WEIGHTS),
            Weighted(IMPORTANCE_WEIGHTS),
        )
        categories = list(NoteCategory)
        for _ in range(self.note_count):
            customer = pick(rng, self.customers)
            scope = scopes.pick(rng)
            type_ = types.pick(rng)
            author = self._agent(rng, SCOPE_AUTHORS[scope], customer["branch_id"])
            category = {Scope.SALES: NoteCategory.SALES, Scope.SUPPORT: NoteCategory.SUPPORT}.get(
                scope, pick(rng, categories)
            )
            importance = importances.pick(rng)
            if type_ is NoteType.ESCALATION and importance in (Importance.LOW, Importance.NORMAL):
                importance = Importance.HIGH
            ref_kind, ref_prefix = REF_PREFIX.get(category, INVOICE_REF)
            has_ref = rng.random() < 0.3
            ref_id = f"{ref_prefix}-{1 + int(rng.random() * 999_999):06d}" if has_ref else None
            product = pick(rng, vocab.PRODUCTS)
            subject = pick(rng, vocab.NOTE_SUBJECTS[type_]).format(
                product=product, ref=ref_id or "the last order"
            )
            created_at = self.now - HISTORY * rng.random()
            note: Row = {
                "id": uuid4(rng),
                "customer_id": customer["id"],
                "author_id": author,
                "subject": subject,
                "body": sentences(rng, product, 2, 4),
                "category": category,
                "type": type_,
                "scope": scope,
                "importance": importance,
                "pinned": rng.random() < 0.03,
                "ref_kind": ref_kind if has_ref else None,
                "ref_id": ref_id,
                "creation_ms": creation_ms(rng),
                "created_at": created_at,
                "updated_at": created_at,
                "version": 1,
                "deleted_at": None,
                "deleted_by": None,
            }
            tags = self._note_tags(rng, note)
            revisions = self._edits(rng, note) if rng.random() < 0.06 else []
            if rng.random() < 0.015:
                note["deleted_at"] = between(rng, note["updated_at"], self.now)
                note["deleted_by"] = author
            follow_up = (
                self._follow_up(rng, customer["id"], author, created_at, note=note)
                if type_ is NoteType.FOLLOW_UP and rng.random() < 0.6
                else None
            )
            yield NoteBundle(note, tags, revisions, follow_up)

    # --- pieces -------------------------------------------------------------------------------

    def _role(self, agent_id: str) -> str:
        return str(self.agents[int(agent_id.removeprefix("agent-")) - 1]["role"])

    def _note_tags(self, rng: random.Random, note: Row) -> list[Row]:
        tags = set(pick_distinct(rng, vocab.NOTE_TAGS, pick(rng, NOTE_TAG_COUNTS)))
        if note["type"] is NoteType.ESCALATION:
            tags.add("escalated")
        # Sales cases handed over to support (the handoff rule in PRODUCT.md).
        if note["scope"] is Scope.SALES and rng.random() < 0.05:
            tags.add("handoff")
        return [{"note_id": note["id"], "tag": tag} for tag in sorted(tags)]

    def _edits(self, rng: random.Random, note: Row) -> list[Row]:
        revisions = []
        edited_at = note["created_at"]
        for version in range(2, pick(rng, (2, 2, 3)) + 1):
            edited_at = between(rng, edited_at, min(self.now, edited_at + timedelta(days=3)))
            before = {"subject": note["subject"], "importance": str(note["importance"])}
            note["subject"] = f"{note['subject']} (updated)"
            after = {"subject": note["subject"], "importance": str(note["importance"])}
            revisions.append(
                {
                    "id": uuid4(rng),
                    "note_id": note["id"],
                    "version": version,
                    "editor_id": note["author_id"],
                    "edited_at": edited_at,
                    "before": before,
                    "after": after,
                    "scope_before": note["scope"],
                    "scope_after": note["scope"],
                }
            )
            note["version"], note["updated_at"] = version, edited_at
        return revisions

    def _follow_up(
        self,
        rng: random.Random,
        customer_id: str,
        assignee: str,
        since: datetime,
        *,
        note: Row | None = None,
        interaction: Row | None = None,
    ) -> Row:
        due_at = since + timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 8))
        completed = due_at < self.now and rng.random() < 0.85
        # Drawn in the order the rows always drew them, so the demo's ids stay put.
        follow_up_id = uuid4(rng)
        instructions = pick(rng, vocab.FOLLOW_UP_INSTRUCTIONS)
        completed_at = between(rng, since, min(due_at, self.now)) if completed else None
        outcome, comment = pick(rng, vocab.FOLLOW_UP_OUTCOMES) if completed else (None, None)
        return {
            "id": follow_up_id,
            "customer_id": customer_id,
            "note_id": note["id"] if note else None,
            "interaction_id": interaction["id"] if interaction else None,
            "assignee_id": assignee,
            "due_at": due_at,
            "instructions": instructions,
            "created_by": assignee,
            "created_at": since,
            "completed_at": completed_at,
            "completed_by": assignee if completed else None,
            "outcome": outcome,
            "comment": comment,
        }
