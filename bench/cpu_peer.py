"""CPU per request: the gateway beside a bare strawberry peer (`bench.peer_app`), same answers.

``python -m bench.cpu_peer --admin-dsn postgresql://…`` seeds one PostgreSQL store, starts the
gateway (`bench.gateway_process`) and the peer in processes of their own, checks that both give
byte-identical answers to `PEER_QUERY` (the store-backed part of the load generator's
Customer360) for a manager, then drives that query at each in turn from a client process of
its own (``python -m bench.cpu_peer --client CONFIG.json``), in interleaved phases. Each
phase reads the server's CPU time (/proc/<pid>/stat) before and after; the figure is the
median CPU per request of each side and their ratio (target: gateway <= 1.15 x peer).
With ``--profile STATS``, the gateway serves under cProfile (its CPU figure is then inflated).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from bench.gateway_process import START_TIMEOUT, GatewayProcess
from bench.peer_app import PEER_QUERY, plain_dsn
from bench.services import scratch_database
from core.settings import REPO_ROOT, Settings
from demo.seed import seed
from devservices.ports import free_port
from gateway.auth import mint_token
from store.db import create_engine
from store.models import Customer

TARGET_RATIO = 1.15


class PeerProcess:
    """`python -m bench.peer_app DSN PORT`, stopped on exit."""

    def __init__(self, dsn: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            [sys.executable, "-m", "bench.peer_app", dsn, str(self.port)], cwd=REPO_ROOT
        )

    def wait_ready(self) -> None:
        """Block until /healthz answers."""
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"peer exited with {self._process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError("peer did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        """Terminate the process."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far (user + system), in seconds."""
        fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class CpuFigures:
    """Median CPU per request (ms) of each side, the phases measured, and the answers."""

    gateway_ms: float
    peer_ms: float
    phases: int
    requests_per_phase: int
    answers_identical: bool

    @property
    def ratio(self) -> float:
        """Gateway CPU per request over the peer's."""
        return self.gateway_ms / self.peer_ms if self.peer_ms else float("inf")


def answers(url: str, token: str, customer_ids: list[str]) -> list[bytes]:
    """The raw answer bodies of `PEER_QUERY` for each customer id."""
    with httpx.Client(headers={"authorization": f"Bearer {token}"}, timeout=30) as client:
        return [
            client.post(
                f"{url}/graphql", json={"query": PEER_QUERY, "variables": {"id": customer_id}}
            ).content
            for customer_id in customer_ids
        ]


def _drive(directory: Path, url: str, token: str, ids: list[str], requests: int) -> None:
    path = directory / "client.json"
    config = {"url": url, "token": token, "ids": ids, "requests": requests, "concurrency": 4}
    path.write_text(json.dumps(config), encoding="utf-8")
    subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "bench.cpu_peer", "--client", str(path)],
        cwd=REPO_ROOT,
        check=True,
    )


async def _client(config: dict[str, Any]) -> None:
    ids: list[str] = config["ids"]
    remaining = iter(range(int(config["requests"])))
    headers = {"authorization": f"Bearer {config['token']}"}
    async with httpx.AsyncClient(headers=headers, timeout=30) as client:

        async def worker() -> None:
            for number in remaining:
                response = await client.post(
                    f"{config['url']}/graphql",
                    json={"query": PEER_QUERY, "variables": {"id": ids[number % len(ids)]}},
                )
                if response.status_code != 200 or "errors" in response.json():
                    raise RuntimeError(f"bad answer: {response.text[:300]}")

        await asyncio.gather(*(worker() for _ in range(int(config["concurrency"]))))


@contextlib.contextmanager
def _servers(
    directory: Path, store_url: str, profile: Path | None, overrides: dict[str, Any]
) -> Iterator[tuple[GatewayProcess, PeerProcess]]:
    settings: dict[str, Any] = {
        "environment": "test",
        "database_url": store_url,
        "search_embedded_path": str(directory / "search.db"),
        # Request CPU only: the outbox poller is background work (a deployment runs it apart).
        "search_indexer": False,
        "log_level": "WARNING",
        "log_json": False,
        **overrides,
    }
    gateway = GatewayProcess(directory, settings, profile=profile)
    gateway.start()
    peer = PeerProcess(plain_dsn(store_url))
    try:
        gateway.wait_ready()
        peer.wait_ready()
        yield gateway, peer
    finally:
        gateway.stop()
        peer.stop()


async def run(
    admin_dsn: str,
    *,
    customers: int,
    notes: int,
    phases: int,
    requests: int,
    profile: Path | None = None,
    overrides: dict[str, Any] | None = None,
) -> CpuFigures:
    """Seed a store, serve it from both apps, compare answers, measure CPU per request
    (`overrides`: gateway settings to change, e.g. to weigh a feature's share)."""
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        async with scratch_database(admin_dsn, "cpupeer") as store_url:
            engine = create_engine(store_url)
            try:
                await seed(engine, customers=customers, notes=notes, seed=42)
                async with engine.connect() as connection:
                    ids = list(await connection.scalars(select(Customer.id).order_by(Customer.id)))
            finally:
                await engine.dispose()
            with _servers(directory, store_url, profile, overrides or {}) as (gateway, peer):
                settings = Settings.model_validate(json.loads(gateway.settings_path.read_text()))
                token = mint_token(settings, subject="agent-2", roles=("manager",))
                sample = ids[:: max(1, len(ids) // 20)]
                expected = answers(gateway.url, token, sample)
                # Identical, and not vacuously so: every answer is a customer, most with notes.
                identical = (
                    expected == answers(peer.url, token, sample)
                    and all(b'{"data":{"customer":{"id"' in answer for answer in expected)
                    and any(b'"edges":[{"node"' in answer for answer in expected)
                )
                # Warm both (statement caches, imports on first use) before measuring.
                for url in (gateway.url, peer.url):
                    await asyncio.to_thread(_drive, directory, url, token, ids, requests)
                per_request: dict[str, list[float]] = {"gateway": [], "peer": []}
                for _ in range(phases):
                    for side, url, cpu in (
                        ("gateway", gateway.url, gateway.cpu_seconds),
                        ("peer", peer.url, peer.cpu_seconds),
                    ):
                        before = cpu()
                        await asyncio.to_thread(_drive, directory, url, token, ids, requests)
                        per_request[side].append((cpu() - before) * 1000 / requests)
        return CpuFigures(
            statistics.median(per_request["gateway"]),
            statistics.median(per_request["peer"]),
            phases,
            requests,
            identical,
        )


def report(figures: CpuFigures) -> str:
    """The figures as printed."""
    verdict = "met" if figures.ratio <= TARGET_RATIO else "MISSED"
    return (
        f"Customer360 (store fields) CPU per request, median of {figures.phases} interleaved "
        f"phases x {figures.requests_per_phase} requests: gateway {figures.gateway_ms:.2f} ms, "
        f"bare strawberry peer {figures.peer_ms:.2f} ms: ratio {figures.ratio:.2f} "
        f"(target <= {TARGET_RATIO}: {verdict}); answers identical: "
        f"{'yes' if figures.answers_identical else 'NO'}"
    )


def _setting(text: str) -> tuple[str, Any]:
    name, _, value = text.partition("=")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def main(argv: list[str]) -> int:
    """Command line: the benchmark, or (``--client``) one client phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--admin-dsn")
    parser.add_argument("--client", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help="write the gateway's cProfile stats here")
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help="a gateway setting to override (e.g. access_audit_enabled=false); repeatable",
    )
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--notes", type=int, default=4000)
    parser.add_argument("--phases", type=int, default=7)
    parser.add_argument("--requests", type=int, default=600)
    args = parser.parse_args(argv)
    if args.client is not None:
        asyncio.run(_client(json.loads(args.client.read_text(encoding="utf-8"))))
        return 0
    if not args.admin_dsn:
        parser.error("--admin-dsn is required")
    figures = asyncio.run(
        run(
            args.admin_dsn,
            customers=args.customers,
            notes=args.notes,
            phases=args.phases,
            requests=args.requests,
            profile=args.profile,
            overrides=dict(_setting(text) for text in args.setting),
        )
    )
    print(report(figures))
    return 0 if figures.answers_identical else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
