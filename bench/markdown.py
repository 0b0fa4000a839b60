"""BENCHMARKS.md: the figures of one run as a table, with date, machine, command and plot."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from pathlib import Path

from bench.report import TABLE_HEADER, Figure


def machine() -> str:
    """Cores, memory and platform of this machine."""
    memory = "unknown memory"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    return f"{os.cpu_count()} cores, {memory}, {platform.system()} {platform.machine()}"


def render(
    figures: Sequence[Figure],
    *,
    command: str,
    notes: str,
    plot: str | None,
    services: str,
    measured: str,
) -> str:
    """The whole BENCHMARKS.md."""
    lines = [
        "# Benchmarks",
        "",
        "Every figure is a ratio measured in one run against a baseline, or a count, on a",
        "shared and noisy machine; rerun the command to reproduce the table.",
        "",
        f"- **Measured:** {measured}",
        f"- **Machine:** {machine()}; everything on loopback",
        f"- **Services:** {services}",
        "- **Commands:** " + "; ".join(f"`{part}`" for part in command.split("; ")),
        "",
        TABLE_HEADER,
        *(figure.row() for figure in figures),
        "",
    ]
    if plot:
        lines += [
            "## searchNotes latency against corpus size",
            "",
            f"![p50 latency against corpus size, log-log]({plot})",
            "",
            "p50 latency (log scale) against the number of notes (log scale), same query",
            "rotation on every engine: **blue** OpenSearch (hits, total, highlights, facets,",
            "permission filters), **orange** PostgreSQL full-text (tsvector + GIN; hits and",
            "total), **red** SQL ILIKE (hits and total).",
            "",
        ]
    lines += [notes.rstrip(), ""]
    return "\n".join(lines)
