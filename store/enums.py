"""Closed vocabularies of the native store; each is stored as text with a CHECK constraint."""

from __future__ import annotations

from enum import StrEnum

from policies.vocabulary import Scope

__all__ = [
    "ChoiceList",
    "Importance",
    "InteractionPurpose",
    "InteractionType",
    "NoteCategory",
    "NoteType",
    "OutboxOp",
    "RiskFlagKind",
    "Scope",
]


class NoteCategory(StrEnum):
    """What a note is about, as the author files it."""

    GENERAL = "general"
    SUPPORT = "support"
    SALES = "sales"
    PERSONAL = "personal"


class NoteType(StrEnum):
    """What kind of record a note is; governance rules are set per type."""

    INTERACTION_LOG = "interaction_log"
    ESCALATION = "escalation"
    FOLLOW_UP = "follow_up"
    RESOLUTION = "resolution"
    SUPERVISOR = "supervisor"
    TECHNICAL = "technical"
    SENTIMENT = "sentiment"


class InteractionType(StrEnum):
    """How an agent and a customer met."""

    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    SMS = "sms"
    SHOWROOM_VISIT = "showroom_visit"
    MEETING = "meeting"
    DEMO = "demo"
    FOLLOW_UP = "follow_up"
    OTHER = "other"


class InteractionPurpose(StrEnum):
    """Why an interaction took place."""

    SALES = "sales"
    CREDIT_CONTROL = "credit_control"
    SERVICE = "service"


class RiskFlagKind(StrEnum):
    """Controlled vocabulary of risk flags raised on a customer."""

    OVERDUE_PAYMENT = "overdue_payment"
    FREQUENT_REFUNDS = "frequent_refunds"
    DISCOUNT_DEPENDENCY = "discount_dependency"
    FREQUENT_CLAIMS = "frequent_claims"
    DELIVERY_FAILURES = "delivery_failures"
    ABUSIVE_BEHAVIOR = "abusive_behavior"
    CANCELLATION_PATTERN = "cancellation_pattern"
    MANUAL_FLAG = "manual_flag"


class Importance(StrEnum):
    """How much attention a note asks for."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class OutboxOp(StrEnum):
    """What the indexer does with a note it drains from the search outbox."""

    UPSERT = "upsert"
    DELETE = "delete"


class ChoiceList(StrEnum):
    """The admin-managed lists of choices an interaction draws from."""

    OUTCOME = "outcome"
    MOOD = "mood"
