"""`serve --workers N`: several gateway processes on one port, a data directory outside the
repository, and a graceful stop on SIGTERM. Real subprocesses, real sockets."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import REPO_ROOT, Settings
from devservices.loopback import serve_asgi
from devservices.ports import free_port
from gateway.server import uvicorn_options
from search.client import default_embedded_path

_PID = re.compile(r"^c360_process_id (\d+)", re.MULTILINE)


def _env(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("C360_") and key not in {"DATABASE_URL", "OPENSEARCH_URL"}
    }
    # No store URL: the SQLite store, search file and demo upstreams follow the data directory.
    env.update(
        C360_DATA_DIR=str(data_dir),
        C360_ENVIRONMENT="development",
        C360_LOG_JSON="true",
        C360_SHUTDOWN_GRACE_SECONDS="20",
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _repository_files() -> dict[Path, float]:
    files: dict[Path, float] = {}
    for root, dirs, names in os.walk(REPO_ROOT):
        # Links (.venv, web/node_modules) are not followed; caches belong to the test runner.
        dirs[:] = [name for name in dirs if name not in {".git", "__pycache__"}]
        for name in names:
            path = Path(root) / name
            files[path] = path.lstat().st_mtime
    return files


def _wait_until_up(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
        assert process.poll() is None, process.communicate()[1][-3000:]
    raise AssertionError("the gateway did not come up")


def _worker_pids(url: str, wanted: int) -> set[int]:
    seen: set[int] = set()
    deadline = time.monotonic() + 30
    while len(seen) < wanted and time.monotonic() < deadline:
        # A new connection each time, so the kernel may hand it to either worker.
        match = _PID.search(httpx.get(f"{url}/metrics", timeout=5).text)
        assert match is not None
        seen.add(int(match.group(1)))
    return seen


def _start_slow_request(port: int) -> tuple[socket.socket, bytes]:
    """A GraphQL POST whose head is in and whose body is still arriving."""
    body = b'{"query": "{ __typename }"}'
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(
        b"POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:5]
    )
    return sock, body[5:]


def _read_response(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_data_dir_holds_the_store_search_and_demo_upstreams(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI sets neither DATABASE_URL nor OPENSEARCH_URL; a developer's shell may set both.
    for key in [
        *(k for k in os.environ if k.startswith("C360_")),
        "DATABASE_URL",
        "OPENSEARCH_URL",
    ]:
        monkeypatch.delenv(key, raising=False)
    settings = Settings(data_dir=tmp_path)
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'customer360.db'}"
    assert settings.demo_upstreams_dir == tmp_path / "upstreams"
    assert default_embedded_path(settings) == tmp_path / "customer360-search.db"
    other_store = Settings(data_dir=tmp_path, opensearch_url=None, database_url="postgresql://x/y")
    assert default_embedded_path(other_store) == tmp_path / "search.db"


def test_workers_below_one_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve", "--workers", "0"],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--workers must be at least 1" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_two_workers_serve_one_port_and_drain_on_sigterm(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    before = _repository_files()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gateway",
            "serve",
            "--prepare",
            "--workers",
            "2",
            "--port",
            str(port),
        ],
        cwd=REPO_ROOT,
        env=_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_up(url, process)
        pids = _worker_pids(url, 2)
        assert len(pids) == 2, pids
        assert process.pid not in pids, "the parent supervises; the workers serve"

        # The request head limit holds in every worker (its protocol is named by import).
        for _ in range(4):
            huge = httpx.get(f"{url}/healthz", headers={"X-Big": "a" * 200_000}, timeout=5)
            assert huge.status_code == 431

        sock, rest = _start_slow_request(port)
        time.sleep(0.5)  # the head reached a worker and its request began
        process.send_signal(signal.SIGTERM)
        time.sleep(1.0)  # shutdown under way: the port is closing, the request still open
        sock.sendall(rest)
        answer = _read_response(sock)
        sock.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
        assert b'"__typename":"Query"' in answer.replace(b" ", b"")

        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, stderr[-3000:]
        events = [json.loads(line)["event"] for line in stderr.splitlines() if line[:1] == "{"]
        assert "Received SIGTERM, exiting." in events  # the supervisor logs through ours too
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    assert (data_dir / "customer360.db").is_file()
    assert (data_dir / "customer360-search.db").is_file()
    assert (data_dir / "upstreams").is_dir()
    after = _repository_files()
    written = sorted(str(path) for path, mtime in after.items() if before.get(path) != mtime)
    assert written == [], "nothing may be written under the repository"


async def _echo_client(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[Any]],
    send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
) -> None:
    body = json.dumps({"client": scope["client"][0], "scheme": scope["scheme"]}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


@pytest.mark.parametrize(
    ("trusted", "client", "scheme"),
    [("127.0.0.1", "203.0.113.9", "https"), ("10.0.0.1", "127.0.0.1", "http")],
)
def test_forwarded_client_is_believed_only_from_the_configured_proxies(
    trusted: str, client: str, scheme: str
) -> None:
    settings = Settings(forwarded_allow_ips=trusted)
    with serve_asgi(_echo_client, name="echo server", **uvicorn_options(settings)) as served:
        answer = httpx.get(
            f"{served.url}/",
            headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
            timeout=5,
        ).json()
    assert answer == {"client": client, "scheme": scheme}
