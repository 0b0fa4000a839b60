"""Rate limits: every operation spends its estimated cost from its caller's budgets.

A principal has one budget per window (`rate_limit_cost`, or its roles' `rate_limit_role_cost`)
and a partner's principals share another (`rate_limit_partner_cost`). The cost is the
QUERY_TOO_COSTLY estimate (schema/cost.py), at least 1, so a dashboard's heavy report spends
more than a sidebar's lookup. Over a budget, the operation is not executed: HTTP 429 with
`Retry-After` (seconds to the window's end) and a RATE_LIMITED error naming the budget.
Every answer carries `RateLimit-Limit` / `-Remaining` / `-Reset` for the principal's budget,
and `me { rateLimits }` shows them all.
"""

from __future__ import annotations

import math
import time
from collections.abc import AsyncIterator

import structlog
from graphql import ExecutionResult, GraphQLError
from sqlalchemy.exc import SQLAlchemyError
from strawberry.extensions import SchemaExtension

from core.errors import RateLimited
from core.settings import Settings
from policies.principal import Principal
from store.outage import is_store_outage
from store.rate_limits import Budget, BudgetState

log = structlog.get_logger(__name__)

PRINCIPAL_PREFIX = "principal:"
PARTNER_PREFIX = "partner:"


def budgets_for(principal: Principal, settings: Settings) -> list[Budget]:
    """The budgets a principal's operations spend from: its own, then its partner's."""
    by_role = [
        settings.rate_limit_role_cost[r]
        for r in principal.roles
        if r in settings.rate_limit_role_cost
    ]
    budgets = [
        Budget(PRINCIPAL_PREFIX + principal.subject, max(by_role, default=settings.rate_limit_cost))
    ]
    if principal.partner:
        budgets.append(Budget(PARTNER_PREFIX + principal.partner, settings.rate_limit_partner_cost))
    return budgets


def _headers(state: BudgetState, now: float) -> dict[str, str]:
    return {
        "RateLimit-Limit": str(state.limit),
        "RateLimit-Remaining": str(state.remaining),
        "RateLimit-Reset": str(max(0, math.ceil(state.resets_at - now))),
    }


def budget_name(budget_key: str) -> str:
    """The `extensions.budget` value of a budget key: PRINCIPAL or PARTNER."""
    return budget_key.split(":", 1)[0].upper()


def refusal_message(budget: str, limit: int, window_seconds: int, retry_after: int) -> str:
    """The RATE_LIMITED error's message."""
    return (
        f"rate limit reached: {budget.lower()} budget of {limit} per {window_seconds} s spent; "
        f"retry in {retry_after} s"
    )


class RateLimit(SchemaExtension):
    """Spends the operation's cost before it executes; refuses it once a budget is spent."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        limiter = getattr(context, "rate_limiter", None)
        # An operation another extension already refused (e.g. QUERY_TOO_COSTLY) did no work.
        if limiter is not None and execution.result is None:
            cost = max(1, context.meter.cost or 0)
            try:
                states = await limiter.spend(budgets_for(context.principal, context.settings), cost)
            except (SQLAlchemyError, OSError) as error:
                if not is_store_outage(error):
                    raise
                # The store is down: the operation's own reads answer STORE_UNAVAILABLE; the
                # limiter must not turn that into another error (nor take reads down alone).
                log.warning("rate limit not counted", error=type(error).__name__)
                states = []
            now = time.time()
            if states:
                context.meter.headers.update(_headers(states[0], now))
            spent = [state for state in states if state.exhausted]
            if spent:
                retry_after = max(1, math.ceil(max(s.resets_at for s in spent) - now))
                context.meter.status = 429
                context.meter.headers["Retry-After"] = str(retry_after)
                budget = budget_name(spent[0].key)
                refusal = RateLimited(
                    refusal_message(budget, spent[0].limit, limiter.window_seconds, retry_after),
                    budget=budget,
                    limit=spent[0].limit,
                    retryAfter=retry_after,
                )
                execution.result = ExecutionResult(
                    data=None, errors=[GraphQLError(refusal.message, original_error=refusal)]
                )
        yield
