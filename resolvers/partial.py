"""Errors that accompany data instead of replacing it (a partial result).

When one order channel fails, the customer's other orders still resolve; the failed channel is
reported here and appended to the response's `errors` at the field's path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import GatewayError


@dataclass
class PartialErrors:
    """The request's non-fatal errors, each with the response path it belongs to."""

    entries: list[tuple[GatewayError, tuple[str | int, ...]]] = field(default_factory=list)

    def add(self, error: GatewayError, path: tuple[str | int, ...]) -> None:
        """Report `error` at `path` without failing the field."""
        self.entries.append((error, path))
