"""Figures: a measured value beside its target, printed one per line and tabled in BENCHMARKS.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    """One result: a ratio or a count, its target, and whether the target holds.

    `met` is None for figures reported without a target (context for another figure).
    """

    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    detail: str = ""

    @property
    def verdict(self) -> str:
        """met / MISSED / (no target)."""
        if self.met is None:
            return "-"
        return "met" if self.met else "MISSED"

    def formatted(self) -> str:
        """The value with its unit, e.g. ``1.23 ratio`` or ``5,210 notes/s``."""
        if self.unit == "ratio":
            return f"ratio {self.value:.3f}"
        if abs(self.value) >= 100:
            return f"{self.value:,.0f} {self.unit}"
        return f"{self.value:.2f} {self.unit}"

    def line(self) -> str:
        """One printable line."""
        target = f" (target {self.target}: {self.verdict})" if self.target else ""
        detail = f"; {self.detail}" if self.detail else ""
        return f"{self.name}: {self.formatted()}{target}{detail}"

    def row(self) -> str:
        """One Markdown table row."""
        cells = (self.name, self.formatted(), self.target or "-", self.verdict, self.detail)
        return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


TABLE_HEADER = "| measurement | figure | target | verdict | detail |\n|---|---|---|---|---|"
