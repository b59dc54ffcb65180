"""Storage layer: the one engine/session factory, start-up migration and store-error mapping.

``open_store`` is the only place that creates an engine. It refuses a store written by a newer
app (untouched), copies the file with SQLite's online backup API before any migration, then
runs Alembic to head. ``translate_errors`` turns SQLite failures into `StoreError`s by SQLite's
result code (never by message text).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from kim_desktop.domain.errors import (
    DiskFull,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
)
from kim_desktop.storage.crypto import attach_field_key

if TYPE_CHECKING:
    from types import ModuleType

    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000

# SQLite primary result codes
_BUSY, _LOCKED, _READONLY, _FULL, _CANTOPEN, _CORRUPT, _NOTADB, _IOERR = 5, 6, 8, 13, 14, 11, 26, 10


def is_managed_table(name: str | None) -> bool:
    """Tables Alembic compares with the models (the FTS5 shadow tables are created by hand)."""
    return not (name or "").startswith("complaint_fts")


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def __getattr__(name: str) -> ModuleType:
    """``command``: Alembic's commands, imported on first use."""
    if name == "command":
        from alembic import command

        return command
    raise AttributeError(name)


def _alembic_config(connection: Any) -> Config:
    # Alembic is imported only when it is needed (a migration, `head_revision`)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    quick = quick_head_revision()
    if quick is not None:
        return quick
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config(None)).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return {r.revision for r in script.walk_revisions()}


_REVISION_LINE = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:'([\w-]+)'|\"([\w-]+)\"|(None))\s*$", re.M)


def quick_head_revision() -> str | None:
    """The head revision read from the migration files' ``revision`` and ``down_revision``
    lines, without importing Alembic (~60 ms at start-up); None unless every migration file
    gives both and there is exactly one head (Alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted((MIGRATIONS / "versions").glob("[0-9]*.py"))
        for f in files:
            found = {m[0]: m[1] or m[2] or m[3] for m in _REVISION_LINE.findall(
                f.read_text(encoding="utf-8"))}
            if "revision" not in found or "down_revision" not in found:
                return None
            revisions.add(found["revision"])
            parents.add(found["down_revision"])
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(path: Path) -> str | None:
    """The Alembic revision of an existing store, read without writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                return None
            rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return rev[0] if rev else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise _translate(e, path.parent) from e


def backup_file(source: Path, target: Path, *, check: bool = False) -> Path:
    """Copy a live store with SQLite's online backup API (consistent even while in use).

    The copy is written as ``<target>.part`` and renamed when complete (and, with ``check``,
    found sound by ``integrity_check``), so an interrupted backup never looks finished.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            if check and dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreCorrupt("the backup copy failed its integrity check")
        finally:
            dst.close()
    finally:
        src.close()
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    tmp.replace(target)
    return target


def create_store_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_store(path: Path, backup_dir: Path | None = None) -> sessionmaker[Session]:
    """Open (creating or migrating) the store at ``path``; see the module docstring."""
    path.parent.mkdir(parents=True, exist_ok=True)
    current = stored_revision(path)
    head = head_revision()
    if current is not None and current != head and current not in known_revisions():
        raise StoreTooNew(f"store revision {current} is newer than this app (head {head})")
    if current is not None and current != head:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = (backup_dir or path.parent / "backups") / f"kim-{stamp}-pre-migrate.db"
        with translate_errors(target.parent):
            backup_file(path, target)
        log.info("store backed up before migration %s -> %s", current, head)
    engine = create_store_engine(path)
    if current != head:
        with translate_errors(path.parent), engine.begin() as conn:
            from alembic import command

            command.upgrade(_alembic_config(conn), "head")
    # the data key that seals the reporter's identity (storage.crypto)
    with translate_errors(path.parent):
        attach_field_key(engine, path, backup_dir or path.parent / "backups")
    return sessionmaker(engine, expire_on_commit=False)


LOW_DISK_BYTES = 2 * 1024 * 1024


def _disk_nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < LOW_DISK_BYTES
    except OSError:
        return False


def _translate(e: BaseException, folder: Path | None = None) -> StoreError:
    code = getattr(e, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_IOERR, _CANTOPEN, _FULL) and _disk_nearly_full(folder):
        # a full disk shows up as an I/O error when the WAL index cannot grow
        return DiskFull("the disk is full")
    if primary in (_BUSY, _LOCKED):
        return StoreLocked("the store is locked by another program")
    if primary == _READONLY:
        return StoreReadOnly("the store is read-only")
    if primary == _FULL:
        return DiskFull("the disk is full")
    if primary in (_CORRUPT, _NOTADB):
        return StoreCorrupt("the store file is damaged")
    if primary in (_CANTOPEN, _IOERR):
        return StoreError("the store file cannot be opened or written")
    return StoreError("the store failed")


@contextmanager
def translate_errors(folder: Path | None = None) -> Iterator[None]:
    """Turn SQLite/SQLAlchemy failures into `StoreError`s (by result code); ``folder`` is where
    the store lives, to tell a full disk from other I/O errors."""
    try:
        yield
    except exc.DBAPIError as e:
        if isinstance(e.orig, sqlite3.Error):
            raise _translate(e.orig, folder) from e
        raise
    except sqlite3.Error as e:
        raise _translate(e, folder) from e
    except OSError as e:
        import errno

        if e.errno == errno.ENOSPC:
            raise DiskFull("the disk is full") from e
        if e.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            raise StoreReadOnly("the data folder is read-only") from e
        raise


@contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on error, store errors translated."""
    bind = sessions.kw.get("bind")
    db = getattr(getattr(bind, "url", None), "database", None)
    with translate_errors(Path(db).parent if db else None), sessions.begin() as s:
        yield s
