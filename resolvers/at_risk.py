"""At-risk customers: the list and one customer's score, as the caller's policy admits them."""

from __future__ import annotations

from aiodataloader import DataLoader

from core.errors import PolicyDenied
from policies.vocabulary import Capability
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import deny
from store.audit import Target
from store.pagination import Page
from store.risk_scores import RiskScore, at_risk_page, customer_risk_pages


async def resolve_at_risk_customers(
    info: Info, *, first: int, after: str | None, min_score: int
) -> Page[RiskScore]:
    """A page of the reached customers whose admitted score is at least `min_score`."""
    require_authenticated(info)
    if not info.context.policy.can(Capability.READ_AT_RISK):
        raise await deny(
            info, "read:at_risk", Target("report", "at_risk"), "the caller may not read risk"
        )
    async with info.context.sessions() as session:
        return await at_risk_page(
            session, info.context.policy, min_score=min_score, first=first, after=after
        )


async def resolve_customer_risk(info: Info, customer_id: str) -> RiskScore | None:
    """One reached customer's score (None: no admitted signal); FORBIDDEN without the right."""
    if not info.context.policy.can(Capability.READ_AT_RISK):
        info.context.denials.add(
            "read:at_risk",
            Target(type="Customer", id=customer_id, customer_id=customer_id),
            "at-risk score hidden by policy",
        )
        raise PolicyDenied("the caller's role may not see at-risk scores")
    # Batched: a page of customers asking for `risk` costs one query, not one per customer.
    loader: DataLoader[str, Page[RiskScore]] = info.context.store.pages(
        ("risk",), customer_risk_pages
    )
    page = await loader.load(customer_id)
    return page.items[0] if page.items else None
