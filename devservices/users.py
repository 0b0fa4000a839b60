"""The unprivileged service user, its scratch directories and the processes run as it.

PostgreSQL and OpenSearch both refuse to run as root. As root the harness creates the
system user ``c360svc`` and runs the servers as it; otherwise they run as the current user.
Each server runs in its own session, so stopping it signals the whole process group.
"""

import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import stat
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "c360svc"

_PR_SET_PDEATHSIG = 1
_OWNER_FILE = "owner.pid"


@dataclass(frozen=True)
class ServiceUser:
    """The account the servers run as."""

    name: str
    uid: int
    gid: int

    @property
    def is_current(self) -> bool:
        """True when no user switch is needed to run as this account."""
        return self.uid == os.geteuid()


def is_root() -> bool:
    """True when the harness runs with root privileges."""
    return os.geteuid() == 0


def service_user() -> ServiceUser:
    """Return the account for the servers, creating ``c360svc`` first when running as root."""
    if not is_root():
        entry = pwd.getpwuid(os.geteuid())
        return ServiceUser(entry.pw_name, entry.pw_uid, entry.pw_gid)
    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        _create_system_user(SERVICE_USER)
        entry = pwd.getpwnam(SERVICE_USER)
    return ServiceUser(entry.pw_name, entry.pw_uid, entry.pw_gid)


def _create_system_user(name: str) -> None:
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
        check=False,
    )
    # Exit code 9 means another run created the user between our lookup and useradd.
    if result.returncode not in (0, 9):
        raise RuntimeError(f"useradd {name} failed ({result.returncode}): {result.stderr.strip()}")


def can_traverse(path: Path, user: ServiceUser) -> bool:
    """True when ``user`` may search every directory from ``/`` down to ``path``."""
    if user.uid == 0:
        return True
    for directory in [path, *path.parents]:
        info = directory.stat()
        if info.st_uid == user.uid:
            allowed = info.st_mode & stat.S_IXUSR
        elif info.st_gid == user.gid:
            allowed = info.st_mode & stat.S_IXGRP
        else:
            allowed = info.st_mode & stat.S_IXOTH
        if not allowed:
            return False
    return True


def make_run_dir(prefix: str, user: ServiceUser) -> Path:
    """Create a fresh temporary directory owned by ``user``, under a path it can reach."""
    base = Path(tempfile.gettempdir()).resolve()
    # TMPDIR may point somewhere private (e.g. under /root) that the service user cannot enter.
    if not can_traverse(base, user):
        base = Path("/tmp")  # noqa: S108 - sticky, world-traversable, and the dir itself is 0700
    _sweep_stale_run_dirs(base, prefix)
    run_dir = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    (run_dir / _OWNER_FILE).write_text(str(os.getpid()))
    if not user.is_current:
        os.chown(run_dir, user.uid, user.gid)
    return run_dir


def _sweep_stale_run_dirs(base: Path, prefix: str) -> None:
    # A harness killed with SIGKILL takes its servers with it (parent-death signal) but
    # cannot delete their directories; the next run does, once the owner is gone.
    for candidate in base.glob(f"{prefix}*"):
        try:
            owner = int((candidate / _OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if not _alive(owner):
            shutil.rmtree(candidate, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by another user
    return True


def chown_tree(root: Path, user: ServiceUser) -> None:
    """Give ``user`` ownership of ``root`` and everything below it."""
    if user.is_current:
        return
    os.chown(root, user.uid, user.gid)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            os.chown(os.path.join(dirpath, name), user.uid, user.gid, follow_symlinks=False)


def _identity(user: ServiceUser) -> tuple[int | None, int | None, list[int] | None]:
    """``user``, ``group`` and ``extra_groups`` for subprocess: None keeps the current ones."""
    if user.is_current:
        return None, None, None
    # Drop root's supplementary groups as well as its uid/gid.
    return user.uid, user.gid, []


def run_as(
    argv: Sequence[str], user: ServiceUser, *, cwd: Path, env: Mapping[str, str] | None = None
) -> str:
    """Run a command to completion as ``user``; return its output or raise with it."""
    uid, gid, groups = _identity(user)
    result = subprocess.run(
        list(argv),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        user=uid,
        group=gid,
        extra_groups=groups,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({result.returncode}):\n{result.stdout}")
    return result.stdout


def _die_with_parent(sig: int) -> Callable[[], None]:
    libc = ctypes.CDLL(None, use_errno=True)

    def set_parent_death_signal() -> None:
        # Runs in the child after the user switch; if the test run is SIGKILLed the server
        # still gets ``sig`` instead of lingering. Only the creating thread's death counts,
        # so servers must be launched from a long-lived (the main) thread.
        libc.prctl(_PR_SET_PDEATHSIG, sig)

    return set_parent_death_signal


class ServiceProcess:
    """A long-running server process run as the service user in its own session."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        user: ServiceUser,
        cwd: Path,
        env: Mapping[str, str],
        log_path: Path,
        stop_signal: int = signal.SIGTERM,
    ) -> None:
        self.argv = list(argv)
        self.user = user
        self.cwd = cwd
        self.env = dict(env)
        self.log_path = log_path
        self.stop_signal = stop_signal
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The process id while started, else None."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Launch the process (appending to its log); no-op while it is still running."""
        if self._process is not None and self._process.poll() is None:
            return
        uid, gid, groups = _identity(self.user)
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent(self.stop_signal),
                user=uid,
                group=gid,
                extra_groups=groups,
            )

    def exit_code(self) -> int | None:
        """The exit status if the process has ended, else None."""
        return self._process.poll() if self._process is not None else None

    def stop(self, timeout: float = 30.0) -> None:
        """Signal the whole process group, wait for it, and kill it if it hangs."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            _signal_group(process.pid, self.stop_signal)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(process.pid, signal.SIGKILL)
                process.wait()

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the process log, for error messages."""
        try:
            text = self.log_path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


class ServiceStartError(RuntimeError):
    """A server could not be installed or did not become ready; the message carries its log."""
