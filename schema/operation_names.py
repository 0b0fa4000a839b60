"""The operation names the project itself sends: the only values a metrics label may take.

Operation names are chosen by clients, so as a Prometheus label they would let anyone grow
the series count without bound. Operations named here are counted under their name; any
other named operation under ``other``, an unnamed one under ``anonymous``. The list holds the
notes widget's queries (web/src/queries.ts), the README's examples, the benchmarks' queries
and one smoke check;
a test keeps it in step with the first two.
"""

from __future__ import annotations

WIDGET_OPERATIONS = frozenset(
    {
        "WidgetMe",
        "WidgetNotes",
        "WidgetMoreNotes",
        "WidgetSearch",
        "WidgetNote",
        "WidgetHistory",
        "WidgetActivityTab",
        "WidgetLogInteraction",
        "WidgetCompleteFollowUp",
        "WidgetRescheduleFollowUp",
        "WidgetReassignFollowUp",
        "WidgetCancelFollowUp",
        "WidgetMoreInteractions",
        "WidgetMoreFollowUps",
        "WidgetCreate",
        "WidgetUpdate",
        "WidgetDelete",
        "WidgetRestore",
        "WidgetAgents",
    }
)
README_OPERATIONS = frozenset(
    {
        "Customer360",
        "Directory",
        "Write",
        "Report",
        "Search",
        "Refetch",
        "CallsByAgent",
        "AgentCalls",
        "TeamFollowUps",
        "Reschedule",
        "Delete",
        "Flag",
        "PerDay",
        "Tag",
        "AtRisk",
    }
)
BENCH_OPERATIONS = frozenset({"Create", "Customers", "Find", "List", "One", "Orders"})
SMOKE_OPERATIONS = frozenset({"Me"})
"""The one-field check the HTTP tests send to see operations counted by name."""

KNOWN_OPERATIONS = WIDGET_OPERATIONS | README_OPERATIONS | BENCH_OPERATIONS | SMOKE_OPERATIONS
OTHER = "other"
ANONYMOUS = "anonymous"


def operation_label(name: str | None) -> str:
    """The metrics label for an operation name: itself when known, else a shared bucket."""
    if not name:
        return ANONYMOUS
    return name if name in KNOWN_OPERATIONS else OTHER
