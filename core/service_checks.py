"""Consistency checks of the backing services' TLS and credential settings, naming each setting.

Run when the settings are built (so a bad configuration stops the gateway at startup with the
setting's name, like any invalid setting) and again where the clients are made.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def opensearch_problems(
    *,
    url: str,
    username: str | None,
    has_password: bool,
    ca_file: Path | None,
    client_cert: Path | None,
    client_key: Path | None,
    aws_region: str | None,
) -> list[str]:
    """What is inconsistent in the OpenSearch connection settings (empty when nothing)."""
    https = urlsplit(url).scheme == "https"
    found: list[str] = []
    tls_files = {
        "C360_OPENSEARCH_CA_FILE": ca_file,
        "C360_OPENSEARCH_CLIENT_CERT": client_cert,
        "C360_OPENSEARCH_CLIENT_KEY": client_key,
    }
    for setting, path in tls_files.items():
        if path is not None and not https:
            found.append(f"{setting} needs an https:// OPENSEARCH_URL")
        if path is not None and not path.is_file():
            found.append(f"{setting}: no file at {str(path)!r}")
    if client_key is not None and client_cert is None:
        found.append("C360_OPENSEARCH_CLIENT_KEY is set without C360_OPENSEARCH_CLIENT_CERT")
    if (username is None) == has_password:
        found.append(
            "OpenSearch basic auth needs both C360_OPENSEARCH_USERNAME and "
            "C360_OPENSEARCH_PASSWORD (or C360_OPENSEARCH_PASSWORD_FILE)"
        )
    if aws_region is not None and username is not None:
        found.append(
            "C360_OPENSEARCH_AWS_REGION (SigV4) and C360_OPENSEARCH_USERNAME (basic auth) "
            "exclude each other: set one"
        )
    if aws_region is not None and not https:
        found.append("C360_OPENSEARCH_AWS_REGION (SigV4) needs an https:// OPENSEARCH_URL")
    return found
