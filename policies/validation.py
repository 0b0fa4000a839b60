"""Check every policy line against the model and the vocabulary before the policy is used.

Casbin loads what it is given: a line missing its last column loaded fine and then failed
every decision (every request a 500), and a line of an unknown type was dropped without a
word. Here each line must have the model's columns for its type, non-empty values, and an
(object, action) pair the gateway knows; a file with any bad line is refused as a whole,
naming the file, the line number and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.errors import Invalid
from policies.vocabulary import TOKEN_CLAIM, Capability, FieldGroup, Reach, Scope

_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")


def known_permissions() -> frozenset[tuple[str, str]]:
    """Every (object, action) pair a `p` line may grant: what the gateway ever asks for."""
    pairs = {(f"scope:{scope}", act) for scope in Scope for act in ("read", "write")}
    pairs |= {(f"handoff:{scope}", "read") for scope in Scope}
    pairs |= {(f"fields:{group}", "read") for group in FieldGroup}
    pairs |= {(f"reach:{reach}", "use") for reach in Reach}
    pairs |= {(capability.obj, capability.act) for capability in Capability}
    pairs.add(TOKEN_CLAIM)
    return frozenset(pairs)


_PERMISSIONS = known_permissions()


@dataclass(frozen=True, slots=True)
class PolicyProblem:
    """One refused line: where it is and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class PolicyError(Invalid):
    """The policy files were refused; the previous policy (if any) stays in force."""

    def __init__(self, problems: list[PolicyProblem]) -> None:
        shown = "; ".join(str(problem) for problem in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"policy refused: {shown}{more}", field="policy")
        self.problems = problems


def model_columns(model: Any) -> dict[str, int]:
    """Policy types the model defines (`p`, `g`, …) and how many values each line carries."""
    return {
        key: len(assertion.tokens)
        for section in ("p", "g")
        for key, assertion in model.model.get(section, {}).items()
    }


def line_problem(tokens: list[str], columns: dict[str, int]) -> str | None:
    """Why a split policy line cannot be used, or None when it is fine."""
    ptype, values = tokens[0], tokens[1:]
    if ptype not in columns:
        known = ", ".join(sorted(columns))
        return f"unknown line type {ptype!r} (the model defines {known})"
    if len(values) != columns[ptype]:
        return f"a {ptype!r} line has {columns[ptype]} values, this one has {len(values)}"
    for value in values:
        if not _NAME.match(value):
            return f"{value!r} is not a name (letters, digits, _ . : -; at most 64)"
    if ptype.startswith("p") and len(values) >= 3 and (values[1], values[2]) not in _PERMISSIONS:
        return f"unknown permission {values[1]!r} / {values[2]!r} (see policies/vocabulary.py)"
    return None


def split_line(line: str) -> list[str]:
    """A policy line's values, as Casbin splits them (comma separated, trimmed)."""
    return [token.strip() for token in line.split(",")]


def check_lines(
    file: str, lines: Iterable[tuple[int, str]], columns: dict[str, int]
) -> list[PolicyProblem]:
    """The problems of one file's (line number, text) pairs (comments and blanks skipped)."""
    problems = []
    for number, raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        reason = line_problem(split_line(line), columns)
        if reason is not None:
            problems.append(PolicyProblem(file, number, reason))
    return problems
