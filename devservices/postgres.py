"""PostgreSQL for tests and development: find or install the binaries, run a throwaway server.

The server lives in a fresh temporary directory, listens on 127.0.0.1 only, trusts every
local connection and trades durability for speed (fsync, synchronous_commit and
full_page_writes are off): the data is disposable by design.
"""

import atexit
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from devservices.ports import LOOPBACK, free_port
from devservices.users import (
    ServiceProcess,
    ServiceStartError,
    ServiceUser,
    is_root,
    make_run_dir,
    run_as,
    service_user,
)

READY_TIMEOUT = 60.0
_DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")
_SCHEMES = {"postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg"}
_DATABASE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def _silent(message: str) -> None:
    """Default progress reporter: say nothing."""


def find_postgres_bin_dir() -> Path | None:
    """Return a directory holding both ``initdb`` and ``postgres``, or None."""
    candidates: list[Path] = []
    initdb = shutil.which("initdb")
    if initdb is not None:
        # /usr/local/bin/initdb is often a symlink; postgres sits next to the real file.
        candidates.append(Path(initdb).resolve().parent)
    candidates += sorted(_DEBIAN_PG_ROOT.glob("*/bin"), key=_major_version, reverse=True)
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "postgres").is_file():
            return candidate
    return None


def _major_version(bin_dir: Path) -> int:
    name = bin_dir.parent.name
    return int(name) if name.isdigit() else 0


def ensure_postgres_installed(report: Callable[[str], None] = _silent) -> str:
    """Return the PostgreSQL bin directory, installing Debian's package first if needed."""
    found = find_postgres_bin_dir()
    if found is not None:
        return str(found)
    apt_get = shutil.which("apt-get")
    if not is_root() or apt_get is None:
        raise ServiceStartError(
            "PostgreSQL is not installed (no initdb in PATH or /usr/lib/postgresql/*/bin) and "
            "cannot be installed here: run as root on Debian/Ubuntu, or install `postgresql`."
        )
    report("installing PostgreSQL with apt-get (Debian package `postgresql`)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in ([apt_get, "update"], [apt_get, "install", "-y", "postgresql"]):
        subprocess.run(argv, env=env, check=True)
    found = find_postgres_bin_dir()
    if found is None:
        raise ServiceStartError("apt-get installed `postgresql` but initdb is still not found")
    return str(found)


def postgres_version(bin_dir: Path) -> str:
    """Return e.g. ``PostgreSQL 15.18`` for the binaries in ``bin_dir``."""
    output = subprocess.run(
        [str(bin_dir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"\(PostgreSQL\)\s+(\S+)", output)
    return f"PostgreSQL {match.group(1)}" if match else output.strip()


class PostgresServer:
    """A running throwaway PostgreSQL server owned by this process."""

    def __init__(
        self,
        *,
        bin_dir: Path,
        user: ServiceUser,
        run_dir: Path,
        port: int,
        version: str,
        options: Sequence[str] = (),
    ) -> None:
        self.bin_dir = bin_dir
        self.user = user
        self.run_dir = run_dir
        self.port = port
        self.version = version
        self.admin_dsn = f"postgresql://postgres@{LOOPBACK}:{port}/postgres"
        self._process = ServiceProcess(
            [
                str(bin_dir / "postgres"),
                *("-D", str(self.data_dir), "-p", str(port)),
                *("-c", f"listen_addresses={LOOPBACK}"),
                *("-c", f"unix_socket_directories={run_dir}"),
                *("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"),
                *("-c", "max_connections=200"),
                *(arg for option in options for arg in ("-c", option)),
            ],
            user=user,
            cwd=run_dir,
            env=_service_env(run_dir),
            log_path=run_dir / "postgres.log",
            # Fast shutdown: roll back open sessions instead of waiting for pools to close.
            stop_signal=signal.SIGINT,
        )
        self._closed = False

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory."""
        return self.run_dir / "data"

    @property
    def address(self) -> str:
        """``host:port`` of the listening socket."""
        return f"{LOOPBACK}:{self.port}"

    @property
    def pid(self) -> int | None:
        """The postmaster's process id while running."""
        return self._process.pid

    def start(self, timeout: float = READY_TIMEOUT) -> None:
        """Start (or restart) the server on the same data directory and port; wait until ready."""
        if self._closed:
            raise RuntimeError("this PostgresServer was closed; start a new one")
        self._process.start()
        atexit.register(self.close)
        self._wait_ready(timeout)

    @property
    def running(self) -> bool:
        """True while the postmaster process is alive."""
        return self._process.pid is not None and self._process.exit_code() is None

    def stop(self) -> None:
        """Shut the server down and wait for it; keeps the data so ``start()`` can resume."""
        self._process.stop()

    def close(self) -> None:
        """Stop the server and delete its temporary directory; idempotent."""
        self.stop()
        atexit.unregister(self.close)
        if not self._closed:
            self._closed = True
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def _wait_ready(self, timeout: float) -> None:
        pg_isready = str(self.bin_dir / "pg_isready")
        argv = [pg_isready, "-q", "-h", LOOPBACK, "-p", str(self.port), "-U", "postgres"]
        deadline = time.monotonic() + timeout
        while True:
            code = self._process.exit_code()
            if code is not None:
                raise ServiceStartError(
                    f"postgres exited with status {code} during startup; log:\n"
                    f"{self._process.log_tail()}"
                )
            ready = subprocess.run(argv, check=False, timeout=10)
            if ready.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise ServiceStartError(
                    f"postgres not ready on {self.address} after {timeout:.0f}s; log:\n"
                    f"{self._process.log_tail()}"
                )
            time.sleep(0.1)


def _service_env(run_dir: Path) -> dict[str, str]:
    # A clean environment: the service user must not inherit root's HOME or locale quirks.
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(run_dir),
        "LC_ALL": "C",
        "LANG": "C",
        "TZ": os.environ.get("TZ", "UTC"),
    }


def start_postgres(
    timeout: float = READY_TIMEOUT,
    report: Callable[[str], None] = _silent,
    *,
    configure: Callable[[Path, ServiceUser], Sequence[str]] | None = None,
) -> PostgresServer:
    """Initialise a fresh cluster in a temporary directory and start it on a free port.

    `configure(data_dir, user)`, when given, runs after initdb (to write files such as
    pg_hba.conf or certificates) and returns extra server options (``ssl=on``, …).
    """
    bin_dir = Path(ensure_postgres_installed(report))
    user = service_user()
    run_dir = make_run_dir("c360-postgres-", user)
    options: Sequence[str] = ()
    try:
        run_as(
            [
                str(bin_dir / "initdb"),
                *("-D", str(run_dir / "data"), "-U", "postgres", "--auth=trust"),
                *("-E", "UTF8", "--locale=C", "--no-sync"),
            ],
            user,
            cwd=run_dir,
            env=_service_env(run_dir),
        )
        if configure is not None:
            options = configure(run_dir / "data", user)
        server = PostgresServer(
            bin_dir=bin_dir,
            user=user,
            run_dir=run_dir,
            port=free_port(),
            version=postgres_version(bin_dir),
            options=options,
        )
    except BaseException:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    try:
        server.start(timeout)
    except BaseException:
        server.close()
        raise
    return server


@dataclass(frozen=True)
class ExternalPostgres:
    """A PostgreSQL server given by ``DATABASE_URL``: used as is, never started or stopped."""

    admin_dsn: str
    version: str

    @property
    def address(self) -> str:
        """``host:port`` from the URL."""
        parts = urlsplit(self.admin_dsn)
        return f"{parts.hostname}:{parts.port or 5432}"


async def external_postgres(url: str) -> ExternalPostgres:
    """Describe the server behind ``url`` after checking that it answers."""
    dsn = asyncpg_dsn(url)
    return ExternalPostgres(admin_dsn=dsn, version=await server_version(dsn))


def is_postgres_url(url: str) -> bool:
    """True for ``postgres://``, ``postgresql://`` and ``postgresql+<driver>://`` URLs."""
    return urlsplit(url).scheme in _SCHEMES


def asyncpg_dsn(url: str) -> str:
    """Normalise a PostgreSQL URL (any SQLAlchemy driver suffix) to the libpq/asyncpg form."""
    if not is_postgres_url(url):
        raise ValueError(f"not a PostgreSQL URL: {url!r}")
    return urlunsplit(urlsplit(url)._replace(scheme="postgresql"))


def database_url(admin_dsn: str, name: str) -> str:
    """The SQLAlchemy asyncpg URL for database ``name`` on the server of ``admin_dsn``."""
    parts = urlsplit(asyncpg_dsn(admin_dsn))
    return urlunsplit(parts._replace(scheme="postgresql+asyncpg", path=f"/{name}"))


async def server_version(admin_dsn: str) -> str:
    """Return e.g. ``PostgreSQL 15.18`` as reported by the running server."""
    connection = await asyncpg.connect(asyncpg_dsn(admin_dsn))
    try:
        raw: str = await connection.fetchval("SHOW server_version")
    finally:
        await connection.close()
    return f"PostgreSQL {raw.split()[0]}"


async def create_database(admin_dsn: str, name: str, *, template: str | None = None) -> str:
    """Create database ``name`` (a copy of database ``template`` when given) and return its
    ``postgresql+asyncpg://`` URL."""
    copy = f' TEMPLATE "{_checked_name(template)}"' if template else ""
    await _admin_execute(admin_dsn, f'CREATE DATABASE "{_checked_name(name)}"{copy}')
    return database_url(admin_dsn, name)


async def drop_database(admin_dsn: str, name: str) -> None:
    """Drop database ``name`` if it exists, disconnecting its sessions."""
    await _admin_execute(admin_dsn, f'DROP DATABASE IF EXISTS "{_checked_name(name)}" WITH (FORCE)')


def _checked_name(name: str) -> str:
    # Identifiers cannot be bound as parameters, so only plain names are accepted.
    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(f"invalid database name: {name!r}")
    return name


async def _admin_execute(admin_dsn: str, statement: str) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(admin_dsn))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()
