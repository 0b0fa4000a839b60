"""The outreach webhook: send the due deliveries to the campaign tool, signed.

Each call POSTs the stored JSON body unchanged with `X-C360-Timestamp` (Unix seconds),
`X-C360-Signature: sha256=<hex>` — HMAC-SHA256 with `C360_OUTREACH_WEBHOOK_SECRET` over
`<timestamp>.<body>`, so a receiver can refuse a replayed or altered call — `X-C360-Delivery`
(the delivery id, stable across retries: the receiver's idempotency key) and
`X-C360-Event: customer.at_risk`. Failures are retried with exponential backoff and
dead-lettered after `C360_OUTREACH_WEBHOOK_MAX_ATTEMPTS` (store/outreach_deliveries.py).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import httpx
import structlog

from gateway.runtime import Runtime
from store.models import OutreachDelivery, utcnow
from store.outreach_deliveries import due_deliveries, mark_failed, mark_sent, redrive_dead
from store.write_context import transaction

BATCH_SIZE = 50
EVENT = "customer.at_risk"
_log = structlog.get_logger("outreach")


def signature(secret: str, timestamp: str, body: str) -> str:
    """The `X-C360-Signature` value for this timestamp and body."""
    signed = f"{timestamp}.{body}".encode()
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """What one delivery run did."""

    sent: int = 0
    retrying: int = 0
    dead: int = 0

    def __str__(self) -> str:
        return f"webhook: {self.sent} sent, {self.retrying} to retry, {self.dead} dead-lettered"


class WebhookNotConfigured(RuntimeError):
    """A URL without a secret: nothing is sent unsigned."""


async def deliver_outreach(
    runtime: Runtime, *, client: httpx.AsyncClient | None = None
) -> DeliveryReport:
    """Send every delivery due now once; failures wait for their backoff."""
    settings = runtime.settings
    if settings.outreach_webhook_url is None:
        return DeliveryReport()
    if settings.outreach_webhook_secret is None:
        raise WebhookNotConfigured(
            "C360_OUTREACH_WEBHOOK_SECRET is required with C360_OUTREACH_WEBHOOK_URL"
        )
    secret = settings.outreach_webhook_secret.get_secret_value()
    own = client is None
    http = client or httpx.AsyncClient(timeout=settings.outreach_webhook_timeout_seconds)
    sent = retrying = dead = 0
    try:
        # Read, then send outside any transaction (a slow receiver must not hold the store's
        # write lock), then record each outcome in a short transaction of its own.
        async with runtime.sessions() as session:
            due = [
                (row.id, row.body) for row in await due_deliveries(session, utcnow(), BATCH_SIZE)
            ]
        for delivery_id, body in due:
            error = await _send(http, settings.outreach_webhook_url, secret, delivery_id, body)
            async with transaction(runtime.sessions) as session:
                delivery = await session.get(OutreachDelivery, delivery_id)
                if delivery is None:
                    continue
                now = utcnow()
                if error is None:
                    mark_sent(delivery, now)
                    sent += 1
                    continue
                _log.warning("outreach webhook failed", delivery=delivery_id, error=error)
                if mark_failed(
                    delivery,
                    now,
                    error,
                    max_attempts=settings.outreach_webhook_max_attempts,
                    backoff_seconds=settings.outreach_webhook_backoff_seconds,
                ):
                    dead += 1
                else:
                    retrying += 1
    finally:
        if own:
            await http.aclose()
    return DeliveryReport(sent=sent, retrying=retrying, dead=dead)


async def _send(
    http: httpx.AsyncClient, url: str, secret: str, delivery_id: str, body: str
) -> str | None:
    timestamp = str(int(utcnow().timestamp()))
    headers = {
        "Content-Type": "application/json",
        "X-C360-Event": EVENT,
        "X-C360-Delivery": delivery_id,
        "X-C360-Timestamp": timestamp,
        "X-C360-Signature": signature(secret, timestamp, body),
    }
    try:
        response = await http.post(url, content=body.encode(), headers=headers)
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code}"


async def redrive_outreach(runtime: Runtime) -> int:
    """Queue every dead-lettered delivery again; how many."""
    async with transaction(runtime.sessions) as session:
        return await redrive_dead(session, utcnow())
