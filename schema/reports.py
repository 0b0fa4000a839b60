"""Dashboard reports: notes and interactions counted by the database, and the QA review."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated, Self

import strawberry

from resolvers import reports as resolve
from resolvers.context import Info
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.connections import Connection
from schema.filter_args import deprecated_argument
from schema.interaction_report import (
    INTERACTION_REPORT,
    FilterArgument,
    ReportFrom,
    ReportTo,
    interaction_report_page,
)
from schema.note_filter import FlatNoteArguments, NoteFilter, parse_note_filter
from schema.notes import Note
from store import reports
from store.interaction_reads import InteractionGroup
from store.keyset import CappedPage
from store.note_reads import NoteFilter as NoteReportFilter
from store.pagination import PageRequest, page_request

strawberry.enum(
    reports.CreationGroup,
    name="NoteCreationTimeGroup",
    description="What to summarise note creation times by.",
)

From = Annotated[
    datetime | None, strawberry.argument(name="from", description="Default: 30 days before `to`.")
]
To = Annotated[datetime | None, strawberry.argument(description="Default: now.")]
# The note reports' window is their filter's `from`/`to` (the old arguments until v2).
OldFrom = Annotated[
    datetime | None,
    strawberry.argument(name="from", deprecation_reason=deprecated_argument("from")),
]
OldTo = Annotated[
    datetime | None, strawberry.argument(deprecation_reason=deprecated_argument("to"))
]
NOTE_WINDOW = " `filter.from` defaults to 30 days before `filter.to`, which defaults to now."
ROLLUP = (
    " Summed from per-day and per-month counts kept with every note write (a label override "
    "or reclassification included), so a long window costs little; these are counted note by "
    "note instead (same answer, slower over long windows): "
    "`filter.customerId`, `importance` or `tags`; `filter.agentId`, `type`, `category`, "
    "`sentiments` or `urgencies` unless grouping by that same field; and callers who reach "
    "assigned customers, only themselves, or both branches and a partner. Grouped by "
    "CUSTOMER with OpenSearch configured, the search engine counts under the same permission "
    "filter (notes it has not indexed yet are counted from the store; it shows an indexed "
    "change within a refresh, half a second), and past 10,000 groups or with the engine "
    "unreachable the notes are counted one by one (same rows). Grouped by CUSTOMER, "
    "`totalCount` is exact up to 1000 groups (then 1000, with `totalCountCapped`)."
)


@strawberry.enum(name="NoteReportGroup", description="What to count notes by.")
class NoteReportGroup(Enum):
    TYPE = reports.NoteGroup.TYPE
    CATEGORY = reports.NoteGroup.CATEGORY
    SCOPE = reports.NoteGroup.SCOPE
    AGENT = strawberry.enum_value(reports.NoteGroup.AGENT, description="The note's author.")
    OPERATOR = strawberry.enum_value("operator", deprecation_reason="Use AGENT. Removed in v2.")
    CUSTOMER = reports.NoteGroup.CUSTOMER
    DAY = reports.NoteGroup.DAY
    TAG = reports.NoteGroup.TAG
    SENTIMENT = strawberry.enum_value(
        reports.NoteGroup.SENTIMENT,
        description="The note's sentiment (suggested or overridden); null key: not classified.",
    )
    URGENCY = strawberry.enum_value(
        reports.NoteGroup.URGENCY,
        description="The note's urgency (suggested or overridden); null key: not classified.",
    )

    def to_store(self) -> reports.NoteGroup:
        """The store's grouping (OPERATOR is AGENT)."""
        return (
            reports.NoteGroup.AGENT
            if self is NoteReportGroup.OPERATOR
            else reports.NoteGroup(self.value)
        )


# Groups whose keys are enum values (NoteType, NoteCategory, Scope): shown UPPER_CASE.
ENUM_GROUPS = {
    reports.NoteGroup.TYPE,
    reports.NoteGroup.CATEGORY,
    reports.NoteGroup.SCOPE,
    reports.NoteGroup.SENTIMENT,
    reports.NoteGroup.URGENCY,
}


def _note_report(
    given: NoteFilter | None, from_: datetime | None, to: datetime | None
) -> tuple[reports.ReportWindow, NoteReportFilter]:
    """A note report's window and filter; the window is `filter.from`/`filter.to`."""
    note_filter = parse_note_filter(given, FlatNoteArguments(from_=from_, to=to))
    return resolve.window(note_filter.since, note_filter.until), note_filter


def _report_page(first: int | None, after: str | None) -> PageRequest:
    return page_request(first, after, default=100, maximum=reports.MAX_ROWS)


@strawberry.type(description="One group of a report and how many records it holds.")
class ReportRow:
    key: str | None = strawberry.field(description="Null: records that leave the field empty.")
    count: int
    # The key is an agent id (noteReport and interactionReport by AGENT).
    names_agent: strawberry.Private[bool] = False
    # The key is a UTC day, YYYY-MM-DD (grouped by DAY).
    names_day: strawberry.Private[bool] = False

    @strawberry.field(
        description=agent_field("The agent of this group (grouped by agent; else null).")
    )
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.key if self.names_agent else None)

    @strawberry.field(description="The UTC day of this group (grouped by DAY; else null).")
    def day(self) -> date | None:
        return date.fromisoformat(self.key) if self.names_day and self.key else None

    @classmethod
    def from_record(
        cls,
        row: reports.ReportRow,
        *,
        names_agent: bool = False,
        names_day: bool = False,
        enum_key: bool = False,
    ) -> Self:
        """Build from a store row; an enum-valued key is shown as its GraphQL name."""
        key = row.key.upper() if enum_key and row.key is not None else row.key
        return cls(key=key, count=row.count, names_agent=names_agent, names_day=names_day)


@strawberry.type(
    name="ReportRowConnection",
    description="A page of report rows; totalCount counts the groups the caller may see "
    "(grouped by customer: exactly up to 1000, then 1000 with totalCountCapped).",
)
class ReportRowConnection(Connection[ReportRow]):
    total_count_capped: bool = strawberry.field(
        default=False,
        description="True when the caller may see more groups than are counted (1000; "
        "noteReport by CUSTOMER only): totalCount is then a lower bound, to be shown as e.g. "
        "'1000+'. Always false for the other groupings.",
    )


@strawberry.type(description="Notes one agent created on one UTC day.")
class AgentDayCount:
    agent_id: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("agent"))
    day: date = strawberry.field(description="The UTC calendar day.")
    count: int

    @strawberry.field(description=agent_field("The agent."))
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.agent_id)


@strawberry.type(
    description="Note creation time (editor opened to note saved, measured by the notes "
    "widget) over one agent's or one UTC day's notes; the target is under 30 s on average."
)
class NoteCreationTimes:
    key: str = strawberry.field(description="The agent id, or the day as YYYY-MM-DD (UTC).")
    notes: int = strawberry.field(description="Notes with a measured creation time.")
    average_ms: float
    p90_ms: int = strawberry.field(description="90th percentile (nearest rank).")
    # The key is an agent id (grouped by AGENT).
    names_agent: strawberry.Private[bool] = False

    @strawberry.field(
        description=agent_field("The agent of this group (grouped by agent; else null).")
    )
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.key if self.names_agent else None)

    @strawberry.field(description="The UTC day of this group (grouped by DAY; else null).")
    def day(self) -> date | None:
        return None if self.names_agent else date.fromisoformat(self.key)

    @classmethod
    def from_record(cls, row: reports.CreationTimes, *, names_agent: bool = False) -> Self:
        """Build from a store row."""
        return cls(
            key=row.key,
            notes=row.notes,
            average_ms=round(row.average_ms, 1),
            p90_ms=row.p90_ms,
            names_agent=names_agent,
        )


@strawberry.type(description="The QA review of one agent's notes over the window.")
class AgentReview:
    agent_id: strawberry.ID = strawberry.field(deprecation_reason=deprecated_id("agent"))
    notes: int
    active_days: int
    window_days: int
    notes_per_active_day: float
    target_min: int
    target_max: int
    within_target: bool
    tagged_share: float = strawberry.field(description="Share of notes with at least one tag.")
    categorised_share: float = strawberry.field(
        description="Share of notes filed under a category other than general."
    )
    edited_after_creation: int
    sample: list[Note] = strawberry.field(description="The agent's most recent notes.")
    corrected_notes: int = strawberry.field(
        default=0,
        description="Notes whose type, category, scope or importance an edit changed within "
        "7 days of creation (README: data-entry accuracy).",
    )
    accuracy: float = strawberry.field(
        default=1.0,
        description="Data-entry accuracy: share of `notes` not corrected, (notes - "
        "correctedNotes) / notes, to 4 places. The product target is above 0.98.",
    )

    @strawberry.field(description=agent_field("The agent under review."))
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.agent_id)

    @classmethod
    def from_record(cls, row: reports.AgentReview) -> Self:
        """Build from a store review."""
        low, high = reports.TARGET_NOTES_PER_DAY
        return cls(
            agent_id=strawberry.ID(row.agent_id),
            notes=row.notes,
            active_days=row.active_days,
            window_days=row.window_days,
            notes_per_active_day=round(row.notes_per_active_day, 2),
            target_min=low,
            target_max=high,
            within_target=row.within_target,
            tagged_share=round(row.tagged / row.notes, 4) if row.notes else 0.0,
            categorised_share=round(row.categorised / row.notes, 4) if row.notes else 0.0,
            edited_after_creation=row.edited,
            sample=[Note.from_record(note) for note in row.sample],
            corrected_notes=row.corrected,
            accuracy=round(row.accuracy, 4),
        )


@strawberry.type
class ReportQuery:
    @strawberry.field(
        description="Notes the caller can read, counted per group (largest first; DAY by date); "
        "`totalCount` counts the groups. `first`/`after` page forwards (default 100, at most "
        "1000)." + NOTE_WINDOW + ROLLUP
    )
    async def note_report(
        self,
        info: Info,
        group_by: NoteReportGroup,
        from_: OldFrom = None,
        to: OldTo = None,
        filter: NoteFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ReportRowConnection | None:
        report_window, note_filter = _note_report(filter, from_, to)
        group = group_by.to_store()
        page = await resolve.resolve_note_report(
            info, group, report_window, note_filter, _report_page(first, after)
        )
        by_agent, by_day = group is reports.NoteGroup.AGENT, group is reports.NoteGroup.DAY
        by_enum = group in ENUM_GROUPS
        connection = ReportRowConnection.of(
            page,
            lambda row: ReportRow.from_record(
                row, names_agent=by_agent, names_day=by_day, enum_key=by_enum
            ),
        )
        connection.total_count_capped = isinstance(page, CappedPage) and page.total_capped
        return connection

    @strawberry.field(
        description="Notes the caller can read, per agent per UTC day, by agent then day. "
        "`first`/`after` page forwards (default 100, at most 1000)." + NOTE_WINDOW
    )
    async def notes_per_agent_per_day(
        self,
        info: Info,
        from_: OldFrom = None,
        to: OldTo = None,
        filter: NoteFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AgentDayCount] | None:
        report_window, note_filter = _note_report(filter, from_, to)
        page = await resolve.resolve_notes_per_agent_per_day(
            info, report_window, note_filter, _report_page(first, after)
        )
        return Connection.of(
            page,
            lambda row: AgentDayCount(
                agent_id=strawberry.ID(row.agent_id),
                day=date.fromisoformat(row.day),
                count=row.count,
            ),
        )

    @strawberry.field(
        description="Average and p90 note creation time of the caller's readable notes, "
        "per agent or per UTC day (notes the widget measured), by key. `first`/`after` page "
        "forwards (default 100, at most 1000)." + NOTE_WINDOW
    )
    async def note_creation_times(
        self,
        info: Info,
        group_by: reports.CreationGroup,
        from_: OldFrom = None,
        to: OldTo = None,
        filter: NoteFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NoteCreationTimes] | None:
        report_window, note_filter = _note_report(filter, from_, to)
        page = await resolve.resolve_note_creation_times(
            info, group_by, report_window, note_filter, _report_page(first, after)
        )
        by_agent = group_by is reports.CreationGroup.AGENT
        return Connection.of(
            page, lambda row: NoteCreationTimes.from_record(row, names_agent=by_agent)
        )

    @strawberry.field(description=INTERACTION_REPORT)
    async def interaction_report(
        self,
        info: Info,
        group_by: InteractionGroup,
        filter_: FilterArgument = None,
        from_: ReportFrom = None,
        to: ReportTo = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ReportRowConnection | None:
        page = await interaction_report_page(info, group_by, filter_, from_, to, first, after)
        by_agent, by_day = group_by is InteractionGroup.AGENT, group_by is InteractionGroup.DAY
        return ReportRowConnection.of(
            page,
            lambda row: ReportRow(
                key=row.key, count=row.count, names_agent=by_agent, names_day=by_day
            ),
        )

    @strawberry.field(
        description="QA review per agent (by agent id): notes per day vs the 15-20 target, "
        "completeness, edits after creation and recent notes. QA and senior roles only. "
        "`first`/`after` page forwards (default 100, at most 1000)." + NOTE_WINDOW
    )
    async def qa_report(
        self,
        info: Info,
        from_: OldFrom = None,
        to: OldTo = None,
        filter: NoteFilter | None = None,
        sample_size: int = 5,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[AgentReview] | None:
        report_window, note_filter = _note_report(filter, from_, to)
        page = await resolve.resolve_qa_report(
            info, report_window, note_filter, _report_page(first, after), sample_size
        )
        return Connection.of(page, AgentReview.from_record)
