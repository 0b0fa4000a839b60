"""A Casbin adapter that loads every ``*.csv`` file of the policy directory, in name order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casbin import persist
from casbin.persist.adapters.asyncio import AsyncAdapter

_READ_ONLY = "policy files are read-only for the gateway; edit policies/*.csv instead"


class PolicyDirectoryAdapter(AsyncAdapter):  # type: ignore[misc]
    """Read-only: policies are edited as files (reviewed like code), never through the API."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def files(self) -> list[Path]:
        """The policy files, sorted so that loading is deterministic."""
        return sorted(self.directory.glob("*.csv"))

    async def load_policy(self, model: Any) -> None:
        """Load every non-comment line of every policy file into the model."""
        files = self.files()
        if not files:
            raise FileNotFoundError(f"no policy files (*.csv) in {self.directory}")
        for path in files:
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = raw.strip()
                if line and not line.startswith("#"):
                    persist.load_policy_line(line, model)

    async def save_policy(self, model: Any) -> bool:
        """Policies are files under review; the gateway never writes them."""
        raise PermissionError(_READ_ONLY)

    async def add_policy(self, sec: str, ptype: str, rule: list[str]) -> bool:
        """Refused: see save_policy."""
        raise PermissionError(_READ_ONLY)

    async def remove_policy(self, sec: str, ptype: str, rule: list[str]) -> bool:
        """Refused: see save_policy."""
        raise PermissionError(_READ_ONLY)

    async def remove_filtered_policy(
        self, sec: str, ptype: str, field_index: int, *field_values: str
    ) -> bool:
        """Refused: see save_policy."""
        raise PermissionError(_READ_ONLY)
