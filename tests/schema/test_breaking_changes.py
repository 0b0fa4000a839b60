"""The API is frozen at v1: the live schema against the committed baseline, and deprecations.

A breaking change (what graphql-core's `find_breaking_changes` reports) fails here, one line per
change, until the baseline is rewritten on purpose with
`python -m gateway sdl --baseline --accept-breaking` (and a CHANGELOG.md entry).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import strawberry
from graphql import build_schema, is_non_null_type

from core.settings import REPO_ROOT
from schema import Mutation, Query, render_sdl
from schema.baseline import (
    BASELINE_PATH,
    DEPRECATION_REASON,
    compare,
    deprecations_without_removal,
)
from schema.scalars import SCALAR_OVERRIDES


def test_the_live_schema_breaks_nothing_in_the_v1_baseline() -> None:
    changes = compare(BASELINE_PATH.read_text(), render_sdl())
    assert not changes.breaking, (
        f"{len(changes.breaking)} breaking change(s) against {BASELINE_PATH.name}:\n  "
        + "\n  ".join(changes.breaking)
        + "\nKeep the old field (deprecate it), or break it on purpose: "
        "`python -m gateway sdl --baseline --accept-breaking` and a CHANGELOG.md entry."
    )
    for line in changes.dangerous:  # reported, not refused: a new enum value, a new default
        print(f"dangerous change against {BASELINE_PATH.name}: {line}")


def test_the_finder_refuses_removals_and_tightening_and_warns_of_dangers() -> None:
    baseline = BASELINE_PATH.read_text()
    assert "  note(id: ID!): Note\n" in baseline
    assert "  customer(id: ID!): Customer360\n" in baseline
    broken = baseline.replace("  note(id: ID!): Note\n", "  noteById(id: ID!): Note\n").replace(
        "  customer(id: ID!): Customer360\n", "  customer(id: ID!, as: ID!): Customer360\n"
    )
    widened = baseline.replace("enum Scope {\n", "enum Scope {\n  PLANNED\n", 1)

    breaking = compare(baseline, broken).breaking
    dangerous = compare(baseline, widened)

    assert "FIELD_REMOVED: Field Query.note was removed." in breaking
    assert "REQUIRED_ARG_ADDED: A required argument Query.customer(as:) was added." in breaking
    assert dangerous.breaking == ()
    assert dangerous.dangerous == ("VALUE_ADDED_TO_ENUM: Enum value Scope.PLANNED was added.",)


def test_every_deprecation_names_its_removal_version() -> None:
    live = strawberry.Schema(query=Query, mutation=Mutation, scalar_overrides=SCALAR_OVERRIDES)
    assert deprecations_without_removal(live._schema) == []


@pytest.mark.parametrize(
    ("reason", "accepted"),
    [
        ("Use `profile.email`. Removed in v2.", True),
        ("Removed in v3.", True),
        ("No longer supported", False),
        ("Use `profile.email`; removed later.", False),
    ],
)
def test_the_deprecation_rule_asks_for_a_removal_version(reason: str, accepted: bool) -> None:
    sdl = f"""
        type Query {{
          old: Int @deprecated(reason: "{reason}")
          new(a: Int, b: Int @deprecated): Int
        }}
        enum Kind {{ A B @deprecated(reason: "{reason}") }}
        input Filter {{ c: Int @deprecated(reason: "{reason}") }}
    """
    flagged = deprecations_without_removal(build_schema(sdl))
    expected = [] if accepted else ["Query.old", "Kind.B", "Filter.c"]
    # `@deprecated` without a reason gets GraphQL's default, which names no version either.
    assert sorted(flagged) == sorted(["Query.new(b:)", *expected])
    assert bool(DEPRECATION_REASON.search(reason)) is accepted


def _sdl_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gateway", "sdl", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_baseline_is_rewritten_only_on_purpose(tmp_path: Path) -> None:
    baseline = tmp_path / "v1.graphql"
    # A baseline that promised one more root field than the live schema has.
    baseline.write_text(render_sdl().replace("type Query {\n", "type Query {\n  legacy: Int\n", 1))

    check = _sdl_command("--breaking", "--baseline-file", str(baseline))
    refused = _sdl_command("--baseline", "--baseline-file", str(baseline))
    kept = baseline.read_text()
    accepted = _sdl_command("--baseline", "--accept-breaking", "--baseline-file", str(baseline))

    assert check.returncode == 1, check.stderr
    assert "FIELD_REMOVED: Field Query.legacy was removed." in check.stderr
    assert refused.returncode == 1
    assert "legacy: Int" in kept
    assert accepted.returncode == 0, accepted.stderr
    assert baseline.read_text() == render_sdl()
    assert _sdl_command("--breaking", "--baseline-file", str(baseline)).returncode == 0


def test_the_committed_baseline_passes_the_cli_check() -> None:
    result = _sdl_command("--breaking")
    assert result.returncode == 0, result.stderr


def test_dangerous_changes_are_warnings_not_failures(tmp_path: Path) -> None:
    baseline = tmp_path / "v1.graphql"
    live = render_sdl()
    assert "enum ChoiceList {\n  OUTCOME\n  MOOD\n}" in live
    # The live schema offers an enum value the baseline did not: old clients may meet it.
    baseline.write_text(
        live.replace("enum ChoiceList {\n  OUTCOME\n  MOOD\n}", "enum ChoiceList {\n  OUTCOME\n}")
    )

    result = _sdl_command("--breaking", "--baseline-file", str(baseline))

    assert result.returncode == 0, result.stderr
    assert "dangerous: VALUE_ADDED_TO_ENUM: Enum value ChoiceList.MOOD was added." in result.stderr


def test_every_root_field_and_mutation_payload_is_nullable() -> None:
    # One failing root field (search down, FORBIDDEN, an upstream outage) nulls itself, never the
    # whole answer: a non-null root field would bubble its error up to `data: null`.
    schema = build_schema(render_sdl())
    non_null = [
        f"{root.name}.{name}"
        for root in (schema.query_type, schema.mutation_type)
        if root is not None
        for name, field in root.fields.items()
        if is_non_null_type(field.type)
    ]
    assert non_null == [], f"root fields that would null the whole answer: {non_null}"
