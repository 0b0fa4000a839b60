"""`create_app(settings)`: the Starlette application, its lifespan and its routes."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from core.metrics import CONTENT_TYPE_LATEST, Metrics
from core.settings import Settings
from datasources.config import UpstreamConfig
from datasources.registry import Upstreams
from gateway.auth import JWTAuthBackend, PrincipalUser, TokenVerifier
from gateway.auth_rejections import AuthRejections
from gateway.graphql_view import GatewayGraphQL
from gateway.health import Check, health, readyz
from gateway.logs import configure_logging
from gateway.middleware import BodyLimitMiddleware, RequestContextMiddleware
from gateway.static import static_routes
from policies.enforcer import PolicyEngine
from schema import build_schema, render_sdl
from search.backend import SearchBackend
from search.client import create_search_backend
from search.indexer import IndexerOptions
from search.worker import indexing_in_background
from store.db import create_engine, ping, read_session_factory, session_factory


class State(TypedDict):
    """What the lifespan opens and every request can read from `request.state`."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    # The dataloaders' one-statement reads (see store.db.read_session_factory).
    read_sessions: async_sessionmaker[AsyncSession]
    search: SearchBackend
    metrics: Metrics
    policy: PolicyEngine
    upstreams: Upstreams | None
    checks: dict[str, Check]


def _readiness_checks(
    engine: AsyncEngine, search: SearchBackend, upstreams: Upstreams | None
) -> dict[str, Check]:
    async def store() -> str:
        await ping(engine)
        return engine.dialect.name

    checks: dict[str, Check] = {"store": store, "search": search.ping}
    if upstreams is not None:
        checks.update(
            {f"upstream:{name}": check for name, check in upstreams.health_checks().items()}
        )
    return checks


def indexer_options(settings: Settings) -> IndexerOptions:
    """The search indexer's knobs from settings (shared by the app and the worker)."""
    return IndexerOptions(
        batch_size=settings.search_batch_size,
        max_attempts=settings.search_max_attempts,
        poll_seconds=settings.search_poll_seconds,
    )


def create_app(settings: Settings, upstream_config: UpstreamConfig | None = None) -> Starlette:
    """Assemble the gateway: middleware, routes, and a lifespan that owns every client.

    Upstreams come from `upstream_config`, else from `settings.upstreams_file`; with neither
    the gateway serves its native data only and upstream fields answer UPSTREAM_UNAVAILABLE.
    """
    problems = settings.startup_problems()
    if problems:
        raise ValueError("refusing to start: " + "; ".join(problems))
    if upstream_config is None and settings.upstreams_file is not None:
        upstream_config = UpstreamConfig.from_file(settings.upstreams_file)
    configure_logging(settings)
    metrics = Metrics()
    sdl = render_sdl()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        policy = await PolicyEngine.load(settings.casbin_model_path, settings.policy_dir)
        engine = create_engine(settings)
        search = create_search_backend(settings, embedded_path=settings.search_embedded_path)
        upstreams = Upstreams(upstream_config, metrics) if upstream_config else None
        watcher = (
            asyncio.create_task(policy.watch(settings.policy_reload_seconds))
            if settings.policy_reload_seconds > 0
            else None
        )
        indexing = (
            indexing_in_background(
                engine, search, indexer_options(settings), on_report=metrics.indexer_batch
            )
            if settings.search_indexer
            else contextlib.nullcontext()
        )
        try:
            async with indexing:
                yield State(
                    settings=settings,
                    engine=engine,
                    sessions=session_factory(engine),
                    read_sessions=read_session_factory(engine),
                    search=search,
                    metrics=metrics,
                    policy=policy,
                    upstreams=upstreams,
                    checks=_readiness_checks(engine, search, upstreams),
                )
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            if upstreams is not None:
                await upstreams.aclose()
            await search.close()
            await engine.dispose()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def metrics_endpoint(request: Request) -> Response:
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    async def schema_sdl(request: Request) -> Response:
        user = request.scope.get("user")
        if not settings.schema_published and not (
            isinstance(user, PrincipalUser) and user.is_authenticated
        ):
            # In production the schema is for signed-in clients, like introspection.
            return JSONResponse(
                {
                    "errors": [
                        {
                            "message": "the schema needs a bearer token",
                            "extensions": {"code": "UNAUTHENTICATED"},
                        }
                    ]
                },
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return PlainTextResponse(sdl, media_type="application/graphql")

    async def root(request: Request) -> Response:
        return RedirectResponse("/graphql")

    graphql = GatewayGraphQL(build_schema(settings), graphiql=settings.graphiql_enabled)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/health", health),
        Route("/metrics", metrics_endpoint),
        Route("/schema.graphql", schema_sdl),
        Route("/", root),
    ]
    middleware = [
        Middleware(RequestContextMiddleware, metrics=metrics),
        Middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes),
        Middleware(
            AuthenticationMiddleware,
            backend=JWTAuthBackend(TokenVerifier(settings)),
            on_error=AuthRejections(metrics).respond,
        ),
    ]
    if settings.cors_origins:
        # Outermost: a browser's preflight carries no token and must not meet the auth layer.
        cors = Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
            max_age=600,
        )
        middleware.insert(0, cors)
    return Starlette(
        routes=[*routes, *static_routes(settings)], middleware=middleware, lifespan=lifespan
    )
