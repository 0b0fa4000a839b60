"""`atRiskCustomers`: reached customers by at-risk score, for the roles that see risk flags."""

from __future__ import annotations

from typing import Self

import strawberry

from resolvers.at_risk import resolve_at_risk_customers
from resolvers.context import Info
from schema.connections import Connection
from schema.customer import Customer360
from schema.risk_score import CustomerRisk, RiskReason
from store.risk_scores import RiskScore


@strawberry.type(description="A customer with its at-risk score as the caller sees it.")
class AtRiskCustomer:
    customer: Customer360
    score: int
    reasons: list[RiskReason]

    @classmethod
    def from_record(cls, row: RiskScore) -> Self:
        """Build from the store's score."""
        risk = CustomerRisk.from_record(row)
        return cls(
            customer=Customer360.from_record(row.customer), score=risk.score, reasons=risk.reasons
        )


@strawberry.type
class AtRiskQuery:
    @strawberry.field(
        description="Customers the caller reaches whose at-risk score is at least `minScore` "
        "(1 to 100000, default 1), highest first then by id. The score sums only the signals "
        "the caller may read (negative notes of its scopes, interactions and tickets with "
        "activity, overdue invoices with financials, risk flags, lapsed purchases with "
        "lifetime value), as of the last `score-risk` run. FORBIDDEN for roles that do not "
        "see risk flags. `first`/`after` page forwards (default 20, at most 100)."
    )
    async def at_risk_customers(
        self, info: Info, first: int = 20, after: str | None = None, min_score: int = 1
    ) -> Connection[AtRiskCustomer] | None:
        page = await resolve_at_risk_customers(info, first=first, after=after, min_score=min_score)
        return Connection.of(page, AtRiskCustomer.from_record)
