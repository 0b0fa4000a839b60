"""Encryption at rest of notes in the encrypted scopes, at the ORM boundary.

The subject and body of a note whose scope is in `C360_ENCRYPTED_SCOPES` are stored as sealed
tokens (core/crypto.py), and so are those fields in its edit history (`note_revisions.before`
/ `after`, by the scope each side was written in). Its audit rows record that the text
changed, not the text: the audit log is append-only, so nothing sealed in it could be
re-sealed. The decision is taken on every flush from the note's scope, so a note moved into an
encrypted scope is sealed and one moved out is written back in plain text. Every load of a
`Note` or `NoteRevision` opens the tokens it holds, so the rest of the code reads plain text.

Each token is bound to `note:<id>:<field>`: a token copied onto another note does not open. A
value that does not open (corrupted, or under a key the ring lacks) leaves the token in place
and marks the field unreadable (`unreadable_fields`): GraphQL answers `DECRYPTION_FAILED` for
that note's field, the rest of the answer stands, and a write never re-seals the token.

The sealer belongs to an engine (`attach`; `store.db.create_engine` does it from the
settings), keyed by its connection pool so the read sessions' autocommit engine shares it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session, attributes, object_session
from sqlalchemy.orm.util import identity_key
from sqlalchemy.pool import Pool

from core.crypto import DecryptionFailed, Envelope, KeyConfigError, is_sealed
from core.settings import Settings
from store.db import WRITE_TRANSACTION
from store.enums import Scope
from store.models import AuditLog, EncryptionKeyCheck, Note, NoteRevision, new_id
from store.sealed_blobs import open_stream

TEXT_FIELDS = ("subject", "body")
REDACTED = "(encrypted: in the note's history)"
"""What an audit row of a note in an encrypted scope shows for its subject and body."""
_CHECK_TEXT = "customer360 key check"
_PENDING = "c360_sealed_pending"
_UNREADABLE = "_c360_unreadable"


@dataclass(frozen=True)
class Sealer:
    """The envelope and the scopes whose notes it seals."""

    envelope: Envelope
    scopes: frozenset[Scope]

    @classmethod
    def from_settings(cls, settings: Settings) -> Sealer | None:
        """The settings' sealer (None when no scope is encrypted); raises KeyConfigError."""
        ring = settings.encryption_keyring()
        if ring is None:
            return None
        known = {scope.value for scope in Scope}
        unknown = [name for name in settings.encrypted_scopes if name not in known]
        if unknown:
            raise KeyConfigError(
                f"C360_ENCRYPTED_SCOPES: {', '.join(unknown)} is not a scope "
                f"(one of {', '.join(sorted(known))})"
            )
        return cls(Envelope(ring), frozenset(Scope(name) for name in settings.encrypted_scopes))

    def seals(self, scope: Any) -> bool:
        """True when notes in `scope` (a Scope or its stored value) are stored sealed."""
        return scope is not None and Scope(scope) in self.scopes

    def seal(self, note_id: str, field: str, value: str) -> str:
        """A note field's value sealed for that note and field."""
        return self.envelope.seal(value, f"note:{note_id}:{field}")

    def open(self, note_id: str, field: str, token: str) -> str:
        """A note field's sealed value opened; DecryptionFailed when it does not open."""
        return self.envelope.open(token, f"note:{note_id}:{field}")


_SEALERS: WeakKeyDictionary[Pool, Sealer] = WeakKeyDictionary()


def attach(engine: AsyncEngine | Engine, sealer: Sealer | None) -> None:
    """Seal and open notes written and read through `engine` with `sealer` (None: neither)."""
    pool = engine.pool
    if sealer is None:
        _SEALERS.pop(pool, None)
    else:
        _SEALERS[pool] = sealer


def sealer_of(engine: AsyncEngine | Engine) -> Sealer | None:
    """The sealer attached to an engine, if any."""
    return _SEALERS.get(engine.pool)


def read_sealer(session: AsyncSession) -> Sealer | None:
    """The sealer of the engine a session reads through (None: nothing is sealed)."""
    return _session_sealer(session.sync_session)


def _session_sealer(session: Session) -> Sealer | None:
    try:
        bind = session.get_bind()
    except Exception:
        return None
    engine = bind.engine if isinstance(bind, Connection) else bind
    return _SEALERS.get(engine.pool) if isinstance(engine, Engine) else None


async def attachment_sealer(session: AsyncSession, note_id: str | None) -> Sealer | None:
    """The sealer for an attachment's bytes: set when it belongs to a note in an encrypted
    scope (a file about a customer alone is stored as it is)."""
    sealer = _session_sealer(session.sync_session)
    if sealer is None or note_id is None:
        return None
    scope = await session.scalar(select(Note.scope).where(Note.id == note_id))
    return sealer if sealer.seals(scope) else None


async def opened_attachment(
    engine: AsyncEngine, chunks: AsyncIterator[bytes]
) -> AsyncIterator[bytes]:
    """A sealed attachment's bytes opened with the engine's keys (DecryptionFailed without)."""
    sealer = sealer_of(engine)
    if sealer is None:
        raise DecryptionFailed("no encryption key is configured for a sealed attachment")
    async for chunk in open_stream(sealer.envelope.provider, chunks):
        yield chunk


def unreadable_fields(record: object) -> frozenset[str]:
    """The fields of a loaded note (or a store.note_records record) that did not decrypt
    (empty for every sound note)."""
    found = getattr(record, _UNREADABLE, None) or getattr(record, "unreadable", None)
    return found if isinstance(found, frozenset) else frozenset()


# Writing: seal before the flush, put the plain text back as committed after it.


@event.listens_for(Session, "before_flush")
def _seal_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    sealer = _session_sealer(session)
    if sealer is None:
        return
    pending: list[tuple[object, str, Any]] = session.info.setdefault(_PENDING, [])
    for record in [*session.new, *session.dirty]:
        if isinstance(record, Note):
            _seal_note(sealer, record, pending)
        elif isinstance(record, NoteRevision) and record in session.new:
            for side, scope in (("before", record.scope_before), ("after", record.scope_after)):
                if sealer.seals(scope):
                    _seal_json(sealer, record, side, record.note_id, pending)
        elif (
            isinstance(record, AuditLog)
            and record in session.new
            and record.target_type == "note"
            and record.target_id
            and _audit_sealed(session, sealer, record)
        ):
            for side in ("before", "after"):
                _redact_json(record, side)


def _seal_note(sealer: Sealer, note: Note, pending: list[tuple[object, str, Any]]) -> None:
    if note.id is None:
        note.id = new_id()
    if sealer.seals(note.scope):
        for field in TEXT_FIELDS:
            value = getattr(note, field)
            # A token that did not open on load stays as it is: never sealed twice.
            if isinstance(value, str) and not is_sealed(value):
                setattr(note, field, sealer.seal(note.id, field, value))
                pending.append((note, field, value))
    elif attributes.instance_state(note).attrs.scope.history.has_changes():
        # Moved out of an encrypted scope: the plain text in memory must reach the row.
        for field in TEXT_FIELDS:
            if not is_sealed(getattr(note, field)):
                attributes.flag_modified(note, field)


def _seal_json(
    sealer: Sealer,
    record: NoteRevision | AuditLog,
    side: str,
    note_id: str,
    pending: list[tuple[object, str, Any]],
) -> None:
    value = getattr(record, side)
    if not isinstance(value, dict):
        return
    sealed = dict(value)
    for field in TEXT_FIELDS:
        text = sealed.get(field)
        if isinstance(text, str) and not is_sealed(text):
            sealed[field] = sealer.seal(note_id, field, text)
    if sealed != value:
        setattr(record, side, sealed)
        pending.append((record, side, value))


def _redact_json(record: AuditLog, side: str) -> None:
    # The audit log is append-only, so a value sealed into it could never be re-sealed and
    # its key never retired: it records that the text changed, the note's history holds it.
    value = getattr(record, side)
    if isinstance(value, dict) and any(field in value for field in TEXT_FIELDS):
        setattr(record, side, value | {f: REDACTED for f in TEXT_FIELDS if f in value})


def _audit_sealed(session: Session, sealer: Sealer, row: AuditLog) -> bool:
    # Sealed when the note is, or was, in an encrypted scope (a diff names the scope only
    # when it changed, so the note itself is asked too).
    scopes = [(row.before or {}).get("scope"), (row.after or {}).get("scope")]
    note = session.identity_map.get(identity_key(Note, row.target_id))
    if isinstance(note, Note):
        scopes.append(note.scope)
    return any(sealer.seals(scope) for scope in scopes if scope is not None)


@event.listens_for(Session, "after_flush_postexec")
def _unseal_after_flush(session: Session, _context: Any) -> None:
    for record, name, plain in session.info.pop(_PENDING, []):
        attributes.set_committed_value(record, name, plain)


# Reading: open the tokens a loaded record holds.


def _open_note(note: Note, session: Session | None) -> None:
    values = note.__dict__
    if not any(is_sealed(values.get(field)) for field in TEXT_FIELDS):
        return
    sealer = _session_sealer(session) if session is not None else None
    failed = set()
    for field in TEXT_FIELDS:
        token = values.get(field)
        if not isinstance(token, str) or not is_sealed(token):
            continue
        try:
            if sealer is None:
                raise DecryptionFailed("no encryption key is configured")
            attributes.set_committed_value(note, field, sealer.open(note.id, field, token))
        except DecryptionFailed:
            failed.add(field)
    setattr(note, _UNREADABLE, frozenset(failed))


def _open_json(record: Any, note_id: str | None, session: Session | None) -> None:
    sealer = _session_sealer(session) if session is not None else None
    for side in ("before", "after"):
        value = record.__dict__.get(side)
        if not isinstance(value, dict) or not any(is_sealed(value.get(f)) for f in TEXT_FIELDS):
            continue
        opened = dict(value)
        for field in TEXT_FIELDS:
            token = opened.get(field)
            if isinstance(token, str) and is_sealed(token):
                opened[field] = _opened_or_none(sealer, note_id or "", field, token)
        attributes.set_committed_value(record, side, opened)


def opened_column(session: AsyncSession, note_id: str, field: str, value: str | None) -> str | None:
    """A note field as a column select (not an ORM load) read it: opened if sealed, None if
    it does not open (so a sealed token never passes for text)."""
    if not is_sealed(value):
        return value
    return _opened_or_none(_session_sealer(session.sync_session), note_id, field, value or "")


def _opened_or_none(sealer: Sealer | None, note_id: str, field: str, token: str) -> str | None:
    # A history or audit value that does not open is shown as null, not as the token.
    if sealer is None:
        return None
    try:
        return sealer.open(note_id, field, token)
    except DecryptionFailed:
        return None


@event.listens_for(Note, "load")
def _on_note_load(note: Note, context: Any) -> None:
    _open_note(note, context.session)


@event.listens_for(Note, "refresh")
def _on_note_refresh(note: Note, context: Any, _attrs: Iterable[str] | None) -> None:
    # An UPDATE's "fetch" synchronisation refreshes loaded notes without a query context.
    _open_note(note, context.session if context is not None else object_session(note))


@event.listens_for(NoteRevision, "load")
def _on_revision_load(row: NoteRevision, context: Any) -> None:
    _open_json(row, row.note_id, context.session)


# The key check: a wrong key stops the gateway at startup instead of failing note by note.


async def check_keys_at_startup(engine: AsyncEngine) -> None:
    """`check_keys`, leaving a store that cannot be read yet (down, not migrated) to the
    readiness probe: only a wrong key stops the start."""
    try:
        await check_keys(engine)
    except (SQLAlchemyError, OSError):  # OSError: a refused connection reaches us unwrapped
        return


async def check_keys(engine: AsyncEngine) -> None:
    """Refuse (KeyConfigError) a key ring that lacks a key values may be under, or whose key
    does not open its check value; record the check value of the active key."""
    sealer = sealer_of(engine)
    if sealer is None:
        return
    provider = sealer.envelope.provider
    async with AsyncSession(engine) as session, session.begin():
        await session.connection(execution_options={WRITE_TRANSACTION: True})
        rows = list(await session.scalars(select(EncryptionKeyCheck)))
        problems = []
        for row in rows:
            if row.key_id not in provider.key_ids():
                problems.append(
                    f"the store holds values sealed with key {row.key_id!r}, which the key ring "
                    "lacks (keep a key until `rotate-keys` has finished)"
                )
                continue
            try:
                sound = sealer.envelope.open(row.token, f"key-check:{row.key_id}") == _CHECK_TEXT
            except DecryptionFailed:
                sound = False
            if not sound:
                problems.append(
                    f"encryption key {row.key_id!r} is not the key the store's values were "
                    "sealed with (wrong C360_ENCRYPTION_KEYS / C360_ENCRYPTION_KEY_FILE)"
                )
        if problems:
            raise KeyConfigError("; ".join(problems))
        active = provider.active_key_id
        if active not in {row.key_id for row in rows}:
            token = sealer.envelope.seal(_CHECK_TEXT, f"key-check:{active}")
            session.add(EncryptionKeyCheck(key_id=active, token=token))
