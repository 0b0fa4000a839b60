"""`python -m bench [--smoke]`: run the benchmarks and print side-by-side ratios."""

from __future__ import annotations

import argparse
import asyncio

from rich.console import Console

from bench import authz


def main() -> None:
    """Parse arguments and run every benchmark."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, a few rounds (CI)")
    args = parser.parse_args()
    console = Console()
    if args.smoke:
        customers, notes, rounds, page = 20, 200, 5, 20
    else:
        customers, notes, rounds, page = 2_000, 50_000, 60, 100
    results = asyncio.run(
        authz.run(
            customers=customers, notes=notes, rounds=rounds, page=page, progress=not args.smoke
        )
    )
    for result in results:
        console.print(result.line())


main()
