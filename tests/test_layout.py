"""The repository is an application: its top-level packages must be ours, imported from here."""

from __future__ import annotations

import importlib
import importlib.metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "core",
    "gateway",
    "schema",
    "resolvers",
    "policies",
    "datasources",
    "store",
    "search",
    "demo",
    "devservices",
    "bench",
    "eval",
    "tests",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_top_level_package_imports_from_the_repo_root(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve() == ROOT / name / "__init__.py"
    assert module.__doc__, f"{name}/__init__.py needs a docstring naming its step"


def test_no_installed_distribution_claims_our_package_names() -> None:
    claimed = importlib.metadata.packages_distributions()
    clashes = {name: claimed[name] for name in PACKAGES if name in claimed}
    assert clashes == {}
