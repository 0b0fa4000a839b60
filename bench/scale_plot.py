"""The scale chart: each field's p50 against a customer's records per source, log-log.

Drawn with `bench.plot`'s dependency-free canvas (zlib + struct PNG, its 3x5 pixel font);
the legend is the caption in BENCHMARKS.md and the colours are `FIELD_COLOURS`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.plot import Colour, _Canvas

FIELD_COLOURS: dict[str, Colour] = {
    "orders": (31, 119, 180),  # blue
    "timeline": (255, 127, 14),  # orange
    "lifetimeValue": (44, 160, 44),  # green
    "badges": (214, 39, 40),  # red
    "invoices": (148, 103, 189),  # purple
    "tickets": (140, 86, 75),  # brown
}
_WIDTH, _HEIGHT, _MARGIN = 560, 360, 48
_GRID: Colour = (225, 225, 225)
_AXIS: Colour = (60, 60, 60)


def _label(records: int) -> str:
    return f"{records // 1_000}k" if records >= 1_000 else str(records)


def scale_chart(series: Mapping[str, Sequence[tuple[int, float]]], path: Path) -> None:
    """Write `series` (field → [(records, p50 ms)]) as a log-log line chart PNG."""
    points = [point for values in series.values() for point in values]
    if not points:
        return
    sizes = sorted({size for size, _ in points})
    low_ms = 10 ** math.floor(math.log10(min(ms for _, ms in points)))
    high_ms = 10 ** math.ceil(math.log10(max(ms for _, ms in points)))
    low_size, high_size = math.log10(sizes[0]) - 0.2, math.log10(sizes[-1]) + 0.2
    canvas = _Canvas(_WIDTH, _HEIGHT)
    plot_w, plot_h = _WIDTH - 2 * _MARGIN, _HEIGHT - 2 * _MARGIN

    def place(size: float, ms: float) -> tuple[int, int]:
        x = (math.log10(size) - low_size) / (high_size - low_size)
        y = (math.log10(ms) - math.log10(low_ms)) / (math.log10(high_ms) - math.log10(low_ms))
        return _MARGIN + round(x * plot_w), _HEIGHT - _MARGIN - round(y * plot_h)

    decade = low_ms
    while decade <= high_ms:
        _, y = place(sizes[0], decade)
        canvas.line((_MARGIN, y), (_WIDTH - _MARGIN, y), _GRID, 1)
        canvas.text(4, y - 5, f"{decade:g}ms", _AXIS)
        decade *= 10
    for size in sizes:
        x, _ = place(size, low_ms)
        canvas.line((x, _MARGIN), (x, _HEIGHT - _MARGIN), _GRID, 1)
        canvas.text(x - 8, _HEIGHT - _MARGIN + 8, _label(size), _AXIS)
    canvas.line((_MARGIN, _HEIGHT - _MARGIN), (_WIDTH - _MARGIN, _HEIGHT - _MARGIN), _AXIS, 1)
    canvas.line((_MARGIN, _MARGIN), (_MARGIN, _HEIGHT - _MARGIN), _AXIS, 1)
    for name, values in series.items():
        colour = FIELD_COLOURS.get(name, _AXIS)
        placed = [place(size, ms) for size, ms in sorted(values)]
        for start, end in itertools.pairwise(placed):
            canvas.line(start, end, colour, 2)
        for x, y in placed:
            canvas.dot(x - 2, y - 2, colour, 5)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(canvas.png())
