"""Attachment settings: the files never default into the repository; lists come from the env."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import REPO_ROOT, Settings


def test_the_default_directory_is_under_an_installed_data_dir(tmp_path: Path) -> None:
    settings = Settings(environment="test", data_dir=tmp_path)

    assert settings.attachments_dir == tmp_path / "attachments"


def test_the_default_directory_leaves_the_repository_with_the_demo_data_dir() -> None:
    settings = Settings(environment="test", data_dir=REPO_ROOT / "var")

    assert REPO_ROOT not in settings.attachments_dir.resolve().parents
    assert settings.attachments_dir == Path.home() / ".local/share/customer360/attachments"


def test_allowed_types_are_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("C360_ATTACHMENTS_CONTENT_TYPES", " application/PDF , text/plain,")

    assert Settings(environment="test").attachments_content_types == [
        "application/pdf",
        "text/plain",
    ]
