"""Attachments through real HTTP on both stores: upload, list, download, limits, sniffing,
file names and permissions, soft delete and the audit trail."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import AsyncIterator

import httpx
import pytest

from core.settings import Settings
from schema.node import global_id
from tests.fixtures.app import TokenFactory
from tests.gateway.attachment_http import (
    DELETE,
    LIST,
    MAX_BYTES,
    NODE,
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
from tests.schema.native_gateway import ADMIN, SALES_1, SALES_2, gql, nodes

CUSTOMER = "cust-00002"


@pytest.fixture(scope="module")
async def gateway_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return await attachment_settings(database_url, tmp_path_factory.mktemp("attachments"))


async def test_upload_list_download_round_trip(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub=SALES_1)
    content = png()

    response = await upload(
        http, token, content, customer_id=CUSTOMER, file_name="photo.png", content_type="image/png"
    )

    assert response.status_code == 201, response.text
    created = response.json()["attachment"]
    assert created["sha256"] == hashlib.sha256(content).hexdigest()
    assert created["sizeBytes"] == len(content)
    listed = nodes((await gql(http, token, LIST, c=CUSTOMER))["data"]["customer"]["attachments"])
    mine = next(n for n in listed if n["attachmentId"] == created["attachmentId"])
    assert mine["fileName"] == "photo.png"
    assert mine["contentType"] == "image/png"
    assert mine["uploadedByAgent"] == {"agentId": SALES_1}
    assert mine["deleted"] is False

    fetched = await download(http, token, mine["attachmentId"])
    by_global_id = await download(http, token, mine["id"])

    assert fetched.status_code == 200
    assert fetched.content == content == by_global_id.content
    assert hashlib.sha256(fetched.content).hexdigest() == mine["sha256"]
    assert fetched.headers["content-type"] == "image/png"
    assert fetched.headers["x-content-type-options"] == "nosniff"
    assert fetched.headers["content-disposition"].startswith('attachment; filename="photo.png"')
    assert mine["url"] == f"/attachments/{mine['attachmentId']}"
    actions = await audit_actions(gateway_settings, created["attachmentId"])
    assert actions == [
        ("attachment.upload", SALES_1),
        ("attachment.download", SALES_1),
        ("attachment.download", SALES_1),
    ]


async def test_stored_files_are_private_and_outside_the_request(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    await uploaded(http, token_for("sales", sub=SALES_1), pdf("private"), customer_id=CUSTOMER)

    files = blob_files(gateway_settings)
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700, path.parent
        assert not path.name.startswith(".")  # no temporary file left behind
    assert stat.S_IMODE(gateway_settings.attachments_dir.stat().st_mode) == 0o700


async def _assert_refused_without_trace(
    settings: Settings, response: httpx.Response, status: int, code: str, before: tuple[int, int]
) -> None:
    assert response.status_code == status, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert (await attachment_rows(settings), len(blob_files(settings))) == before


async def _state(settings: Settings) -> tuple[int, int]:
    return await attachment_rows(settings), len(blob_files(settings))


async def test_oversize_upload_is_refused_leaving_no_row_and_no_file(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub=SALES_1)
    before = await _state(gateway_settings)
    big = b"a" * (MAX_BYTES + 1)

    declared = await upload(
        http, token, big, customer_id=CUSTOMER, file_name="big.txt", content_type="text/plain"
    )

    async def streamed() -> AsyncIterator[bytes]:
        # No Content-Length: the limit must bite while the bytes arrive, with a file begun.
        for _ in range(4):
            yield b"b" * (MAX_BYTES // 3)

    chunked = await upload(
        http,
        token,
        streamed(),
        customer_id=CUSTOMER,
        file_name="big.txt",
        content_type="text/plain",
    )

    await _assert_refused_without_trace(
        gateway_settings, declared, 413, "PAYLOAD_TOO_LARGE", before
    )
    await _assert_refused_without_trace(gateway_settings, chunked, 413, "PAYLOAD_TOO_LARGE", before)


async def test_bytes_that_do_not_match_the_declared_type_are_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub=SALES_1)
    before = await _state(gateway_settings)

    pdf_as_png = await upload(
        http, token, pdf(), customer_id=CUSTOMER, file_name="x.png", content_type="image/png"
    )
    exe_as_pdf = await upload(http, token, b"MZ\x90\x00" + b"\x00" * 64, customer_id=CUSTOMER)
    binary_as_text = await upload(
        http, token, b"abc\x00\x01def", customer_id=CUSTOMER, content_type="text/plain"
    )
    png_as_text = await upload(http, token, png(), customer_id=CUSTOMER, content_type="text/plain")

    for response in (pdf_as_png, exe_as_pdf, binary_as_text, png_as_text):
        await _assert_refused_without_trace(
            gateway_settings, response, 415, "CONTENT_MISMATCH", before
        )


async def test_a_type_off_the_allow_list_is_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    token = token_for("sales", sub=SALES_1)
    before = await _state(gateway_settings)

    for content_type in ("application/x-msdownload", "text/html", "image/svg+xml", ""):
        response = await upload(
            http, token, b"<svg onload=alert(1)>", customer_id=CUSTOMER, content_type=content_type
        )
        await _assert_refused_without_trace(
            gateway_settings, response, 415, "UNSUPPORTED_MEDIA_TYPE", before
        )


async def test_unauthenticated_callers_get_401(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    attachment_id = await uploaded(
        http, token_for("sales", sub=SALES_1), pdf(), customer_id=CUSTOMER
    )
    before = await _state(gateway_settings)

    anonymous_upload = await upload(http, None, pdf(), customer_id=CUSTOMER)
    forged_upload = await upload(http, "not-a-token", pdf(), customer_id=CUSTOMER)
    anonymous_download = await download(http, None, attachment_id)
    forged_download = await download(http, "not-a-token", attachment_id)

    for response in (anonymous_upload, forged_upload, anonymous_download, forged_download):
        assert response.status_code == 401, response.text
        assert b"%PDF" not in response.content
    assert anonymous_upload.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await _state(gateway_settings) == before


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\win.ini.txt", "win.ini.txt"),
        ("/abs/path/notes.txt", "notes.txt"),
        ('quote"and\r\nheader: x.txt', "quote_and header_ x.txt"),
        ("<b>bold</b>.txt", "bold.txt"),
        ("контракт 2026.txt", "контракт 2026.txt"),
    ],
)
async def test_file_names_cannot_reach_a_path_or_a_header(
    http: httpx.AsyncClient,
    token_for: TokenFactory,
    gateway_settings: Settings,
    sent: str,
    stored: str,
) -> None:
    token = token_for("sales", sub=SALES_1)
    root = gateway_settings.attachments_dir.parent
    outside_before = sorted(
        p for p in root.rglob("*") if gateway_settings.attachments_dir not in p.parents
    )

    response = await upload(
        http,
        token,
        b"plain text\n",
        customer_id=CUSTOMER,
        file_name=sent,
        content_type="text/plain",
    )

    assert response.status_code == 201, response.text
    created = response.json()["attachment"]
    assert created["fileName"] == stored
    fetched = await download(http, token, created["attachmentId"])
    disposition = fetched.headers["content-disposition"]
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert "/" not in disposition
    assert "header" not in {key.lower() for key in fetched.headers}
    assert fetched.headers["content-type"] == "text/plain; charset=utf-8"
    outside_after = sorted(
        p for p in root.rglob("*") if gateway_settings.attachments_dir not in p.parents
    )
    assert outside_after == outside_before


async def test_missing_parameters_are_coded_errors(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    token = token_for("sales", sub=SALES_1)

    no_customer = await upload(http, token, pdf(), customer_id="")
    no_name = await upload(http, token, pdf(), customer_id=CUSTOMER, file_name="  ")
    unknown_customer = await upload(http, token, pdf(), customer_id="cust-99999")
    wrong_id_kind = await download(http, token, "Tm90ZTpub3BlOg==")  # a Note's global id

    assert (no_customer.status_code, no_name.status_code) == (400, 400)
    assert unknown_customer.status_code == 404
    assert unknown_customer.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert wrong_id_kind.status_code == 400


async def test_soft_delete_unlists_and_stops_downloads(
    http: httpx.AsyncClient, token_for: TokenFactory, gateway_settings: Settings
) -> None:
    owner, colleague = token_for("sales", sub=SALES_1), token_for("sales", sub=SALES_2)
    attachment_id = await uploaded(http, owner, pdf("to delete"), customer_id=CUSTOMER)

    refused = await gql(http, colleague, DELETE, input={"id": attachment_id})
    deleted = await gql(http, owner, DELETE, input={"id": attachment_id})
    again = await gql(http, owner, DELETE, input={"id": attachment_id})

    assert refused["data"]["deleteAttachment"] is None
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    payload = deleted["data"]["deleteAttachment"]
    assert payload["errors"] == []
    assert payload["attachment"]["deleted"] is True
    assert payload["attachment"]["deletedAt"] is not None
    assert payload["customer"] == {"customerId": CUSTOMER}
    assert [e["code"] for e in again["data"]["deleteAttachment"]["errors"]] == ["CONFLICT"]
    listed = nodes((await gql(http, owner, LIST, c=CUSTOMER))["data"]["customer"]["attachments"])
    assert attachment_id not in [n["attachmentId"] for n in listed]
    assert (await download(http, owner, attachment_id)).status_code == 404
    node = await gql(http, owner, NODE, id=global_id("Attachment", attachment_id))
    assert node["data"]["node"] is None
    actions = [action for action, _ in await audit_actions(gateway_settings, attachment_id)]
    assert actions == [
        "attachment.upload",
        "denied:attachment.delete",
        "attachment.delete",
        "denied:attachment.download",
    ]


async def test_a_manager_deletes_any_attachment(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    attachment_id = await uploaded(
        http, token_for("sales", sub=SALES_1), pdf(), customer_id=CUSTOMER
    )

    deleted = await gql(http, token_for("admin", sub=ADMIN), DELETE, input={"id": attachment_id})

    assert deleted["data"]["deleteAttachment"]["attachment"]["deleted"] is True
