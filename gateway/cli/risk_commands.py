"""At-risk scoring and outreach: score-risk, at-risk, outreach-deliver, outreach-redrive."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from core.progress import Progress
from core.settings import Settings
from gateway.cli.context import command_runtime, upstream_job
from gateway.cli.draw import console

if TYPE_CHECKING:
    from gateway.jobs.risk_scoring import ScoringReport
    from gateway.runtime import Runtime


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the at-risk and outreach commands."""
    scoring = commands.add_parser(
        "score-risk",
        help="score every customer's at-risk signals, open/close outreach episodes and send "
        "the webhook calls due",
    )
    scoring.add_argument("--no-progress", action="store_true", help="no progress bars")
    scoring.set_defaults(run=lambda s, a: _score(s, progress=not a.no_progress))
    top = commands.add_parser(
        "at-risk", help="print the customers with the highest system-wide at-risk score"
    )
    top.add_argument("--top", type=int, default=5, help="how many (default 5)")
    top.set_defaults(run=lambda s, a: asyncio.run(_top(s, a.top)))
    deliver = commands.add_parser("outreach-deliver", help="send the outreach webhook calls due")
    deliver.set_defaults(run=lambda s, a: asyncio.run(_deliver(s)))
    redrive = commands.add_parser(
        "outreach-redrive", help="queue the dead-lettered outreach webhook calls again"
    )
    redrive.set_defaults(run=lambda s, a: asyncio.run(_redrive(s)))


def _score(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.outreach_webhook import deliver_outreach

    async def job(runtime: Runtime, *, progress: Progress) -> ScoringReport:
        from gateway.jobs.risk_scoring import score_risk
        from policies.enforcer import PolicyEngine

        # The owner agent's follow-up lists only what its own policy reads: load the policy.
        engine = await PolicyEngine.load(settings.casbin_model_path, settings.policy_dir)
        report = await score_risk(runtime, progress=progress, compile_view=engine.compile)
        console.print(str(report))
        console.print(str(await deliver_outreach(runtime)))
        return report

    upstream_job(settings, job, progress)
    return 0


async def _top(settings: Settings, top: int) -> int:
    from store.risk_scores import top_scores

    async with command_runtime(settings) as runtime, runtime.sessions() as session:
        rows = await top_scores(session, max(1, min(top, 100)))
    if not rows:
        console.print("no customer has an at-risk signal (run score-risk first)")
    for rank, row in enumerate(rows, start=1):
        console.print(f"{rank}. {row.customer.id} {row.customer.name}: score {row.score}")
        for reason in row.reasons:
            console.print(f"   - {reason.detail} ({reason.signal}, {reason.weight} points)")
    return 0


async def _deliver(settings: Settings) -> int:
    from gateway.jobs.outreach_webhook import deliver_outreach

    async with command_runtime(settings) as runtime:
        report = await deliver_outreach(runtime)
    console.print(str(report))
    return 0


async def _redrive(settings: Settings) -> int:
    from gateway.jobs.outreach_webhook import redrive_outreach

    async with command_runtime(settings) as runtime:
        count = await redrive_outreach(runtime)
    console.print(f"outreach: {count} dead-lettered webhook calls queued again")
    return 0
