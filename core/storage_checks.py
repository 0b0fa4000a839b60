"""Consistency checks of the S3-compatible attachment store's settings, naming each setting.

Run when the settings are built, so a bucket-less or half-credentialed configuration stops
the gateway at startup with one line; whether the bucket answers is checked when the store
is opened (store/blob_backends.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# One PUT carries at most 5 GiB (the S3 API's limit); the store uploads in one PUT.
MAX_SINGLE_PUT_BYTES = 5 * 1024**3
_PREFIX = re.compile(r"^[A-Za-z0-9._/-]*$")
# S3's bucket naming rules (lower case, digits, dots and hyphens, 3 to 63 characters).
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


def s3_problems(
    *,
    bucket: str | None,
    endpoint_url: str | None,
    has_access_key: bool,
    has_secret_key: bool,
    key_prefix: str,
    max_bytes: int,
) -> list[str]:
    """What is inconsistent in the S3 attachment settings (empty when nothing)."""
    found: list[str] = []
    if not bucket:
        found.append("C360_ATTACHMENTS_BACKEND=s3 needs C360_ATTACHMENTS_S3_BUCKET")
    elif not _BUCKET.match(bucket):
        found.append(
            "C360_ATTACHMENTS_S3_BUCKET must be a bucket name (3-63 lower-case letters, "
            "digits, dots and hyphens)"
        )
    if endpoint_url is not None:
        parsed = urlsplit(endpoint_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            found.append("C360_ATTACHMENTS_S3_ENDPOINT_URL must be an http:// or https:// URL")
        elif parsed.username or parsed.password:
            found.append(
                "C360_ATTACHMENTS_S3_ENDPOINT_URL must not carry credentials: set "
                "C360_ATTACHMENTS_S3_ACCESS_KEY_ID and C360_ATTACHMENTS_S3_SECRET_ACCESS_KEY"
            )
    if has_access_key != has_secret_key:
        found.append(
            "S3 credentials need both C360_ATTACHMENTS_S3_ACCESS_KEY_ID and "
            "C360_ATTACHMENTS_S3_SECRET_ACCESS_KEY (or its _FILE), or neither for the "
            "standard AWS credential chain"
        )
    if not _PREFIX.match(key_prefix) or key_prefix.startswith("/") or ".." in key_prefix:
        found.append(
            "C360_ATTACHMENTS_S3_KEY_PREFIX may hold letters, digits and . _ - / only "
            "(no leading / and no ..)"
        )
    if max_bytes > MAX_SINGLE_PUT_BYTES:
        found.append(
            f"C360_ATTACHMENTS_MAX_BYTES exceeds {MAX_SINGLE_PUT_BYTES} bytes, the largest "
            "object the S3 store uploads in one request"
        )
    return found
