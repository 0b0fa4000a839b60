"""Log format: readable lines at a terminal, JSON lines into a pipe, unless asked explicitly."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
import structlog

from core.settings import Settings
from gateway.logs import configure_logging
from tests.fixtures.app import sqlite_settings


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    handlers = logging.getLogger().handlers[:]
    yield
    structlog.reset_defaults()
    logging.getLogger().handlers[:] = handlers


def _terminal() -> tuple[int, IO[str]]:
    """A real pseudo-terminal: the reading end and a text stream whose isatty() is true."""
    reader, writer = os.openpty()
    return reader, os.fdopen(writer, "w", buffering=1)


def _pipe() -> tuple[int, IO[str]]:
    reader, writer = os.pipe()
    return reader, os.fdopen(writer, "w", buffering=1)


def _first_line(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, stream: tuple[int, IO[str]]
) -> str:
    reader, writer = stream
    monkeypatch.setattr(sys, "stderr", writer)
    configure_logging(settings)
    structlog.get_logger().info("customer_read", customer="cust-00001")
    writer.flush()
    text = os.read(reader, 65536).decode()
    writer.close()
    os.close(reader)
    return text.splitlines()[0]


@pytest.fixture
def auto(tmp_path: Path) -> Settings:
    """C360_LOG_JSON unset."""
    return sqlite_settings(tmp_path, log_json=None, log_level="INFO")


def test_unset_at_a_terminal_gives_readable_lines(
    monkeypatch: pytest.MonkeyPatch, auto: Settings
) -> None:
    line = _first_line(monkeypatch, auto, _terminal())
    assert not line.startswith("{")
    assert "customer_read" in line
    assert "cust-00001" in line


def test_unset_into_a_pipe_gives_json_lines(
    monkeypatch: pytest.MonkeyPatch, auto: Settings
) -> None:
    event = json.loads(_first_line(monkeypatch, auto, _pipe()))
    assert event["event"] == "customer_read"
    assert event["customer"] == "cust-00001"


def test_asked_for_json_a_terminal_gets_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = sqlite_settings(tmp_path, log_json=True, log_level="INFO")
    assert json.loads(_first_line(monkeypatch, settings, _terminal()))["event"] == "customer_read"


def test_the_setting_is_unset_by_default_and_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("C360_LOG_JSON", raising=False)
    assert Settings().log_json is None
    monkeypatch.setenv("C360_LOG_JSON", "false")
    assert Settings().log_json is False
