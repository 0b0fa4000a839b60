"""PostgreSQL TLS in libpq's terms (``sslmode`` and its certificate files), made asyncpg's.

Operators know libpq: ``sslmode=verify-full``, ``sslrootcert``, ``sslcert``, ``sslkey``. asyncpg,
under SQLAlchemy, takes none of these as connection arguments: SQLAlchemy passes a URL's query
parameters to ``asyncpg.connect`` as keyword arguments, which has no ``sslmode`` (a TypeError at
the first connection). asyncpg takes ``ssl=``: an ``ssl.SSLContext`` or a mode string. This
module builds that value, for the store and for every SQL upstream alike.

The modes, as libpq defines them:

- ``disable``: no TLS; ``allow`` / ``prefer``: TLS if the server offers it, unverified;
- ``require``: TLS, the certificate not verified (verified against the root CA when one is
  given, as libpq does);
- ``verify-ca``: TLS, the server's certificate must chain to the root CA;
- ``verify-full``: as ``verify-ca``, and the certificate must name the host connected to.

``verify-*`` without a root CA file use the system's trusted roots.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from sqlalchemy.engine import URL

SslMode = Literal["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
SSL_MODES: tuple[str, ...] = get_args(SslMode)
LIBPQ_PARAMETERS = ("sslmode", "sslrootcert", "sslcert", "sslkey")
"""URL query parameters that are TLS settings (libpq's names), not asyncpg arguments."""


@dataclass(frozen=True)
class PostgresTls:
    """One connection's TLS settings, in libpq's vocabulary."""

    mode: SslMode | None = None
    root_cert: Path | None = None
    cert: Path | None = None
    key: Path | None = None

    def merged(self, query: dict[str, str]) -> PostgresTls:
        """These settings, with libpq parameters from a URL's query filling what is unset."""
        mode = self.mode or query.get("sslmode")
        if mode is not None and mode not in SSL_MODES:
            raise ValueError(f"sslmode {mode!r} is not one of {', '.join(SSL_MODES)}")
        return PostgresTls(
            mode=mode,  # type: ignore[arg-type]  # checked against SSL_MODES just above
            root_cert=self.root_cert or _path(query.get("sslrootcert")),
            cert=self.cert or _path(query.get("sslcert")),
            key=self.key or _path(query.get("sslkey")),
        )

    def asyncpg_ssl(self) -> ssl.SSLContext | str | None:
        """The value for asyncpg's ``ssl=`` argument; None leaves asyncpg's default (prefer)."""
        if self.mode is None:
            if self.root_cert or self.cert:
                raise ValueError(
                    "a PostgreSQL CA or client certificate is set without an sslmode; "
                    "set sslmode (verify-full with a CA, or require)"
                )
            return None
        if self.mode in ("disable", "allow", "prefer"):
            if self.cert is not None:
                raise ValueError(
                    f"a client certificate needs sslmode require, verify-ca or verify-full, "
                    f"not {self.mode}"
                )
            return self.mode
        return self._context()

    def _context(self) -> ssl.SSLContext:
        verify = self.mode in ("verify-ca", "verify-full") or self.root_cert is not None
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
        if verify:
            if self.root_cert is not None:
                _readable(self.root_cert, "root CA")
                context = ssl.create_default_context(
                    ssl.Purpose.SERVER_AUTH, cafile=str(self.root_cert)
                )
            context.check_hostname = self.mode == "verify-full"
            context.verify_mode = ssl.CERT_REQUIRED
        else:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if self.cert is not None:
            _readable(self.cert, "client certificate")
            if self.key is not None:
                _readable(self.key, "client key")
            context.load_cert_chain(str(self.cert), str(self.key) if self.key else None)
        elif self.key is not None:
            raise ValueError("a PostgreSQL client key is set without its client certificate")
        return context


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _readable(path: Path, what: str) -> None:
    if not path.is_file():
        raise ValueError(f"the PostgreSQL {what} file {str(path)!r} does not exist")


def asyncpg_connect(
    url: URL, tls: PostgresTls | None = None, password: str | None = None
) -> tuple[URL, dict[str, Any]]:
    """The URL without libpq's TLS parameters, and asyncpg ``connect_args`` for TLS and password.

    A password given here (from a secret file or variable) goes to the driver, never into the
    URL, so it cannot surface where the URL is printed.
    """
    query = {
        name: value if isinstance(value, str) else value[-1]
        for name, value in url.query.items()
        if name in LIBPQ_PARAMETERS
    }
    ssl_value = (tls or PostgresTls()).merged(query).asyncpg_ssl()
    connect_args: dict[str, Any] = {}
    if ssl_value is not None:
        connect_args["ssl"] = ssl_value
    if password is not None:
        connect_args["password"] = password
    return url.difference_update_query(LIBPQ_PARAMETERS), connect_args
