"""A customer's at-risk score as one reader sees it: the score and its weighted reasons."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Self

import strawberry

from schema.closed_sets import or_other
from store.risk_scores import RiskScore


@strawberry.enum(description="What an at-risk reason measured.")
class RiskSignalKind(StrEnum):
    NEGATIVE_NOTES = "negative_notes"
    SENTIMENT_FALLING = "sentiment_falling"
    NEGATIVE_INTERACTIONS = "negative_interactions"
    RISK_FLAGS = "risk_flags"
    OVERDUE_INVOICES = "overdue_invoices"
    OPEN_TICKETS = "open_tickets"
    LAPSED_PURCHASE = "lapsed_purchase"
    OTHER = "other"


@strawberry.type(description="One signal behind an at-risk score, with the points it adds.")
class RiskReason:
    signal: RiskSignalKind
    weight: int = strawberry.field(description="Points this signal adds to the score.")
    detail: str = strawberry.field(
        description="What was measured (e.g. '3 negative support notes in 30 days'); never "
        "the text of a note."
    )


@strawberry.type(
    description="An at-risk score: the sum of the weights of the signals the caller may read "
    "(notes of its scopes, the field groups it sees), heaviest reason first."
)
class CustomerRisk:
    score: int
    reasons: list[RiskReason]
    computed_at: datetime = strawberry.field(
        description="When the `score-risk` job computed the newest of these signals."
    )

    @classmethod
    def from_record(cls, row: RiskScore) -> Self:
        """Build from the store's score."""
        return cls(
            score=row.score,
            reasons=[
                RiskReason(
                    signal=or_other(RiskSignalKind, reason.signal),
                    weight=reason.weight,
                    detail=reason.detail,
                )
                for reason in row.reasons
            ],
            computed_at=row.computed_at,
        )
