"""Step 1 of the data path: the GraphQL schema.

Strawberry types, inputs and root fields per domain, assembled once with its extensions.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxTokensLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from core.settings import Settings
from schema.access_log import AccessLogQuery
from schema.activity_mutations import ActivityMutation
from schema.admin_mutations import AdminMutation, AdminQuery
from schema.agents import AgentQuery
from schema.at_risk import AtRiskQuery
from schema.attachment_mutations import AttachmentMutation
from schema.audit import AuditQuery
from schema.audit_denials import AuditDenials
from schema.cost import CostLimit, CostModel
from schema.customer import CustomerQuery
from schema.customer_gate import CustomerGateScope
from schema.deleted_notes import DeletedNoteQuery
from schema.errors import ErrorCodes
from schema.follow_up_mutations import FollowUpMutation
from schema.follow_ups import FollowUpQuery
from schema.input_guard import InputGuard
from schema.intake import IntakeMutation, IntakeQuery, IntakeRecorder
from schema.interactions import InteractionQuery
from schema.label_mutations import LabelMutation
from schema.limits import AliasLimit, DepthLimit
from schema.me import MeQuery
from schema.node_query import NodeQuery
from schema.note_mutations import NoteMutation
from schema.notes import NoteQuery
from schema.observability import OperationMetrics
from schema.parse_cache import SafeParserCache
from schema.partial_errors import PartialResultErrors
from schema.policy_admin import PolicyAdminMutation
from schema.rate_limit import RateLimit
from schema.reports import ReportQuery
from schema.resolution_gaps import ResolutionGapQuery
from schema.scalars import SCALAR_OVERRIDES
from schema.search import SearchQuery
from schema.suggestions import HideSuggestions
from schema.tags import TagMutation, TagQuery
from schema.trace_operation import TraceOperation

SDL_PATH = Path(__file__).with_name("schema.graphql")


@strawberry.type
class Query(
    MeQuery,
    CustomerQuery,
    NoteQuery,
    DeletedNoteQuery,
    FollowUpQuery,
    InteractionQuery,
    AdminQuery,
    ReportQuery,
    ResolutionGapQuery,
    AuditQuery,
    AccessLogQuery,
    SearchQuery,
    IntakeQuery,
    TagQuery,
    AgentQuery,
    NodeQuery,
    AtRiskQuery,
):
    """Root query: the merge of every domain's root fields."""


@strawberry.type
class Mutation(
    NoteMutation,
    ActivityMutation,
    FollowUpMutation,
    AdminMutation,
    PolicyAdminMutation,
    IntakeMutation,
    AttachmentMutation,
    TagMutation,
    LabelMutation,
):
    """Root mutation: every write returns a payload with typed user errors."""


class GatewaySchema(strawberry.Schema):
    """The schema; errors are logged once, by `ErrorCodes`, not for every expected failure."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with the extensions the settings ask for (limits, caches, masking)."""
    # Factories, not instances: strawberry builds fresh extensions for every request.
    extensions: list[Callable[[], SchemaExtension]] = [
        InputGuard,  # first: it keeps unsafe documents from the parser and the validators
        partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        partial(SafeParserCache, maxsize=512),
        partial(DepthLimit, max_depth=settings.max_query_depth),
        partial(AliasLimit, max_alias_count=settings.max_aliases),
        partial(ValidationCache, maxsize=512),
        partial(CostLimit, CostModel.from_settings(settings)),
        RateLimit,  # after CostLimit: it spends the cost CostLimit estimated
        TraceOperation,  # before ErrorCodes: it sees the coded errors
        partial(ErrorCodes, mask=settings.mask_errors_enabled),
        OperationMetrics,
        AuditDenials,
        CustomerGateScope,  # one customer's requests take turns at upstream work
        IntakeRecorder,
        PartialResultErrors,
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    if not settings.suggestions_enabled:
        extensions.append(HideSuggestions)
    return GatewaySchema(
        query=Query, mutation=Mutation, extensions=extensions, scalar_overrides=SCALAR_OVERRIDES
    )


def render_sdl() -> str:
    """The schema's SDL as committed in schema/schema.graphql."""
    schema = strawberry.Schema(query=Query, mutation=Mutation, scalar_overrides=SCALAR_OVERRIDES)
    return schema.as_str() + "\n"
