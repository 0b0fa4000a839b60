"""The store and the SQL upstreams over TLS, against a real PostgreSQL that refuses plain TCP.

The server (`tls_postgres`) has ``ssl=on`` with a certificate from a CA made at run time, and
its pg_hba.conf rejects every connection without TLS; one role must present a client
certificate, another a password.
"""

from __future__ import annotations

import ssl
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.postgres_tls import PostgresTls
from core.settings import Settings
from datasources.config import SqlSource
from datasources.sql import open_engine
from devservices.postgres import PostgresServer, create_database, drop_database
from devservices.postgres_tls import CERT_ROLE, PASSWORD_ROLE
from store.db import create_engine
from store.migrate import async_current, async_upgrade
from tests.fixtures.app import PRODUCTION_ENCRYPTION_KEYS
from tests.fixtures.tls_services import TlsAuthority

pytestmark = pytest.mark.postgres

_SSL_IN_USE = text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
PASSWORD = "tls-role-password-31c7"


@pytest.fixture(scope="module")
async def database(tls_postgres: PostgresServer) -> AsyncIterator[str]:
    """A fresh database on the TLS server, and the roles the tests connect as."""
    name = f"c360_tls_{uuid.uuid4().hex[:10]}"
    url = await create_database(tls_postgres.admin_dsn, name)
    connection = await asyncpg.connect(tls_postgres.admin_dsn)
    try:
        for role in (CERT_ROLE, PASSWORD_ROLE):
            exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
            if not exists:
                await connection.execute(f"CREATE ROLE {role} LOGIN")
        await connection.execute(f"ALTER ROLE {PASSWORD_ROLE} PASSWORD '{PASSWORD}'")
    finally:
        await connection.close()
    try:
        yield url
    finally:
        await drop_database(tls_postgres.admin_dsn, name)


async def _ssl_in_use(engine: AsyncEngine) -> bool:
    try:
        async with engine.connect() as connection:
            return bool((await connection.execute(_SSL_IN_USE)).scalar_one())
    finally:
        await engine.dispose()


def _settings(url: str, **overrides: object) -> Settings:
    return Settings(
        database_url=url,
        opensearch_url=None,
        encryption_keys=PRODUCTION_ENCRYPTION_KEYS,
        **overrides,  # type: ignore[arg-type]
    )


async def test_verify_full_with_the_ca_connects_over_tls(
    database: str, tls_authority: TlsAuthority
) -> None:
    settings = _settings(
        database, database_sslmode="verify-full", database_ssl_root_cert=tls_authority.ca
    )
    assert await _ssl_in_use(create_engine(settings))


async def test_libpq_parameters_in_the_url_work_with_asyncpg(
    database: str, tls_authority: TlsAuthority
) -> None:
    # SQLAlchemy would hand `sslmode` to asyncpg.connect as a keyword it does not take.
    url = f"{database}?sslmode=verify-full&sslrootcert={tls_authority.ca}"
    assert await _ssl_in_use(create_engine(url))


async def test_a_server_certificate_from_another_ca_is_refused(
    database: str, untrusted_ca: Path
) -> None:
    settings = _settings(
        database, database_sslmode="verify-full", database_ssl_root_cert=untrusted_ca
    )
    with pytest.raises(ssl.SSLCertVerificationError, match="certificate verify failed"):
        await _ssl_in_use(create_engine(settings))


def test_verify_full_checks_the_host_name_and_verify_ca_does_not(
    tls_authority: TlsAuthority,
) -> None:
    full = PostgresTls("verify-full", tls_authority.ca).asyncpg_ssl()
    ca_only = PostgresTls("verify-ca", tls_authority.ca).asyncpg_ssl()
    assert isinstance(full, ssl.SSLContext)
    assert isinstance(ca_only, ssl.SSLContext)
    assert full.check_hostname
    assert full.verify_mode is ssl.CERT_REQUIRED
    assert not ca_only.check_hostname
    assert ca_only.verify_mode is ssl.CERT_REQUIRED
    assert PostgresTls("prefer").asyncpg_ssl() == "prefer"


async def test_sslmode_disable_is_refused_by_a_tls_only_server(database: str) -> None:
    with pytest.raises(DBAPIError, match=r"pg_hba.conf rejects connection .* no encryption"):
        await _ssl_in_use(create_engine(_settings(database, database_sslmode="disable")))


async def test_a_client_certificate_authenticates_its_role(
    database: str, tls_authority: TlsAuthority
) -> None:
    url = database.replace("postgres@", f"{CERT_ROLE}@")
    with_cert = _settings(
        url,
        database_sslmode="verify-full",
        database_ssl_root_cert=tls_authority.ca,
        database_ssl_cert=tls_authority.postgres_client.cert,
        database_ssl_key=tls_authority.postgres_client.key,
    )
    engine = create_engine(with_cert)
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT current_user"))).scalar() == CERT_ROLE
    finally:
        await engine.dispose()
    without = _settings(
        url, database_sslmode="verify-full", database_ssl_root_cert=tls_authority.ca
    )
    with pytest.raises(DBAPIError, match="requires a valid client certificate"):
        await _ssl_in_use(create_engine(without))


async def test_the_password_comes_from_a_file_and_stays_out_of_errors(
    database: str, tls_authority: TlsAuthority, tmp_path: Path
) -> None:
    url = database.replace("postgres@", f"{PASSWORD_ROLE}@")
    secret = tmp_path / "db-password"
    secret.write_text(PASSWORD + "\n")
    settings = _settings(
        url,
        database_sslmode="verify-full",
        database_ssl_root_cert=tls_authority.ca,
        database_password_file=secret,
    )
    assert await _ssl_in_use(create_engine(settings))
    assert PASSWORD not in repr(settings)

    wrong = tmp_path / "wrong-password"
    wrong.write_text("canary-wrong-password-5f1e")
    settings = _settings(url, database_sslmode="require", database_password_file=wrong)
    with pytest.raises(DBAPIError, match="password authentication failed") as raised:
        await _ssl_in_use(create_engine(settings))
    assert "canary-wrong-password-5f1e" not in f"{raised.value} {raised.value.orig!r}"
    assert "canary-wrong-password-5f1e" not in repr(settings)


async def test_migrations_run_over_tls_with_the_settings(
    database: str, tls_authority: TlsAuthority
) -> None:
    settings = _settings(
        database, database_sslmode="verify-full", database_ssl_root_cert=tls_authority.ca
    )
    await async_upgrade(settings)
    assert await async_current(settings) is not None


async def test_an_sql_upstream_connects_with_its_own_tls_settings_and_password_file(
    database: str, tls_authority: TlsAuthority, untrusted_ca: Path, tmp_path: Path
) -> None:
    source = SqlSource.model_validate(
        {"url": database, "sslmode": "verify-full", "ssl_root_cert": str(tls_authority.ca)}
    )
    assert await _ssl_in_use(open_engine(source.url, connect_timeout=5, tls=source.tls))
    secret = tmp_path / "crm-password"
    secret.write_text(PASSWORD)
    with_password = SqlSource.model_validate(
        {
            "url": database.replace("postgres@", f"{PASSWORD_ROLE}@"),
            "sslmode": "verify-full",
            "ssl_root_cert": str(tls_authority.ca),
            "password_file": str(secret),
        }
    )
    engine = open_engine(
        with_password.url,
        connect_timeout=5,
        tls=with_password.tls,
        password=with_password.password(),
    )
    assert await _ssl_in_use(engine)
    wrong = source.model_copy(update={"ssl_root_cert": untrusted_ca})
    with pytest.raises(ssl.SSLCertVerificationError):
        await _ssl_in_use(open_engine(wrong.url, connect_timeout=5, tls=wrong.tls))


def test_settings_refuse_an_unknown_sslmode() -> None:
    with pytest.raises(ValueError, match="database_sslmode"):
        Settings(database_sslmode="verify")
    with pytest.raises(ValueError, match="not one of"):
        create_engine("postgresql+asyncpg://u@127.0.0.1/db?sslmode=verify")
