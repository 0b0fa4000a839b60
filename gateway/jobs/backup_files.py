"""What a backup directory holds and how it is checked: the manifest, private files, checksums,
and where the store's own tools (pg_dump, pg_restore) are found.

A backup directory is `manifest.json` plus the files it lists: `store.pgdump` (PostgreSQL,
`pg_dump --format=custom`) or `store.sqlite` (SQLite, the online backup API),
`attachments/<key>` (filesystem attachment store), `policies/casbin_model.conf` and
`policies/*.csv`, and `settings.json` (the non-secret settings). The manifest gives every file's
sha256 and size; a restore checks them all before it writes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from core.settings import Settings
from store.db import normalise_url

MANIFEST = "manifest.json"
FORMAT = 1
PG_DUMP_FILE = "store.pgdump"
SQLITE_FILE = "store.sqlite"
_CHUNK = 1024 * 1024
# The Debian packages the project's scripts install put the server's tools here.
_DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")


class BackupError(RuntimeError):
    """A backup or restore cannot go on; the message is one line saying why."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One file of a backup: its path inside the directory, sha256 and size in bytes."""

    path: str
    sha256: str
    size: int


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) as 0700 directories; return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def new_private_dir(path: Path) -> Path:
    """Create `path` as an empty 0700 directory; BackupError if it holds anything already."""
    if path.exists() and any(path.iterdir()):
        raise BackupError(f"{path} is not empty; back up into a new directory")
    return private_dir(path)


def private_file(path: Path) -> Path:
    """Make `path` readable by its owner only (0600); return it."""
    path.chmod(0o600)
    return path


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to a new 0600 file at `path`."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return private_file(path)


def copy_private(source: Path, target: Path) -> Path:
    """Copy `source` to `target` as a 0600 file (parents 0700)."""
    private_dir(target.parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with source.open("rb") as reader, os.fdopen(fd, "wb") as writer:
        shutil.copyfileobj(reader, writer, _CHUNK)
    return private_file(target)


def digest(path: Path) -> FileEntry:
    """The sha256 and size of one file (its `path` left for the caller to set)."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
    return FileEntry(path="", sha256=sha.hexdigest(), size=path.stat().st_size)


def entry(directory: Path, relative: str) -> FileEntry:
    """The manifest entry of `directory/relative`."""
    found = digest(directory / relative)
    return FileEntry(relative, found.sha256, found.size)


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    """Write `manifest.json` (0600)."""
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    write_private(directory / MANIFEST, text.encode())


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of a backup directory; BackupError if missing or not a manifest."""
    path = directory / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist: not a backup directory") from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} is not a readable manifest ({exc.__class__.__name__})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a format-{FORMAT} backup manifest")
    if not isinstance(manifest.get("files"), list):
        raise BackupError(f"{path} lists no files")
    return manifest


def verify(directory: Path, manifest: dict[str, Any]) -> list[FileEntry]:
    """Every listed file, checked against its sha256 and size; BackupError on the first that
    is missing, altered or outside the directory."""
    root = directory.resolve()
    checked: list[FileEntry] = []
    for item in manifest["files"]:
        try:
            listed = FileEntry(str(item["path"]), str(item["sha256"]), int(item["size"]))
        except (KeyError, TypeError, ValueError):
            raise BackupError(f"the manifest has a malformed file entry: {item!r}") from None
        path = (directory / listed.path).resolve()
        if not path.is_relative_to(root):
            raise BackupError(f"the manifest names a file outside the backup: {listed.path}")
        if not path.is_file():
            raise BackupError(f"{listed.path} is missing from the backup")
        found = digest(path)
        if (found.sha256, found.size) != (listed.sha256, listed.size):
            raise BackupError(f"{listed.path} does not match its checksum: the backup is damaged")
        checked.append(listed)
    return checked


def find_pg_tool(name: str) -> Path:
    """`pg_dump` or `pg_restore`: from PATH, else the newest Debian server's bin directory."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(_DEBIAN_PG_ROOT.glob(f"*/bin/{name}"), key=_major, reverse=True)
    if candidates:
        return candidates[0]
    raise BackupError(
        f"{name} was not found (neither in PATH nor in {_DEBIAN_PG_ROOT}/*/bin); install the "
        "PostgreSQL client tools of the server's major version (Debian: postgresql-client)"
    )


def _major(tool: Path) -> int:
    name = tool.parent.parent.name
    return int(name) if name.isdigit() else 0


def store_url(settings: Settings) -> URL:
    """The store's URL as SQLAlchemy parses it."""
    return normalise_url(settings.database_url)


def libpq_target(settings: Settings) -> tuple[str, dict[str, str]]:
    """The store as a libpq connection URI (no password) and the environment that carries the
    password and TLS files, for pg_dump and pg_restore."""
    url = store_url(settings)
    password = url.password
    if settings.database_password is not None:
        password = settings.database_password.get_secret_value()
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    if password:
        env["PGPASSWORD"] = str(password)
    tls = {
        "PGSSLMODE": settings.database_sslmode,
        "PGSSLROOTCERT": settings.database_ssl_root_cert,
        "PGSSLCERT": settings.database_ssl_cert,
        "PGSSLKEY": settings.database_ssl_key,
    }
    env.update({key: str(value) for key, value in tls.items() if value is not None})
    return uri, env


def sqlite_path(settings: Settings) -> Path:
    """The SQLite store's file."""
    database = store_url(settings).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite store cannot be backed up or restored")
    return Path(database)
