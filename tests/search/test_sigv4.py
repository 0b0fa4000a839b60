"""AWS SigV4 request signing (Amazon OpenSearch Service), verified by a stand-in front door.

What is verified, and what is not: the gateway's search backend, built from Settings with
``C360_OPENSEARCH_AWS_REGION``, signs every request with static test credentials taken from
the standard AWS chain (the environment here); a loopback stand-in for the managed service's
front door (`tests/fixtures/sigv4_front_door.py`, not AWS) recomputes each signature with
botocore's signer and forwards valid requests to the real test OpenSearch, so a note is
indexed and found end to end through signed requests only. A wrong secret key is refused
there with 403, which the backend reports as SEARCH_UNAVAILABLE. AWS itself, instance or pod
roles and temporary session tokens are not exercised.
"""

from __future__ import annotations

import importlib
import ssl
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from core.errors import SearchUnavailable
from core.settings import Settings
from policies.enforcer import PolicyEngine
from search.client import create_search_backend
from search.opensearch_backend import OpenSearchBackend
from search.request import build_search
from tests.fixtures.services import service_unavailable
from tests.fixtures.sigv4_front_door import FrontDoor, sigv4_front_door
from tests.fixtures.tls_services import TlsAuthority
from tests.search.conftest import dispose_backend, visibility_of
from tests.search.corpus import DOCS, PRINCIPALS

pytestmark = pytest.mark.opensearch

ACCESS_KEY = "AKIDC360TESTONLY0001"
SECRET_KEY = "c360-test-only-secret-key-not-aws-0000000"
REGION = "eu-west-1"


@pytest.fixture
def aws_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Static credentials in the environment, and nothing else of the chain to find."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
async def front_door(
    opensearch_server: Any, tls_authority: TlsAuthority
) -> AsyncIterator[FrontDoor]:
    # botocore comes with the dev group (and the `aws` extra): missing, this fails on CI
    # instead of skipping, like a missing service.
    try:
        botocore_auth = importlib.import_module("botocore.auth")
        botocore_awsrequest = importlib.import_module("botocore.awsrequest")
        botocore_credentials = importlib.import_module("botocore.credentials")
    except ImportError as missing:
        service_unavailable("botocore (SigV4 signing)", missing)
    server_ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ssl.load_cert_chain(tls_authority.server.cert, tls_authority.server.key)
    async with sigv4_front_door(
        upstream=opensearch_server.url,
        server_ssl=server_ssl,
        credentials=(ACCESS_KEY, SECRET_KEY),
        region=REGION,
        service="es",
        botocore_auth=botocore_auth,
        botocore_awsrequest=botocore_awsrequest,
        botocore_credentials=botocore_credentials,
    ) as door:
        yield door


def _backend(door: FrontDoor, ca: Path) -> OpenSearchBackend:
    settings = Settings(
        opensearch_url=door.url,
        opensearch_index_prefix=f"sigv4-{uuid.uuid4().hex[:8]}",
        opensearch_ca_file=ca,
        opensearch_aws_region=REGION,
        opensearch_aws_service="es",
    )
    backend = create_search_backend(settings)
    assert isinstance(backend, OpenSearchBackend)
    return backend


@pytest.mark.usefixtures("aws_environment")
async def test_signed_requests_index_and_find_a_note(
    front_door: FrontDoor, tls_authority: TlsAuthority, policy: PolicyEngine
) -> None:
    backend = _backend(front_door, tls_authority.ca)
    try:
        await backend.write(DOCS[:3])
        await backend.refresh()
        page = await backend.search(
            build_search(query="quote", first=10), visibility_of(policy, PRINCIPALS["admin"])
        )
        assert [hit.note_id for hit in page.hits] == ["n3"]
    finally:
        await dispose_backend(backend)
    assert front_door.refused == []
    assert front_door.verified >= 4  # index check, create, bulk, refresh, search, delete


async def test_a_wrong_secret_key_is_refused_as_search_unavailable(
    front_door: FrontDoor,
    tls_authority: TlsAuthority,
    monkeypatch: pytest.MonkeyPatch,
    aws_environment: None,
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-right-secret-key-000000000000000")
    backend = _backend(front_door, tls_authority.ca)
    try:
        with pytest.raises(SearchUnavailable, match="refused"):
            await backend.ping()
    finally:
        await backend.close()
    assert front_door.refused == ["signature does not match"]
    assert front_door.verified == 0
