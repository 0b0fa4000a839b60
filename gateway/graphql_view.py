"""The Strawberry ASGI view: GraphQL over HTTP, with the request's typed Context."""

from __future__ import annotations

from typing import Any

import strawberry
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gateway.auth import PrincipalUser
from gateway.graphiql_page import CSP as GRAPHIQL_CSP
from gateway.graphiql_page import graphiql_html
from gateway.request_body import bad_request, decode_request_json
from policies.principal import ANONYMOUS
from resolvers.context import Context
from resolvers.denials import DenialLog
from resolvers.loaders import StoreLoaders
from resolvers.partial import PartialErrors
from resolvers.upstream_loaders import UpstreamLoaders

_ACCEPTED_MEDIA_TYPES = {"application/json", "application/graphql-response+json"}


def _unsupported_media_type(media_type: str) -> Response:
    return JSONResponse(
        {
            "errors": [
                {
                    "message": f"unsupported content type {media_type or '(none)'!r}; "
                    "send application/json",
                    "extensions": {"code": "UNSUPPORTED_MEDIA_TYPE"},
                }
            ]
        },
        status_code=415,
    )


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
        if scope["type"] == "http" and scope["method"] == "POST":
            content_type = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1")
            media_type = content_type.split(";", 1)[0].strip().lower()
            if media_type not in _ACCEPTED_MEDIA_TYPES:
                await _unsupported_media_type(media_type)(scope, receive, send)
                return
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        # As strawberry's own HTTP branch, but a refused request is answered in JSON.
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = bad_request(error.status_code, error.reason)
        await response(scope, receive, send)

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
        return Context(
            settings=state.settings,
            principal=principal,
            policy=view,
            policy_engine=state.policy,
            store=StoreLoaders.create(state.read_sessions, view),
            upstream=UpstreamLoaders.create(state.upstreams) if state.upstreams else None,
            request_id=request.scope.get("state", {}).get("request_id", ""),
            sessions=state.sessions,
            search=state.search,
            metrics=state.metrics,
            denials=DenialLog(),
            partial=PartialErrors(),
        )
