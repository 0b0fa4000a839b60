"""The `redrive` job: replay stored intake failures through the current mapping and rules.

Unlike the `redriveIntakeFailures` mutation, which re-reads the upstreams, this replays the
stored raw payloads offline: it needs the configured mapping, not the upstream systems.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.progress import SILENT, Progress
from datasources.config import UpstreamConfig
from datasources.orders.replay import ChannelMappings
from datasources.records import OrderRecord
from gateway.runtime import Runtime
from store import intake
from store.models import IntakeFailure, utcnow
from store.write_context import transaction

CLI_ACTOR = "cli:redrive"
TASK = "redriving intake failures"


@dataclass(frozen=True, slots=True)
class RedriveReport:
    """What a CLI redrive did."""

    attempted: int
    resolved: int
    still_failing: int


async def redrive(
    runtime: Runtime, *, progress: Progress = SILENT, batch_size: int = 200
) -> RedriveReport:
    """Replay every open failure's stored payload through the current mapping and rules."""
    mappings = _mappings(runtime.upstream_config)
    sessions = runtime.sessions
    attempted = resolved = 0
    async with sessions() as session:
        total = await intake.count_open(session)
    progress.start(TASK, total)
    last = ""
    while True:
        async with transaction(sessions) as session:
            ids = await intake.open_ids(session, after_id=last, limit=batch_size)
            if not ids:
                break
            rows = await intake.get_many(session, ids)
            for failure_id in ids:
                resolved += _replay(mappings, rows[failure_id])
        last = ids[-1]
        attempted += len(ids)
        progress.advance(TASK, len(ids))
    progress.finish(TASK)
    return RedriveReport(attempted, resolved, attempted - resolved)


def _replay(mappings: ChannelMappings, failure: IntakeFailure) -> bool:
    outcome = mappings.replay(failure.channel, failure.raw)
    now = utcnow()
    if isinstance(outcome, OrderRecord):
        intake.mark_resolved(failure, by=CLI_ACTOR, now=now)
        return True
    intake.mark_still_failing(failure, reason=outcome.reason, error=outcome.reason, now=now)
    return False


def _mappings(config: UpstreamConfig | None) -> ChannelMappings:
    # Without a configuration file the gateway runs the demo upstreams, whose mappings are
    # the configuration defaults.
    return ChannelMappings.from_config(config) if config else ChannelMappings.demo()
