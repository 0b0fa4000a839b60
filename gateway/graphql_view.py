"""The Strawberry ASGI view: GraphQL over HTTP, with the request's typed Context.

Media types and status codes follow the GraphQL-over-HTTP specification: asked for
`application/graphql-response+json`, a request error (parse, validation, variables: nothing
executed) is a 400 without `data`, and a response with data (even with field errors) a 200;
the legacy `application/json` keeps 200 for every well-formed request. A mutation over GET is
a 405, an `Accept` that allows neither type a 406.
"""

from __future__ import annotations

import math
import time
from functools import partial
from typing import Any

import strawberry
from cross_web import HTTPException
from graphql import GraphQLError
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from core import tracing
from core.errors import RateLimited
from gateway import persisted_queries
from gateway.auth import PrincipalUser
from gateway.graphiql_page import CSP as GRAPHIQL_CSP
from gateway.graphiql_page import graphiql_html
from gateway.request_body import (
    GRAPHQL_RESPONSE,
    JSON,
    bad_request,
    content_type,
    decode_request_json,
    response_media_type,
)
from policies.principal import ANONYMOUS
from resolvers import access_audit
from resolvers.context import Context
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from resolvers.upstream_loaders import UpstreamLoaders
from schema.rate_limit import budget_name, budgets_for, refusal_message
from store.order_summaries import order_summaries_by_customer_id
from store.outage import is_store_outage, store_unavailable
from store.read_lease import ReadLease

_ACCEPTED_MEDIA_TYPES = {"application/json", "application/graphql-response+json"}


def _unsupported_media_type(media_type: str, answer_in: str) -> Response:
    reason = f"unsupported content type {media_type or '(none)'!r}; send application/json"
    return bad_request(415, reason, answer_in)


def _not_acceptable() -> Response:
    reason = (
        "the Accept header allows neither application/graphql-response+json nor application/json"
    )
    return bad_request(406, reason)


def _is_request_error(result: ExecutionResult) -> bool:
    """Nothing was executed: parse, validation or variable errors (none has a path)."""
    return (
        result.data is None
        and bool(result.errors)
        and all(error.path is None for error in result.errors or ())
    )


def _rate_limited(request: Request, answer_in: str) -> Response | None:
    """429 before parsing for a caller whose budget this process already saw spent in the
    current window (schema/rate_limit.py spends and refuses the first time)."""
    limiter = getattr(request.state, "rate_limiter", None)
    user = request.scope.get("user")
    if limiter is None or not isinstance(user, PrincipalUser):
        return None
    found = limiter.refused_until(budgets_for(user.principal, request.state.settings))
    if found is None:
        return None
    budget, until = found
    retry_after = max(1, math.ceil(until - time.time()))
    name = budget_name(budget.key)
    error = RateLimited(
        refusal_message(name, budget.limit, limiter.window_seconds, retry_after),
        budget=name,
        limit=budget.limit,
        retryAfter=retry_after,
    )
    response = JSONResponse(
        {
            "data": None,
            "errors": [{"message": error.message, "extensions": error.graphql_extensions()}],
        },
        status_code=429,
        headers={"Retry-After": str(retry_after)},
    )
    response.headers["content-type"] = content_type(answer_in)
    return response


class GatewayGraphQL(GraphQL[Context, None]):
    """Builds one frozen Context per request from the app state and the authenticated user."""

    def __init__(self, schema: strawberry.Schema, *, graphiql: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            allow_queries_via_get=True,
            subscription_protocols=(),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        answer_in = response_media_type(request.headers.get("accept"))
        if answer_in is None:
            if not self.should_render_graphql_ide(self.request_adapter_class(request)):
                await _not_acceptable()(scope, receive, send)
                return
            answer_in = JSON  # GraphiQL's page is HTML whatever this says
        request.state.graphql_media_type = answer_in
        if scope["method"] == "POST":
            sent = request.headers.get("content-type", "")
            media_type = sent.split(";", 1)[0].strip().lower()
            if media_type not in _ACCEPTED_MEDIA_TYPES:
                await _unsupported_media_type(media_type, answer_in)(scope, receive, send)
                return
        refused = _rate_limited(request, answer_in)
        if refused is not None:
            await refused(scope, receive, send)
            return
        try:
            await self._answer(request, scope, receive, send, answer_in)
        finally:
            # The request's kept read connection goes back to the pool (store/read_lease.py).
            lease = getattr(request.state, "read_lease", None)
            if lease is not None:
                await lease.aclose()

    async def _answer(
        self, request: Request, scope: Scope, receive: Receive, send: Send, answer_in: str
    ) -> None:
        # As strawberry's own HTTP branch, but a refused request is answered in JSON.
        try:
            response = await self.run(request)
        except HTTPException as error:
            # 405: a mutation over GET (POST only), or a method that is neither.
            allowed = "POST" if scope["method"] == "GET" else "GET, POST"
            allow = {"Allow": allowed} if error.status_code == 405 else None
            response = bad_request(error.status_code, error.reason, answer_in, allow)
        else:
            if response.headers.get("content-type") == "application/json":
                response.headers["content-type"] = content_type(answer_in)
                status = getattr(request.state, "graphql_status", None)
                response.status_code = status or response.status_code
                meter = getattr(request.state, "meter", None)
                if meter is not None:
                    # A refusal decided by an extension (e.g. 429) wins over the media rules.
                    response.status_code = meter.status or response.status_code
                    response.headers.update(meter.headers)
        response.headers["vary"] = "Accept"
        await response(scope, receive, send)
        # After the answer is sent: recording its sensitive reads is off the caller's clock.
        context = getattr(request.state, "access_context", None)
        if context is not None:
            await access_audit.flush(context)

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: Any,
    ) -> ExecutionResult:
        """Strawberry's, but a mutation over GET is 405 (GraphQL over HTTP), not 400; and a
        persisted operation (APQ hash, safelist) is resolved first (gateway/persisted_queries)."""
        try:
            resolved = await persisted_queries.resolve(
                request_data, context.principal, context.settings, request.state.persisted
            )
        except (SQLAlchemyError, OSError) as error:
            if not is_store_outage(error):
                raise
            outage = store_unavailable()
            refusal = GraphQLError(outage.message, extensions=outage.graphql_extensions())
            return ExecutionResult(data=None, errors=[refusal])
        if isinstance(resolved, ExecutionResult):
            return resolved
        if resolved.operation is not None:
            tracing.annotate(**{"c360.persisted_operation.id": resolved.operation.sha256})
        if resolved.operation is not None and resolved.operation.safelisted:
            # Safelisted operations are few and loaded by an operator: a bounded label.
            name = resolved.operation.name or resolved.operation.sha256[:12]
            context.meter.operation_label = f"persisted:{name}"
        try:
            result = await super().execute_single(
                request, request_adapter, sub_response, context, root_value, resolved.request
            )
        except HTTPException as error:
            if isinstance(error.__cause__, InvalidOperationTypeError):
                raise HTTPException(405, error.reason) from error.__cause__
            raise
        if resolved.register and resolved.request.query and not _is_request_error(result):
            try:
                await request.state.persisted.register(resolved.request.query)
            except (SQLAlchemyError, OSError) as error:
                if not is_store_outage(error):
                    raise
                # The answer stands; the client registers again on its next miss.
        return result

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; in GRAPHQL_RESPONSE a request error is a 400 without `data`."""
        body = await super().process_result(request, result)
        if request.state.graphql_media_type == GRAPHQL_RESPONSE and _is_request_error(result):
            request.state.graphql_status = 400
            body.pop("data", None)
        return body

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the gateway's own bundle (strawberry's page loads it from a CDN)."""
        page = graphiql_html(request.state.settings, request.url.path)
        return HTMLResponse(
            page, headers={"Content-Security-Policy": GRAPHIQL_CSP, "Cache-Control": "no-store"}
        )

    def decode_json(self, data: str | bytes) -> object:
        """The request's JSON (a body, or GET variables), refused with 400 unless an object."""
        return decode_request_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state: Any = request.state
        user = request.scope.get("user")
        principal = user.principal if isinstance(user, PrincipalUser) else ANONYMOUS
        view = state.policy.compile(principal)
        # The request's reads share one connection while they do not overlap.
        reads = request.state.read_lease = ReadLease(state.read_sessions)
        context = Context(
            settings=state.settings,
            principal=principal,
            policy=view,
            policy_engine=state.policy,
            store=StoreLoaders.create(reads, view),
            upstream=(
                UpstreamLoaders.create(
                    state.upstreams, partial(order_summaries_by_customer_id, state.read_sessions)
                )
                if state.upstreams
                else None
            ),
            request_id=request.scope.get("state", {}).get("request_id", ""),
            sessions=state.sessions,
            search=state.search,
            metrics=state.metrics,
            denials=DenialLog(),
            partial=PartialErrors(),
            rate_limiter=state.rate_limiter,
        )
        request.state.meter = context.meter  # read back by __call__ for the HTTP answer
        request.state.access_context = context  # its reads are recorded after the answer
        return context
