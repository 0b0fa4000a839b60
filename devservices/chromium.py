"""Chromium for the notes widget's browser tests: Debian's `chromium` package, found or installed.

Playwright's own browser download needs hosts these machines cannot reach, so the tests drive
the distribution's binary instead (`executable_path`). Headless Chromium as root needs
`--no-sandbox`; the other flags keep it from dialling out on a closed network.
"""

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from devservices.users import ServiceStartError, is_root

CANDIDATES = (Path("/usr/bin/chromium"), Path("/usr/bin/chromium-browser"))
HEADLESS_ARGS = (
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _silent(message: str) -> None:
    pass


def find_chromium() -> Path | None:
    """The Chromium binary if one is installed."""
    for candidate in CANDIDATES:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_args() -> list[str]:
    """Command line flags for headless Chromium on this machine (no sandbox as root)."""
    return [*HEADLESS_ARGS, *(["--no-sandbox"] if is_root() else [])]


def ensure_chromium_installed(report: Callable[[str], None] = _silent) -> Path:
    """Return the Chromium binary, installing Debian's package first if needed."""
    found = find_chromium()
    if found is not None:
        return found
    apt_get = shutil.which("apt-get")
    if not is_root() or apt_get is None:
        raise ServiceStartError(
            "Chromium is not installed (no /usr/bin/chromium) and cannot be installed here: "
            "run as root on Debian/Ubuntu, or install the `chromium` package."
        )
    report("installing Chromium with apt-get (Debian package `chromium`)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in ([apt_get, "update"], [apt_get, "install", "-y", "chromium"]):
        subprocess.run(argv, env=env, check=True)
    found = find_chromium()
    if found is None:
        raise ServiceStartError("apt-get installed `chromium` but /usr/bin/chromium is missing")
    return found
