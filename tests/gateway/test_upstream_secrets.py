"""Upstream secrets from files: a REST upstream's token header and an SQL upstream's password.

The token is read from its file when the upstream clients are made and sent on every call
(checked on a real loopback HTTP server); neither value shows in the configuration's repr.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from datasources.config import HelpdeskConfig, SqlSource
from datasources.http import open_client


async def test_a_header_file_is_sent_and_kept_out_of_the_repr(tmp_path: Path) -> None:
    token = tmp_path / "helpdesk-token"
    token.write_text("Bearer canary-helpdesk-token-41\n")
    received: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        received.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    config = HelpdeskConfig(
        base_url=f"http://127.0.0.1:{port}",
        headers={"X-Tenant": "c360"},
        header_files={"Authorization": token},
    )
    async with (
        server,
        open_client(config.base_url, timeout=5, headers=config.all_headers()) as client,
    ):
        await client.get("/health")
    head = received[0].lower()
    assert b"\r\nauthorization: bearer canary-helpdesk-token-41\r\n" in head
    assert b"\r\nx-tenant: c360\r\n" in head
    assert "canary-helpdesk-token-41" not in repr(config)


def test_an_sql_password_file_is_read_and_errors_name_the_path(tmp_path: Path) -> None:
    secret = tmp_path / "crm-password"
    secret.write_text("canary-crm-password-77\n")
    source = SqlSource(
        url="postgresql+asyncpg://reader:canary-url-pw@crm/crm", password_file=secret
    )
    assert source.password() == "canary-crm-password-77"
    assert "canary" not in repr(source)
    missing = SqlSource(url="postgresql+asyncpg://reader@crm/crm", password_file=tmp_path / "no")
    with pytest.raises(ValueError, match=r"secret file '.*/no': No such file"):
        missing.password()
