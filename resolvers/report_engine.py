"""noteReport by CUSTOMER from the search engine, whenever it gives the scan's answer.

Only with OpenSearch configured (the embedded backend keeps the scan). As searchNotes does,
the notes whose latest change the index may not hold yet are read from the store
(`unsettled_note_ids`): the engine leaves them out and the store counts those the caller reads,
so the report is the scan's at every moment (more than 10,000 of them: the scan). The scan
answers instead, with the same rows and a log line, when the engine is unreachable, failing
or slow, and when the request is one it cannot count exactly (see
search/report_aggregation.py).
"""

from __future__ import annotations

import structlog

from core.errors import SearchUnavailable
from resolvers.context import Info
from search.opensearch_backend import OpenSearchBackend
from search.report_aggregation import EngineDeclined, customer_report
from store.keyset import CappedPage
from store.note_reads import NoteFilter
from store.outbox import unsettled_note_ids
from store.pagination import PageRequest
from store.reports import (
    NoteGroup,
    ReportRow,
    ReportWindow,
    effective_window,
    groups_of_notes,
)
from store.visibility import note_visibility

_log = structlog.get_logger("gateway.report_engine")


async def engine_customer_report(
    info: Info,
    report_window: ReportWindow,
    report_filter: NoteFilter,
    request: PageRequest,
) -> CappedPage[ReportRow] | None:
    """The engine's page of the report by customer, or None: the scan must answer."""
    backend = info.context.search
    if not isinstance(backend, OpenSearchBackend):
        return None
    view = info.context.policy
    since, until = effective_window(report_window, report_filter)
    try:
        unsettled = await unsettled_note_ids(info.context.sessions)
        async with info.context.sessions() as session:
            pending = await groups_of_notes(
                session, view, NoteGroup.CUSTOMER, report_filter, since, until, unsettled
            )
        return await customer_report(
            backend,
            note_visibility(view),
            report_filter,
            since,
            until,
            request,
            unsettled=unsettled,
            pending=pending,
        )
    except EngineDeclined as exc:
        _log.info("note report by customer counted by the store", reason=str(exc))
    except SearchUnavailable as exc:
        _log.warning("note report by customer counted by the store", reason=str(exc))
    except (KeyError, TypeError, ValueError) as exc:
        # An answer of an unexpected shape: the store still knows the right one.
        _log.warning("note report by customer counted by the store", reason=repr(exc)[:300])
    return None
