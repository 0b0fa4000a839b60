"""Command line for the development services: ``python -m devservices install|up|versions``."""

import argparse
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from devservices.chromium import ensure_chromium_installed
from devservices.opensearch import (
    OPENSEARCH_VERSION,
    OpenSearchServer,
    ensure_opensearch_installed,
    install_dir,
    start_opensearch,
)
from devservices.postgres import (
    PostgresServer,
    database_url,
    ensure_postgres_installed,
    find_postgres_bin_dir,
    postgres_version,
    start_postgres,
)

SERVERS = ("postgres", "opensearch")
SERVICES = (*SERVERS, "chromium")


def _report(message: str) -> None:
    print(f"devservices: {message}", flush=True)


def install(services: Sequence[str]) -> None:
    """Install PostgreSQL and Chromium and/or fetch OpenSearch if they are missing."""
    if "postgres" in services:
        _report("checking PostgreSQL")
        bin_dir = Path(ensure_postgres_installed(_report))
        _report(f"{postgres_version(bin_dir)} in {bin_dir}")
    if "opensearch" in services:
        _report("checking OpenSearch")
        home = ensure_opensearch_installed(_report)
        _report(f"OpenSearch {OPENSEARCH_VERSION} in {home}")
    if "chromium" in services:
        _report("checking Chromium (for the widget's browser tests)")
        _report(f"Chromium at {ensure_chromium_installed(_report)}")


def versions() -> None:
    """Print the versions the harness would use and whether they are installed."""
    bin_dir = find_postgres_bin_dir()
    if bin_dir is None:
        print("PostgreSQL  not installed (`python -m devservices install` installs it)")
    else:
        print(f"PostgreSQL  {postgres_version(bin_dir).removeprefix('PostgreSQL ')}  {bin_dir}")
    home = install_dir()
    state = "" if (home / "bin" / "opensearch").is_file() else "  (not fetched yet)"
    print(f"OpenSearch  {OPENSEARCH_VERSION}  {home}{state}")


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def up(services: Sequence[str]) -> int:
    """Start the services in the foreground, print their URLs and wait for Ctrl-C."""
    # SIGTERM (e.g. from a process manager) cleans up like Ctrl-C; SIGINT is re-armed because
    # shells start background jobs with it ignored.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    opensearch: OpenSearchServer | None = None
    postgres: PostgresServer | None = None
    try:
        # OpenSearch boots in the background while PostgreSQL starts, so the waits overlap.
        if "opensearch" in services:
            _report("starting OpenSearch")
            opensearch = start_opensearch(wait=False, report=_report)
        if "postgres" in services:
            _report("starting PostgreSQL")
            postgres = start_postgres(report=_report)
            _report(f"{postgres.version} (data in {postgres.run_dir})")
            print(f"DATABASE_URL={database_url(postgres.admin_dsn, 'postgres')}", flush=True)
        if opensearch is not None:
            opensearch.wait_ready()
            _report(f"OpenSearch {opensearch.version} (data in {opensearch.run_dir})")
            print(f"OPENSEARCH_URL={opensearch.url}", flush=True)
        _report("running; press Ctrl-C to stop")
        while all(server.running for server in (postgres, opensearch) if server is not None):
            time.sleep(1)
        _report("a service exited unexpectedly; stopping")
        return 1
    except KeyboardInterrupt:
        _report("stopping")
        return 0
    finally:
        for server in (opensearch, postgres):
            if server is not None:
                server.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="python -m devservices", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("install", "install PostgreSQL and Chromium / fetch OpenSearch if missing"),
        ("up", "run the services in the foreground until Ctrl-C"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "services", nargs="*", metavar="SERVICE", help=f"{', '.join(SERVICES)} (default: all)"
        )
    commands.add_parser("versions", help="show the versions in use")
    args = parser.parse_args(argv)
    if args.command != "versions":
        # Chromium is a binary the browser tests launch themselves, not a server to keep up.
        known = SERVICES if args.command == "install" else SERVERS
        unknown = set(args.services) - set(known)
        if unknown:
            parser.error(f"unknown service(s): {', '.join(sorted(unknown))}")
        args.services = args.services or list(known)
    if args.command == "install":
        install(args.services)
        return 0
    if args.command == "up":
        return up(args.services)
    versions()
    return 0


if __name__ == "__main__":
    sys.exit(main())
