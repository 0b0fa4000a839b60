"""A Casbin adapter that loads every ``*.csv`` file of the policy directory, in name order.

Every line is checked first (`policies.validation`); one bad line refuses the whole load,
so a half-valid policy never reaches the enforcer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casbin import persist
from casbin.persist.adapters.asyncio import AsyncAdapter

from policies.validation import PolicyError, PolicyProblem, check_lines, model_columns

_READ_ONLY = "policy files are read-only for the gateway; edit policies/*.csv instead"


class PolicyDirectoryAdapter(AsyncAdapter):  # type: ignore[misc]
    """Read-only: policies are edited as files (reviewed like code), never through the API."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def files(self) -> list[Path]:
        """The policy files, sorted so that loading is deterministic."""
        return sorted(self.directory.glob("*.csv"))

    async def load_policy(self, model: Any) -> None:
        """Check every line of every policy file, then load them all into the model.

        Raises `PolicyError` naming each bad line (file, line number, reason).
        """
        files = self.files()
        if not files:
            raise FileNotFoundError(f"no policy files (*.csv) in {self.directory}")
        columns = model_columns(model)
        texts = {path: _read(path) for path in files}
        problems = [
            problem
            for path, lines in texts.items()
            for problem in check_lines(path.name, enumerate(lines, start=1), columns)
        ]
        if problems:
            raise PolicyError(problems)
        for lines in texts.values():
            for raw in lines:
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


def _read(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PolicyError([PolicyProblem(path.name, line, "not UTF-8 text")]) from error
