"""The `sync-agents` job: copy the staff directory into the agent directory, incrementally.

Each run reads only the staff rows changed at or after the watermark (the newest change time
it copied before; every row on the first run), page by page, and writes only what differs:
new staff are inserted, changed ones updated, rows marked inactive deactivate their agent.
Then the ids the directory still lists are compared with the synced agents, and those gone
from it are deactivated too. A second run with nothing changed writes no row.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.progress import SILENT, Progress
from datasources.records import StaffRecord
from datasources.staff import StaffDirectory
from gateway.runtime import Runtime
from store.agent_directory import (
    DirectoryAgent,
    DirectoryChanges,
    apply_directory,
    deactivate_missing,
    directory_watermark,
)
from store.models import utcnow
from store.write_context import transaction

PAGE_SIZE = 500
TASK = "staff from the directory"


class NoStaffDirectory(RuntimeError):
    """Neither an HTTP staff directory nor a CRM staff table is configured."""


@dataclass(frozen=True, slots=True)
class AgentSyncReport:
    """What one sync read and wrote."""

    read: int
    inserted: int
    updated: int
    deactivated: int
    skipped: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()

    @property
    def touched(self) -> int:
        """Agent rows written."""
        return self.inserted + self.updated + self.deactivated

    def __str__(self) -> str:
        text = (
            f"synced agents from the staff directory: {self.read} changed rows read, "
            f"{self.inserted} inserted, {self.updated} updated, {self.deactivated} deactivated"
        )
        if self.skipped:
            text += f"; skipped (e-mail of another agent): {', '.join(self.skipped[:10])}"
        if self.unreadable:
            text += f"; unreadable rows: {'; '.join(self.unreadable[:10])}"
        return text


def _agent(record: StaffRecord) -> DirectoryAgent:
    return DirectoryAgent(
        id=record.id,
        name=record.name,
        email=record.email,
        role=record.role or "",
        branch_id=record.branch_id,
        # Without a role nobody can be granted anything: such a row is a leaver.
        active=record.active and bool(record.role),
        updated_at=record.updated_at,
    )


def staff_source(runtime: Runtime) -> StaffDirectory:
    """The configured staff directory ([staff_api], else [crm.staff]), or NoStaffDirectory."""
    staff = runtime.require_upstreams().staff
    if staff is None:
        raise NoStaffDirectory(
            "no staff directory is configured ([staff_api], or the CRM's [crm.staff] table)"
        )
    return staff


async def sync_agents(runtime: Runtime, *, progress: Progress = SILENT) -> AgentSyncReport:
    """Insert, update and deactivate agents from the staff rows changed since the last run."""
    staff = staff_source(runtime)
    now = utcnow()
    async with runtime.sessions() as session:
        since = await directory_watermark(session)
    changes = DirectoryChanges()
    read = 0
    unreadable: list[str] = []
    progress.start(TASK)
    after: str | None = None
    while True:
        page = await staff.changed_since(since, first=PAGE_SIZE, after=after)
        async with transaction(runtime.sessions) as session:
            changes += await apply_directory(session, [_agent(r) for r in page.records], now)
        unreadable += page.unreadable
        read += len(page.records) + len(page.unreadable)
        progress.advance(TASK, len(page.records) + len(page.unreadable))
        if page.next is None:
            break
        after = page.next
    listed = await staff.listed_ids()
    async with transaction(runtime.sessions) as session:
        gone = await deactivate_missing(session, listed, now)
    progress.finish(TASK)
    return AgentSyncReport(
        read=read,
        inserted=changes.inserted,
        updated=changes.updated,
        deactivated=changes.deactivated + gone,
        skipped=changes.skipped,
        unreadable=tuple(unreadable),
    )
