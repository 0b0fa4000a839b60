"""The outreach webhook against a real HTTP receiver on loopback, on both stores.

The receiver checks every call's HMAC-SHA256 signature and timestamp the way a campaign tool
would, and can refuse the first calls: the gateway retries with backoff, dead-letters after the
configured attempts, and `outreach-redrive` queues dead letters again. The planted at-risk
customer (a run of negative notes and an overdue invoice) gets exactly one follow-up and one
signed, accepted webhook call per episode.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.settings import Settings
from gateway.jobs.outreach_webhook import deliver_outreach, redrive_outreach
from gateway.runtime import open_runtime
from store.models import FollowUp, OutreachDelivery, OutreachEpisode, utcnow
from tests.fixtures.cli import run_gateway, said
from tests.schema.at_risk_world import CANARY_RESTRICTED, CANARY_SUPPORT, CUSTOMER, plant, score
from tests.schema.native_gateway import seeded_settings, store_engine

SECRET = "outreach-test-secret"


@dataclass
class Receiver:
    """What the loopback campaign tool saw: accepted bodies, refusals, bad signatures."""

    url: str = ""
    fail_next: int = 0
    accepted: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[str] = field(default_factory=list)
    refused: int = 0
    bad_signatures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        """Forget every call (each store's module run starts from none)."""
        with self.lock:
            self.fail_next = self.refused = self.bad_signatures = 0
            self.accepted.clear()
            self.deliveries.clear()


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            timestamp = self.headers.get("X-C360-Timestamp", "")
            expected = hmac.new(
                SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
            ).hexdigest()
            given = self.headers.get("X-C360-Signature", "")
            with receiver.lock:
                if not hmac.compare_digest(given, f"sha256={expected}"):
                    receiver.bad_signatures += 1
                    status = 401
                elif receiver.fail_next > 0:
                    receiver.fail_next -= 1
                    receiver.refused += 1
                    status = 503
                else:
                    receiver.accepted.append(json.loads(body))
                    receiver.deliveries.append(self.headers.get("X-C360-Delivery", ""))
                    status = 204
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(found))
    found.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/c360"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
async def settings(
    database_url: str, receiver: Receiver, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    found = await seeded_settings(
        database_url,
        tmp_path_factory.mktemp("outreach"),
        outreach_threshold=60,
        outreach_webhook_url=receiver.url,
        outreach_webhook_secret=SECRET,
        outreach_webhook_backoff_seconds=0,
        outreach_webhook_max_attempts=3,
    )
    await plant(found)
    receiver.reset()
    return found


async def _deliver(settings: Settings) -> str:
    async with open_runtime(settings, load_policy=False) as runtime:
        return str(await deliver_outreach(runtime))


async def _rows(settings: Settings) -> tuple[list[OutreachDelivery], int, int]:
    engine = store_engine(settings)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            deliveries = list(
                await session.scalars(
                    select(OutreachDelivery).order_by(OutreachDelivery.created_at)
                )
            )
            episodes = await session.scalar(select(func.count()).select_from(OutreachEpisode))
            follow_ups = await session.scalar(
                select(func.count()).where(FollowUp.created_by == "system:outreach")
            )
            return deliveries, int(episodes or 0), int(follow_ups or 0)
    finally:
        await engine.dispose()


async def test_one_signed_webhook_per_episode_after_retries(
    settings: Settings, receiver: Receiver
) -> None:
    # Support notes (40, capped) + restricted notes (20) + a flag (20) + the invoice (25).
    await score(settings, overdue_days=21)
    await score(settings, overdue_days=21)  # idempotent: the episode is still open
    deliveries, episodes, follow_ups = await _rows(settings)
    assert (len(deliveries), episodes, follow_ups) == (1, 1, 1)
    receiver.fail_next = 2
    assert await _deliver(settings) == "webhook: 0 sent, 1 to retry, 0 dead-lettered"
    assert await _deliver(settings) == "webhook: 0 sent, 1 to retry, 0 dead-lettered"
    assert await _deliver(settings) == "webhook: 1 sent, 0 to retry, 0 dead-lettered"
    assert await _deliver(settings) == "webhook: 0 sent, 0 to retry, 0 dead-lettered"
    assert receiver.bad_signatures == 0
    assert len(receiver.accepted) == 1
    call = receiver.accepted[0]
    assert call["customerId"] == CUSTOMER
    assert call["event"] == "customer.at_risk"
    assert receiver.deliveries == [deliveries[0].id]
    # The campaign tool learns who and when, never a reason derived from notes.
    assert CANARY_RESTRICTED not in json.dumps(call)
    assert CANARY_SUPPORT not in json.dumps(call)
    assert "note" not in json.dumps(call)
    deliveries, _, _ = await _rows(settings)
    assert deliveries[0].status == "sent"
    assert deliveries[0].attempts == 3


async def test_failures_back_off_then_dead_letter_then_redrive(
    settings: Settings, receiver: Receiver
) -> None:
    engine = store_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(delete(OutreachDelivery))
            episode = await connection.scalar(select(OutreachEpisode.id).limit(1))
            now = utcnow()
            await connection.execute(
                OutreachDelivery.__table__.insert().values(  # type: ignore[attr-defined]
                    id="delivery-dead",
                    episode_id=episode,
                    body='{"event":"customer.at_risk"}',
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
    finally:
        await engine.dispose()
    accepted = len(receiver.accepted)
    receiver.fail_next = 100
    for _ in range(2):
        assert "1 to retry" in await _deliver(settings)
    assert "1 dead-lettered" in await _deliver(settings)
    assert await _deliver(settings) == "webhook: 0 sent, 0 to retry, 0 dead-lettered"
    deliveries, _, _ = await _rows(settings)
    assert [(row.status, row.attempts, row.last_error) for row in deliveries] == [
        ("dead", 3, "HTTP 503")
    ]
    receiver.fail_next = 0
    async with open_runtime(settings, load_policy=False) as runtime:
        assert await redrive_outreach(runtime) == 1
    assert await _deliver(settings) == "webhook: 1 sent, 0 to retry, 0 dead-lettered"
    assert len(receiver.accepted) == accepted + 1


async def test_a_failure_waits_for_its_backoff(settings: Settings, receiver: Receiver) -> None:
    slow = settings.model_copy(update={"outreach_webhook_backoff_seconds": 600})
    engine = store_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(OutreachDelivery).values(
                    status="pending", attempts=0, next_attempt_at=utcnow()
                )
            )
    finally:
        await engine.dispose()
    receiver.fail_next = 1
    assert "1 to retry" in await _deliver(slow)
    # Due again only in 600 s: nothing is sent now, although the receiver is healthy.
    assert await _deliver(slow) == "webhook: 0 sent, 0 to retry, 0 dead-lettered"
    deliveries, _, _ = await _rows(settings)
    wait = (deliveries[0].next_attempt_at - utcnow()).total_seconds()
    assert 590 < wait <= 600


async def test_the_operator_commands(settings: Settings, tmp_path: Path) -> None:
    engine = store_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(update(OutreachDelivery).values(status="dead"))
    finally:
        await engine.dispose()
    environment = {
        "C360_DATABASE_URL": settings.database_url,
        "C360_ATTACHMENTS_DIR": str(tmp_path / "attachments"),
        "C360_ENVIRONMENT": "development",
    }
    redriven = run_gateway("outreach-redrive", settings=environment, timeout=120)
    assert redriven.returncode == 0, redriven.stderr
    assert "outreach: 1 dead-lettered webhook calls queued again" in said(redriven)
    top = run_gateway("at-risk", "--top", "1", settings=environment, timeout=120)
    assert top.returncode == 0, top.stderr
    printed = said(top)
    assert f"1. {CUSTOMER}" in printed
    assert "invoice overdue 21 days (overdue_invoices, 25 points)" in printed
    assert CANARY_RESTRICTED not in printed
