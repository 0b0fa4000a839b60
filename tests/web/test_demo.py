"""The demo host page, the bundle's routes and which environments serve what."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Locator, Page, expect
from starlette.applications import Starlette

from core.settings import REPO_ROOT, Settings
from gateway.static import BUNDLE_DIR, static_routes
from tests.fixtures.app import TokenFactory
from tests.fixtures.services import service_unavailable
from tests.web.test_safety import serious_violations

SCREENSHOT = REPO_ROOT / "docs" / "widget.png"
WEB = REPO_ROOT / "web"


async def open_demo(page: Page, base_url: str, token: str) -> Locator:
    """The demo page for cust-00001, once its sidebar lists notes."""
    await page.goto(f"{base_url}/demo?customer=cust-00001#token={token}")
    sidebar = page.get_by_role("complementary", name="Notes sidebar")
    notes = sidebar.get_by_role("list", name="Notes list").get_by_role("heading")
    await expect(notes.first).to_be_visible()
    return sidebar


async def test_the_demo_page_hosts_the_sidebar_under_its_csp(
    page: Page, gateway_url: str, token_for: TokenFactory, tmp_path: Path
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sidebar = await open_demo(page, gateway_url, token_for("support", sub="agent-4"))
    assert not [line for line in console if "Content Security Policy" in line]
    await expect(page.get_by_role("heading", level=1)).not_to_have_text("Customer")
    # Regenerate docs/widget.png by deleting it; otherwise the shot goes to a temp file.
    target = tmp_path / "widget.png" if SCREENSHOT.exists() else SCREENSHOT
    await sidebar.screenshot(path=str(target))
    assert target.stat().st_size < 300_000


async def test_axe_on_the_demo_page(
    browser: Browser, gateway_url: str, token_for: TokenFactory
) -> None:
    # axe-core is injected inline, which the demo page's CSP rightly forbids.
    context = await browser.new_context(bypass_csp=True)
    try:
        page = await context.new_page()
        await open_demo(page, gateway_url, token_for("sales", sub="agent-8"))
        assert await serious_violations(page) == []
    finally:
        await context.close()


@pytest.mark.parametrize(
    ("environment", "demo_on", "demo", "token"),
    [
        ("development", True, 200, 200),
        ("development", False, 200, 404),
        ("test", True, 200, 200),
        ("test", False, 200, 404),
        ("production", True, 404, 404),
        ("production", False, 404, 404),
    ],
)
async def test_the_demo_page_and_its_token_endpoint_by_environment_and_demo_setting(
    environment: str, demo_on: bool, demo: int, token: int
) -> None:
    # The token endpoint mints tokens for any role: only when the demo is asked for, and
    # never in production (where create_app refuses C360_DEMO outright).
    settings = Settings(environment=environment, jwt_secret="x" * 40, demo=demo_on)
    transport = httpx.ASGITransport(app=Starlette(routes=static_routes(settings)))
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        assert (await client.get("/widget/customer-notes.js")).status_code == 200
        page = await client.get("/demo")
        assert page.status_code == demo
        if demo == 200:
            assert "script-src 'self'" in page.headers["content-security-policy"]
        minted = await client.post("/demo/token", json={"role": "support", "sub": "agent-4"})
        assert minted.status_code == token
        if token == 200:
            assert minted.json()["token"].count(".") == 2
            refused = await client.post("/demo/token", json={"role": "x" * 100, "sub": "a"})
            assert refused.status_code == 400


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        # Fails under CI=true like a missing PostgreSQL or OpenSearch; skips only locally.
        service_unavailable("node", FileNotFoundError("node is not on PATH"))
    return node


def test_the_committed_bundle_is_current(tmp_path: Path) -> None:
    node = _node()
    if not (WEB / "node_modules" / "esbuild").is_dir():
        pytest.fail("web/node_modules is missing: run `npm ci --prefix web`")
    subprocess.run([node, "build.mjs", "--outdir", str(tmp_path)], cwd=WEB, check=True)
    # The widget, and GraphiQL with React (served at /graphiql so /graphql needs no CDN).
    for name in ("customer-notes.js", "graphiql/graphiql.js", "graphiql/graphiql.css"):
        built = (tmp_path / name).read_bytes()
        assert built == (BUNDLE_DIR / name).read_bytes(), (
            f"web/dist/{name} is stale: run `npm run build --prefix web` and commit web/dist"
        )


def test_the_widget_type_checks() -> None:
    node = _node()
    tsc = WEB / "node_modules" / "typescript" / "bin" / "tsc"
    result = subprocess.run(
        [node, str(tsc), "--noEmit", "-p", str(WEB)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
