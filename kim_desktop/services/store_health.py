"""Services layer: is the local store usable before the app opens it, and the way back if not.

Every start runs SQLite's ``quick_check`` (about 0.26 s on a 336 MB store with 100 000
complaints once the file is in the OS cache, about 1.9 s right after boot). The full
``integrity_check`` (about 1.5 s on that store) runs at start only when it is worth it: after an
unclean exit (power cut, crash, kill), when the last daily backup copy failed its check, or when
no full check has passed for `FULL_CHECK_DAYS` days. The daily backup runs ``integrity_check`` on
its copy (the same pages), off the GUI thread, and reports here: that is the daily full check.

A damaged store is never deleted: recovery moves it (with its WAL) into the backup folder and
copies a sound backup in its place. A restore asked for in the running app is done here at the
next start, before any engine or thread holds the store.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from kim_desktop.domain.errors import InvalidInput, StoreCorrupt, StoreTooNew
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import BackupInfo, BackupService

log = logging.getLogger(__name__)

STATE_NAME = "health.json"
RESTORE_REQUEST_NAME = "restore-request.json"
FULL_CHECK_DAYS = 7
_NOTADB, _CORRUPT = 26, 11
_NOT_DAMAGE = (5, 6, 8, 13)   # busy, locked, read-only, disk full


class Verdict(StrEnum):
    OK = "ok"                          # sound (or locked by another program: not damage)
    NEW = "new"                        # no store yet: the app creates one
    EMPTY = "empty"                    # a zero-byte file where backups say there was data
    NOT_A_DATABASE = "not_a_database"  # not an SQLite file at all (overwritten, truncated)
    DAMAGED = "damaged"                # SQLite found damage
    UNREADABLE = "unreadable"          # cannot be opened (permissions, disk error)


@dataclass(frozen=True)
class HealthReport:
    verdict: Verdict
    full_check: bool
    seconds: float

    @property
    def usable(self) -> bool:
        return self.verdict in (Verdict.OK, Verdict.NEW)


@dataclass(frozen=True)
class BackupChoice:
    """A sound backup the store can be restored from, with what it holds."""

    info: BackupInfo
    complaints: int
    activities: int


@dataclass(frozen=True)
class RecoveryDone:
    restored: BackupInfo | None   # None: the user chose to start with an empty store
    kept_aside: Path | None       # the damaged (or replaced) store, kept for rescue


def count_records(path: Path) -> tuple[int, int]:
    """Complaints and activities held by a store or backup file (read only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        c = conn.execute("SELECT count(*) FROM complaint WHERE deleted = 0").fetchone()[0]
        a = conn.execute("SELECT count(*) FROM activity WHERE deleted = 0").fetchone()[0]
        return int(c), int(a)
    finally:
        conn.close()


class StoreHealth:
    def __init__(self, paths: DataPaths,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._paths, self._now = paths, now
        self.backups = BackupService(paths.store, paths.backups)

    # -- state kept next to the store ------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self._paths.root / STATE_NAME

    def _state(self) -> dict[str, Any]:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write_state(self, **changes: Any) -> None:
        state = {**self._state(), **changes}
        _write_json(self._state_file, state)

    def mark_started(self) -> None:
        """The app now holds the store; `mark_stopped` at a clean exit clears this."""
        self._write_state(running_since=self._now().isoformat())

    def mark_stopped(self) -> None:
        """Called at a normal exit; quiet when the data folder is gone or not writable."""
        if not self._state_file.exists():
            return
        try:
            self._write_state(running_since=None)
        except OSError:
            log.warning("could not note the clean exit")

    def record_full_check(self, ok: bool) -> None:
        """Outcome of a full check (the daily backup's copy); a failure makes the next start
        check the store fully."""
        if ok:
            self._write_state(last_full_check=self._now().isoformat(), suspect=False)
        else:
            self._write_state(suspect=True)

    def wants_full_check(self) -> bool:
        state = self._state()
        if state.get("running_since") or state.get("suspect"):
            return True
        try:
            last = datetime.fromisoformat(str(state["last_full_check"]))
        except (KeyError, ValueError):
            return True
        return self._now() - last > timedelta(days=FULL_CHECK_DAYS)

    # -- the check -------------------------------------------------------------------------
    def check(self, full: bool | None = None) -> HealthReport:
        """Check the store file without changing it; ``full=None`` decides by the state."""
        full = self.wants_full_check() if full is None else full
        started = time.perf_counter()
        verdict = self._verdict(full)
        seconds = time.perf_counter() - started
        if full and verdict is Verdict.OK:
            self.record_full_check(True)
        log.info("store check: %s (%s, %.2f s)", verdict.value,
                 "integrity_check" if full else "quick_check", seconds)
        return HealthReport(verdict, full, seconds)

    def _verdict(self, full: bool) -> Verdict:
        store = self._paths.store
        if not store.exists():
            return Verdict.NEW
        if store.stat().st_size == 0 and not Path(f"{store}-wal").exists():
            return Verdict.EMPTY if self.backups.list() else Verdict.NEW
        try:
            conn = sqlite3.connect(f"file:{store}?mode=rw", uri=True, timeout=5)
        except sqlite3.Error:
            return Verdict.UNREADABLE
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage may be shown
        try:
            rows = conn.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}"
                                ).fetchall()
            return Verdict.OK if rows == [("ok",)] else Verdict.DAMAGED
        except sqlite3.DatabaseError as e:
            code = getattr(e, "sqlite_errorcode", 0) & 0xFF
            if code == _NOTADB:
                return Verdict.NOT_A_DATABASE
            if code == _CORRUPT:
                return Verdict.DAMAGED
            if code in _NOT_DAMAGE:    # opening the store reports these with their own advice
                return Verdict.OK
            return Verdict.UNREADABLE
        finally:
            conn.close()

    # -- the way back ----------------------------------------------------------------------
    def choices(self) -> list[BackupChoice]:
        """Sound backups this app can open, newest first (damaged ones are left out)."""
        out = []
        for b in self.backups.list():
            try:
                self.backups.check(b.path)
                complaints, activities = count_records(b.path)
            except (InvalidInput, StoreCorrupt, StoreTooNew, sqlite3.Error):
                continue
            out.append(BackupChoice(b, complaints, activities))
        return out

    def recover(self, backup: Path | None) -> RecoveryDone:
        """Move the unusable store aside and restore ``backup`` (None: start empty)."""
        kept = self.backups.move_aside() if self._paths.store.exists() else None
        restored = None
        if backup is not None:
            self.backups.restore(backup)
            restored = next((b for b in self.backups.list() if b.path == backup), None)
        self._write_state(running_since=None, suspect=False)
        log.info("store recovered (%s)", "from a backup" if backup else "empty")
        return RecoveryDone(restored, kept)

    # -- restore asked for in the running app, done at the next start ----------------------
    @property
    def _request_file(self) -> Path:
        return self._paths.root / RESTORE_REQUEST_NAME

    def request_restore(self, backup: Path) -> None:
        self.backups.check(backup)
        _write_json(self._request_file, {"backup": str(backup),
                                         "requested_at": self._now().isoformat()})
        log.info("restore requested for the next start")

    def pending_restore(self) -> Path | None:
        try:
            data = json.loads(self._request_file.read_text(encoding="utf-8"))
            return Path(data["backup"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def cancel_restore(self) -> None:
        self._request_file.unlink(missing_ok=True)

    def apply_pending_restore(self) -> RecoveryDone | None:
        """Do the restore asked for last time (a copy of the current store is kept first)."""
        backup = self.pending_restore()
        if backup is None:
            return None
        try:
            safety = self.backups.restore(backup)
        finally:
            self.cancel_restore()
        restored = next((b for b in self.backups.list() if b.path == backup), None)
        return RecoveryDone(restored, safety)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` atomically (a power cut leaves the old file or the new one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
