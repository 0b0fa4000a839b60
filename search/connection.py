"""How the gateway reaches OpenSearch: TLS, credentials and the connection pool, built once.

The managed services' norms are covered: https with a CA bundle (verification is on unless
switched off explicitly, which is logged), HTTP basic auth, a client certificate, or AWS SigV4
request signing (Amazon OpenSearch Service ``es`` and Serverless ``aoss``; credentials from
the standard AWS chain, which needs the optional ``aws`` extra: botocore).

The pool: opensearch-py's async connection (aiohttp) keeps at most ``maxsize`` connections per
node, 10 by default, passed on as the ``aiohttp.TCPConnector(limit=…)``. A gateway process with
more searches in flight than that queues them inside aiohttp, so the pool follows the process's
concurrency (``C360_OPENSEARCH_POOL_SIZE``, default ``C360_DATABASE_POOL_SIZE``).
"""

from __future__ import annotations

import base64
import importlib
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import structlog
from opensearchpy import AsyncHttpConnection, AsyncOpenSearch

from core.service_checks import opensearch_problems
from core.settings import Settings

_log = structlog.get_logger("search.connection")
DEFAULT_POOL_SIZE = 10


@dataclass(frozen=True)
class OpenSearchConnection:
    """Where and how to connect; the password never appears in its repr."""

    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: Path | None = None
    verify_certs: bool = True
    client_cert: Path | None = None
    client_key: Path | None = None
    aws_region: str | None = None
    aws_service: str = "es"
    pool_size: int = DEFAULT_POOL_SIZE
    timeout: float = 5.0

    @classmethod
    def from_settings(cls, settings: Settings, *, timeout: float = 5.0) -> OpenSearchConnection:
        """The connection the settings describe (`opensearch_url` must be set)."""
        if not settings.opensearch_url:
            raise ValueError("OPENSEARCH_URL is not set")
        password = settings.opensearch_password
        return cls(
            url=settings.opensearch_url,
            username=settings.opensearch_username,
            password=password.get_secret_value() if password is not None else None,
            ca_file=settings.opensearch_ca_file,
            verify_certs=settings.opensearch_verify_certs,
            client_cert=settings.opensearch_client_cert,
            client_key=settings.opensearch_client_key,
            aws_region=settings.opensearch_aws_region,
            aws_service=settings.opensearch_aws_service,
            pool_size=settings.opensearch_pool_size or settings.database_pool_size,
            timeout=timeout,
        )

    @property
    def https(self) -> bool:
        """True when the URL's scheme is https."""
        return urlsplit(self.url).scheme == "https"

    def problems(self) -> list[str]:
        """What is inconsistent, each naming its setting (empty when it may connect)."""
        return opensearch_problems(
            url=self.url,
            username=self.username,
            has_password=self.password is not None,
            ca_file=self.ca_file,
            client_cert=self.client_cert,
            client_key=self.client_key,
            aws_region=self.aws_region,
        )

    def ssl_context(self) -> ssl.SSLContext | None:
        """The TLS context for an https URL: the CA bundle, verification, the client cert."""
        if not self.https:
            return None
        ca_file = str(self.ca_file) if self.ca_file is not None else None
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=ca_file)
        if not self.verify_certs:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if self.client_cert is not None:
            key = str(self.client_key) if self.client_key is not None else None
            context.load_cert_chain(str(self.client_cert), key)
        return context

    def http_auth(self) -> Any:
        """A callable adding basic auth or a SigV4 signature to each request, or None."""
        if self.aws_region is not None:
            return _sigv4_auth(self.aws_region, self.aws_service)
        if self.username is not None and self.password is not None:
            return _BasicAuth(self.username, self.password)
        return None


class _BasicAuth:
    """HTTP basic auth as a per-request header (aiohttp's BasicAuth is deprecated)."""

    def __init__(self, username: str, password: str) -> None:
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        self._header = {"authorization": f"Basic {token}"}
        self.username = username

    def __call__(self, method: str, url: str, body: Any, headers: Any) -> dict[str, str]:
        return self._header

    def __repr__(self) -> str:
        return f"_BasicAuth(username={self.username!r}, password=***)"


def open_client(connection: OpenSearchConnection) -> AsyncOpenSearch:
    """The async client; raises ValueError naming the setting when the settings disagree."""
    problems = connection.problems()
    if problems:
        raise ValueError("OpenSearch settings: " + "; ".join(problems))
    if connection.https and not connection.verify_certs:
        _log.warning(
            "opensearch certificate verification is off (C360_OPENSEARCH_VERIFY_CERTS=false): "
            "anyone on the path can read and answer search requests",
            url=_without_userinfo(connection.url),
        )
    url, auth = connection.url, connection.http_auth()
    parts = urlsplit(url)
    if parts.username is not None:
        # user:password@ in OPENSEARCH_URL: sent the same way as C360_OPENSEARCH_USERNAME/_PASSWORD.
        url = _without_userinfo(url)
        if auth is None:
            auth = _BasicAuth(unquote(parts.username), unquote(parts.password or ""))
    options: dict[str, Any] = {
        "hosts": [url],
        "timeout": connection.timeout,
        "max_retries": 0,
        # The aiohttp-based connection that also takes a signer callable as `http_auth`.
        "connection_class": AsyncHttpConnection,
        # Becomes aiohttp.TCPConnector(limit=…): the connections kept to the node.
        "maxsize": connection.pool_size,
    }
    context = connection.ssl_context()
    if context is not None:
        options["ssl_context"] = context
    if auth is not None:
        options["http_auth"] = auth
    return AsyncOpenSearch(**options)


def _sigv4_auth(region: str, service: str) -> Any:
    try:
        # Optional: only SigV4 deployments install botocore (the `aws` extra).
        botocore_session = importlib.import_module("botocore.session")
    except ImportError as exc:
        raise ValueError(
            "C360_OPENSEARCH_AWS_REGION (SigV4) needs botocore: install the project's `aws` extra"
        ) from exc
    from opensearchpy import AWSV4SignerAsyncAuth

    credentials = botocore_session.Session().get_credentials()
    if credentials is None:
        raise ValueError(
            "C360_OPENSEARCH_AWS_REGION (SigV4): no AWS credentials found in the standard chain "
            "(AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or an instance/pod role)"
        )
    return AWSV4SignerAsyncAuth(credentials, region, service)


def _without_userinfo(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]).geturl()
