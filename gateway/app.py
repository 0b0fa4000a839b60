"""`create_app(settings)`: the Starlette application, its lifespan and its routes.

`create_app_from_env` is the factory `serve --workers N` names to uvicorn: each worker process
builds its own app from the settings it loads (upstreams through ``C360_UPSTREAMS_FILE``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TypedDict

from prometheus_client import Gauge
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from core.metrics import CONTENT_TYPE_LATEST, Metrics
from core.settings import Settings, load_worker_settings
from core.tracing_export import exporting, parse_headers
from datasources.config import UpstreamConfig
from datasources.registry import Upstreams
from gateway.admission import AdmissionMiddleware, PartnerAdmissionMiddleware
from gateway.attachments import attachment_routes
from gateway.auth import JWTAuthBackend, PrincipalUser, TokenVerifier
from gateway.auth_rejections import AuthRejections
from gateway.graphql_view import GatewayGraphQL
from gateway.health import Check, health, readyz
from gateway.logs import configure_logging
from gateway.middleware import BodyLimitMiddleware, RequestContextMiddleware
from gateway.request_limits import RequestLimitsMiddleware
from gateway.runtime import open_runtime, resolve_upstream_config
from gateway.static import static_routes
from policies.enforcer import PolicyEngine
from schema import build_schema, render_sdl
from search.backend import SearchBackend
from search.worker import indexing_in_background
from store import labels
from store.blob_backends import blob_store_check
from store.db import ping
from store.persisted import PersistedOperations
from store.rate_limits import RateLimiter, open_rate_limiter


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
    rate_limiter: RateLimiter | None
    persisted: PersistedOperations


def _readiness_checks(
    engine: AsyncEngine,
    search: SearchBackend,
    upstreams: Upstreams | None,
    attachments: Check | None = None,
) -> dict[str, Check]:
    async def store() -> str:
        await ping(engine)
        return engine.dialect.name

    checks: dict[str, Check] = {"store": store, "search": search.ping}
    if attachments is not None:
        checks["attachments"] = attachments
    if upstreams is not None:
        checks.update(
            {f"upstream:{name}": check for name, check in upstreams.health_checks().items()}
        )
    return checks


def traces_exported(settings: Settings) -> AbstractAsyncContextManager[None]:
    """Tracing for the app's lifetime when ``C360_OTLP_ENDPOINT`` is set (README "Tracing")."""
    headers = settings.otlp_headers.get_secret_value() if settings.otlp_headers else ""
    return exporting(
        settings.otlp_endpoint,
        headers=parse_headers(headers),
        service_name=settings.otlp_service_name,
        sample_ratio=settings.trace_sample_ratio,
    )


def create_app(settings: Settings, upstream_config: UpstreamConfig | None = None) -> Starlette:
    """Assemble the gateway: middleware, routes, and a lifespan that owns every client.

    Upstreams come from `upstream_config`, else from `settings.upstreams_file`; with neither
    the gateway serves its native data only and upstream fields answer UPSTREAM_UNAVAILABLE.
    """
    problems = settings.startup_problems()
    if problems:
        raise ValueError("refusing to start: " + "; ".join(problems))
    # Read once here, so a broken upstreams file fails create_app, not the first request.
    upstream_config = resolve_upstream_config(settings, upstream_config)
    configure_logging(settings)
    metrics = Metrics()
    # Counters are per process: with several workers on one port a scrape says whose it saw.
    Gauge(
        "c360_process_id",
        "Operating system id of the process serving",
        registry=metrics.registry,
    ).set(os.getpid())
    sdl = render_sdl()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        # Tracing first: the store engine and upstream clients opened next listen only if on.
        async with (
            traces_exported(settings),
            open_runtime(settings, upstream_config, metrics=metrics) as runtime,
        ):
            policy = runtime.require_policy()
            # The classifier trains once per process: now, beside startup, not on a write.
            warming = asyncio.create_task(labels.warm_up())
            watcher = (
                asyncio.create_task(policy.watch(settings.policy_reload_seconds))
                if settings.policy_reload_seconds > 0
                else None
            )
            indexing = (
                indexing_in_background(
                    runtime.engine,
                    runtime.search,
                    runtime.indexer_options,
                    on_report=metrics.indexer_batch,
                )
                if settings.search_indexer
                else contextlib.nullcontext()
            )
            try:
                async with indexing:
                    yield State(
                        settings=settings,
                        engine=runtime.engine,
                        sessions=runtime.sessions,
                        read_sessions=runtime.read_sessions,
                        search=runtime.search,
                        metrics=metrics,
                        policy=policy,
                        upstreams=runtime.upstreams,
                        checks=_readiness_checks(
                            runtime.engine,
                            runtime.search,
                            runtime.upstreams,
                            blob_store_check(settings),
                        ),
                        persisted=PersistedOperations(runtime.sessions),
                        rate_limiter=open_rate_limiter(
                            settings, runtime.engine.dialect.name, runtime.sessions
                        ),
                    )
            finally:
                warming.cancel()  # stops waiting; a training thread finishes on its own
                with contextlib.suppress(asyncio.CancelledError):
                    await warming
                if watcher is not None:
                    watcher.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await watcher

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
        *attachment_routes(settings),
    ]
    middleware = [
        Middleware(RequestContextMiddleware, metrics=metrics),
        # Before the token and the body: a caller over budget or over its share is cheap.
        Middleware(AdmissionMiddleware, settings=settings),
        Middleware(
            BodyLimitMiddleware,
            max_bytes=settings.max_body_bytes,
            own_limit_paths=("/attachments",),
        ),
        Middleware(
            AuthenticationMiddleware,
            backend=JWTAuthBackend(TokenVerifier(settings)),
            on_error=AuthRejections(metrics).respond,
        ),
        Middleware(PartnerAdmissionMiddleware, settings=settings),
        Middleware(RequestLimitsMiddleware, settings=settings),
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


def create_app_from_env() -> Starlette:
    """The app of one `serve --workers N` process (uvicorn calls it with ``factory=True``)."""
    return create_app(load_worker_settings())
