"""Services layer: the support bundle ("Ekspor diagnostik").

A zip that district IT can ask for over the phone: logs, versions, sync state and store
statistics. It holds no personal data: logs never carry any (see ``kim_desktop.logs``), and the
statistics are counts and sizes only, never record content.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from kim_desktop import __version__
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import BackupService
from kim_desktop.services.store_key import store_key_location

PACKAGES = ("PySide6-Essentials", "SQLAlchemy", "alembic", "requests", "keyring", "pydantic",
            "holidays", "Pillow")


def _versions() -> dict[str, Any]:
    out: dict[str, Any] = {"kim-desktop": __version__, "python": sys.version.split()[0],
                           "platform": platform.platform()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _store_stats(store: Path) -> dict[str, Any]:
    if not store.exists():
        return {"exists": False}
    stats: dict[str, Any] = {"exists": True, "bytes": store.stat().st_size}
    wal = Path(f"{store}-wal")
    stats["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
    try:
        conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            stats["quick_check"] = conn.execute("PRAGMA quick_check").fetchone()[0]
            stats["revision"] = conn.execute("SELECT version_num FROM alembic_version"
                                             ).fetchone()[0]
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%fts%'")]
            stats["rows"] = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                             for t in tables}
            stats["complaints_by_status"] = dict(conn.execute(
                "SELECT status, count(*) FROM complaint GROUP BY status").fetchall())
            stats["outbox_by_state"] = dict(conn.execute(
                "SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
            sync = conn.execute("SELECT last_attempt_at, last_success_at, last_error_code, "
                                "clock_offset_seconds, hub_protocol_version FROM sync_state"
                                ).fetchone()
            stats["sync_state"] = dict(zip(("last_attempt_at", "last_success_at",
                                            "last_error_code", "clock_offset_seconds",
                                            "hub_protocol_version"), sync, strict=True)) \
                if sync else None
            stats["recent_sync_runs"] = [dict(zip(
                ("started_at", "finished_at", "pushed", "pulled", "set_aside", "bytes_sent",
                 "outcome", "error_code"), r, strict=True)) for r in conn.execute(
                "SELECT started_at, finished_at, pushed, pulled, set_aside, bytes_sent, "
                "outcome, error_code FROM sync_run ORDER BY id DESC LIMIT 20")]
            enrolled = conn.execute("SELECT role, village_code, enrolled_at IS NOT NULL "
                                    "FROM device").fetchone()
            stats["device"] = dict(zip(("role", "village_code", "enrolled"), enrolled,
                                       strict=True)) if enrolled else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        stats["error"] = type(e).__name__
    return stats


def export_diagnostics(paths: DataPaths, out: Path) -> Path:
    """Write the support zip to ``out`` (atomically)."""
    report = {
        "created_at": datetime.now(UTC).isoformat(),
        "versions": _versions(),
        "store": _store_stats(paths.store),
        # "file": no OS keyring, the data key of the identity fields is in the data folder
        "store_key": store_key_location(paths),
        "backups": [{"name": b.path.name, "reason": b.reason, "bytes": b.size}
                    for b in BackupService(paths.store, paths.backups).list()],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("diagnostics.json", json.dumps(report, indent=1, default=str))
        if paths.logs.exists():
            for log_file in sorted(paths.logs.glob("kim.log*")):
                z.write(log_file, f"logs/{log_file.name}")
    tmp.replace(out)
    return out
