"""A small hand-written corpus with known answers for the backend contract suite."""

from __future__ import annotations

from datetime import UTC, datetime

from policies.principal import Principal
from search.documents import NoteDocument

CUSTOMERS = {
    # id: (branch, partner, assigned agents)
    "c1": ("b1", "p1", ("agent-f",)),
    "c2": ("b2", None, ()),
    "c3": ("b1", "p2", ()),
}
ASSIGNED = {(customer, agent) for customer, (_, _, agents) in CUSTOMERS.items() for agent in agents}


def _doc(
    note_id: str,
    customer: str,
    author: str,
    subject: str,
    body: str,
    scope: str,
    type: str,
    tags: tuple[str, ...],
    created: datetime,
    category: str = "general",
) -> NoteDocument:
    branch, partner, agents = CUSTOMERS[customer]
    return NoteDocument(
        note_id=note_id,
        version=1,
        subject=subject,
        body=body,
        tags=tags,
        scope=scope,
        type=type,
        category=category,
        importance="normal",
        author_id=author,
        customer_id=customer,
        branch_id=branch,
        partner_id=partner,
        assigned_agents=agents,
        created_at=created,
        updated_at=created,
    )


def _at(month: int, day: int) -> datetime:
    return datetime(2024, month, day, 9, 30, tzinfo=UTC)


DOCS = [
    _doc("n1", "c1", "a1", "Invoice overdue",
         "Customer called about the overdue invoice for the kitchen.",
         "sales", "interaction_log", ("billing", "urgent"), _at(1, 10), "sales"),
    _doc("n2", "c1", "a2", "Delivery delayed",
         "The delivery of the sofa was delayed by the carrier.",
         "support", "escalation", ("delivery",), _at(2, 1), "support"),
    _doc("n3", "c2", "a1", "Kitchen quote",
         "Quoted a new kitchen with granite worktop.",
         "customer", "follow_up", ("kitchen", "quote"), _at(3, 5), "sales"),
    _doc("n4", "c2", "a3", "Refund request",
         "Customer asked for a refund of the delivery fee.",
         "internal", "resolution", ("billing",), _at(3, 20)),
    _doc("n5", "c3", "a2", "Restricted matter",
         "Legal dispute about the invoice.",
         "restricted", "supervisor", ("legal",), _at(4, 1)),
    _doc("n6", "c3", "a1", "Handoff to support",
         "Sales handing the kitchen installation over to support.",
         "sales", "follow_up", ("handoff",), _at(4, 15), "sales"),
    _doc("n7", "c1", "a3", "Café visit",
         "Met at the café to discuss invoices. Paid <b>cash</b> & card.",
         "customer", "interaction_log", (), _at(5, 1)),
    _doc("n9", "c2", "a2", "Fulfillment check",
         "Checked the warehouse stock for the worktop.",
         "fulfillment", "technical", ("stock",), _at(5, 20)),
]  # fmt: skip
# A deleted note: its tombstone must hide it even from an older, live version written later.
TOMBSTONE = NoteDocument.tombstone("n8", 3)
STALE_N8 = _doc(
    "n8", "c1", "a1", "Zebra invoice", "Zebra crossing", "customer", "technical", (), _at(6, 1)
)

PRINCIPALS = {
    "admin": Principal("admin-1", ("admin",)),
    "support": Principal("agent-s", ("support",)),
    "sales": Principal("agent-x", ("sales",)),
    "branch-b1": Principal("agent-b", ("branch",), branches=("b1",)),
    "field": Principal("agent-f", ("field",)),
    "partner-p1": Principal("portal-1", ("partner",), partner="p1"),
    "customer-c2": Principal("c2", ("customer",), customer="c2"),
    "qa": Principal("agent-q", ("qa",)),
    "nobody": Principal("agent-z", ("bogus",)),
}
