"""Settings › Backups: backup now, the daily backup and its rotation, restore at the next start,
and the diagnostics zip (real stores and files, widgets driven offscreen)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kim_desktop.core import Core
from kim_desktop.services.backups import BackupService, integrity_ok
from kim_desktop.services.store_health import StoreHealth, count_records
from tests.conftest import complaint_data
from ui.backup_box import BackupBox, DailyBackup, RestoreDialog
from ui.dialogs import ConfirmDialog, FilePicker, Notice
from ui.recovery_dialog import ensure_store_usable
from ui.settings_page import SettingsPage


def add(core: Core, n: int) -> None:
    core.complaints.add([(complaint_data(title=f"Laporan nomor {i}"), Path("."))
                         for i in range(n)], submit=True)


def settle(qtbot: Any, owner: Any) -> None:
    """Let the background tasks the widget started deliver their outcome."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    qtbot.waitUntil(lambda: not [c for c in app.children() if type(c).__name__ == "_Relay"])


def test_keep_count_is_a_setting_and_the_daily_backup_honours_it(qtbot: Any,
                                                                 core: Core) -> None:
    page = SettingsPage(core)
    qtbot.addWidget(page)
    assert page.backup.keep.value() == core.preferences.get().backup_keep
    page.backup.keep.setValue(3)
    assert page.save() is not None
    assert core.preferences.get().backup_keep == 3

    svc = BackupService(core.paths.store, core.paths.backups)
    start = datetime.now(UTC) - timedelta(days=10)
    for day in range(6):
        svc.create("daily", now=start + timedelta(days=day))
    manual = svc.create("manual", now=start)
    daily = DailyBackup(core)
    with qtbot.waitSignal(daily.finished, timeout=10_000) as made:
        daily.start()
    assert isinstance(made.args[0], Path) and integrity_ok(made.args[0])
    kept = [b for b in svc.list() if b.reason == "daily"]
    assert len(kept) == 3 and kept[0].path == made.args[0]
    assert manual.exists()                                   # other kinds are not rotated away
    with qtbot.waitSignal(daily.finished, timeout=10_000) as again:
        daily.run_now()
    assert again.args[0] is None                             # once a day
    assert not StoreHealth(core.paths).wants_full_check()    # the copy's check counted
    settle(qtbot, daily)


def test_back_up_now(qtbot: Any, core: Core) -> None:
    add(core, 2)
    box = BackupBox(core)
    qtbot.addWidget(box)
    assert box.folder.text() == str(core.paths.backups)
    with qtbot.waitSignal(box.backup_made, timeout=10_000) as made:
        box.backup_button.click()
    path = made.args[0]
    assert path.parent == core.paths.backups and integrity_ok(path)
    assert count_records(path) == (2, 0)
    assert path.name in box.message.text()
    assert box.newest.text().endswith("WITA")
    settle(qtbot, box)


def test_restore_lists_backups_and_swaps_at_the_next_start(qtbot: Any, core: Core,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    svc = BackupService(core.paths.store, core.paths.backups)
    add(core, 1)
    svc.create("daily", now=datetime.now(UTC) - timedelta(days=1))
    add(core, 3)
    svc.create("manual")
    add(core, 1)
    box = BackupBox(core)
    qtbot.addWidget(box)
    questions: list[str] = []

    def confirm(_parent: Any, _title: str, text: str, yes: str, _no: str) -> bool:
        questions.append(text)
        return yes != "Close now"

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(
        lambda cls, *a: confirm(*a)))
    rows: list[list[str]] = []

    def pick_older() -> None:
        d = QApplication.activeModalWidget()
        if not isinstance(d, RestoreDialog):
            QTimer.singleShot(20, pick_older)
            return
        rows.extend([d.model.item(r, c).text() for c in range(4)]
                    for r in range(d.model.rowCount()))
        d.table.selectRow(1)
        d.buttons.accepted.emit()

    QTimer.singleShot(0, pick_older)
    assert box.restore() is True
    assert [r[3] for r in rows] == ["4", "1"]                 # complaints in each backup
    assert "(1 " in questions[0]
    assert box.pending.isVisibleTo(box) and box.health.pending_restore() is not None
    assert count_records(core.paths.store)[0] == 5           # nothing changed yet

    core.ctx.sessions.kw["bind"].dispose()                   # the app closes ...
    assert ensure_store_usable(core.paths, parent=None) if _close_notice(qtbot) else False
    assert count_records(core.paths.store)[0] == 1           # ... and restores at the start
    safety = [b for b in svc.list() if b.reason == "pre-restore"]
    assert len(safety) == 1 and count_records(safety[0].path)[0] == 5


def _close_notice(qtbot: Any) -> bool:
    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is not None:
            w.close()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    return True


def test_a_pending_restore_can_be_cancelled(qtbot: Any, core: Core) -> None:
    add(core, 1)
    path = BackupService(core.paths.store, core.paths.backups).create("manual")
    box = BackupBox(core)
    qtbot.addWidget(box)
    box.health.request_restore(path)
    box.refresh()
    assert path.name in box.pending.text()
    box.cancel_restore_button.click()
    assert box.health.pending_restore() is None and not box.pending.isVisibleTo(box)


def test_export_diagnostics(qtbot: Any, core: Core, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    add(core, 2)
    out = tmp_path / "usb" / "diag"
    told: list[str] = []
    monkeypatch.setattr(FilePicker, "ask_save_file", classmethod(lambda cls, *a: out))
    monkeypatch.setattr(Notice, "tell", classmethod(
        lambda cls, _p, _t, text, **kw: told.append(text)))
    box = BackupBox(core)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.diagnostics_written, timeout=10_000) as written:
        box.diagnostics_button.click()
    zipped = written.args[0]
    assert zipped == out.with_name("diag.zip")
    with zipfile.ZipFile(zipped) as z:
        report = json.loads(z.read("diagnostics.json"))
        blob = b"".join(z.read(n) for n in z.namelist())
    assert report["store"]["rows"]["complaint"] == 2
    reporter = complaint_data()["reporter"]
    for secret in (reporter["name"], reporter["nik"], reporter["phone"], "Laporan nomor"):
        assert secret.encode() not in blob
    assert str(zipped) in told[0] and "no personal data" in told[0]
    settle(qtbot, box)


def test_a_failed_daily_backup_asks_for_a_full_check(qtbot: Any, core: Core) -> None:
    core.ctx.sessions.kw["bind"].dispose()
    with sqlite3.connect(core.paths.store) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    data = bytearray(core.paths.store.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 100:offset + 400] = b"\xff" * 300
    core.paths.store.write_bytes(bytes(data))
    StoreHealth(core.paths).record_full_check(True)
    daily = DailyBackup(core)
    with qtbot.waitSignal(daily.failed, timeout=10_000):
        daily.run_now()
    assert StoreHealth(core.paths).wants_full_check()
    assert not [b for b in BackupService(core.paths.store, core.paths.backups).list()]
