"""A gateway in a process of its own, on a loopback port, as a deployment runs it.

The load generator and the gateway must not share a GIL: a gateway served from a thread of
the benchmark process would be timed together with the client that measures it. The parent
side is `GatewayProcess`; ``python -m bench.gateway_process SETTINGS.json PORT [PROFILE]`` is
the child (with PROFILE, it serves under cProfile and writes the stats there when stopped).
"""

from __future__ import annotations

import cProfile
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from core.settings import REPO_ROOT
from devservices.ports import free_port

START_TIMEOUT = 60.0


class GatewayProcess:
    """`python -m bench.gateway_process` started with the given settings; stopped on exit."""

    def __init__(
        self, directory: Path, settings: dict[str, Any], *, profile: Path | None = None
    ) -> None:
        self.settings_path = directory / f"gateway-{id(self)}.json"
        self.settings_path.write_text(json.dumps(settings), encoding="utf-8")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # With `profile`, the gateway serves under cProfile and writes its stats there on exit.
        self.profile = profile
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> GatewayProcess:
        self.start()
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Launch the process without waiting for it (several can then boot side by side)."""
        profile = [str(self.profile)] if self.profile else []
        self._process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            [
                sys.executable,
                "-m",
                "bench.gateway_process",
                str(self.settings_path),
                str(self.port),
                *profile,
            ],
            cwd=REPO_ROOT,
        )

    def wait_ready(self) -> None:
        """Block until /healthz answers; raises if the process exits or takes too long."""
        assert self._process is not None, "start() first"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"gateway exited with {self._process.returncode}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gateway did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        """Terminate the process (SIGTERM: a graceful shutdown), killing it after 20 s."""
        if self._process is not None and self._process.poll() is None:
            if self.profile:
                # uvicorn re-raises the signal after its shutdown: SIGTERM would end the
                # process there, SIGINT becomes a KeyboardInterrupt and the stats get written.
                self._process.send_signal(signal.SIGINT)
            else:
                self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    @property
    def pid(self) -> int:
        """The gateway's process id."""
        assert self._process is not None
        return self._process.pid

    def peak_rss_mib(self) -> float:
        """The process's peak resident set size so far (VmHWM), in MiB."""
        return self._status_mib("VmHWM")

    def rss_mib(self) -> float:
        """The process's resident set size now (VmRSS), in MiB."""
        return self._status_mib("VmRSS")

    def cpu_seconds(self) -> float:
        """CPU time the process has used so far (user + system), in seconds."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _status_mib(self, field: str) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def _serve(settings_path: str, port: int, profile: str | None = None) -> None:
    import uvicorn

    from core.settings import Settings
    from gateway.app import create_app

    settings = Settings(**json.loads(Path(settings_path).read_text(encoding="utf-8")))
    app = create_app(settings)
    # Profiled from here on: serving only, not the imports and app assembly before it. CPU
    # time, not wall time: an awaited round trip is not the gateway's cost.
    profiler = cProfile.Profile(time.process_time) if profile else None
    if profiler is not None:
        profiler.enable()
    try:
        uvicorn.run(
            app,
            host="127.0.0.1",
            port=port,
            log_config=None,
            access_log=False,
            ws="none",
            lifespan="on",
        )
    finally:
        if profiler is not None and profile is not None:
            profiler.disable()
            profiler.dump_stats(profile)


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
