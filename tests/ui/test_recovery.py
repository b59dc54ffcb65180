"""Start-up check of the store and the guided recovery (real stores, real damage, the real
dialog driven offscreen)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kim_desktop.core import Core, build_core
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import BackupService
from kim_desktop.services.store_health import StoreHealth, Verdict, count_records
from tests.conftest import complaint_data
from ui.recovery_dialog import RecoveryDialog, ensure_store_usable


def add(core: Core, n: int) -> None:
    core.complaints.add([(complaint_data(title=f"Laporan nomor {i}"), Path("."))
                         for i in range(n)], submit=True)


def close(core: Core) -> None:
    core.ctx.sessions.kw["bind"].dispose()
    with sqlite3.connect(core.paths.store) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()


def corrupt_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):      # every page but the header page
        data[offset + 100:offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))


def overwrite_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 3])


def empty(path: Path) -> None:
    path.write_bytes(b"")


DAMAGE: dict[str, tuple[Callable[[Path], None], set[Verdict]]] = {
    "pages": (corrupt_pages, {Verdict.DAMAGED}),
    "header": (overwrite_header, {Verdict.NOT_A_DATABASE}),
    "truncated": (truncate, {Verdict.DAMAGED, Verdict.NOT_A_DATABASE}),
    "empty": (empty, {Verdict.EMPTY}),
}


@pytest.fixture
def backed_up(core: Core) -> Core:
    """A store with two backups (3 complaints, then 5) and 2 more complaints after them."""
    svc = BackupService(core.paths.store, core.paths.backups)
    add(core, 3)
    svc.create("daily", now=datetime.now(UTC) - timedelta(days=2))
    add(core, 2)
    svc.create("daily", now=datetime.now(UTC) - timedelta(days=1))
    add(core, 2)
    close(core)
    return core


_polls: list[list[bool]] = []


@pytest.fixture(autouse=True)
def _stop_dialog_polls() -> Iterator[None]:
    """A test's dialog answerer stops with the test (it must not answer the next test's)."""
    yield
    for stopped in _polls:
        stopped[0] = True
    _polls.clear()


def answer_dialog(qtbot: object, act: Callable[[RecoveryDialog], None]) -> list[str]:
    """Drive the modal dialog(s) ensure_store_usable opens; returns the texts seen."""
    seen: list[str] = []
    stopped = [False]
    _polls.append(stopped)

    def poll() -> None:
        if stopped[0]:
            return
        w = QApplication.activeModalWidget()
        if isinstance(w, RecoveryDialog):
            if w.pages.currentIndex() == 0:
                seen.append(w.problem.text() + "\n" + w.newest.text())
                act(w)
            if w.pages.currentIndex() == 1:
                seen.append(w.done_text.text())
                w.continue_button.click()
        elif isinstance(w, QMessageBox):
            seen.append(w.text())
            w.accept()
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def reopen(paths: DataPaths) -> Core:
    from kim_desktop.services.base import ServiceContext
    from kim_desktop.storage.db import open_store

    return build_core(paths, ServiceContext(open_store(paths.store, paths.backups)))


def test_a_sound_store_passes_and_an_unclean_exit_asks_for_a_full_check(
        backed_up: Core) -> None:
    health = StoreHealth(backed_up.paths)
    first = health.check()
    assert first.verdict is Verdict.OK and first.full_check    # never fully checked before
    assert health.check().full_check is False                  # now quick_check is enough
    health.mark_started()                                      # ... and the power goes off
    assert StoreHealth(backed_up.paths).check().full_check
    health.mark_stopped()
    assert not StoreHealth(backed_up.paths).wants_full_check()
    health.record_full_check(False)                            # a daily copy failed its check
    assert StoreHealth(backed_up.paths).wants_full_check()


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damage_is_recognised_by_the_start_up_check(backed_up: Core, kind: str) -> None:
    damage, verdicts = DAMAGE[kind]
    damage(backed_up.paths.store)
    report = StoreHealth(backed_up.paths).check(full=False)
    assert report.verdict in verdicts and not report.usable


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_store_is_restored_from_the_newest_good_backup(
        qtbot: object, backed_up: Core, kind: str) -> None:
    paths = backed_up.paths
    damage, _ = DAMAGE[kind]
    damage(paths.store)
    damaged_bytes = paths.store.read_bytes()
    seen = answer_dialog(qtbot, lambda d: d.restore_button.click())
    assert ensure_store_usable(paths) is True
    assert "5" in seen[0] and "kept in the backup folder" in seen[0]
    assert "everything recorded or changed after" in seen[1]
    again = reopen(paths)
    assert sum(again.complaints.counts_by_status().values()) == 5
    kept = list(paths.backups.glob("damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes   # kept, byte for byte
    assert str(kept[0]) in seen[1]


def test_the_user_can_choose_an_older_backup(qtbot: object, backed_up: Core) -> None:
    corrupt_pages(backed_up.paths.store)

    def older(d: RecoveryDialog) -> None:
        d.other_button.click()
        assert d.backup_list.count() == 2
        d.backup_list.setCurrentRow(1)
        assert "3 " in d.newest.text()
        d.restore_button.click()

    answer_dialog(qtbot, older)
    assert ensure_store_usable(backed_up.paths)
    assert sum(reopen(backed_up.paths).complaints.counts_by_status().values()) == 3


def test_quitting_leaves_everything_as_it_was(qtbot: object, backed_up: Core) -> None:
    paths = backed_up.paths
    corrupt_pages(paths.store)
    before = paths.store.read_bytes()
    names = sorted(p.name for p in paths.backups.iterdir())
    answer_dialog(qtbot, lambda d: d.quit_button.click())
    assert ensure_store_usable(paths) is False
    assert paths.store.read_bytes() == before
    assert sorted(p.name for p in paths.backups.iterdir()) == names


def test_without_a_usable_backup_the_user_may_start_empty(qtbot: object, core: Core) -> None:
    add(core, 2)
    close(core)
    svc = BackupService(core.paths.store, core.paths.backups)
    bad = svc.create("daily")
    corrupt_pages(bad)                                  # the only backup is damaged too
    overwrite_header(core.paths.store)

    def start_empty(d: RecoveryDialog) -> None:
        assert not d.restore_button.isVisibleTo(d) and d.empty_button.isVisibleTo(d)
        assert "no usable backup" in d.newest.text()
        d.empty_button.click()

    answer_dialog(qtbot, start_empty)
    assert ensure_store_usable(core.paths)
    assert not core.paths.store.exists()                # open_store makes a new one
    assert len(list(core.paths.backups.glob("damaged-*.db"))) == 1
    assert bad.exists()                                 # a damaged backup is not removed either


def test_a_restore_asked_for_in_settings_is_done_at_the_next_start(
        qtbot: object, backed_up: Core) -> None:
    paths = backed_up.paths
    health = StoreHealth(paths)
    oldest = health.choices()[-1]
    assert (oldest.complaints, count_records(paths.store)[0]) == (3, 7)
    health.request_restore(oldest.info.path)
    seen = answer_dialog(qtbot, lambda d: None)
    assert ensure_store_usable(paths)
    assert "restored from the backup" in seen[0]
    assert count_records(paths.store)[0] == 3
    assert health.pending_restore() is None
    safety = [b for b in health.backups.list() if b.reason == "pre-restore"]
    assert len(safety) == 1 and count_records(safety[0].path)[0] == 7


def test_the_app_leads_a_damaged_store_to_recovery_and_opens_the_backup(
        qtbot: Any, backed_up: Core, tmp_path: Path, translations: Any) -> None:
    """Start-up as the user meets it: the frame paints, the check finds the damage, the dialog
    restores the newest backup, and the window opens on its five reports."""
    from PySide6.QtCore import QSettings

    from kim_desktop.app import StartUp
    from ui.main_window import MainWindow

    paths = backed_up.paths
    corrupt_pages(paths.store)
    translations.apply("id")
    frame = MainWindow(None, QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat),
                       translations=translations)
    qtbot.addWidget(frame)
    startup = StartUp(paths, frame, translations, fallback_ms=60_000)
    seen = answer_dialog(qtbot, lambda d: d.restore_button.click())
    frame.show()
    qtbot.waitUntil(lambda: frame.loaded, timeout=20_000)
    assert startup.exit_code is None
    assert "rusak" in seen[0].lower() and "Traceback" not in "".join(seen)
    qtbot.waitUntil(lambda: frame.list_page.model.rowCount() == 5, timeout=10_000)
    assert any(p.name.startswith("damaged-") for p in paths.backups.iterdir())
    if startup.daily_backup is not None:
        qtbot.waitUntil(lambda: not startup.daily_backup._busy, timeout=20_000)
    frame.close()
    if startup.controller is not None:
        startup.controller.shutdown()
