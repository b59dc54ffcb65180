"""Storage layer: the reporter's identity encrypted field by field in the local store.

NIK, phone, e-mail, address and the reporter's name (and the phone numbers on session sign-in
sheets) are sealed with AES-256-GCM under one random data key per store (`EncryptedText`, used by
``rows.ComplaintRow`` and ``rows.ParticipantRow``; `SEALED_COLUMNS`). The field name is the
associated data, so a value cannot be moved into another field unnoticed. A sealed value is text:
``enc1:`` + base64 of nonce, ciphertext and tag; an empty value stays empty (it tells
only that nothing was given). Nothing else is encrypted, so search (FTS5 over title, body and
location) and the list keep working unchanged.

The data key lives in the OS keyring (service ``kim-desktop``, user ``store-key:<key_id>``); the
store holds only its ``key_id`` and a sealed check value (table ``store_key``). On a PC without a
keyring it lives in ``store.key`` in the data folder, readable only by its owner, and
`key_location` says so for the diagnostics and the settings page. The key travels with the
engine (on its dialect), so two stores open in one process never share a key.

`attach_field_key` runs every time a store is opened, after its migrations. The first time (a new
store, or one written by an older version) it creates the key and, in one transaction, seals every
identity value still in plain text; then it rewrites the file (VACUUM, WAL truncated) so no plain
bytes remain, and brings the backups in the backups folder to the same state.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import keyring
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from keyring.errors import KeyringError, NoKeyringError
from sqlalchemy import Engine, String, Text, TypeDecorator
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.types import TypeEngine

from kim_desktop.domain.errors import StoreError

log = logging.getLogger(__name__)

PREFIX = "enc1:"
_PREFIX_LEN = len(PREFIX)
KEY_BYTES = 32
NONCE_BYTES = 12
SERVICE = "kim-desktop"
KEY_FILE = "store.key"
#: the columns of ``complaint`` that are sealed
IDENTITY_COLUMNS = ("reporter_name", "reporter_nik", "reporter_phone", "reporter_email",
                    "reporter_address")
#: every sealed column, by table, with the field name its values are bound to
SEALED_COLUMNS: dict[str, dict[str, str]] = {
    "complaint": {c: c for c in IDENTITY_COLUMNS},
    "participant": {"phone": "participant_phone"},      # session sign-in sheets
}
_DIALECT_ATTR = "kim_field_cipher"
_CHECK_FIELD, _CHECK_TEXT = "store_key.check", "kim-store-key"


class StoreKeyMissing(StoreError):
    """The data key of this store is not on this PC (or does not fit the store)."""

    code = "store_key_missing"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


class FieldCipher:
    """AES-256-GCM over single text values; ``field`` is the associated data."""

    def __init__(self, key: bytes, key_id: str) -> None:
        if len(key) != KEY_BYTES:
            raise StoreKeyMissing("the store's data key has the wrong length")
        self._aead, self.key_id = AESGCM(key), key_id

    def seal(self, field: str, value: str) -> str:
        if value == "":
            return value
        nonce = os.urandom(NONCE_BYTES)
        sealed = nonce + self._aead.encrypt(nonce, value.encode(), field.encode())
        return PREFIX + binascii.b2a_base64(sealed, newline=False).decode("ascii")

    def open(self, field: str, stored: str) -> str:
        """The plain value of ``stored`` (a value without the prefix is still plain)."""
        if not stored.startswith(PREFIX):
            return stored
        try:
            raw = binascii.a2b_base64(stored[_PREFIX_LEN:])
        except binascii.Error as exc:
            raise StoreKeyMissing(f"{field}: a sealed value is damaged") from exc
        try:
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                      field.encode()).decode()
        except InvalidTag as exc:
            raise StoreKeyMissing(f"{field}: a sealed value does not open with this "
                                  "store's key") from exc

    def is_sealed(self, field: str, stored: str) -> bool:
        try:
            return stored.startswith(PREFIX) and self.open(field, stored) is not None
        except (StoreKeyMissing, ValueError):
            return False


def cipher_of(dialect: Dialect) -> FieldCipher:
    cipher = getattr(dialect, _DIALECT_ATTR, None)
    if not isinstance(cipher, FieldCipher):
        raise StoreKeyMissing("the store was opened without its data key")
    return cipher


class EncryptedText(TypeDecorator[str]):
    """A text column sealed with the store's data key (see the module docstring)."""

    impl: type[TypeEngine[Any]] | TypeEngine[Any] = Text
    cache_ok = True

    def __init__(self, field: str, *, short: bool = False) -> None:
        super().__init__()
        if short:       # a column declared VARCHAR before it was sealed (same in SQLite)
            self.impl = String()
        self.field = field

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher_of(dialect).seal(self.field, value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher_of(dialect).open(self.field, value)


# --- where the key lives ------------------------------------------------------------------------


def _keyring_usable() -> bool:
    try:
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return False
        keyring.get_password(SERVICE, "probe")
        return True
    except (KeyringError, NoKeyringError, RuntimeError):
        return False


def _ring_user(key_id: str) -> str:
    return f"store-key:{key_id}"


def _load_key(folder: Path, key_id: str) -> bytes | None:
    in_ring = _load_key_from_ring(key_id)
    if in_ring is not None:
        return in_ring
    try:
        data = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("key_id") == key_id:
        return _unb64(str(data["key"]))
    return None


def _save_key(folder: Path, key_id: str, key: bytes) -> None:
    if _keyring_usable():
        try:
            keyring.set_password(SERVICE, _ring_user(key_id), _b64(key))
            return
        except (KeyringError, NoKeyringError, RuntimeError):
            pass
    log.warning("no usable keyring: the store's data key is kept in a file in the data folder")
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / (KEY_FILE + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"key_id": key_id, "key": _b64(key)}, f)
        f.flush()
        os.fsync(f.fileno())
    part.replace(folder / KEY_FILE)


def _move_into_keyring(folder: Path, key_id: str, key: bytes) -> None:
    """A key kept in the key file (no keyring then) moves into the keyring once there is one."""
    path = folder / KEY_FILE
    if not path.exists() or not _keyring_usable():
        return
    try:
        keyring.set_password(SERVICE, _ring_user(key_id), _b64(key))
        if _load_key_from_ring(key_id) == key:
            path.unlink()
            log.info("the store's data key moved from the data folder into the OS keyring")
    except (KeyringError, NoKeyringError, RuntimeError, OSError):
        log.warning("the store's data key stays in the data folder (keyring refused it)")


def _load_key_from_ring(key_id: str) -> bytes | None:
    with contextlib.suppress(KeyringError, NoKeyringError, RuntimeError):
        text = keyring.get_password(SERVICE, _ring_user(key_id))
        if text:
            return _unb64(text)
    return None


def key_location(folder: Path, key_id: str | None = None) -> Literal["keyring", "file", "none"]:
    """Where the data key of the store in ``folder`` is kept (for diagnostics and settings)."""
    if key_id is None:
        key_id = stored_key_id(folder / "kim.db")
    if key_id is None:
        return "none"
    with contextlib.suppress(KeyringError, NoKeyringError, RuntimeError):
        if keyring.get_password(SERVICE, _ring_user(key_id)):
            return "keyring"
    return "file" if _load_key(folder, key_id) is not None else "none"


def stored_key_id(store: Path) -> str | None:
    """The ``key_id`` recorded in a store file (read-only), or None."""
    if not store.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT key_id FROM store_key WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def data_key(engine: Engine) -> tuple[str, bytes]:
    """``(key_id, key)`` of an open store, for escrow."""
    cipher = cipher_of(engine.dialect)
    key = getattr(engine.dialect, _DIALECT_ATTR + "_raw", None)
    assert isinstance(key, bytes)
    return cipher.key_id, key


# --- sealing a store ----------------------------------------------------------------------------


def seal_plain_values(conn: Connection | sqlite3.Connection, cipher: FieldCipher) -> int:
    """Seal every sealed column's value still in plain text; returns how many rows changed."""
    raw = conn if isinstance(conn, sqlite3.Connection) else conn.connection.driver_connection
    assert raw is not None
    sealed = 0
    for table, fields in SEALED_COLUMNS.items():
        cols = list(fields)
        rows = raw.execute(f"SELECT rowid, {', '.join(cols)} FROM {table}").fetchall()
        for rowid, *values in rows:
            new = [v if v in (None, "") or cipher.is_sealed(fields[c], v)
                   else cipher.seal(fields[c], v) for c, v in zip(cols, values, strict=True)]
            if new != values:
                sets = ", ".join(f"{c} = ?" for c in cols)
                raw.execute(f"UPDATE {table} SET {sets} WHERE rowid = ?", [*new, rowid])
                sealed += 1
    return sealed


def _scrub(raw: sqlite3.Connection) -> None:
    """Rewrite the file so freed pages keep no old plain bytes, and empty the WAL."""
    raw.execute("VACUUM")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _install(engine: Engine, cipher: FieldCipher, key: bytes) -> None:
    setattr(engine.dialect, _DIALECT_ATTR, cipher)
    setattr(engine.dialect, _DIALECT_ATTR + "_raw", key)


def _write_key_row(raw: sqlite3.Connection, cipher: FieldCipher) -> None:
    raw.execute("INSERT INTO store_key (id, key_id, key_check, created_at) VALUES (1, ?, ?, ?)",
                (cipher.key_id, cipher.seal(_CHECK_FIELD, _CHECK_TEXT),
                 datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")))


@contextlib.contextmanager
def _raw(engine: Engine) -> Iterator[sqlite3.Connection]:
    pooled = engine.raw_connection()
    try:
        conn = pooled.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        yield conn
    finally:
        pooled.close()


def attach_field_key(engine: Engine, store: Path, backups: Path) -> None:
    """Give the open store at ``store`` its data key (see the module docstring)."""
    folder = store.parent
    with _raw(engine) as raw:
        row = raw.execute("SELECT key_id, key_check FROM store_key WHERE id = 1").fetchone()
        if row is not None:
            key = _load_key(folder, row[0])
            if key is None:
                raise StoreKeyMissing("the data key of this store is not on this PC")
            _move_into_keyring(folder, row[0], key)
            cipher = FieldCipher(key, row[0])
            if cipher.open(_CHECK_FIELD, row[1]) != _CHECK_TEXT:
                raise StoreKeyMissing("the data key does not fit this store")
            _install(engine, cipher, key)
            return
        key, key_id = os.urandom(KEY_BYTES), uuid.uuid4().hex
        _save_key(folder, key_id, key)
        cipher = FieldCipher(key, key_id)
        raw.execute("PRAGMA secure_delete=ON")
        try:
            raw.execute("BEGIN IMMEDIATE")
            if raw.execute("SELECT 1 FROM store_key").fetchone() is not None:
                raw.execute("ROLLBACK")     # another process got there first: use its key
                return attach_field_key(engine, store, backups)
            sealed = seal_plain_values(raw, cipher)
            _write_key_row(raw, cipher)
            raw.execute("COMMIT")
        except BaseException:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raise
        if sealed:
            _scrub(raw)
    _install(engine, cipher, key)
    if sealed:
        log.info("store upgraded: %d complaints' reporter identity encrypted", sealed)
        protect_backups(backups, cipher, key)
    return None


def protect_backups(folder: Path, cipher: FieldCipher, key: bytes) -> int:
    """Bring backups without a data key to the current schema with this store's key, each
    rewritten through a ``.part`` copy and renamed only when complete; returns how many."""
    from kim_desktop.storage.db import _alembic_config, create_store_engine

    done = 0
    for path in sorted(folder.glob("kim-*.db")) if folder.exists() else ():
        if stored_key_id(path) is not None:
            continue
        part = path.with_suffix(path.suffix + ".part")
        shutil.copyfile(path, part)
        engine = create_store_engine(part)
        try:
            from alembic import command

            with engine.begin() as conn:
                command.upgrade(_alembic_config(conn), "head")
            with _raw(engine) as raw:
                raw.execute("PRAGMA secure_delete=ON")
                raw.execute("BEGIN IMMEDIATE")
                seal_plain_values(raw, cipher)
                _write_key_row(raw, cipher)
                raw.execute("COMMIT")
                _scrub(raw)
                raw.execute("PRAGMA journal_mode=DELETE")
        finally:
            engine.dispose()
        part.replace(path)
        done += 1
    return done


# --- escrow: the data key wrapped for the district ---------------------------------------------

ESCROW_SCHEME: Literal["x25519-hkdf-sha256-aes256gcm"] = "x25519-hkdf-sha256-aes256gcm"


def _escrow_kek(shared: bytes, key_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"kim-escrow-v1:" + key_id.encode()).derive(shared)


def wrap_key(public_key: str, key_id: str, key: bytes) -> str:
    """``key`` encrypted to the district's X25519 escrow public key (base64 text)."""
    peer = X25519PublicKey.from_public_bytes(_unb64(public_key))
    ephemeral = X25519PrivateKey.generate()
    kek = _escrow_kek(ephemeral.exchange(peer), key_id)
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(kek).encrypt(nonce, key, key_id.encode())
    return _b64(ephemeral.public_key().public_bytes_raw() + nonce + sealed)


def unwrap_key(wrapped: str, private_key: str, key_id: str) -> bytes:
    """The data key from `wrap_key`'s text, with the district's private key."""
    raw = _unb64(wrapped)
    own = X25519PrivateKey.from_private_bytes(_unb64(private_key))
    kek = _escrow_kek(own.exchange(X25519PublicKey.from_public_bytes(raw[:32])), key_id)
    try:
        return AESGCM(kek).decrypt(raw[32:32 + NONCE_BYTES], raw[32 + NONCE_BYTES:],
                                   key_id.encode())
    except InvalidTag as exc:
        raise StoreKeyMissing("the wrapped key does not open with this private key") from exc


def open_store_copy(store: Path, key: bytes) -> tuple[sqlite3.Connection, FieldCipher]:
    """A read-only connection to a store copy and the cipher of its key (checked)."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT key_id, key_check FROM store_key WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise StoreKeyMissing("the file is not a KIM store with a data key") from exc
    if row is None:
        conn.close()
        raise StoreKeyMissing("the store has no data key")
    cipher = FieldCipher(key, row[0])
    if cipher.open(_CHECK_FIELD, row[1]) != _CHECK_TEXT:
        conn.close()
        raise StoreKeyMissing("the data key does not fit this store")
    return conn, cipher


def escrow_fingerprint(public_key: str) -> str:
    """A short, stable name of an escrow public key."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(_unb64(public_key))
    return digest.finalize().hex()[:16]


def decrypt_row(cipher: FieldCipher, values: dict[str, Any]) -> dict[str, Any]:
    return {k: cipher.open(k, v) if k in IDENTITY_COLUMNS and isinstance(v, str) else v
            for k, v in values.items()}
