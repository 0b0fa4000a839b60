"""Secrets from files never surface: not in logs, settings' repr, errors, GraphQL or /health.

Every secret the gateway takes is planted as a canary, each from a file: the JWT secret, the
OpenSearch password (wrong, against OpenSearch with its security plugin, so the refusal is
logged), an SQL upstream's database password (wrong, against the TLS-only PostgreSQL) and a
REST upstream's API token (sent to a port where nothing listens). A gateway then serves
/health and queries that hit every one of them, with DEBUG logs, and every byte it printed or
answered is searched for the canaries.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from core.settings import Settings
from datasources.config import (
    BillingConfig,
    CrmConfig,
    HelpdeskConfig,
    OmsConfig,
    UpstreamConfig,
)
from devservices.ports import free_port
from devservices.postgres import PostgresServer
from devservices.postgres_tls import PASSWORD_ROLE
from gateway.auth import mint_token
from store.migrate import async_upgrade
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.tls_services import SecuredOpenSearch, TlsAuthority

pytestmark = [pytest.mark.opensearch, pytest.mark.postgres]

CANARIES = {
    "jwt": "canary-jwt-secret-7d1f0c2e9b8a4f6e1d3c5b7a9e0f2d4c",
    "opensearch": "canary-opensearch-password-51ab",
    "database": "canary-database-password-c0de",
    "api_token": "canary-api-token-9e9e",
    "url": "canary-url-password-77aa",
}


def _secret_file(directory: Path, name: str) -> Path:
    path = directory / name
    path.write_text(CANARIES[name] + "\n")
    path.chmod(0o600)
    return path


async def test_planted_secrets_appear_in_no_log_error_or_answer(
    secured_opensearch: SecuredOpenSearch,
    tls_postgres: PostgresServer,
    tls_authority: TlsAuthority,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    settings = sqlite_settings(
        tmp_path,
        jwt_secret_file=_secret_file(tmp_path, "jwt"),
        opensearch_url=secured_opensearch.url,
        opensearch_index_prefix=f"canary-{uuid.uuid4().hex[:8]}",
        opensearch_ca_file=secured_opensearch.ca,
        opensearch_username=secured_opensearch.node.username,
        opensearch_password_file=_secret_file(tmp_path, "opensearch"),
        search_indexer=False,
        log_json=True,
        log_level="DEBUG",
    )
    assert settings.jwt_hs256_secret == CANARIES["jwt"]
    await async_upgrade(settings.database_url)
    crm_url = tls_postgres.admin_dsn.replace(
        "postgresql://postgres@", f"postgresql+asyncpg://{PASSWORD_ROLE}@"
    )
    nowhere_sql = f"postgresql+asyncpg://reader:{CANARIES['url']}@127.0.0.1:{free_port()}/none"
    upstreams = UpstreamConfig(
        crm=CrmConfig(
            url=crm_url,
            sslmode="verify-full",
            ssl_root_cert=tls_authority.ca,
            password_file=_secret_file(tmp_path, "database"),
        ),
        oms=OmsConfig(url=nowhere_sql),
        billing=BillingConfig(url=nowhere_sql),
        helpdesk=HelpdeskConfig(
            base_url=f"http://127.0.0.1:{free_port()}",
            header_files={"Authorization": _secret_file(tmp_path, "api_token")},
        ),
    )
    admin = mint_token(settings, subject="ops-1", roles=["admin"])
    headers = {"Authorization": f"Bearer {admin}"}
    answers: list[str] = []
    with serve_in_thread(settings, upstreams) as url:
        async with httpx.AsyncClient(base_url=url, timeout=20, headers=headers) as client:
            health = await client.get("/health")
            answers.append(health.text)
            for query in (
                '{ searchNotes(query: "refund", first: 1) { totalCount } }',
                '{ customer(id: "cust-00001") { name tickets { edges { node { id } } } '
                "invoices { edges { node { number } } } } }",
            ):
                response = await client.post("/graphql", json={"query": query})
                answers.append(response.text)
    printed = capfd.readouterr()

    body = health.json()
    assert body["components"]["search"]["status"] == "down"
    assert body["components"]["upstream:crm"]["status"] == "down"
    assert "SEARCH_UNAVAILABLE" in answers[1]
    # The failures happened, and were logged: the canaries had their chance to leak.
    assert "refused the gateway's credentials" in printed.err + printed.out

    everything = "\n".join([*answers, printed.out, printed.err, repr(settings), repr(upstreams)])
    for name, canary in CANARIES.items():
        assert canary not in everything, f"the {name} canary leaked"


def test_settings_repr_and_validation_errors_hide_secrets(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"postgresql+asyncpg://c360:{CANARIES['url']}@db/c360",
        opensearch_url=f"https://gateway:{CANARIES['url']}@search:9200",
        opensearch_username="gateway",
        opensearch_password=CANARIES["opensearch"],
        jwt_secret=CANARIES["jwt"],
    )
    assert not any(canary in repr(settings) for canary in CANARIES.values())
    assert "c360:***@db" in repr(settings)

    # A setting that fails validation must not echo the input around it (secrets included).
    with pytest.raises(ValueError, match="database_pool_size") as raised:
        Settings(jwt_secret=CANARIES["jwt"], database_pool_size=0)
    assert CANARIES["jwt"] not in str(raised.value)

    with pytest.raises(ValueError, match="set C360_JWT_SECRET or C360_JWT_SECRET_FILE"):
        Settings(jwt_secret=CANARIES["jwt"], jwt_secret_file=_secret_file(tmp_path, "jwt"))
    with pytest.raises(ValueError, match="C360_OPENSEARCH_PASSWORD_FILE: secret file") as missing:
        Settings(opensearch_password_file=tmp_path / "absent")
    assert "No such file" in str(missing.value)
