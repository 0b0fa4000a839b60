"""The outreach trigger: episodes opened when a customer's system-wide at-risk score reaches
the threshold, closed once it falls below the threshold minus the hysteresis.

An episode opens at most once per stay above the threshold: while one is open nothing new is
created, however often the job runs; only after it closed (recovery) can a new one open. Each
opening creates one follow-up for the customer's owner agent, whose instructions list only the
reasons that agent's own policy may read, audited as `system:outreach`, and (when a webhook is
configured) one delivery in the webhook outbox, all in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from policies.decisions import can_be_assigned_follow_up
from policies.principal import Principal
from policies.view import PolicyView
from store import audit
from store.models import Agent, Customer, FollowUp, OutreachDelivery, OutreachEpisode
from store.risk_scores import admitted_gates, signals_by_customer, system_scores
from store.visibility import reachable_customers

JOB = "outreach"


@dataclass(frozen=True, slots=True)
class OutreachOptions:
    """Threshold, hysteresis, follow-up due date and whether a webhook is configured."""

    threshold: int = 60
    hysteresis: int = 15
    due_days: int = 2
    webhook: bool = False


@dataclass(frozen=True, slots=True)
class OutreachReport:
    """What one trigger pass did."""

    opened: int = 0
    closed: int = 0
    follow_ups: int = 0

    def __str__(self) -> str:
        return (
            f"outreach: {self.opened} episodes opened ({self.follow_ups} follow-ups), "
            f"{self.closed} closed"
        )


async def update_episodes(
    session: AsyncSession,
    options: OutreachOptions,
    *,
    compile_view: Callable[[Principal], PolicyView] | None,
    now: datetime,
) -> OutreachReport:
    """Open episodes for customers at or over the threshold, close those recovered."""
    open_rows = list(
        await session.scalars(select(OutreachEpisode).where(OutreachEpisode.closed_at.is_(None)))
    )
    open_by_customer = {row.customer_id: row for row in open_rows}
    scored = await session.scalars(select(Customer.id))
    scores = await system_scores(session, list(scored))
    closed = 0
    for episode in open_rows:
        if scores.get(episode.customer_id, 0) < options.threshold - options.hysteresis:
            episode.closed_at = now
            audit.append_job(
                session,
                JOB,
                now,
                "outreach.close",
                audit.Target("outreach_episode", episode.id, episode.customer_id),
            )
            closed += 1
    opened = follow_ups = 0
    for customer_id in sorted(scores):
        if scores[customer_id] < options.threshold or customer_id in open_by_customer:
            continue
        follow_up = await _open(
            session, customer_id, scores[customer_id], options, compile_view, now
        )
        opened += 1
        follow_ups += follow_up
    await session.flush()
    return OutreachReport(opened=opened, closed=closed, follow_ups=follow_ups)


async def _open(
    session: AsyncSession,
    customer_id: str,
    score: int,
    options: OutreachOptions,
    compile_view: Callable[[Principal], PolicyView] | None,
    now: datetime,
) -> int:
    episode = OutreachEpisode(customer_id=customer_id, opened_at=now, opening_score=score)
    session.add(episode)
    await session.flush()
    follow_up = await _follow_up(session, customer_id, options, compile_view, now)
    episode.follow_up_id = follow_up.id if follow_up else None
    audit.append_job(
        session,
        JOB,
        now,
        "outreach.open",
        audit.Target("outreach_episode", episode.id, customer_id),
        after={"follow_up_id": episode.follow_up_id},
    )
    if options.webhook:
        session.add(
            OutreachDelivery(
                episode_id=episode.id,
                body=webhook_body(episode),
                status="pending",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
    return 1 if follow_up else 0


def webhook_body(episode: OutreachEpisode) -> str:
    """The JSON the campaign tool receives: which customer and when, never a reason (reasons
    derive from notes and fields whose readers the gateway decides; the tool is not one)."""
    return json.dumps(
        {
            "event": "customer.at_risk",
            "episodeId": episode.id,
            "customerId": episode.customer_id,
            "openedAt": episode.opened_at.isoformat(),
        },
        separators=(",", ":"),
        sort_keys=True,
    )


async def _follow_up(
    session: AsyncSession,
    customer_id: str,
    options: OutreachOptions,
    compile_view: Callable[[Principal], PolicyView] | None,
    now: datetime,
) -> FollowUp | None:
    """The owner agent's follow-up, if the customer has an active owner whose own policy
    reaches the customer and may be given follow-ups (deny by default: without a policy, no
    follow-up)."""
    customer = await session.get(Customer, customer_id)
    if customer is None or customer.owner_agent_id is None or compile_view is None:
        return None
    owner = await session.scalar(
        select(Agent).where(Agent.id == customer.owner_agent_id, Agent.active.is_(True))
    )
    if owner is None:
        return None
    view = compile_view(
        Principal(
            subject=owner.id,
            roles=(owner.role,),
            branches=(owner.branch_id,) if owner.branch_id else (),
        )
    )
    reaches = await session.scalar(
        select(Customer.id).where(Customer.id == customer_id, reachable_customers(view))
    )
    if reaches is None or not can_be_assigned_follow_up(view, note_scope=None):
        return None
    reasons = (await signals_by_customer(session, admitted_gates(view), [customer_id])).get(
        customer_id, []
    )
    lines = [f"- {row.detail} ({row.weight} points)" for row in reasons]
    instructions = "\n".join(
        [
            "This customer is at risk. Reach out and find out what would keep them.",
            *(["", "What the signals you may read say:", *lines] if lines else []),
        ]
    )
    due_at = now + timedelta(days=options.due_days)
    follow_up = FollowUp(
        customer_id=customer_id,
        assignee_id=owner.id,
        due_at=due_at,
        instructions=instructions,
        created_by=f"system:{JOB}",
        created_at=now,
    )
    session.add(follow_up)
    await session.flush()
    audit.append_job(
        session,
        JOB,
        now,
        "follow_up.create",
        audit.Target("follow_up", follow_up.id, customer_id),
        after={"assignee_id": owner.id, "due_at": due_at.isoformat()},
    )
    return follow_up
