"""Customer360 and the customer directory."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Self

import strawberry

from policies.vocabulary import FieldGroup
from resolvers import customers as resolve
from resolvers.at_risk import resolve_customer_risk
from resolvers.context import Info
from resolvers.follow_ups import customer_follow_up_page
from resolvers.lists import (
    customer_notes_page,
    interaction_page,
    risk_flag_page,
    tag_page,
)
from schema.activity import FollowUp, Interaction, RiskFlag
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.audit import AuditEntry, audit_connection
from schema.audit_filter import AuditFilter as AuditFilterInput
from schema.audit_filter import parse_audit_filter
from schema.connections import PAGE_ARGUMENTS, Connection, PageInfo, TagConnection
from schema.customer_filters import old_argument, own_entries, own_notes
from schema.customer_links import CustomerLinkFields
from schema.customer_upstream import CustomerUpstreamFields
from schema.enums import NoteCategory, NoteType, Scope
from schema.field_access import RequiresFieldGroup
from schema.follow_up_filter import FollowUpFilter
from schema.follow_up_filter import store_filter as follow_up_store_filter
from schema.interactions import FilterArgument, own_filter, store_filter
from schema.node import CUSTOMER, Node, NodeID, parse_id, raw_key
from schema.note_filter import FlatNoteArguments, parse_note_filter
from schema.note_filter import NoteFilter as NoteFilterInput
from schema.notes import NoteConnection
from schema.risk_score import CustomerRisk
from schema.upstream_field import upstream_field
from store.customer_records import StoredCustomer
from store.directory import DirectoryPage
from store.models import Customer
from store.note_reads import NoteOrder
from store.pagination import Page, page_request


@strawberry.enum(description="Badges derived from the customer's data.")
class Badge(Enum):
    VIP = "VIP"
    DORMANT = "DORMANT"
    UNDER_REVIEW = "UNDER_REVIEW"


_FORBIDDEN_NOTE = (
    " Null with a FORBIDDEN error at this path when the caller's role may not see {group} fields."
)


@strawberry.type(description="One customer, stitched from the CRM and the gateway's own data.")
class Customer360(CustomerUpstreamFields, CustomerLinkFields, Node):
    id: NodeID[str]
    customer_id: strawberry.ID = raw_key("customer")
    name: str
    email: str | None
    phone: str | None
    branch_id: strawberry.ID
    partner_id: strawberry.ID | None
    owner_agent_id: strawberry.ID | None = strawberry.field(
        deprecation_reason=deprecated_id("ownerAgent")
    )
    vip: bool
    created_at: datetime
    last_activity_at: datetime | None = strawberry.field(
        description="The CRM's last contact with the customer, as of the last CRM sync "
        "(null before it)."
    )
    referred_by_id: strawberry.Private[strawberry.ID | None]  # shown via CustomerLinkFields

    @classmethod
    def from_record(cls, row: Customer | StoredCustomer) -> Self:
        """Build from the store's customer reference."""
        return cls(
            id=row.id,
            name=row.name,
            email=row.email,
            phone=row.phone,
            branch_id=strawberry.ID(row.branch_id),
            partner_id=strawberry.ID(row.partner_id) if row.partner_id else None,
            owner_agent_id=strawberry.ID(row.owner_agent_id) if row.owner_agent_id else None,
            vip=row.vip,
            created_at=row.created_at,
            last_activity_at=row.last_activity_at,
            referred_by_id=strawberry.ID(row.referred_by_id) if row.referred_by_id else None,
        )

    @upstream_field(
        "VIP; DORMANT (no order for a year, when every order channel can be read; as of "
        "`orderFiguresAsOf`); UNDER_REVIEW (an open risk flag, shown only to roles that see "
        "risk flags).",
        reads=("order_figures_by_customer_id",),
    )
    async def badges(self, info: Info) -> list[Badge]:
        found = await resolve.resolve_badges(
            info, str(self.id), vip=self.vip, since=self.created_at
        )
        return [Badge(name) for name in found]

    @strawberry.field(
        description="Notes the caller may read, in `orderBy` (default: pinned first then "
        "newest); others do not exist (nor count). `filter.customerId`, if given, must be this "
        "customer (else BAD_USER_INPUT). " + PAGE_ARGUMENTS
    )
    async def notes(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        category: Annotated[NoteCategory | None, old_argument("category")] = None,
        type: Annotated[NoteType | None, old_argument("type")] = None,
        scope: Annotated[Scope | None, old_argument("scope")] = None,
        tag: Annotated[str | None, old_argument("tags")] = None,
        from_: Annotated[datetime | None, old_argument("from", name="from")] = None,
        to: Annotated[datetime | None, old_argument("to")] = None,
        filter: NoteFilterInput | None = None,
        order_by: NoteOrder = NoteOrder.PINNED_NEWEST,
    ) -> NoteConnection:
        flat = FlatNoteArguments(
            category=category,
            type=type,
            scope=scope,
            tags=[tag] if tag is not None else None,
            from_=from_,
            to=to,
        )
        note_filter = own_notes(parse_note_filter(filter, flat), str(self.id))
        request = page_request(first, after, last, before)
        page = await customer_notes_page(info, str(self.id), note_filter, request, order_by)
        return NoteConnection.of_notes(page)

    @strawberry.field(description=agent_field("The agent who owns the customer."))
    async def owner_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.owner_agent_id)

    @strawberry.field(description="How many notes the caller may read.")
    async def note_count(self, info: Info) -> int:
        return await resolve.resolve_note_count(info, str(self.id))

    @strawberry.field(
        description="Customer tags, alphabetically. "
        + PAGE_ARGUMENTS
        + _FORBIDDEN_NOTE.format(group="activity"),
        extensions=[RequiresFieldGroup(FieldGroup.ACTIVITY)],
    )
    async def tags(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> TagConnection | None:
        page = await tag_page(info, str(self.id), page_request(first, after, last, before))
        return TagConnection.of(page, lambda row: row.tag)

    @strawberry.field(
        description="Interactions, newest first, narrowed by `filter` (a `customerId` other "
        "than this customer's is BAD_USER_INPUT). "
        + PAGE_ARGUMENTS
        + _FORBIDDEN_NOTE.format(group="activity"),
        extensions=[RequiresFieldGroup(FieldGroup.ACTIVITY)],
    )
    async def interactions(
        self,
        info: Info,
        filter_: FilterArgument = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Interaction] | None:
        request = page_request(first, after, last, before)
        interaction_filter = own_filter(store_filter(filter_), str(self.id))
        page = await interaction_page(info, str(self.id), interaction_filter, request)
        return Connection.of(page, Interaction.from_record)

    @strawberry.field(
        description="Follow-ups narrowed by `filter`, soonest due first. "
        + PAGE_ARGUMENTS
        + _FORBIDDEN_NOTE.format(group="activity"),
        extensions=[RequiresFieldGroup(FieldGroup.ACTIVITY)],
    )
    async def follow_ups(
        self,
        info: Info,
        filter: FollowUpFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[FollowUp] | None:
        request = page_request(first, after, last, before)
        page = await customer_follow_up_page(
            info, str(self.id), follow_up_store_filter(filter), request
        )
        return Connection.of(page, FollowUp.from_record)

    @strawberry.field(
        description="Risk flags, newest first. "
        + PAGE_ARGUMENTS
        + _FORBIDDEN_NOTE.format(group="risk_flags"),
        extensions=[RequiresFieldGroup(FieldGroup.RISK_FLAGS)],
    )
    async def risk_flags(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RiskFlag] | None:
        page = await risk_flag_page(info, str(self.id), page_request(first, after, last, before))
        return Connection.of(page, RiskFlag.from_record)

    @strawberry.field(
        description="The at-risk score and its reasons from the signals the caller may read "
        "(see `atRiskCustomers`); null when none. Null with a FORBIDDEN error at this path "
        "for roles that do not see risk flags."
    )
    async def risk(self, info: Info) -> CustomerRisk | None:
        found = await resolve_customer_risk(info, str(self.id))
        return CustomerRisk.from_record(found) if found else None

    @strawberry.field(
        description="The customer's audit trail, newest first. "
        + PAGE_ARGUMENTS
        + _FORBIDDEN_NOTE.format(group="audit"),
        extensions=[RequiresFieldGroup(FieldGroup.AUDIT)],
    )
    async def audit(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: AuditFilterInput | None = None,
    ) -> Connection[AuditEntry] | None:
        audit_filter = own_entries(parse_audit_filter(filter), str(self.id))
        return await audit_connection(info, audit_filter, first, after, last, before)


@strawberry.type
class CustomerEdge:
    cursor: str
    node: Customer360


@strawberry.type(
    description=(
        "A page of customers; totalCount obeys the caller's reach and is exact up to 1000 "
        "matches (then 1000, with totalCountCapped)."
    )
)
class CustomerConnection:
    edges: list[CustomerEdge]
    page_info: PageInfo
    total_count: int
    total_count_capped: bool = strawberry.field(
        default=False,
        description=(
            "True when more customers match than the directory counts (1000): totalCount is "
            "then a lower bound, to be shown as e.g. '1000+'."
        ),
    )

    @classmethod
    def from_page(cls, page: Page[Customer]) -> Self:
        """Build from a store page."""
        edges = [
            CustomerEdge(cursor=cursor, node=Customer360.from_record(row))
            for row, cursor in zip(page.items, page.cursors, strict=True)
        ]
        return cls(
            edges=edges,
            page_info=PageInfo.of(page),
            total_count=page.total_count,
            total_count_capped=isinstance(page, DirectoryPage) and page.total_capped,
        )


@strawberry.type
class CustomerQuery:
    @strawberry.field(
        description="One customer; null with NOT_FOUND if unknown or out of the caller's reach."
    )
    async def customer(self, info: Info, id: strawberry.ID) -> Customer360 | None:
        return Customer360.from_record(
            await resolve.resolve_customer(info, parse_id(id, CUSTOMER, "id"))
        )

    @strawberry.field(
        description="The directory by name, email or phone (case and punctuation insensitive)."
    )
    async def customers(
        self,
        info: Info,
        query: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> CustomerConnection | None:
        page = await resolve.resolve_customers(info, query=query, first=first, after=after)
        return CustomerConnection.from_page(page)
