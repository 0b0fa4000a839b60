"""Resolvers for dashboard and QA reports; the caller's own visibility bounds every count."""

from __future__ import annotations

from datetime import datetime, timedelta

from policies.decisions import can_read_qa_report, can_read_reports
from resolvers.access_audit import rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.report_engine import engine_customer_report
from resolvers.writes import deny
from store import report_pages, reports
from store.audit import Target
from store.models import utcnow
from store.note_reads import NoteFilter
from store.pagination import Page, PageRequest

DEFAULT_DAYS = 30


def window(since: datetime | None, until: datetime | None) -> reports.ReportWindow:
    """The report window; defaults to the last 30 days up to now (to the millisecond: the
    search index's resolution, so the default window is one the engine can count)."""
    if until is None:
        now = utcnow()
        until = now.replace(microsecond=now.microsecond // 1000 * 1000)
    return reports.ReportWindow(since or until - timedelta(days=DEFAULT_DAYS), until)


async def _check(info: Info, allowed: bool, report: str) -> None:
    require_authenticated(info)
    if not allowed:
        raise await deny(
            info,
            f"report.{report}",
            Target("report", report),
            "the caller may not read this report",
        )


async def resolve_note_report(
    info: Info,
    group: reports.NoteGroup,
    report_window: reports.ReportWindow,
    report_filter: reports.NoteReportFilter,
    request: PageRequest,
) -> Page[reports.ReportRow]:
    """A page of counts of the caller's readable notes per group (by customer from the
    search engine when it can give the same answer, see resolvers/report_engine.py)."""
    await _check(info, can_read_reports(info.context.policy), "notes")
    if group is reports.NoteGroup.CUSTOMER:
        page = await engine_customer_report(info, report_window, report_filter, request)
        if page is not None:
            return page
    async with info.context.sessions() as session:
        return await reports.note_report(
            session, info.context.policy, group, report_window, report_filter, request
        )


async def resolve_notes_per_agent_per_day(
    info: Info,
    report_window: reports.ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
) -> Page[reports.AgentDay]:
    """A page of readable notes per agent per day."""
    await _check(info, can_read_reports(info.context.policy), "notes_per_agent_per_day")
    async with info.context.sessions() as session:
        return await report_pages.agent_day_page(
            session, info.context.policy, report_window, note_filter, request
        )


async def resolve_note_creation_times(
    info: Info,
    group: reports.CreationGroup,
    report_window: reports.ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
) -> Page[reports.CreationTimes]:
    """A page of average and p90 note creation time per agent or day, over readable notes."""
    await _check(info, can_read_reports(info.context.policy), "note_creation_times")
    async with info.context.sessions() as session:
        return await report_pages.creation_times_page(
            session, info.context.policy, group, report_window, note_filter, request
        )


async def resolve_qa_report(
    info: Info,
    report_window: reports.ReportWindow,
    note_filter: NoteFilter,
    request: PageRequest,
    sample_size: int,
) -> Page[reports.AgentReview]:
    """A page of the QA review, one agent per row."""
    await _check(info, can_read_qa_report(info.context.policy), "qa")
    async with info.context.sessions() as session:
        page = await report_pages.qa_review_page(
            session,
            info.context.policy,
            report_window,
            note_filter,
            request,
            sample_size=sample_size,
        )
    rows_shown(info, (note for review in page.items for note in review.sample))
    return page
