"""Services layer: backups of the local store and recovery from them.

Backups are made with SQLite's online backup API into ``<name>.part`` and renamed only when
complete and checked, so a power cut during a backup never leaves a backup that looks good but
is not. Restoring writes a safety copy of the current store first and then copies the backup
*into* the live database with the same API (SQLite handles its WAL and locks), so no other
connection ever sees a half-restored store. User data is never deleted silently: a damaged
store is moved aside, not removed.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kim_desktop.domain.errors import InvalidInput, StoreCorrupt, StoreTooNew
from kim_desktop.domain.tracking import new_device_tag
from kim_desktop.storage.db import backup_file, known_revisions, translate_errors

log = logging.getLogger(__name__)

_NAME = re.compile(r"^kim-(\d{8}T\d{6}Z)-([a-z-]+)\.db$")
KEEP_OTHER = 5          # pre-migrate / pre-restore / manual copies kept besides the daily ones


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str          # daily | manual | pre-restore | pre-migrate | pre-<action>
    size: int


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def integrity_ok(path: Path, quick: bool = False) -> bool:
    """True when SQLite finds the file sound (``integrity_check``, or ``quick_check``)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.text_factory = _lenient_text      # a damaged page may show up in the report
        try:
            pragma = "quick_check" if quick else "integrity_check"
            row = conn.execute(f"PRAGMA {pragma}").fetchone()
            return row is not None and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _revision(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


class BackupService:
    def __init__(self, store: Path, folder: Path) -> None:
        self._store, self._folder = store, folder

    def create(self, reason: str = "manual", now: datetime | None = None) -> Path:
        """A checked copy of the live store named after ``reason`` and the UTC time."""
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        target = self._folder / f"kim-{stamp}-{reason}.db"
        n = 1
        while target.exists():
            n += 1
            target = self._folder / f"kim-{stamp}-{reason}-{n}.db"
        with translate_errors(self._folder):
            backup_file(self._store, target, check=True)
        log.info("backup made (%s, %d bytes)", reason, target.stat().st_size)
        return target

    def before_destructive(self, action: str) -> Path | None:
        """A safety copy before ``action`` (e.g. ``receipt``) overwrites or removes user data;
        None when there is no store yet."""
        if not self._store.exists():
            return None
        return self.create(f"pre-{action}")

    def list(self) -> list[BackupInfo]:
        """Backups, newest first."""
        out = []
        for p in self._folder.glob("kim-*.db") if self._folder.exists() else ():
            m = _NAME.match(p.name)
            if m:
                at = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                reason = re.sub(r"-\d+$", "", m.group(2))
                out.append(BackupInfo(p, at, reason, p.stat().st_size))
        return sorted(out, key=lambda b: b.created_at, reverse=True)

    def daily(self, *, keep: int, now: datetime | None = None) -> Path | None:
        """Make today's backup unless one exists, then drop the oldest beyond ``keep``."""
        now = now or datetime.now(UTC)
        made = None
        if not any(b.reason == "daily" and b.created_at.date() == now.date()
                   for b in self.list()):
            made = self.create("daily", now)
        self.rotate(keep=keep)
        return made

    def rotate(self, *, keep: int) -> None:
        """Keep the newest ``keep`` daily backups and a few of each other kind; remove the
        ``.part`` leftovers of backups that were interrupted."""
        for part in self._folder.glob("kim-*.db.part") if self._folder.exists() else ():
            part.unlink(missing_ok=True)
        by_reason: dict[str, list[BackupInfo]] = {}
        for b in self.list():
            by_reason.setdefault(b.reason, []).append(b)
        for reason, items in by_reason.items():
            limit = keep if reason == "daily" else max(KEEP_OTHER, 1)
            for old in items[limit:]:
                old.path.unlink(missing_ok=True)

    def check(self, path: Path) -> None:
        """Refuse a file that is not a sound KIM store this app can open."""
        if not path.is_file():
            raise InvalidInput(f"backup file not found: {path}")
        if not integrity_ok(path):
            raise StoreCorrupt(f"{path.name} is damaged or not a KIM store")
        rev = _revision(path)
        if rev is None:
            raise InvalidInput(f"{path.name} is not a KIM store")
        if rev not in known_revisions():
            raise StoreTooNew(f"{path.name} comes from a newer app version")

    def restore(self, path: Path) -> Path:
        """Replace the store's content with ``path``; returns the safety copy of what was there."""
        self.check(path)
        safety = self.create("pre-restore") if self._store.exists() and integrity_ok(
            self._store, quick=True) else self.move_aside()
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(self._store, timeout=10)
            try:
                with translate_errors(self._store.parent):
                    src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        _renew_device_tag(self._store)
        log.info("store restored from a backup")
        return safety

    def move_aside(self) -> Path:
        """Move a damaged store (and its WAL) out of the way, keeping it for later rescue."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self._folder / f"damaged-{stamp}.db"
        self._folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self._store) + suffix)
            if src.exists():
                src.replace(Path(str(target) + suffix))
        return target

    def newest_good(self) -> BackupInfo | None:
        for b in self.list():
            try:
                self.check(b.path)
                return b
            except (InvalidInput, StoreCorrupt, StoreTooNew):
                continue
        return None

    def recover(self) -> BackupInfo | None:
        """After a failed start-up check: move the damaged store aside and restore the newest
        sound backup. Returns it, or None when there is none (the app then starts empty)."""
        good = self.newest_good()
        self.move_aside()
        if good is not None:
            self.restore(good.path)
        return good


def _renew_device_tag(store: Path) -> None:
    """Receipts printed after the backup was made carry tracking numbers that the restored
    counter would hand out again. A new device tag (the middle part of the number) that no
    complaint in the store uses keeps every later number new; the device id stays the same."""
    con = sqlite3.connect(store, timeout=10)
    try:
        with con:
            row = con.execute("SELECT device_tag FROM device WHERE id = 1").fetchone()
            if row is None:
                return
            used = {r[0] for r in con.execute(
                "SELECT DISTINCT substr(tracking_no, 8, 3) FROM complaint")} | {row[0]}
            tag = new_device_tag()
            while tag in used:
                tag = new_device_tag()
            con.execute("UPDATE device SET device_tag = ? WHERE id = 1", (tag,))
    finally:
        con.close()


def backup_age_days(backups: list[BackupInfo], today: date) -> int | None:
    return (today - backups[0].created_at.date()).days if backups else None
