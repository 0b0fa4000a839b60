"""An unpaced flood from one principal, in a process of its own: ``python -m bench.flood CFG``.

Each of `connections` keep-alive connections sends the same GraphQL POST again as soon as the
previous answer arrived, ignoring `Retry-After`: the client that throttling must contain. The
requests are prebuilt bytes over raw asyncio streams, so the flood costs its own process as
little as possible and the gateway as much as a real client. It prints one JSON
`FloodSummary` (answers by status and by error code, how many 429s carried `Retry-After`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.latency import Latencies
from core.settings import REPO_ROOT


@dataclasses.dataclass(frozen=True, slots=True)
class FloodConfig:
    """Where to flood, as whom, how wide and for how long."""

    url: str
    token: str
    query: str
    variables: dict[str, Any]
    connections: int = 64
    warmup_seconds: float = 2.0
    duration_seconds: float = 10.0


@dataclasses.dataclass(frozen=True, slots=True)
class FloodSummary:
    """How the gateway answered the measured part of the flood."""

    requests: int
    seconds: float
    statuses: dict[str, int]
    codes: dict[str, int]
    retry_after: int  # 429 answers that carried Retry-After
    failures: int  # connections that broke (reset, closed) before an answer
    p50_ms: float

    @property
    def answered(self) -> int:
        """Answers with status 200."""
        return self.statuses.get("200", 0)

    @property
    def refused(self) -> int:
        """Answers with status 429 or 503."""
        return self.statuses.get("429", 0) + self.statuses.get("503", 0)


@dataclasses.dataclass
class _Tally:
    statuses: dict[str, int] = dataclasses.field(default_factory=dict)
    codes: dict[str, int] = dataclasses.field(default_factory=dict)
    latencies: list[float] = dataclasses.field(default_factory=list)
    retry_after: int = 0
    failures: int = 0


def _request_bytes(config: FloodConfig, host: str) -> bytes:
    body = json.dumps({"query": config.query, "variables": config.variables}).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {config.token}\r\n"
        f"Content-Type: application/json\r\nAccept: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _answer(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


def _code(body: bytes) -> str:
    try:
        errors = json.loads(body).get("errors") or []
    except ValueError:
        return "unreadable"
    return str((errors[0].get("extensions") or {}).get("code")) if errors else "none"


async def flood(config: FloodConfig) -> FloodSummary:
    """Send unpaced from every connection for the warm-up and the measured duration."""
    parts = urlsplit(config.url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    request = _request_bytes(config, f"{host}:{port}")
    tally = _Tally()
    started = time.perf_counter()
    measured_from = started + config.warmup_seconds
    end = measured_from + config.duration_seconds

    async def connection() -> None:
        writer: asyncio.StreamWriter | None = None
        while time.perf_counter() < end:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                sent = time.perf_counter()
                writer.write(request)
                status, headers, body = await asyncio.wait_for(_answer(reader), end - sent + 5)
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                if time.perf_counter() >= measured_from:
                    tally.failures += 1
                if writer is not None:
                    writer.close()
                writer = None
                await asyncio.sleep(0.01)
                continue
            if sent < measured_from:
                continue
            tally.statuses[str(status)] = tally.statuses.get(str(status), 0) + 1
            code = _code(body) if status != 200 else "none"
            tally.codes[code] = tally.codes.get(code, 0) + 1
            tally.latencies.append((time.perf_counter() - sent) * 1000)
            if status == 429 and "retry-after" in headers:
                tally.retry_after += 1
            if headers.get("connection", "").lower() == "close":
                writer.close()
                writer = None
        if writer is not None:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(config.connections)))
    seconds = time.perf_counter() - measured_from
    latencies = tally.latencies
    return FloodSummary(
        requests=len(latencies),
        seconds=seconds,
        statuses=tally.statuses,
        codes=tally.codes,
        retry_after=tally.retry_after,
        failures=tally.failures,
        p50_ms=Latencies(tuple(latencies)).p50 if latencies else float("nan"),
    )


async def run_flood(config: FloodConfig, directory: Path) -> FloodSummary:
    """Run ``python -m bench.flood`` with `config` in a child process; its summary."""
    path = directory / f"flood-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(dataclasses.asdict(config)), encoding="utf-8")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.flood",
        str(path),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"flood exited with {process.returncode}: {stderr.decode()[-2000:]}")
    return FloodSummary(**json.loads(stdout))


def main(argv: list[str]) -> int:
    """The child: read the config, flood, print the summary as one JSON line."""
    if len(argv) != 2:
        print("usage: python -m bench.flood CONFIG.json", file=sys.stderr)
        return 2
    config = FloodConfig(**json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    summary = asyncio.run(flood(config))
    print(json.dumps(dataclasses.asdict(summary)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
