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


def _logged_failure(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, stream: tuple[int, IO[str]], held: str
) -> str:
    """What a library's `logger.warning(..., exc_info=True)` writes for an exception raised in
    a frame that holds `held` in a local variable (a note's text, a token)."""
    reader, writer = stream
    monkeypatch.setattr(sys, "stderr", writer)
    configure_logging(settings)

    def classify(text: str) -> None:
        raise ValueError("the classifier failed")

    try:
        classify(held)
    except ValueError:
        logging.getLogger("store.labels").warning("classifier failed", exc_info=True)
    writer.flush()
    os.set_blocking(reader, False)
    chunks = []
    try:
        while chunk := os.read(reader, 65536):
            chunks.append(chunk)
    except BlockingIOError:
        pass
    writer.close()
    os.close(reader)
    return b"".join(chunks).decode()


@pytest.mark.parametrize("as_json", [False, True])
def test_a_logged_exception_shows_its_traceback_but_never_the_frames_local_values(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, as_json: bool
) -> None:
    # Built at run time, so only a rendering of the frame's locals could print it.
    held = "-".join(("restricted", "note", "text", str(os.getpid())))
    settings = sqlite_settings(tmp_path, log_json=as_json, log_level="INFO")
    written = _logged_failure(monkeypatch, settings, _pipe(), held)
    assert "classifier failed" in written
    assert "ValueError: the classifier failed" in written  # the traceback, as text
    assert held not in written
    if as_json:
        record = json.loads(written.splitlines()[0])
        assert "Traceback (most recent call last)" in record["exception"]
