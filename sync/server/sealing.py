"""Hub layer: the reporter's identity sealed at rest in the hub database.

A complaint's payload is stored as received except that ``reporter.name``, ``nik``, ``phone``,
``email`` and ``address`` are sealed with AES-256-GCM under the hub's identity key (`SealedJson`,
the type of ``RecordRow.payload``; the JSON path is the associated data). Gender and birth year
stay plain for the statistics. Everything that reads a payload through the ORM (review, reveal,
forwarding, the manual sheet, exports) gets it back opened; nothing else changes.

The key is hub configuration, never in the database: a file (``identity.key`` in the data folder
by default, or the file ``HubSettings.identity_key_file`` names), 32 random bytes in base64,
readable only by the hub's user. `install_identity_key` (called by ``build_hub``) loads it; when
the file does not exist it is created, but only for a database that holds no sealed value yet (a
new hub, or one of an older version): a hub whose database holds sealed records and has no key,
or a key that does not open them, refuses to start with `HubKeyProblem`. The same call seals
identity values still in plain text (a database of an older hub version) in one transaction.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import uuid
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import JSON, Engine, TypeDecorator, text, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from kim_desktop.domain.errors import KimError

log = logging.getLogger(__name__)

PREFIX = "enc1:"
KEY_BYTES, NONCE_BYTES = 32, 12
SEALED_FIELDS = ("name", "nik", "phone", "email", "address")
_ATTR = "kim_identity_cipher"


class HubKeyProblem(KimError):
    """The hub's identity key is missing or does not fit the database: the hub does not start."""

    code = "hub_identity_key"
    exit_code = 2


class IdentityCipher:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, field: str, value: Any) -> Any:
        if not isinstance(value, str) or value == "" or value.startswith(PREFIX):
            return value
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, value.encode(), f"reporter.{field}".encode())
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, field: str, value: Any) -> Any:
        if not isinstance(value, str) or not value.startswith(PREFIX):
            return value
        raw = base64.urlsafe_b64decode(value[len(PREFIX):].encode("ascii"))
        try:
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                      f"reporter.{field}".encode()).decode()
        except InvalidTag as exc:
            raise HubKeyProblem(f"identity key: reporter.{field} does not open with the "
                                "configured key") from exc

    def map_reporter(self, payload: dict[str, Any], seal: bool) -> dict[str, Any]:
        reporter = payload.get("reporter")
        if not isinstance(reporter, dict):
            return payload
        step = self.seal if seal else self.open
        new = {k: step(k, v) if k in SEALED_FIELDS else v for k, v in reporter.items()}
        return {**payload, "reporter": new}


def _cipher(dialect: Dialect) -> IdentityCipher:
    cipher = getattr(dialect, _ATTR, None)
    if not isinstance(cipher, IdentityCipher):
        raise HubKeyProblem("identity key: the database was opened without the hub's key")
    return cipher


class SealedJson(TypeDecorator[dict[str, Any]]):
    """A JSON payload whose reporter identity is sealed with the hub's identity key."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())

    def process_bind_param(self, value: dict[str, Any] | None,
                           dialect: Dialect) -> dict[str, Any] | None:
        if not isinstance(value, dict) or "reporter" not in value:
            return value
        return _cipher(dialect).map_reporter(value, seal=True)

    def process_result_value(self, value: dict[str, Any] | None,
                             dialect: Dialect) -> dict[str, Any] | None:
        if not isinstance(value, dict) or "reporter" not in value:
            return value
        return _cipher(dialect).map_reporter(value, seal=False)


def _read_key(path: Path) -> bytes:
    try:
        key = base64.urlsafe_b64decode(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError) as exc:
        raise HubKeyProblem(f"identity key: cannot read {path} ({type(exc).__name__})") from exc
    if len(key) != KEY_BYTES:
        raise HubKeyProblem(f"identity key: {path} must hold {KEY_BYTES} bytes in base64")
    if os.name == "posix" and path.stat().st_mode & 0o077:
        log.warning("identity key file %s is readable by other users: chmod 600 it", path)
    return key


def write_key_file(path: Path) -> None:
    """A new random identity key in ``path`` (owner-only), never overwriting one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode("ascii") + "\n")
        f.flush()
        os.fsync(f.fileno())


def _stored_payloads(conn: Any) -> list[tuple[Any, Any, dict[str, Any]]]:
    """``(id, revision, payload)`` of every complaint as stored (not opened)."""
    rows = conn.execute(text("SELECT id, revision, payload FROM records "
                             "WHERE entity = 'complaint'")).all()
    out = []
    for rid, rev, payload in rows:
        doc = json.loads(payload) if isinstance(payload, str) else payload
        if isinstance(doc, dict):
            out.append((rid, rev, doc))
    return out


def _has_sealed_values(engine: Engine) -> bool:
    """Whether any stored payload holds a sealed value (a database of an older hub has none)."""
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT 1 FROM records WHERE CAST(payload AS TEXT) LIKE :pattern LIMIT 1"),
            {"pattern": f'%"{PREFIX}%'}).first() is not None


def install_identity_key(engine: Engine, key_file: Path) -> None:
    """Load (or, for a database without records, create) the identity key, check it against
    the stored records, give it to ``engine`` and seal what is still plain."""
    if not key_file.exists():
        if _has_sealed_values(engine):
            raise HubKeyProblem(
                f"identity key: {key_file} is missing but the database holds records sealed "
                "with it; put the key file back (or name it in the settings) and start again")
        write_key_file(key_file)
        log.warning("new identity key written to %s: keep a copy with the database backups",
                    key_file)
    cipher = IdentityCipher(_read_key(key_file))
    setattr(engine.dialect, _ATTR, cipher)
    _seal_plain(engine, cipher)


def _seal_plain(engine: Engine, cipher: IdentityCipher) -> None:
    from sync.server.models import RecordRow

    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
        todo = []
        for rid, rev, doc in _stored_payloads(conn):
            reporter = doc.get("reporter")
            if not isinstance(reporter, dict):
                continue
            for k in SEALED_FIELDS:     # every sealed value must open: a wrong key stops here
                cipher.open(k, reporter.get(k))
            if any(isinstance(reporter.get(k), str) and reporter[k]
                   and not reporter[k].startswith(PREFIX) for k in SEALED_FIELDS):
                todo.append((rid, rev, doc))
        for rid, rev, doc in todo:
            key = rid if isinstance(rid, uuid.UUID) else uuid.UUID(str(rid))
            conn.execute(update(RecordRow).where(RecordRow.id == key, RecordRow.revision == rev)
                         .values(payload=doc))
    if todo:
        log.info("sealed the reporter identity of %d stored complaint revisions", len(todo))
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
