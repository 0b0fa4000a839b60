"""``python -m demo.upstreams``: serve the demo helpdesk and marketplace from their databases.

The databases are the service stores a loader filled (``python -m bench.load`` writes them as
``<prefix>_helpdesk`` and ``<prefix>_marketplace``); they are read once at start. Both apps
listen on loopback until SIGINT or SIGTERM. Point the gateway's upstream file at the printed
URLs (``bench.load`` writes one that already does).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from sqlalchemy.exc import SQLAlchemyError

from demo.upstreams.serve import serve_service_databases

_SYNC_SCHEMES = ("postgresql://", "postgres://")


def _async_url(url: str) -> str:
    # Loaders and operators hand out plain libpq URLs; the apps read through asyncpg.
    for scheme in _SYNC_SCHEMES:
        if url.startswith(scheme):
            return "postgresql+asyncpg://" + url.removeprefix(scheme)
    return url


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m demo.upstreams", description=__doc__)
    parser.add_argument(
        "--helpdesk-db",
        required=True,
        metavar="URL",
        help="the helpdesk's database (postgresql://… or a SQLAlchemy async URL)",
    )
    parser.add_argument(
        "--marketplace-db", required=True, metavar="URL", help="the marketplace's database"
    )
    parser.add_argument(
        "--helpdesk-port", type=int, default=8101, help="helpdesk port (default: 8101)"
    )
    parser.add_argument(
        "--marketplace-port", type=int, default=8102, help="marketplace port (default: 8102)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Serve both apps until SIGINT/SIGTERM; 2 when a database or a port is unusable."""
    args = _parser().parse_args(argv)
    urls = {
        "helpdesk": _async_url(args.helpdesk_db),
        "marketplace": _async_url(args.marketplace_db),
    }
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        with serve_service_databases(
            urls, helpdesk_port=args.helpdesk_port, marketplace_port=args.marketplace_port
        ) as (helpdesk, marketplace):
            print(f"helpdesk     {helpdesk.url}  (GET /api/tickets?requester_ids=…)", flush=True)
            print(f"marketplace  {marketplace.url}  (GET /v1/orders?buyer=…)", flush=True)
            print("serving until SIGINT/SIGTERM", flush=True)
            while not stop.wait(0.5):
                pass
    except (SQLAlchemyError, OSError, RuntimeError) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        print(f"python -m demo.upstreams: {first}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
