"""`serve` (the gateway, one process or several) and `demo fail|heal` (the demo upstreams)."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING

from core.settings import Settings
from gateway.cli.context import upstreams
from gateway.cli.draw import console
from gateway.cli.store_commands import migrate_store, seed_if_empty

if TYPE_CHECKING:
    from datasources.config import UpstreamConfig


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `serve` and `demo`."""
    serve = commands.add_parser("serve", help="run the gateway (GraphiQL at /graphql)")
    serve.add_argument("--host", help="bind address (default: settings, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: settings, 8000)")
    serve.add_argument(
        "--prepare",
        action="store_true",
        help="migrate the store and seed demo data if it is empty, then serve",
    )
    serve.add_argument(
        "--workers", type=int, help="gateway processes on the port (default: settings, 1)"
    )
    serve.set_defaults(run=_serve)

    demo = commands.add_parser(
        "demo", help="fail or heal a demo upstream while `scripts/run` serves"
    )
    demo.add_argument("action", choices=("fail", "heal"))
    demo.add_argument(
        "services", nargs="*", metavar="SERVICE", help="helpdesk, marketplace (heal: default all)"
    )
    demo.set_defaults(run=_demo)


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from demo.upstreams.switch import SWITCHABLE, SwitchError, switch

    fail = args.action == "fail"
    if fail and not args.services:
        console.print(f"[red]name a service to fail: {', '.join(SWITCHABLE)}[/]")
        return 2
    try:
        lines = switch(settings.demo_upstreams_dir, tuple(args.services or SWITCHABLE), fail=fail)
    except SwitchError as error:
        console.print(f"[red]{error}[/]")
        return 2
    for line in lines:
        console.print(line)
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.app import create_app
    from gateway.logs import configure_logging
    from gateway.server import uvicorn_options
    from store.blob_backends import open_blob_store
    from store.blobs import BlobStoreUnavailable

    try:
        settings.check_serving(args.host or settings.host)  # fail fast, naming the setting
        open_blob_store(settings)  # an attachment bucket that does not answer stops us here
    except ValueError as refusal:
        console.print(f"[red]{refusal}[/]")
        return 2
    except BlobStoreUnavailable as refusal:
        console.print(f"[red]refusing to start: {refusal}[/]")
        return 2
    if args.prepare:
        migrate_store(settings, "head", down=False)
        asyncio.run(seed_if_empty(settings))
    from gateway.jobs.rotate_keys import check_encryption_keys

    try:
        asyncio.run(check_encryption_keys(settings))  # a wrong key stops us before serving
    except ValueError as refusal:
        console.print(f"[red]refusing to start: {refusal}[/]")
        return 2
    host = args.host or settings.host
    port = args.port or settings.port
    workers = settings.workers if args.workers is None else args.workers
    if workers < 1:
        console.print("[red]--workers must be at least 1[/]")
        return 2
    options = uvicorn_options(settings, workers=workers)  # head limit, shutdown, proxies
    with upstreams(settings) as upstream_config:
        console.print(f"[bold]Customer360 Gateway[/] on http://{host}:{port}/graphql")
        if workers == 1:
            app = create_app(settings, upstream_config)
            uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, **options)
            return 0
        _hand_to_workers(settings, args.env_file, upstream_config)
        configure_logging(settings)  # the supervisor's own lines (workers, signals) as JSON too
        uvicorn.run(
            "gateway.app:create_app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            **options,
        )
    return 0


def _hand_to_workers(
    settings: Settings, env_file: Path | None, upstream_config: UpstreamConfig | None
) -> None:
    """What each worker process needs beyond the environment it inherits: the --env-file,
    and the demo upstreams this process runs (written to the data directory as a file)."""
    from core.settings import ENV_FILE_VARIABLE
    from datasources.config import UpstreamConfig

    # Worker processes start from the environment (uvicorn spawns them), so that is the channel.
    if env_file is not None:
        os.environ[ENV_FILE_VARIABLE] = str(env_file.resolve())
    if settings.upstreams_file is None and upstream_config is not None:
        path = settings.data_dir / "demo-upstreams.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(upstream_config.model_dump_json(), encoding="utf-8")
        path.chmod(0o600)  # it carries the demo databases' connection strings
        UpstreamConfig.from_file(path)  # fail here, not in every worker
        os.environ["C360_UPSTREAMS_FILE"] = str(path)
