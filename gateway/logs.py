"""Structured logging: JSON lines, or readable lines at a terminal, with the request id bound."""

from __future__ import annotations

import logging
import sys

import structlog

from core.settings import Settings


def configure_logging(settings: Settings) -> None:
    """Route stdlib and structlog output through one structlog pipeline."""
    level = logging.getLevelNamesMapping().get(settings.log_level.upper(), logging.INFO)
    terminal = sys.stderr.isatty()
    # Unset, a person at a terminal reads lines; a pipe or a collector gets JSON.
    as_json = settings.log_json if settings.log_json is not None else not terminal
    # Tracebacks as plain text, never a rendering of each frame's local variables (the
    # console renderer's default with `rich` installed): those hold note text and tokens.
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if as_json
        else structlog.dev.ConsoleRenderer(
            colors=terminal, exception_formatter=structlog.dev.plain_traceback
        )
    )
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        # A library's `exc_info=True` (stdlib logging) as the `exception` text, like ours.
        structlog.processors.format_exc_info,
    ]
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(foreign_pre_chain=shared, processor=renderer)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # uvicorn's own access log would duplicate ours without the request id.
    logging.getLogger("uvicorn.access").disabled = True
    # Casbin logs its model and every single decision (denials as warnings); the gateway logs
    # and audits decisions itself, once per request.
    logging.getLogger("casbin").setLevel(logging.ERROR)
