"""Recording what sensitive data a request returned, and reading the record back (`accessLog`).

Resolvers call `notes_shown` / `group_shown` with what they hand to the caller, after policy
trimming, so a caller shown no restricted note records nothing for restricted notes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import structlog

from policies.decisions import can_read_audit_log
from policies.vocabulary import FieldGroup
from resolvers.context import Context, Info
from resolvers.guards import require_authenticated
from resolvers.writes import deny
from store.access_audit import (
    AUDITED_FIELD_GROUPS,
    AUDITED_SCOPES,
    AccessFilter,
    AccessGroup,
    access_page,
)
from store.audit import Target
from store.models import AccessRead, Note, NoteRevision
from store.note_reads import NoteRow
from store.note_records import NoteRecord
from store.pagination import Page, PageRequest

_log = structlog.get_logger("gateway.access_audit")


def notes_shown(info: Info, notes: Iterable[Note | NoteRecord]) -> None:
    """Record the restricted notes among `notes` (those handed to the caller)."""
    access = info.context.access
    for note in notes:
        if note.scope in AUDITED_SCOPES:
            access.note(note.customer_id, note.id)


def rows_shown(info: Info, rows: Iterable[NoteRow | None]) -> None:
    """`notes_shown` for note rows (a None, a note not shown, is skipped)."""
    notes_shown(info, (row.note for row in rows if row is not None))


async def revisions_shown(info: Info, note_id: str, revisions: Iterable[NoteRevision]) -> None:
    """Record the note of a history page whose revisions were restricted then or after."""
    if any(
        rev.scope_before in AUDITED_SCOPES or rev.scope_after in AUDITED_SCOPES for rev in revisions
    ):
        row = await info.context.store.note_by_id.load(note_id)
        if row is not None:
            info.context.access.note(row.note.customer_id, note_id)


def group_shown(info: Info, customer_id: str | None, group: FieldGroup) -> None:
    """Record that the caller was shown `group` of a customer (only audited groups count)."""
    access = AUDITED_FIELD_GROUPS.get(group)
    if access is not None:
        info.context.access.group(customer_id, access)


def audit_rows_shown(info: Info, customer_ids: Iterable[str | None], asked: str | None) -> None:
    """Record a page of an audit trail: one audit read per customer it showed rows about (an
    empty page: the customer asked about, or none)."""
    access = info.context.access
    shown = False
    for customer_id in customer_ids:
        access.group(customer_id, AccessGroup.AUDIT)
        shown = True
    if not shown:
        access.group(asked, AccessGroup.AUDIT)


async def flush(context: Context) -> None:
    """Write the request's reads (if the access audit is on); a failure is counted and
    logged, never raised: the answer is already sent."""
    if not len(context.access) or not context.settings.access_audit_enabled:
        return
    # Shielded: a request deadline reached meanwhile cancels the request, not its record.
    await asyncio.shield(_write(context))


async def _write(context: Context) -> None:
    principal = context.principal
    outcomes = context.metrics.access_audit_flushes
    try:
        # On the request's read connection when one is kept (PostgreSQL: no transaction).
        await context.access.flush(
            context.sessions,
            principal=principal.subject,
            role=principal.role,
            connections=context.store.sessions,
        )
    except asyncio.CancelledError:
        outcomes.labels(outcome="failed").inc()  # shutdown: lost, but counted
        raise
    except Exception:
        outcomes.labels(outcome="failed").inc()
        _log.exception("could not record the request's sensitive reads", request=context.request_id)
    else:
        outcomes.labels(outcome="ok").inc()


async def resolve_access_log(
    info: Info, access_filter: AccessFilter, request: PageRequest
) -> Page[AccessRead]:
    """A page of the access log for principals who read the audit log (FORBIDDEN otherwise,
    and the refusal is audited)."""
    require_authenticated(info)
    if not can_read_audit_log(info.context.policy):
        target = Target("access_log", None, access_filter.customer_id)
        raise await deny(info, "access_log.read", target, "the caller may not read the access log")
    async with info.context.sessions() as session:
        page = await access_page(session, info.context.policy, access_filter, request)
    audit_rows_shown(info, (row.customer_id for row in page.items), access_filter.customer_id)
    return page
