"""The notes widget's bundle at ``/widget/…`` and its demo host page at ``/demo``.

The bundle (``web/dist/customer-notes.js``) is built from ``web/src`` and committed, so a
fresh checkout serves it without Node; ``tests/web/test_bundle.py`` proves it is current. The
demo page (a mock CS screen around ``<customer-notes>``) is served outside production; its
token endpoint, which mints tokens for any role, exists only when the demo is asked for
(``C360_DEMO=true``, as ``scripts/run`` does), never in production.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from core.settings import REPO_ROOT, Environment, Settings
from gateway.auth import mint_token

WEB_DIR = REPO_ROOT / "web"
BUNDLE_DIR = WEB_DIR / "dist"
DEMO_DIR = WEB_DIR / "demo"
GRAPHIQL_DIR = BUNDLE_DIR / "graphiql"
# The demo page runs only its own scripts; styles are constructed by Lit (adopted sheets).
DEMO_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
MAX_CLAIM = 64


async def _demo_page(request: Request) -> Response:
    return FileResponse(
        DEMO_DIR / "index.html",
        headers={"Content-Security-Policy": DEMO_CSP, "Cache-Control": "no-store"},
    )


def _claim(body: dict[str, object], name: str) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_CLAIM:
        raise ValueError(f"`{name}` must be a string of at most {MAX_CLAIM} characters")
    return value


def _token_endpoint(settings: Settings) -> Route:
    async def token(request: Request) -> Response:
        if request.method == "OPTIONS":
            # The demo page asks whether development sign-in is on.
            return Response(status_code=204, headers={"Allow": "POST, OPTIONS"})
        try:
            body = json.loads(await request.body())
            if not isinstance(body, dict):
                raise ValueError("expected a JSON object")
            role, subject = _claim(body, "role"), _claim(body, "sub")
            if role is None or subject is None:
                raise ValueError("`role` and `sub` are required")
            partner = _claim(body, "partner")
        except ValueError as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        minted = mint_token(settings, subject=subject, roles=[role], partner=partner)
        return JSONResponse({"token": minted}, headers={"Cache-Control": "no-store"})

    return Route("/demo/token", token, methods=["POST", "OPTIONS"])


def static_routes(settings: Settings) -> list[BaseRoute]:
    """Routes for the widget and GraphiQL bundles, plus the demo page outside production."""
    routes: list[BaseRoute] = [Mount("/widget", StaticFiles(directory=BUNDLE_DIR), name="widget")]
    if settings.graphiql_enabled:
        # GraphiQL's own bundle (gateway/graphiql_page.py): /graphql loads nothing from afar.
        routes.append(Mount("/graphiql", StaticFiles(directory=GRAPHIQL_DIR), name="graphiql"))
    if settings.environment is not Environment.PRODUCTION:
        routes += [
            Route("/demo", _demo_page),
            Mount("/demo/assets", StaticFiles(directory=DEMO_DIR), name="demo-assets"),
        ]
    if settings.demo_enabled:
        routes.append(_token_endpoint(settings))
    return routes
