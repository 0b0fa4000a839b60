"""A dependency-free PNG line chart: search latency (p50) against corpus size, log-log.

Written with zlib and struct only, so the benchmark needs no plotting library. Axis labels
use a built-in 3x5 pixel font (digits and the few letters the labels need); the legend is the
caption in BENCHMARKS.md, and the colours are `SERIES_COLOURS`.
"""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

Colour = tuple[int, int, int]
SERIES_COLOURS: dict[str, Colour] = {
    "opensearch": (31, 119, 180),
    "postgres-fts": (255, 127, 14),
    "ilike": (214, 39, 40),
}
_WIDTH, _HEIGHT, _MARGIN = 640, 400, 48
_GRID: Colour = (225, 225, 225)
_AXIS: Colour = (60, 60, 60)
_FONT = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111",
    "3": "111001111001111", "4": "101101111001001", "5": "111100111001111",
    "6": "111100111101111", "7": "111001001001001", "8": "111101111101111",
    "9": "111101111001111", "k": "100101110101101", "M": "101111111101101",
    "m": "000111111101101", "s": "000011010001110", ".": "000000000000010",
}  # fmt: skip


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(b"\xff" * (width * height * 3))

    def dot(self, x: int, y: int, colour: Colour, size: int = 1) -> None:
        for dx in range(size):
            for dy in range(size):
                px, py = x + dx, y + dy
                if 0 <= px < self.width and 0 <= py < self.height:
                    offset = (py * self.width + px) * 3
                    self.pixels[offset : offset + 3] = bytes(colour)

    def line(self, start: tuple[int, int], end: tuple[int, int], colour: Colour, size: int) -> None:
        (x0, y0), (x1, y1) = start, end
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for step in range(steps + 1):
            self.dot(
                round(x0 + (x1 - x0) * step / steps),
                round(y0 + (y1 - y0) * step / steps),
                colour,
                size,
            )

    def text(self, x: int, y: int, label: str, colour: Colour, scale: int = 2) -> None:
        for index, char in enumerate(label):
            bits = _FONT.get(char)
            if bits is None:
                continue
            for bit, on in enumerate(bits):
                if on == "1":
                    column, row = bit % 3, bit // 3
                    self.dot(x + (index * 4 + column) * scale, y + row * scale, colour, scale)

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(self.pixels[row * self.width * 3 : (row + 1) * self.width * 3])
            for row in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def _size_label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1_000}k"


def latency_chart(series: Mapping[str, Sequence[tuple[int, float]]], path: Path) -> None:
    """Write `series` (name → [(corpus size, p50 ms)]) as a log-log line chart PNG."""
    log_log_chart(series, path, colours=SERIES_COLOURS, label=_size_label)


def log_log_chart(
    series: Mapping[str, Sequence[tuple[int, float]]],
    path: Path,
    *,
    colours: Mapping[str, Colour],
    label: Callable[[int], str],
    pixels: tuple[int, int] = (_WIDTH, _HEIGHT),
    stroke: int = 3,
) -> None:
    """Write `series` (name → [(x, p50 ms)]) as a log-log line chart PNG: one line per name in
    its colour, x ticks named by `label`, the chart `pixels` (width, height) large."""
    width, height = pixels
    points = [point for values in series.values() for point in values]
    if not points:
        return
    sizes = sorted({size for size, _ in points})
    low_ms = 10 ** math.floor(math.log10(min(ms for _, ms in points)))
    high_ms = 10 ** math.ceil(math.log10(max(ms for _, ms in points)))
    low_size, high_size = math.log10(sizes[0]) - 0.2, math.log10(sizes[-1]) + 0.2
    canvas = _Canvas(width, height)
    plot_w, plot_h = width - 2 * _MARGIN, height - 2 * _MARGIN

    def place(size: float, ms: float) -> tuple[int, int]:
        x = (math.log10(size) - low_size) / (high_size - low_size)
        y = (math.log10(ms) - math.log10(low_ms)) / (math.log10(high_ms) - math.log10(low_ms))
        return _MARGIN + round(x * plot_w), height - _MARGIN - round(y * plot_h)

    decade = low_ms
    while decade <= high_ms:
        _, y = place(sizes[0], decade)
        canvas.line((_MARGIN, y), (width - _MARGIN, y), _GRID, 1)
        canvas.text(4, y - 5, f"{decade:g}ms", _AXIS)
        decade *= 10
    for size in sizes:
        x, _ = place(size, low_ms)
        canvas.line((x, _MARGIN), (x, height - _MARGIN), _GRID, 1)
        canvas.text(x - 8, height - _MARGIN + 8, label(size), _AXIS)
    canvas.line((_MARGIN, height - _MARGIN), (width - _MARGIN, height - _MARGIN), _AXIS, 1)
    canvas.line((_MARGIN, _MARGIN), (_MARGIN, height - _MARGIN), _AXIS, 1)
    for name, values in series.items():
        colour = colours.get(name, _AXIS)
        placed = [place(size, ms) for size, ms in sorted(values)]
        for start, end in itertools.pairwise(placed):
            canvas.line(start, end, colour, stroke)
        for x, y in placed:
            canvas.dot(x - stroke, y - stroke, colour, 2 * stroke + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(canvas.png())
