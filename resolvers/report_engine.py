"""noteReport by CUSTOMER from the search engine, whenever it gives the scan's answer.

Only with OpenSearch configured (the embedded backend keeps the scan). The scan answers
instead, with the same rows and a log line, when the index may be behind the store (a note
change waiting longer than `C360_SEARCH_REPORT_MAX_LAG_SECONDS`, or dead-lettered), when the
engine is unreachable, failing or slow, and when the request is one it cannot count exactly
(see search/report_aggregation.py). The index follows the store within the indexer's drain
and a refresh, about a second.
"""

from __future__ import annotations

from datetime import timedelta

import structlog

from core.errors import SearchUnavailable
from resolvers.context import Info
from search.index_freshness import index_lag_problem
from search.opensearch_backend import OpenSearchBackend
from search.report_aggregation import EngineDeclined, ReportAnswer, customer_report
from store.note_reads import NoteFilter
from store.pagination import PageRequest
from store.reports import ReportWindow, effective_window
from store.visibility import note_visibility

_log = structlog.get_logger("gateway.report_engine")


async def engine_customer_report(
    info: Info,
    report_window: ReportWindow,
    report_filter: NoteFilter,
    request: PageRequest,
    *,
    count_groups: bool = True,
) -> ReportAnswer | None:
    """The engine's page of the report by customer, or None: the scan must answer."""
    backend = info.context.search
    if not isinstance(backend, OpenSearchBackend):
        return None
    since, until = effective_window(report_window, report_filter)
    try:
        max_lag = timedelta(seconds=info.context.settings.search_report_max_lag_seconds)
        problem = await index_lag_problem(info.context.sessions, max_lag)
        if problem is not None:
            raise EngineDeclined(problem)
        return await customer_report(
            backend,
            note_visibility(info.context.policy),
            report_filter,
            since,
            until,
            request,
            count_groups=count_groups,
        )
    except EngineDeclined as exc:
        _log.info("note report by customer counted by the store", reason=str(exc))
    except SearchUnavailable as exc:
        _log.warning("note report by customer counted by the store", reason=str(exc))
    except (KeyError, TypeError, ValueError) as exc:
        # An answer of an unexpected shape: the store still knows the right one.
        _log.warning("note report by customer counted by the store", reason=repr(exc)[:300])
    return None
