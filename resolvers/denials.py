"""Denied reads collected during one request and appended to the audit log once, at its end.

A hidden field on a list of a hundred customers is a hundred denials; they are gathered here
and written in one transaction by the `AuditDenials` schema extension, not one write each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from policies.view import PolicyView
from store.audit import DENIED_PREFIX, Target, append
from store.write_context import WriteContext, transaction


@dataclass(frozen=True, slots=True)
class Denial:
    """One refused read: what was asked for, about which record, and why."""

    action: str
    target: Target
    reason: str


@dataclass
class DenialLog:
    """The request's denials, deduplicated, in the order they happened."""

    _denials: dict[Denial, None] = field(default_factory=dict)

    def add(self, action: str, target: Target, reason: str) -> None:
        """Remember one denial (repeats within a request are recorded once)."""
        self._denials[Denial(action, target, reason)] = None

    def __len__(self) -> int:
        return len(self._denials)

    async def flush(
        self,
        sessions: async_sessionmaker[AsyncSession],
        view: PolicyView,
        request_id: str | None,
    ) -> int:
        """Append every denial in one transaction; return how many were written."""
        denials = list(self._denials)
        if not denials:
            return 0
        ctx = WriteContext(view=view, request_id=request_id)
        async with transaction(sessions) as session:
            for denial in denials:
                await append(
                    session,
                    ctx,
                    DENIED_PREFIX + denial.action,
                    denial.target,
                    detail={"reason": denial.reason},
                )
        self._denials.clear()
        return len(denials)
