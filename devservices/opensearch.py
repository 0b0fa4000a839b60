"""OpenSearch for tests and development: fetch the distribution, run a single throwaway node.

The platform-independent ``integ-test-zip`` distribution comes from Maven Central through
``mvn dependency:copy`` and is unpacked once into a cache outside the repository. Each run
gets its own copy of ``config/`` plus data, logs and tmp directories in a temporary
directory, and listens on 127.0.0.1 only, which keeps OpenSearch's bootstrap checks off.
"""

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from devservices.ports import LOOPBACK, free_port
from devservices.users import (
    ServiceProcess,
    ServiceStartError,
    ServiceUser,
    can_traverse,
    chown_tree,
    is_root,
    make_run_dir,
    service_user,
)

OPENSEARCH_VERSION = "2.19.1"
ARTIFACT = f"org.opensearch.distribution.integ-test-zip:opensearch:{OPENSEARCH_VERSION}:zip"
# The integ-test distribution is minimal: it lacks the module with the stemmers, ASCII
# folding and the other "common" analyzers that production clusters have. Maven Central
# publishes that module's jar, so it is added as a module with its plugin descriptor.
ANALYSIS_COMMON = f"org.opensearch.plugin:analysis-common:{OPENSEARCH_VERSION}:jar"
ANALYSIS_COMMON_DESCRIPTOR = f"""\
description=Adds "built in" analyzers to OpenSearch.
version={OPENSEARCH_VERSION}
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version={OPENSEARCH_VERSION}
custom.foldername=
extended.plugins=
has.native.controller=false
"""
READY_TIMEOUT = 120.0
HEAP_OPTS = "-Xms512m -Xmx512m"
CACHE_ENV = "C360_CACHE_DIR"


def _silent(message: str) -> None:
    """Default progress reporter: say nothing."""


def cache_root() -> Path:
    """Where downloaded distributions live: ``$C360_CACHE_DIR`` or a per-machine default."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser().resolve()
    if is_root():
        # Not under /root: the unprivileged service user must be able to read it.
        return Path("/var/cache/customer360")
    return Path.home() / ".cache" / "customer360"


def install_dir() -> Path:
    """The unpacked distribution's home directory inside the cache."""
    return cache_root() / f"opensearch-{OPENSEARCH_VERSION}"


def ensure_opensearch_installed(report: Callable[[str], None] = _silent) -> Path:
    """Return the OpenSearch home directory, downloading and unpacking it first if needed."""
    home = install_dir()
    if (home / "bin" / "opensearch").is_file():
        _ensure_analysis_common(home, report)
        return home
    cache = home.parent
    cache.mkdir(mode=0o755, parents=True, exist_ok=True)
    user = service_user()
    if not can_traverse(cache, user):
        raise ServiceStartError(
            f"{user.name} cannot reach the cache {cache}; set {CACHE_ENV} to a directory "
            "outside private home directories (e.g. /var/cache/customer360)"
        )
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServiceStartError("Maven (`mvn`) is needed to fetch OpenSearch from Maven Central")
    # Downloads and unpacking happen in temporary siblings and end with one rename, so an
    # interrupted run never leaves a half-filled cache behind.
    with tempfile.TemporaryDirectory(dir=cache, prefix=".download-") as download:
        report(f"fetching {ARTIFACT} with Maven (from ~/.m2 or Maven Central)")
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "dependency:copy",
                f"-Dartifact={ARTIFACT}",
                f"-DoutputDirectory={download}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        archive = Path(download) / f"opensearch-{OPENSEARCH_VERSION}.zip"
        if result.returncode != 0 or not archive.is_file():
            raise ServiceStartError(f"mvn dependency:copy failed:\n{result.stdout}{result.stderr}")
        report(f"unpacking {archive.stat().st_size / 1e6:.0f} MB into {home}")
        staging = Path(tempfile.mkdtemp(dir=cache, prefix=f".{home.name}-"))
        try:
            _unzip(archive, staging)
            try:
                (staging / home.name).rename(home)
            except OSError:
                # A concurrent run may have finished first; its copy is as good as ours.
                if not (home / "bin" / "opensearch").is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _ensure_analysis_common(home, report)
    report(f"OpenSearch {OPENSEARCH_VERSION} ready in {home}")
    return home


def _mvn_copy(artifact: str, directory: Path) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServiceStartError("Maven (`mvn`) is needed to fetch OpenSearch from Maven Central")
    result = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "dependency:copy",
            f"-Dartifact={artifact}",
            f"-DoutputDirectory={directory}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ServiceStartError(
            f"mvn dependency:copy {artifact} failed:\n{result.stdout}{result.stderr}"
        )


def _ensure_analysis_common(home: Path, report: Callable[[str], None]) -> None:
    """Add the analysis-common module to the cached distribution (once, atomically)."""
    module = home / "modules" / "analysis-common"
    if (module / "plugin-descriptor.properties").is_file():
        return
    report(f"adding the analysis-common module ({ANALYSIS_COMMON})")
    staging = Path(tempfile.mkdtemp(dir=home.parent, prefix=".analysis-common-"))
    try:
        _mvn_copy(ANALYSIS_COMMON, staging)
        (staging / "plugin-descriptor.properties").write_text(ANALYSIS_COMMON_DESCRIPTOR)
        for path in staging.iterdir():
            path.chmod(0o644)
        staging.chmod(0o755)
        try:
            staging.rename(module)
        except OSError:
            if not (module / "plugin-descriptor.properties").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unzip(archive: Path, target: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        for member in zipped.infolist():
            path = Path(zipped.extract(member, target))
            # zipfile drops Unix modes; restore them (scripts must stay executable) and make
            # everything readable by the service user whatever the umask.
            mode = (member.external_attr >> 16) & 0o777
            if member.is_dir():
                path.chmod(0o755)
            else:
                path.chmod((mode or 0o644) | 0o444)


def java_home() -> Path:
    """The Java installation OpenSearch runs on, derived from ``java`` on PATH."""
    java = shutil.which("java")
    if java is not None:
        return Path(java).resolve().parent.parent
    configured = os.environ.get("JAVA_HOME")
    if configured and (Path(configured) / "bin" / "java").is_file():
        return Path(configured)
    raise ServiceStartError("no Java found (need `java` on PATH, e.g. openjdk-17-jre-headless)")


class OpenSearchServer:
    """A throwaway single-node OpenSearch owned by this process."""

    def __init__(
        self,
        *,
        home: Path,
        user: ServiceUser,
        run_dir: Path,
        http_port: int,
        transport_port: int,
        overrides: Mapping[str, str] | None = None,
        probe: Mapping[str, Any] | None = None,
    ) -> None:
        self.home = home
        self.user = user
        self.run_dir = run_dir
        self.port = http_port
        # A secured node (devservices.opensearch_secure) serves https and needs credentials
        # for the readiness probe: `probe` holds httpx.Client options (verify, auth, cert).
        self._probe = dict(probe or {})
        scheme = "https" if (overrides or {}).get("plugins.security.ssl.http.enabled") else "http"
        self.url = f"{scheme}://{LOOPBACK}:{http_port}"
        # The bare version number, as GET / reports it once the node is ready.
        self.version = OPENSEARCH_VERSION
        settings = {
            "discovery.type": "single-node",
            "network.host": LOOPBACK,
            "http.port": str(http_port),
            "transport.port": str(transport_port),
            "path.data": str(run_dir / "data"),
            "path.logs": str(run_dir / "logs"),
            "cluster.routing.allocation.disk.threshold_enabled": "false",
        }
        # Unknown settings abort startup, so only disable security when the plugin exists.
        if (home / "plugins" / "opensearch-security").is_dir():
            settings["plugins.security.disabled"] = "true"
        settings.update(overrides or {})
        java = java_home()
        self._process = ServiceProcess(
            [
                str(home / "bin" / "opensearch"),
                *(f"-E{key}={value}" for key, value in settings.items()),
            ],
            user=user,
            cwd=run_dir,
            env={
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "HOME": str(run_dir),
                "LANG": "C.UTF-8",
                "OPENSEARCH_HOME": str(home),
                "OPENSEARCH_PATH_CONF": str(run_dir / "config"),
                "OPENSEARCH_TMPDIR": str(run_dir / "tmp"),
                "OPENSEARCH_JAVA_HOME": str(java),
                "JAVA_HOME": str(java),
                "OPENSEARCH_JAVA_OPTS": HEAP_OPTS,
            },
            log_path=run_dir / "opensearch.out",
            stop_signal=signal.SIGTERM,
        )
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The JVM's process id while running."""
        return self._process.pid

    @property
    def address(self) -> str:
        """``host:port`` of the HTTP listener."""
        return f"{LOOPBACK}:{self.port}"

    def launch(self) -> None:
        """Start the node without waiting for it; pair with ``wait_ready()``."""
        if self._closed:
            raise RuntimeError("this OpenSearchServer was closed; start a new one")
        self._process.start()
        atexit.register(self.close)

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        """Block until the cluster is at least yellow, then record the reported version."""
        deadline = time.monotonic() + timeout
        with httpx.Client(base_url=self.url, timeout=5.0, **self._probe) as client:
            while True:
                code = self._process.exit_code()
                if code is not None:
                    raise ServiceStartError(
                        f"OpenSearch exited with status {code} during startup; log:\n"
                        f"{self._process.log_tail()}"
                    )
                try:
                    health = client.get(
                        "/_cluster/health", params={"wait_for_status": "yellow", "timeout": "1s"}
                    )
                    if health.status_code == 200:
                        self.version = opensearch_version(client)
                        return
                except httpx.TransportError:
                    pass  # not listening yet
                if time.monotonic() > deadline:
                    raise ServiceStartError(
                        f"OpenSearch not ready on {self.url} after {timeout:.0f}s; log:\n"
                        f"{self._process.log_tail()}"
                    )
                time.sleep(0.25)

    def start(self, timeout: float = READY_TIMEOUT) -> None:
        """Start (or restart) the node on the same port and data; wait until it is ready."""
        self.launch()
        self.wait_ready(timeout)

    @property
    def running(self) -> bool:
        """True while the node process is alive."""
        return self._process.pid is not None and self._process.exit_code() is None

    def stop(self) -> None:
        """Stop the node and wait for it; keeps the data so ``start()`` can resume."""
        self._process.stop()

    def close(self) -> None:
        """Stop the node and delete its temporary directory; idempotent."""
        self.stop()
        atexit.unregister(self.close)
        if not self._closed:
            self._closed = True
            shutil.rmtree(self.run_dir, ignore_errors=True)


def _prepare_run_dir(home: Path, run_dir: Path, user: ServiceUser) -> None:
    shutil.copytree(home / "config", run_dir / "config")
    for name in ("data", "logs", "tmp"):
        (run_dir / name).mkdir()
    # bin/opensearch-env changes into the (read-only, shared) home directory, where the
    # stock jvm.options would put gc logs, crash logs and heap dumps; send them here instead.
    jvm_options = run_dir / "config" / "jvm.options"
    text = jvm_options.read_text()
    text = text.replace("file=logs/", f"file={run_dir}/logs/")
    text = text.replace("-Xloggc:logs/", f"-Xloggc:{run_dir}/logs/")
    text = text.replace("-XX:ErrorFile=logs/", f"-XX:ErrorFile={run_dir}/logs/")
    text = text.replace("-XX:HeapDumpPath=data", f"-XX:HeapDumpPath={run_dir}/data")
    jvm_options.write_text(text)
    chown_tree(run_dir, user)


def start_opensearch(
    *, wait: bool = True, timeout: float = READY_TIMEOUT, report: Callable[[str], None] = _silent
) -> OpenSearchServer:
    """Start a single node on free loopback ports; with ``wait=False`` call ``wait_ready()``."""
    home = ensure_opensearch_installed(report)
    user = service_user()
    run_dir = make_run_dir("c360-opensearch-", user)
    try:
        _prepare_run_dir(home, run_dir, user)
        server = OpenSearchServer(
            home=home,
            user=user,
            run_dir=run_dir,
            http_port=free_port(),
            transport_port=free_port(),
        )
    except BaseException:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    try:
        server.launch()
        if wait:
            server.wait_ready(timeout)
    except BaseException:
        server.close()
        raise
    return server


def opensearch_version(client: httpx.Client) -> str:
    """Return the version number (e.g. ``2.19.1``) from the root endpoint of the client's server."""
    response = client.get("/")
    response.raise_for_status()
    return str(response.json()["version"]["number"])


@dataclass(frozen=True)
class ExternalOpenSearch:
    """An OpenSearch given by ``OPENSEARCH_URL``: used as is, never started or stopped."""

    url: str
    version: str


def external_opensearch(url: str) -> ExternalOpenSearch:
    """Describe the server behind ``url`` after checking that it answers."""
    with httpx.Client(base_url=url, timeout=10.0) as client:
        return ExternalOpenSearch(url=url.rstrip("/"), version=opensearch_version(client))
