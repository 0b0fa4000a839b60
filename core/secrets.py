"""Secrets read from files (systemd credentials, Kubernetes secret volumes) and kept out of text.

Every secret setting ``X`` may instead be given as ``X_FILE``: a path whose content (one
trailing newline stripped) is the secret. The file is read once, when the settings are built;
errors name the setting and the path, never the content.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SECRET_FIELDS = (
    "jwt_secret",
    "database_password",
    "opensearch_password",
    "attachments_s3_secret_access_key",
    "otlp_headers",
)
"""Settings that hold a secret; each has a ``<name>_file`` twin."""

_URL_PASSWORD = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@\s]*):[^@/\s]*@")


def mask_url_password(text: str) -> str:
    """``scheme://user:password@host`` → ``scheme://user:***@host``, anywhere in the text."""
    return _URL_PASSWORD.sub(r"\g<scheme>\g<user>:***@", text)


def read_secret_files(data: Any, fields: tuple[str, ...]) -> Any:
    """Raw settings input with each ``<field>_file`` read into ``<field>``."""
    if not isinstance(data, Mapping):
        return data
    result = dict(data)
    for field in fields:
        path = result.get(f"{field}_file")
        if path in (None, ""):
            continue
        setting = f"C360_{field.upper()}"
        if result.get(field) not in (None, ""):
            raise ValueError(f"set {setting} or {setting}_FILE, not both")
        try:
            result[field] = read_secret(Path(path))
        except ValueError as exc:
            raise ValueError(f"{setting}_FILE: {exc}") from None
    return result


def read_secret(path: Path) -> str:
    """A secret file's content, one trailing newline stripped; errors name the path only."""
    try:
        secret = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "unreadable"
        raise ValueError(f"secret file {str(path)!r}: {reason}") from None
    secret = secret.removesuffix("\n").removesuffix("\r")
    if not secret:
        raise ValueError(f"secret file {str(path)!r} is empty")
    return secret
