"""The GraphiQL page at ``/graphql``: the gateway's own bundle, never a CDN.

GraphiQL and React are built from ``web/graphiql`` into ``web/dist/graphiql`` (committed, like
the widget) and served at ``/graphiql/…``, so the page works without internet. It opens with
the README's example queries as tabs and an ``Authorization`` header: a manager token for
``agent-2`` when the demo is on (the demo token endpoint mints the same for anyone), otherwise
a placeholder naming the ``token`` command.
"""

from __future__ import annotations

import functools
import html
import json
import re

from core.settings import REPO_ROOT, Settings
from gateway.auth import mint_token

ASSETS = "/graphiql"
README = REPO_ROOT / "README.md"
# GraphiQL sets inline styles and embeds its fonts as data URLs; everything else is 'self'.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)
_GRAPHQL_BLOCK = re.compile(r"^```graphql\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = "Bearer <token: python -m gateway token --role manager --sub agent-2>"


@functools.cache
def example_queries() -> tuple[str, ...]:
    """The README's ```graphql examples, in order (none if the README is absent)."""
    try:
        text = README.read_text(encoding="utf-8")
    except OSError:
        return ()
    return tuple(block.strip() + "\n" for block in _GRAPHQL_BLOCK.findall(text))


def _authorization(settings: Settings) -> str:
    if not settings.demo_enabled or settings.jwt_hs256_secret is None:
        return _PLACEHOLDER
    token = mint_token(settings, subject="agent-2", roles=["manager"], ttl_seconds=12 * 3600)
    return f"Bearer {token}"


def graphiql_html(settings: Settings, endpoint: str) -> str:
    """The page: local script and styles, with the tabs and headers as inert JSON."""
    config = {
        "endpoint": endpoint,
        "queries": list(example_queries()),
        "headers": json.dumps({"Authorization": _authorization(settings)}, indent=2),
    }
    # "<" escaped so that no string in the JSON can close the <script> element.
    payload = json.dumps(config).replace("<", "\\u003c")
    title = html.escape("Customer360 Gateway: GraphiQL")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{ASSETS}/graphiql.css">
<style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="c360-graphiql-config" type="application/json">{payload}</script>
<script type="module" src="{ASSETS}/graphiql.js"></script>
</body>
</html>
"""
