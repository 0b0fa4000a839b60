"""Canaries: unique tokens planted through the real write path, and who may read each one.

A canary remembers where its text lives: the customer, every scope the text has lived in
(a revision's text lived in the scope the note had then and is now part of the note in its
current scope), the field group that guards it, and whether its note is deleted. Whether a
principal may read it is decided from the compiled policy (`PolicyView`), never a hand table.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from policies.view import PolicyView
from policies.vocabulary import Capability, FieldGroup, Scope


@dataclass
class Canary:
    """One planted token and the facts the oracle judges it by."""

    token: str
    kind: str
    customer: str
    scopes: set[str]
    group: FieldGroup | None = None
    deleted: bool = False
    note: str | None = None

    def readable_by(self, view: PolicyView, reachable: frozenset[str] | None) -> bool:
        """May `view` read this token? `reachable` None means every customer."""
        if reachable is not None and self.customer not in reachable:
            return False
        if not all(Scope(s) in view.readable_scopes for s in self.scopes):
            return False
        if self.group is not None and not view.sees(self.group):
            return False
        # The append-only audit log keeps a deleted note's text for the senior roles that read
        # every scope and the log; for everyone else a deleted note is gone.
        every_scope = len(view.readable_scopes) == len(Scope)
        return not self.deleted or (every_scope and view.can(Capability.READ_AUDIT_LOG))


def token(kind: str, scope: str) -> str:
    """A fresh lower-case canary (tags are lower-cased, so the token already is)."""
    return f"canary-{kind.replace('.', '')}-{scope}-{secrets.token_hex(5)}"


CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id noteId version } errors { field code message } }
}"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version } errors { field code message } }
}"""
DELETE = "mutation D($id: ID!) { deleteNote(id: $id) { note { id } errors { code message } } }"
RESTORE = "mutation R($id: ID!) { restoreNote(id: $id) { note { id } errors { code message } } }"
FLAG = """
mutation F($c: ID!, $r: String!) {
  raiseRiskFlag(customerId: $c, kind: MANUAL_FLAG, reason: $r) { riskFlag { id } errors { code } }
}"""
INTERACTION = """
mutation I($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id } followUp { id } errors { field code message } }
}"""
FOLLOW_UPS = (
    "query FU($id: ID!) { customer(id: $id) { "
    "followUps(first: 100) { edges { node { id noteId } } } } }"
)
COMPLETE = """
mutation Done($id: ID!, $o: String) {
  completeFollowUp(id: $id, outcome: $o) { followUp { id } errors { code message } }
}"""


@dataclass
class Planter:
    """Writes canaries as a privileged principal over HTTP and records them."""

    http: httpx.AsyncClient
    token: str
    assignee: str
    fallback_assignee: str
    canaries: list[Canary] = field(default_factory=list)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)

    async def call(self, query: str, **variables: Any) -> dict[str, Any]:
        """One mutation; the payload of its single root field (user errors fail the setup)."""
        response = await self.http.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body.get("errors"), body
        payload: dict[str, Any] = next(iter(body["data"].values()))
        return payload

    def add(self, kind: str, customer: str, scopes: set[str], **extra: Any) -> str:
        """Register a canary and return its token."""
        value = token(kind, "-".join(sorted(scopes)) or "none")
        self.canaries.append(Canary(value, kind, customer, set(scopes), **extra))
        return value

    async def note(self, customer: str, scope: str, *, kind: str = "note", follow_up: bool) -> str:
        """A note whose subject, body and tag (and follow-up) carry canaries; returns its id."""
        subject = self.add(f"{kind}.subject", customer, {scope})
        body = self.add(f"{kind}.body", customer, {scope})
        tag = self.add(f"{kind}.tag", customer, {scope})
        note_input: dict[str, Any] = {
            "customerId": customer,
            "subject": subject,
            "body": f"Spoke with the customer. {body} Will call back.",
            "category": "GENERAL",
            "type": "INTERACTION_LOG",
            "scope": scope.upper(),
            "tags": [tag],
        }
        if follow_up:
            instructions = self.add(
                "followup.instructions", customer, {scope}, group=FieldGroup.ACTIVITY
            )
            due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
            note_input["followUp"] = {
                "assigneeId": self.assignee,
                "dueAt": due,
                "instructions": instructions,
            }
        payload = await self.call(CREATE, input=note_input)
        if payload["errors"] and follow_up:
            # A gateway that refuses this assignee for the scope: assign to the author.
            note_input["followUp"]["assigneeId"] = self.fallback_assignee
            payload = await self.call(CREATE, input=note_input)
        assert not payload["errors"], payload
        # The raw key (as follow-ups and audit rows name the note); mutations still take it.
        note_id: str = payload["note"]["noteId"]
        self.notes[note_id] = {"version": payload["note"]["version"], "scope": scope}
        for canary in self.canaries[-4:]:
            if canary.kind.startswith((kind, "followup")) and canary.customer == customer:
                canary.note = canary.note or note_id
        self.canaries.append(Canary(note_id.lower(), "note.id", customer, {scope}, note=note_id))
        # Its global id too (base64 hides the raw key from a scan for it).
        global_token = payload["note"]["id"].lower()
        self.canaries.append(Canary(global_token, "note.id", customer, {scope}, note=note_id))
        return note_id

    def of_note(self, note_id: str) -> list[Canary]:
        """The canaries whose text lives in this note (its fields, history and follow-ups)."""
        return [c for c in self.canaries if c.note == note_id]

    async def update(self, note_id: str, customer: str, **changes: Any) -> None:
        """Edit a note; every canary of the note now also lives under its new scope."""
        state = self.notes[note_id]
        payload = await self.call(
            UPDATE, input={"id": note_id, "expectedVersion": state["version"], **changes}
        )
        assert not payload["errors"], payload
        state["version"] = payload["note"]["version"]
        if "scope" in changes:
            state["scope"] = changes["scope"].lower()
        for canary in self.of_note(note_id):
            canary.scopes.add(state["scope"])
            if canary.kind == "note.id":
                canary.scopes = {state["scope"]}

    async def delete(self, note_id: str, *, restore: bool = False) -> None:
        """Soft-delete (or restore) a note and mark its canaries."""
        payload = await self.call(RESTORE if restore else DELETE, id=note_id)
        assert not payload["errors"], payload
        for canary in self.of_note(note_id):
            canary.deleted = not restore

    async def complete_follow_ups(self, customer: str) -> None:
        """Complete every follow-up of the customer with a canary outcome."""
        response = await self.http.post(
            "/graphql",
            json={"query": FOLLOW_UPS, "variables": {"id": customer}},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        for edge in response.json()["data"]["customer"]["followUps"]["edges"]:
            follow_up = edge["node"]
            note = follow_up["noteId"]
            if note not in self.notes:
                continue  # the demo's own follow-ups
            scopes = {self.notes[note]["scope"]}
            outcome = self.add("followup.outcome", customer, scopes, group=FieldGroup.ACTIVITY)
            self.canaries[-1].note = note
            payload = await self.call(COMPLETE, id=follow_up["id"], o=outcome)
            assert not payload["errors"], payload

    async def risk_flag(self, customer: str) -> None:
        """A risk flag whose reason is a canary."""
        reason = self.add("riskflag.reason", customer, set(), group=FieldGroup.RISK_FLAGS)
        payload = await self.call(FLAG, c=customer, r=reason)
        assert not payload["errors"], payload

    async def interaction(self, customer: str) -> None:
        """An interaction (subject, detail, follow-up instructions) made of canaries."""
        group = FieldGroup.ACTIVITY
        subject = self.add("interaction.subject", customer, set(), group=group)
        detail = self.add("interaction.detail", customer, set(), group=group)
        instructions = self.add("interaction.followup", customer, set(), group=group)
        due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
        payload = await self.call(
            INTERACTION,
            input={
                "customerId": customer,
                "type": "CALL",
                "purpose": "SERVICE",
                "subject": subject,
                "detail": detail,
                "followUp": {
                    "assigneeId": self.assignee,
                    "dueAt": due,
                    "instructions": instructions,
                },
            },
        )
        assert not payload["errors"], payload
