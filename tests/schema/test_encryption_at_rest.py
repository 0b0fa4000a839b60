"""Encryption at rest of notes in the encrypted scopes, on SQLite + embedded search and on
PostgreSQL + OpenSearch: the files, a real pg_dump and the search index hold no plaintext of a
restricted note (its subject, body or an edit's history) while a sales note's text is there;
readers still read it; a corrupted value fails that note's field only; a wrong key refuses to
start; rotate-keys moves every value to a new key so the old one can go.
"""

from __future__ import annotations

import asyncio
import base64
import os
import stat
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.crypto import KeyConfigError, key_id_of
from core.settings import Settings
from gateway.jobs.backup_files import find_pg_tool, libpq_target
from gateway.jobs.rotate_keys import check_encryption_keys
from gateway.jobs.seed import seed_store
from gateway.runtime import open_runtime
from store.db import create_engine, session_factory
from store.key_rotation import rotate_keys
from store.migrate import async_upgrade
from store.models import Note, NoteRevision
from store.write_context import transaction
from tests.fixtures.app import TokenFactory, serve_in_thread, sqlite_settings
from tests.fixtures.cli import run_gateway, said
from tests.fixtures.database import Backend
from tests.gateway.attachment_http import blob_files, download, uploaded
from tests.schema.native_gateway import MANAGER, gql, nodes, seeded_settings, store_engine

CUSTOMER = "cust-00001"
K1 = "k1:" + base64.b64encode(b"1" * 32).decode()
K2 = "k2:" + base64.b64encode(b"2" * 32).decode()
CREATE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { id version } errors { field code message } }
}"""
UPDATE = """
mutation U($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { id version body } errors { field code message } }
}"""
NOTE = """
query N($id: ID!) {
  note(id: $id) {
    subject body history(first: 5) { edges { node { changes { field before after } } } }
  }
}"""
NOTES = """
query L($c: ID!, $tag: String!) {
  customer(id: $c) {
    name notes(first: 20, filter: {tags: [$tag]}) { edges { node { id subject body } } }
  }
}"""
SEARCH = """
query S($q: String!) { searchNotes(query: $q, first: 10) { totalCount edges { node { id } } } }
"""


@pytest.fixture(scope="module")
async def gateway_settings(
    database_backend: Backend,
    database_url: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Settings:
    search: dict[str, Any] = {}
    if database_backend.name == "postgres":
        server: Any = request.getfixturevalue("opensearch_server")
        search = {
            "opensearch_url": server.url,
            "opensearch_index_prefix": f"test-enc-{uuid.uuid4().hex[:8]}",
        }
    directory = tmp_path_factory.mktemp("encrypted")
    return await seeded_settings(
        database_url,
        directory,
        data_dir=directory,
        search_embedded_path=directory / "search.db",
        search_poll_seconds=0.05,
        encryption_keys=K1,
        **search,
    )


@pytest.fixture(scope="module")
def gateway_url(gateway_settings: Settings) -> Iterator[str]:
    with serve_in_thread(gateway_settings) as url:
        yield url


@pytest.fixture
async def http(gateway_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as client:
        yield client


@dataclass(frozen=True)
class Planted:
    """A restricted note (edited once) and a sales note, each with its own canaries."""

    tag: str
    restricted: str
    sales: str
    secrets: tuple[str, ...]  # the restricted note's subject, first body and edited body
    plain: str  # the sales note's subject


async def _create(
    http: httpx.AsyncClient, token: str, scope: str, subject: str, tag: str, body: str
) -> str:
    answer = await gql(
        http,
        token,
        CREATE,
        input={
            "customerId": CUSTOMER,
            "subject": subject,
            "body": body,
            "category": "SALES",
            "type": "INTERACTION_LOG",
            "scope": scope,
            "tags": [tag],
        },
    )
    payload = answer["data"]["createNote"]
    assert payload["errors"] == [], payload
    note_id: str = payload["note"]["id"]
    return note_id


@pytest.fixture(scope="module")
async def planted(gateway_url: str, gateway_settings: Settings) -> Planted:
    from gateway.auth import mint_token

    token = mint_token(gateway_settings, subject=MANAGER, roles=("manager",))
    marker = uuid.uuid4().hex
    secrets = (f"sealedsubject{marker}", f"sealedbody{marker}", f"sealededit{marker}")
    plain = f"plainsubject{marker}"
    tag = f"enc-{marker[:8]}"
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
        restricted = await _create(http, token, "RESTRICTED", secrets[0], tag, secrets[1])
        edited = await gql(
            http, token, UPDATE, input={"id": restricted, "expectedVersion": 1, "body": secrets[2]}
        )
        assert edited["data"]["updateNote"]["errors"] == [], edited
        sales = await _create(http, token, "SALES", plain, tag, f"plainbody{marker}")
        # The indexer has written both notes once the sales note is found by its text.
        for _ in range(400):
            found = await gql(http, token, SEARCH, q=plain)
            if (found["data"]["searchNotes"] or {}).get("totalCount") == 1:
                break
            await asyncio.sleep(0.05)
        else:
            pytest.fail(f"the sales note was never indexed: {found}")
    return Planted(tag, restricted, sales, secrets, plain)


def _stored_bytes(settings: Settings) -> bytes:
    """Everything the store keeps at rest: a plain pg_dump, or every file in the data dir."""
    if settings.is_sqlite:
        return b"".join(
            path.read_bytes() for path in settings.data_dir.rglob("*") if path.is_file()
        )
    uri, env = libpq_target(settings)
    done = subprocess.run(
        [str(find_pg_tool("pg_dump")), "--no-owner", "--dbname", uri],
        env=env,
        capture_output=True,
        check=True,
    )
    return done.stdout


async def _index_bytes(settings: Settings) -> bytes:
    """The search index's raw documents (OpenSearch: match_all with _source)."""
    if settings.opensearch_url is None:
        assert settings.search_embedded_path is not None
        files = settings.search_embedded_path.parent.glob(settings.search_embedded_path.name + "*")
        return b"".join(path.read_bytes() for path in files)
    async with httpx.AsyncClient(timeout=30) as client:
        url = f"{settings.opensearch_url}/{settings.opensearch_index_prefix}*/_search"
        answer = await client.post(url, json={"query": {"match_all": {}}, "size": 1000})
        answer.raise_for_status()
        return answer.content


async def test_a_reader_reads_the_restricted_note_and_its_history(
    http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    answer = await gql(http, token_for("manager", sub=MANAGER), NOTE, id=planted.restricted)
    note = answer["data"]["note"]
    assert (note["subject"], note["body"]) == (planted.secrets[0], planted.secrets[2])
    changes = nodes(note["history"])[0]["changes"]
    assert {"field": "body", "before": planted.secrets[1], "after": planted.secrets[2]} in changes


async def test_the_store_at_rest_holds_no_plaintext_of_a_restricted_note(
    gateway_settings: Settings, planted: Planted
) -> None:
    stored = await asyncio.to_thread(_stored_bytes, gateway_settings)
    assert planted.plain.encode() in stored  # the grep sees plain text where there is some
    for secret in planted.secrets:
        assert secret.encode() not in stored, secret


async def test_the_search_index_holds_no_plaintext_and_text_search_skips_sealed_notes(
    gateway_settings: Settings, http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    raw = await _index_bytes(gateway_settings)
    assert planted.plain.encode() in raw
    for secret in planted.secrets:
        assert secret.encode() not in raw, secret
    token = token_for("manager", sub=MANAGER)
    found = await gql(http, token, SEARCH, q=planted.secrets[0])
    assert found["data"]["searchNotes"]["totalCount"] == 0  # documented: metadata only
    listed = await gql(http, token, NOTES, c=CUSTOMER, tag=planted.tag)
    ids = {node["id"] for node in nodes(listed["data"]["customer"]["notes"])}
    assert ids == {planted.restricted, planted.sales}


async def test_a_corrupted_value_fails_that_note_only(
    gateway_settings: Settings, http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    engine = store_engine(gateway_settings)  # no key: reads and writes the raw tokens
    raw_id = base64.b64decode(planted.restricted).decode().split(":", 1)[1]
    # The store's write transaction (BEGIN IMMEDIATE on SQLite): a plain one read first and
    # met "database is locked" when the gateway wrote an earlier request's access rows.
    sessions = session_factory(engine)
    try:
        async with transaction(sessions) as session:
            token = await session.scalar(select(Note.body).where(Note.id == raw_id))
            assert token is not None
            assert token.startswith("enc:v1:k1:")
            broken = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
            await session.execute(update(Note).where(Note.id == raw_id).values(body=broken))
        answer = await gql(
            http, token_for("manager", sub=MANAGER), NOTES, c=CUSTOMER, tag=planted.tag
        )
        listed = {node["id"]: node for node in nodes(answer["data"]["customer"]["notes"])}
        assert answer["data"]["customer"]["name"]
        assert listed[planted.restricted]["subject"] == planted.secrets[0]
        assert listed[planted.restricted]["body"] == ""
        assert listed[planted.sales]["subject"] == planted.plain
        errors = answer["errors"]
        assert [e["extensions"]["code"] for e in errors] == ["DECRYPTION_FAILED"], errors
        assert errors[0]["path"][-1] == "body"
    finally:
        async with transaction(sessions) as session:
            await session.execute(update(Note).where(Note.id == raw_id).values(body=token))
        await engine.dispose()


async def test_a_wrong_key_refuses_to_start(gateway_settings: Settings, planted: Planted) -> None:
    wrong = gateway_settings.model_copy(
        update={"encryption_keys": SecretStr("k1:" + base64.b64encode(b"9" * 32).decode())}
    )
    with pytest.raises(KeyConfigError, match="'k1' is not the key"):
        await check_encryption_keys(wrong)
    other = gateway_settings.model_copy(update={"encryption_keys": SecretStr(K2)})
    with pytest.raises(KeyConfigError, match="lacks"):
        await check_encryption_keys(other)
    await check_encryption_keys(gateway_settings)  # the right key passes


async def test_rotate_keys_then_the_old_key_can_go(
    gateway_settings: Settings, planted: Planted
) -> None:
    both = gateway_settings.model_copy(
        update={"encryption_keys": SecretStr(f"{K1},{K2}"), "encryption_active_key": "k2"}
    )
    engine = create_engine(both)
    try:
        report = await rotate_keys(engine, batch_size=7)
        assert not report.failed, str(report)
        assert report.retired_keys == ["k1"], str(report)
        again = await rotate_keys(engine)  # idempotent
        assert sum(again.resealed.values()) == 0, str(again)
    finally:
        await engine.dispose()
    only_new = gateway_settings.model_copy(update={"encryption_keys": SecretStr(K2)})
    await check_encryption_keys(only_new)
    engine = create_engine(only_new)
    raw_id = base64.b64decode(planted.restricted).decode().split(":", 1)[1]
    try:
        async with engine.connect() as connection:
            token = await connection.scalar(select(Note.subject).where(Note.id == raw_id))
            assert token is not None
            assert key_id_of(token) == "k2"
        async with AsyncSession(engine) as session:
            note = await session.get_one(Note, raw_id)
            assert (note.subject, note.body) == (planted.secrets[0], planted.secrets[2])
            revision = await session.scalar(
                select(NoteRevision).where(NoteRevision.note_id == raw_id)
            )
            assert revision is not None
            assert revision.after["body"] == planted.secrets[2]
    finally:
        await engine.dispose()


def test_production_without_a_key_is_refused(tmp_path: Path) -> None:
    settings = Settings(
        environment="production", data_dir=tmp_path, jwt_secret="s" * 40, opensearch_url=None
    )
    assert any("C360_ENCRYPTED_SCOPES needs a key" in p for p in settings.startup_problems())
    unknown = Settings(
        environment="production",
        data_dir=tmp_path,
        jwt_secret="s" * 40,
        encryption_keys=K1,
        encryption_active_key="k9",
    )
    assert any("C360_ENCRYPTION_ACTIVE_KEY 'k9'" in p for p in unknown.startup_problems())
    assert not (tmp_path / "encryption-dev.keys").exists()


async def test_sqlite_files_and_the_dev_key_are_private(tmp_path: Path) -> None:
    directory = tmp_path / "fresh"
    settings = sqlite_settings(directory, data_dir=directory)
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.exec_driver_sql("CREATE TABLE t (x TEXT)")
            await connection.exec_driver_sql("INSERT INTO t VALUES ('x')")
        files = [
            directory / "gateway.db",
            directory / "gateway.db-wal",
            directory / "encryption-dev.keys",
        ]
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    finally:
        await engine.dispose()


async def test_an_attachment_of_a_restricted_note_is_stored_sealed(
    gateway_settings: Settings, http: httpx.AsyncClient, token_for: TokenFactory, planted: Planted
) -> None:
    token = token_for("manager", sub=MANAGER)
    marker = uuid.uuid4().hex
    # Over one frame (64 KiB), so the framing is crossed; text/plain is sniffed as text.
    secret = (f"sealedfile{marker}\n" * 5000).encode()
    plain = f"plainfile{marker}\n".encode()
    sealed_id = await uploaded(
        http,
        token,
        secret,
        customer_id=CUSTOMER,
        note_id=planted.restricted,
        file_name="secret.txt",
        content_type="text/plain",
    )
    plain_id = await uploaded(
        http,
        token,
        plain,
        customer_id=CUSTOMER,
        note_id=planted.sales,
        file_name="plain.txt",
        content_type="text/plain",
    )
    assert (await download(http, token, sealed_id)).content == secret
    assert (await download(http, token, plain_id)).content == plain
    files = blob_files(gateway_settings)
    stored = b"".join(path.read_bytes() for path in files)
    assert plain in stored
    assert f"sealedfile{marker}".encode() not in stored
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)


async def test_the_demo_seed_leaves_no_restricted_note_in_plain_text(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path, data_dir=tmp_path, search_embedded_path=tmp_path / "s.db")
    await async_upgrade(settings.database_url)
    async with open_runtime(settings, load_policy=False, connect_upstreams=False) as runtime:
        await seed_store(runtime, customers=5, notes=80)
    engine = create_engine(settings.database_url)  # no key: the raw rows
    try:
        async with engine.connect() as connection:
            rows = list(await connection.execute(select(Note.scope, Note.subject, Note.body)))
    finally:
        await engine.dispose()
    restricted = [row for row in rows if row.scope.value == "restricted"]
    assert restricted
    assert all(row.subject.startswith("enc:v1:") for row in restricted)
    assert all(row.body.startswith("enc:v1:") for row in restricted)
    assert any(not row.subject.startswith("enc:") for row in rows)


async def test_serve_refuses_a_wrong_key_with_one_line(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path, data_dir=tmp_path, encryption_keys=K1)
    await async_upgrade(settings.database_url)
    await check_encryption_keys(settings)  # the store now holds k1's check value
    env = {
        "C360_ENVIRONMENT": "test",
        "C360_DATA_DIR": str(tmp_path),
        "C360_DATABASE_URL": settings.database_url,
    }
    rotated = await asyncio.to_thread(
        run_gateway, "rotate-keys", settings={**env, "C360_ENCRYPTION_KEYS": K1}
    )
    assert rotated.returncode == 0, said(rotated)
    assert "re-sealed under key 'k1'" in said(rotated)
    refused = await asyncio.to_thread(
        run_gateway, "serve", "--port", "0", settings={**env, "C360_ENCRYPTION_KEYS": K2}
    )
    assert refused.returncode == 2, said(refused)
    assert "refusing to start: the store holds values sealed with key 'k1'" in said(refused)


def test_keys_surface_in_no_repr_or_error(tmp_path: Path) -> None:
    key = K1.split(":", 1)[1]
    settings = Settings(environment="test", data_dir=tmp_path, encryption_keys=K1)
    assert key not in repr(settings)
    malformed = "k1:" + key[:-4] + "!!!!"
    broken = Settings(environment="test", data_dir=tmp_path, encryption_keys=malformed)
    with pytest.raises(KeyConfigError) as raised:
        broken.encryption_keyring()
    assert "C360_ENCRYPTION_KEYS: entry 1" in str(raised.value)
    assert key[:-4] not in str(raised.value)
