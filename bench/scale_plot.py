"""The scale chart: each field's p50 against a customer's records per source, log-log.

Drawn with `bench.plot`'s dependency-free canvas (zlib + struct PNG, its 3x5 pixel font);
the legend is the caption in BENCHMARKS.md and the colours are `FIELD_COLOURS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.plot import Colour, log_log_chart

FIELD_COLOURS: dict[str, Colour] = {
    "orders": (31, 119, 180),  # blue
    "timeline": (255, 127, 14),  # orange
    "lifetimeValue": (44, 160, 44),  # green
    "badges": (214, 39, 40),  # red
    "invoices": (148, 103, 189),  # purple
    "tickets": (140, 86, 75),  # brown
}


def _label(records: int) -> str:
    return f"{records // 1_000}k" if records >= 1_000 else str(records)


def scale_chart(series: Mapping[str, Sequence[tuple[int, float]]], path: Path) -> None:
    """Write `series` (field → [(records, p50 ms)]) as a log-log line chart PNG."""
    log_log_chart(series, path, colours=FIELD_COLOURS, label=_label, pixels=(560, 360), stroke=2)
