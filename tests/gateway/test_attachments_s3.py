"""Attachments in an S3-compatible bucket, through real HTTP on both stores: a gateway with
C360_ATTACHMENTS_BACKEND=s3 against the S3 API emulator (tests/fixtures/s3.py) on loopback.

Round trip, soft delete, refusals that leave no object, object keys free of file names,
other customers' attachments, a changed object, and a bucket that does not answer at startup.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from core.settings import REPO_ROOT, Settings
from gateway.app import create_app
from gateway.auth import mint_token
from store.blobs import BlobStoreUnavailable
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.s3 import ACCESS_KEY, SECRET_KEY, S3Emulator
from tests.gateway.attachment_http import (
    DELETE,
    LIST,
    MAX_BYTES,
    attachment_rows,
    attachment_settings,
    audit_actions,
    blob_files,
    download,
    pdf,
    png,
    upload,
    uploaded,
)
from tests.schema.native_gateway import ADMIN, SALES_1, gql, nodes

CUSTOMER = "cust-00002"
PREFIX = "c360/attachments/"
_OBJECT_KEY = re.compile(r"^c360/attachments/[0-9a-f]{32}$")


@pytest.fixture(scope="module")
def bucket(s3_emulator: S3Emulator) -> str:
    return s3_emulator.new_bucket()


@pytest.fixture(scope="module")
async def gateway_settings(
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
    s3_emulator: S3Emulator,
    bucket: str,
) -> Settings:
    return await attachment_settings(
        database_url,
        tmp_path_factory.mktemp("s3-attachments"),
        **s3_emulator.settings(bucket, attachments_s3_key_prefix=PREFIX),
    )


def _object_of(s3: S3Emulator, bucket: str, known: list[str]) -> str:
    """The one object that appeared since `known`."""
    (new,) = set(s3.keys(bucket)) - set(known)
    return new


async def test_round_trip_stores_the_bytes_in_the_bucket(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    gateway_settings: Settings,
    s3_emulator: S3Emulator,
    bucket: str,
) -> None:
    token = token_for("sales", sub=SALES_1)
    content = png()
    before = s3_emulator.keys(bucket)

    response = await upload(
        http, token, content, customer_id=CUSTOMER, file_name="photo.png", content_type="image/png"
    )

    assert response.status_code == 201, response.text
    created = response.json()["attachment"]
    assert created["sha256"] == hashlib.sha256(content).hexdigest()
    key = _object_of(s3_emulator, bucket, before)
    assert _OBJECT_KEY.match(key), key
    stored = s3_emulator.client.get_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
    assert stored["Body"].read() == content
    # The object carries the SHA-256 the gateway measured: the server and later downloads
    # check the bytes against it.
    assert stored["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(content).digest()).decode()
    listed = nodes((await gql(http, token, LIST, c=CUSTOMER))["data"]["customer"]["attachments"])
    mine = next(n for n in listed if n["attachmentId"] == created["attachmentId"])
    assert (mine["fileName"], mine["sizeBytes"]) == ("photo.png", len(content))

    fetched = await download(http, token, created["attachmentId"])

    assert fetched.status_code == 200
    assert fetched.content == content
    assert fetched.headers["content-type"] == "image/png"
    assert fetched.headers["content-disposition"].startswith('attachment; filename="photo.png"')
    assert blob_files(gateway_settings) == []  # nothing went to the filesystem store
    assert await audit_actions(gateway_settings, created["attachmentId"]) == [
        ("attachment.upload", SALES_1),
        ("attachment.download", SALES_1),
    ]


async def test_an_upload_without_a_length_streams_to_the_bucket(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    gateway_settings: Settings,
    s3_emulator: S3Emulator,
    bucket: str,
) -> None:
    token = token_for("sales", sub=SALES_1)
    line = b"0123456789 abcdefghijklmnopqrstuvwxyz\n"
    content = line * (MAX_BYTES // len(line))

    async def streamed() -> AsyncIterator[bytes]:
        for start in range(0, len(content), 7000):
            yield content[start : start + 7000]

    response = await upload(
        http,
        token,
        streamed(),
        customer_id=CUSTOMER,
        file_name="log.txt",
        content_type="text/plain",
    )
    assert response.status_code == 201, response.text
    fetched = await download(http, token, response.json()["attachment"]["attachmentId"])

    assert fetched.content == content


async def test_soft_delete_stops_downloads_and_keeps_the_object(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    gateway_settings: Settings,
    s3_emulator: S3Emulator,
    bucket: str,
) -> None:
    owner = token_for("sales", sub=SALES_1)
    before = s3_emulator.keys(bucket)
    attachment_id = await uploaded(http, owner, pdf("to delete"), customer_id=CUSTOMER)
    key = _object_of(s3_emulator, bucket, before)

    deleted = await gql(http, owner, DELETE, input={"id": attachment_id})

    assert deleted["data"]["deleteAttachment"]["attachment"]["deleted"] is True
    assert (await download(http, owner, attachment_id)).status_code == 404
    listed = nodes((await gql(http, owner, LIST, c=CUSTOMER))["data"]["customer"]["attachments"])
    assert attachment_id not in [n["attachmentId"] for n in listed]
    # Like the filesystem store: a soft delete keeps the bytes with the row and its audit trail.
    assert key in s3_emulator.keys(bucket)
    actions = [action for action, _ in await audit_actions(gateway_settings, attachment_id)]
    assert actions == ["attachment.upload", "attachment.delete", "denied:attachment.download"]


async def test_refused_uploads_leave_no_object_and_no_row(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    gateway_settings: Settings,
    s3_emulator: S3Emulator,
    bucket: str,
) -> None:
    token = token_for("sales", sub=SALES_1)
    before = (await attachment_rows(gateway_settings), s3_emulator.keys(bucket))

    async def oversize() -> AsyncIterator[bytes]:
        # No Content-Length: the limit bites while the bytes arrive, with the spool begun.
        for _ in range(4):
            yield b"b" * (MAX_BYTES // 3)

    async def late_mismatch() -> AsyncIterator[bytes]:
        # A valid text start, then a NUL byte chunks later: refused after spooling began.
        yield b"plain text\n" * 500
        yield b"\x00\x01binary"

    refusals = [
        (await upload(http, token, oversize(), customer_id=CUSTOMER, content_type="text/plain"),
         413, "PAYLOAD_TOO_LARGE"),
        (await upload(http, token, b"a" * (MAX_BYTES + 1), customer_id=CUSTOMER,
                      content_type="text/plain"), 413, "PAYLOAD_TOO_LARGE"),
        (await upload(http, token, pdf(), customer_id=CUSTOMER, content_type="image/png"),
         415, "CONTENT_MISMATCH"),
        (await upload(http, token, late_mismatch(), customer_id=CUSTOMER,
                      content_type="text/plain"), 415, "CONTENT_MISMATCH"),
        (await upload(http, token, b"<svg onload=alert(1)>", customer_id=CUSTOMER,
                      content_type="image/svg+xml"), 415, "UNSUPPORTED_MEDIA_TYPE"),
    ]  # fmt: skip

    for response, status, code in refusals:
        assert response.status_code == status, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == code
    assert (await attachment_rows(gateway_settings), s3_emulator.keys(bucket)) == before


@pytest.mark.parametrize(
    "sent",
    ["../../../etc/passwd.txt", "..\\..\\win.ini.txt", "/abs/notes.txt", "a b\r\nx: y.txt"],
)
async def test_object_keys_never_hold_the_file_name(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    s3_emulator: S3Emulator,
    bucket: str,
    sent: str,
) -> None:
    token = token_for("sales", sub=SALES_1)
    before = s3_emulator.keys(bucket)

    response = await upload(
        http, token, b"plain\n", customer_id=CUSTOMER, file_name=sent, content_type="text/plain"
    )

    assert response.status_code == 201, response.text
    key = _object_of(s3_emulator, bucket, before)
    assert _OBJECT_KEY.match(key), key
    stem = response.json()["attachment"]["fileName"].rsplit(".", 1)[0]
    assert stem not in key


async def test_another_customers_attachment_is_404_like_an_unknown_one(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    attachment_id = await uploaded(
        http, token_for("admin", sub=ADMIN), pdf("canary-s3-7f2a"), customer_id=CUSTOMER
    )
    elsewhere = [
        token_for("branch", sub="s3-branch-far", branches=["no-such-branch"]),
        token_for("customer", sub="cust-00004", customer="cust-00004"),
    ]

    unknown = await download(http, token_for("admin", sub=ADMIN), "no-such-attachment")
    for token in elsewhere:
        hidden = await download(http, token, attachment_id)
        assert hidden.status_code == unknown.status_code == 404
        assert hidden.json()["errors"][0]["extensions"] == unknown.json()["errors"][0]["extensions"]
        assert "canary-s3-7f2a" not in hidden.text
    denials = [a for a, _ in await audit_actions(gateway_settings, attachment_id)]
    assert denials.count("denied:attachment.download") == len(elsewhere)


async def test_an_object_changed_in_the_bucket_fails_its_download(
    http: httpx.AsyncClient, token_for: TokenFactory, s3_emulator: S3Emulator, bucket: str
) -> None:
    token = token_for("sales", sub=SALES_1)
    content = b"the original bytes\n" * 10
    before = s3_emulator.keys(bucket)
    attachment_id = await uploaded(
        http, token, content, customer_id=CUSTOMER, file_name="a.txt", content_type="text/plain"
    )
    key = _object_of(s3_emulator, bucket, before)
    # Same length, other bytes, the original checksum kept (as a tampered copy would be).
    original = s3_emulator.client.head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
    s3_emulator.client.put_object(
        Bucket=bucket,
        Key=key,
        Body=content.replace(b"original", b"replaced"),
        ChecksumAlgorithm="SHA256",
        ChecksumSHA256=original["ChecksumSHA256"],
    )

    fetched = await download(http, token, attachment_id)

    # Checked before the first byte goes out (the object fits in the read-ahead): a coded
    # error, never the other bytes. store tests cover a larger object cut off mid-stream.
    assert fetched.status_code == 503
    assert fetched.json()["errors"][0]["extensions"]["code"] == "STORE_UNAVAILABLE"
    assert b"replaced" not in fetched.content


def test_a_bucket_that_does_not_exist_stops_create_app(
    tmp_path: Path, s3_emulator: S3Emulator
) -> None:
    settings = sqlite_settings(tmp_path, **s3_emulator.settings("no-such-bucket-here"))

    with pytest.raises(BlobStoreUnavailable, match=r"'no-such-bucket-here'.*does not exist"):
        create_app(settings)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"C360_ATTACHMENTS_S3_BUCKET": "no-such-bucket-here"}, "does not exist"),
        ({"C360_ATTACHMENTS_S3_ENDPOINT_URL": "http://127.0.0.1:9"}, "cannot be used"),
        ({"C360_ATTACHMENTS_S3_BUCKET": ""}, "needs C360_ATTACHMENTS_S3_BUCKET"),
    ],
    ids=["wrong-bucket", "unreachable-endpoint", "no-bucket"],
)
def test_serve_refuses_a_bucket_it_cannot_use_in_one_line(
    tmp_path: Path, s3_emulator: S3Emulator, bucket: str, env: dict[str, str], named: str
) -> None:
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "C360_ENVIRONMENT": "development",
        "C360_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "C360_ATTACHMENTS_BACKEND": "s3",
        "C360_ATTACHMENTS_S3_BUCKET": bucket,
        "C360_ATTACHMENTS_S3_ENDPOINT_URL": s3_emulator.endpoint_url,
        "C360_ATTACHMENTS_S3_PATH_STYLE": "true",
        "C360_ATTACHMENTS_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "C360_ATTACHMENTS_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "COLUMNS": "400",
        **env,
    }

    result = subprocess.run(
        [sys.executable, "-m", "gateway", "serve", "--port", "9"],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 2, output
    assert named in output
    assert "Traceback" not in output
    if env.get("C360_ATTACHMENTS_S3_BUCKET") != "":
        # (a missing setting is reported like any invalid setting, with pydantic's lines)
        assert len(output.splitlines()) == 1, output
    assert SECRET_KEY not in output


def test_readiness_reports_a_bucket_that_goes_away(
    s3_emulator: S3Emulator, database_url: str, tmp_path: Path
) -> None:
    # Given a gateway storing attachments in a bucket of its own
    bucket = s3_emulator.new_bucket()
    settings = sqlite_settings(tmp_path, database_url=database_url, **s3_emulator.settings(bucket))
    token = mint_token(settings, subject="admin-1", roles=("admin",))
    headers = {"Authorization": f"Bearer {token}"}
    with serve_in_thread(settings) as url:
        health = httpx.get(f"{url}/health", headers=headers).json()
        assert health["components"]["attachments"]["status"] == "up"
        # When the bucket is deleted behind its back
        s3_emulator.client.delete_bucket(Bucket=bucket)
        # Then readiness says degraded (the store still answers) and health names the bucket
        assert httpx.get(f"{url}/readyz").json() == {"status": "degraded"}
        health = httpx.get(f"{url}/health", headers=headers).json()
        component = health["components"]["attachments"]
        assert component["status"] == "down"
        assert "does not exist" in component["detail"]
        assert SECRET_KEY not in str(health)
