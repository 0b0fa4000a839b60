"""`sdl`: write or check the committed SDL, and compare it with the frozen v1 baseline."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.settings import Settings
from gateway.cli.draw import console


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `sdl`."""
    sdl = commands.add_parser("sdl", help="write schema/schema.graphql (or --check it)")
    sdl_mode = sdl.add_mutually_exclusive_group()
    sdl_mode.add_argument("--check", action="store_true", help="fail if the file is stale")
    sdl_mode.add_argument(
        "--breaking",
        action="store_true",
        help="fail on a breaking change against the v1 baseline (dangerous ones: warnings)",
    )
    sdl_mode.add_argument(
        "--baseline", action="store_true", help="rewrite the v1 baseline from the live schema"
    )
    sdl.add_argument(
        "--accept-breaking",
        action="store_true",
        help="with --baseline: rewrite it even though clients of the old one would break",
    )
    sdl.add_argument(
        "--baseline-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="the baseline SDL (default: schema/v1.graphql)",
    )
    sdl.set_defaults(run=_sdl)


def _sdl(settings: Settings, args: argparse.Namespace) -> int:
    from schema import SDL_PATH, render_sdl

    current = render_sdl()
    if args.breaking or args.baseline:
        return _sdl_baseline(
            current, args.baseline_file, write=args.baseline, accept=args.accept_breaking
        )
    if args.check:
        if not SDL_PATH.exists() or SDL_PATH.read_text() != current:
            console.print(f"[red]{SDL_PATH} is stale: run `python -m gateway sdl`[/]")
            return 1
        return 0
    SDL_PATH.write_text(current)
    console.print(f"wrote {SDL_PATH}")
    return 0


def _sdl_baseline(current: str, path: Path | None, *, write: bool, accept: bool) -> int:
    """Compare the live SDL with the v1 baseline; with `write`, make it the new baseline."""
    from schema.baseline import BASELINE_PATH, compare

    path = path or BASELINE_PATH
    if not path.exists() and not write:
        console.print(f"[red]no baseline at {path}[/]: write one with `--baseline`")
        return 1
    baseline = path.read_text() if path.exists() else current
    changes = compare(baseline, current)
    for line in changes.dangerous:
        console.print(f"[yellow]dangerous:[/] {line}", highlight=False, soft_wrap=True)
    for line in changes.breaking:
        console.print(f"[red]breaking:[/] {line}", highlight=False, soft_wrap=True)
    if not write:
        if changes.breaking:
            console.print(
                f"[red]{len(changes.breaking)} breaking change(s) against {path}[/]: "
                "keep the old fields (deprecate them), or rewrite the baseline on purpose "
                "with `python -m gateway sdl --baseline --accept-breaking` and a CHANGELOG entry"
            )
            return 1
        return 0
    if changes.breaking and not accept:
        console.print("[red]not rewritten[/]: pass --accept-breaking to break these on purpose")
        return 1
    path.write_text(current)
    console.print(f"wrote {path}")
    return 0
