"""Note search on OpenSearch with its security plugin: https with a CA, basic auth, client certs.

`secured_opensearch` is OpenSearch 2.19.1 with the opensearch-security plugin installed and
configured for this run (devservices.opensearch_secure): TLS on HTTP with a CA made at run
time, an internal user for basic auth, and a user authenticated by its client certificate.
The backend under test is the one the runtime builds, from Settings.
"""

from __future__ import annotations

import ssl
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from structlog.testing import capture_logs

from core.errors import SearchUnavailable
from core.settings import Settings
from policies.enforcer import PolicyEngine
from search.client import create_search_backend
from search.opensearch_backend import OpenSearchBackend
from search.request import build_search
from tests.fixtures.tls_services import SecuredOpenSearch
from tests.search.conftest import dispose_backend, visibility_of
from tests.search.corpus import DOCS, PRINCIPALS

pytestmark = pytest.mark.opensearch


def _settings(server: SecuredOpenSearch, **overrides: Any) -> Settings:
    options: dict[str, Any] = {
        "opensearch_url": server.url,
        "opensearch_index_prefix": f"sec-{uuid.uuid4().hex[:8]}",
        "opensearch_ca_file": server.ca,
        **overrides,
    }
    return Settings(**options)


def _backend(settings: Settings) -> OpenSearchBackend:
    backend = create_search_backend(settings)
    assert isinstance(backend, OpenSearchBackend)
    return backend


@pytest.fixture
def password_file(secured_opensearch: SecuredOpenSearch, tmp_path: Path) -> Path:
    path = tmp_path / "opensearch-password"
    path.write_text(secured_opensearch.node.password + "\n")
    path.chmod(0o600)
    return path


@pytest.fixture
async def basic_auth_backend(
    secured_opensearch: SecuredOpenSearch, password_file: Path
) -> AsyncIterator[OpenSearchBackend]:
    backend = _backend(
        _settings(
            secured_opensearch,
            opensearch_username=secured_opensearch.node.username,
            opensearch_password_file=password_file,
        )
    )
    try:
        yield backend
    finally:
        await dispose_backend(backend)


async def test_https_ca_and_basic_auth_index_and_search_a_note(
    basic_auth_backend: OpenSearchBackend, policy: PolicyEngine
) -> None:
    assert (await basic_auth_backend.ping()).startswith("OpenSearch 2.")
    outcomes = await basic_auth_backend.write(DOCS[:3])
    assert len(outcomes) == 3
    await basic_auth_backend.refresh()
    page = await basic_auth_backend.search(
        build_search(query="kitchen", first=10), visibility_of(policy, PRINCIPALS["admin"])
    )
    assert {hit.note_id for hit in page.hits} == {"n1", "n3"}


async def test_the_pool_size_reaches_the_aiohttp_connector(
    secured_opensearch: SecuredOpenSearch, password_file: Path
) -> None:
    auth = {
        "opensearch_username": secured_opensearch.node.username,
        "opensearch_password_file": password_file,
    }
    sized = _backend(_settings(secured_opensearch, opensearch_pool_size=37, **auth))
    # Unset, the pool follows the store's (both are about the requests in flight).
    default = _backend(_settings(secured_opensearch, database_pool_size=23, **auth))
    try:
        limits = []
        for backend in (sized, default):
            await backend.ping()  # the aiohttp session (and its connector) is made on first use
            (connection,) = backend.client.transport.connection_pool.connections
            limits.append(connection.session.connector.limit)
        assert limits == [37, 23]
    finally:
        await sized.close()
        await default.close()


async def test_a_wrong_password_is_search_unavailable_and_logged_with_the_setting(
    secured_opensearch: SecuredOpenSearch, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("canary-os-password-0b7d")
    backend = _backend(
        _settings(
            secured_opensearch,
            opensearch_username=secured_opensearch.node.username,
            opensearch_password_file=wrong,
        )
    )
    try:
        with capture_logs() as logs, pytest.raises(SearchUnavailable) as raised:
            await backend.ping()
    finally:
        await backend.close()
    assert raised.value.code == "SEARCH_UNAVAILABLE"
    assert "refused" in str(raised.value)
    assert any("C360_OPENSEARCH_PASSWORD" in entry["event"] for entry in logs)
    assert "canary-os-password-0b7d" not in f"{raised.value!r} {logs!r}"


async def test_a_client_certificate_authenticates_without_a_password(
    secured_opensearch: SecuredOpenSearch, policy: PolicyEngine
) -> None:
    backend = _backend(
        _settings(
            secured_opensearch,
            opensearch_client_cert=secured_opensearch.client.cert,
            opensearch_client_key=secured_opensearch.client.key,
        )
    )
    try:
        await backend.write(DOCS[3:5])
        await backend.refresh()
        page = await backend.search(
            build_search(query="refund", first=10), visibility_of(policy, PRINCIPALS["admin"])
        )
        assert [hit.note_id for hit in page.hits] == ["n4"]
    finally:
        await dispose_backend(backend)
    # The same node without a certificate or password: refused.
    anonymous = _backend(_settings(secured_opensearch))
    try:
        with pytest.raises(SearchUnavailable, match="refused"):
            await anonymous.ping()
    finally:
        await anonymous.close()


async def test_a_certificate_from_another_ca_is_refused_unless_verification_is_off(
    secured_opensearch: SecuredOpenSearch, password_file: Path, untrusted_ca: Path
) -> None:
    auth = {
        "opensearch_username": secured_opensearch.node.username,
        "opensearch_password_file": password_file,
    }
    backend = _backend(_settings(secured_opensearch, opensearch_ca_file=untrusted_ca, **auth))
    try:
        with capture_logs() as logs, pytest.raises(SearchUnavailable, match="unreachable"):
            await backend.ping()
    finally:
        await backend.close()
    assert "CERTIFICATE_VERIFY_FAILED" in repr(logs)

    with capture_logs() as logs:
        unverified = _backend(
            _settings(
                secured_opensearch,
                opensearch_ca_file=None,
                opensearch_verify_certs=False,
                **auth,
            )
        )
    try:
        assert (await unverified.ping()).startswith("OpenSearch")
    finally:
        await unverified.close()
    assert [entry["log_level"] for entry in logs] == ["warning"]
    assert "C360_OPENSEARCH_VERIFY_CERTS=false" in logs[0]["event"]


def test_inconsistent_settings_name_the_setting(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pem"
    cases: dict[str, dict[str, Any]] = {
        "C360_OPENSEARCH_CA_FILE needs an https://": {
            "opensearch_url": "http://127.0.0.1:9200",
            "opensearch_ca_file": missing,
        },
        "C360_OPENSEARCH_CA_FILE: no file": {
            "opensearch_url": "https://127.0.0.1:9200",
            "opensearch_ca_file": missing,
        },
        "without C360_OPENSEARCH_CLIENT_CERT": {
            "opensearch_url": "https://127.0.0.1:9200",
            "opensearch_client_key": missing,
        },
        "needs both C360_OPENSEARCH_USERNAME": {
            "opensearch_url": "https://127.0.0.1:9200",
            "opensearch_username": "gateway",
        },
    }
    for expected, options in cases.items():
        with pytest.raises(ValueError, match=expected):
            create_search_backend(Settings(**options))


async def test_certificates_are_verified_by_default(
    secured_opensearch: SecuredOpenSearch, password_file: Path
) -> None:
    backend = _backend(
        _settings(
            secured_opensearch,
            opensearch_username=secured_opensearch.node.username,
            opensearch_password_file=password_file,
        )
    )
    try:
        await backend.ping()
        (connection,) = backend.client.transport.connection_pool.connections
        context: ssl.SSLContext = connection.session.connector._ssl
        assert context.verify_mode is ssl.CERT_REQUIRED
        assert context.check_hostname
    finally:
        await backend.close()


def test_sigv4_without_botocore_names_the_setting_and_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The dev environment has botocore; a deployment without the `aws` extra does not. A None
    # entry in sys.modules makes its import fail exactly as a missing package's would.
    for name in ("botocore", "botocore.session"):
        monkeypatch.setitem(sys.modules, name, None)
    settings = Settings(
        opensearch_url="https://search.example.com", opensearch_aws_region="eu-west-1"
    )
    with pytest.raises(ValueError, match=r"C360_OPENSEARCH_AWS_REGION .* `aws` extra"):
        create_search_backend(settings)


async def test_credentials_in_the_url_work_and_stay_out_of_the_client(
    secured_opensearch: SecuredOpenSearch,
) -> None:
    node = secured_opensearch.node
    host = secured_opensearch.url.removeprefix("https://")
    url = f"https://{node.username}:{quote(node.password, safe='')}@{host}"
    backend = _backend(_settings(secured_opensearch, opensearch_url=url))
    try:
        assert (await backend.ping()).startswith("OpenSearch")
        (connection,) = backend.client.transport.connection_pool.connections
        assert node.password not in connection.host
    finally:
        await backend.close()
