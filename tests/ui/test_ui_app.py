"""The app shell: first-run setup, one instance per data folder, start-up on a new folder,
errors shown as plain messages with "copy details", remembered geometry."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication

from kim_desktop.core import build_core
from kim_desktop.domain.enums import Role
from kim_desktop.domain.errors import DiskFull, ValidationFailed
from kim_desktop.domain.problems import Problem
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import open_store
from tests.conftest import complaint_data
from tests.ui.conftest import make_window
from ui.errors import ErrorDialog, ExceptionReporter, show_error
from ui.setup_dialog import SetupDialog
from ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_core(data_paths, clock):
    """A store that was never set up (the first start)."""
    return build_core(data_paths, ServiceContext(open_store(data_paths.store, data_paths.backups),
                                                 clock=clock))


def test_first_run_setup_completes(qtbot, fresh_core, translations) -> None:
    assert fresh_core.device.profile_or_none() is None
    dlg = SetupDialog(fresh_core)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.kecamatan.setCurrentIndex(dlg.kecamatan.findText("Malili"))
    assert all(dlg.filter.index(r, 0).data().endswith("Kec. Malili")
               for r in range(dlg.filter.rowCount()))
    dlg.search.setFocus()
    qtbot.keyClicks(dlg.search, "balan")
    assert dlg.filter.rowCount() == 1
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.village_code() == "73.24.04.2010"
    assert dlg.kim_name.text() == "KIM Balantang"          # proposed from the village
    assert dlg.kim_name.hasFocus()
    qtbot.keyClicks(dlg.kim_name, " Bersatu")
    dlg.operator.setText("Andi Saputra")
    dlg.role.setCurrentIndex(dlg.role.findData(Role.TRAINER.value))
    dlg.hub.setText("https://kim.luwutimurkab.go.id")
    dlg.code.setText("ABCD-1234")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    prof = fresh_core.device.profile()
    assert (prof.village_code, prof.kim_name, prof.operator_name, prof.role) == (
        "73.24.04.2010", "KIM Balantang Bersatu", "Andi Saputra", Role.TRAINER)
    assert fresh_core.preferences.get().hub_url == "https://kim.luwutimurkab.go.id"
    assert (dlg.hub_url, dlg.enrolment_code) == ("https://kim.luwutimurkab.go.id", "ABCD-1234")


def test_setup_search_works_across_all_kecamatan(qtbot, fresh_core, translations) -> None:
    dlg = SetupDialog(fresh_core)
    qtbot.addWidget(dlg)
    dlg.search.setText("baruga")                            # two desa share the name
    assert dlg.filter.rowCount() == 2
    assert dlg.kecamatan.currentIndex() == 0


def test_setup_refuses_missing_answers_beside_the_fields(qtbot, fresh_core, translations) -> None:
    dlg = SetupDialog(fresh_core)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.hub.setText("kim.luwutimurkab")
    assert dlg.complete() is False
    assert dlg.messages["village_code"].text() == "Pilih desa/kelurahan dari daftar."
    assert dlg.messages["kim_name"].text() == "Isi nama KIM."
    assert dlg.messages["operator_name"].text() == "Isi nama operator."
    assert "alamat lengkap" in dlg.messages["hub_url"].text()
    assert fresh_core.device.profile_or_none() is None
    dlg.select_village("73.24.04.2010")
    dlg.operator.setText("Andi")
    dlg.hub.clear()
    dlg.code.setText("ABCD-1234")                           # a code is useless without a hub
    assert dlg.complete() is False
    assert dlg.messages["hub_url"].text() == "Kode pendaftaran memerlukan alamat hub juga."
    dlg.code.clear()
    assert dlg.complete() is True                           # the hub can come later
    assert fresh_core.preferences.get().hub_url is None


def test_one_instance_per_data_folder(qtbot, tmp_path) -> None:
    lock = tmp_path / "data" / "kim.lock"
    first = SingleInstance(lock)
    assert first.acquire()
    second = SingleInstance(lock)
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.notify_first()
    other_folder = SingleInstance(tmp_path / "other" / "kim.lock")
    assert other_folder.acquire()                           # another folder is independent
    first.release()
    third = SingleInstance(lock)
    assert third.acquire()
    for s in (other_folder, third):
        s.release()


def test_activation_brings_the_window_to_the_front(window, qtbot) -> None:
    window.showMinimized()
    window.bring_to_front()
    assert not window.isMinimized() and window.isVisible()


@pytest.mark.slow
def test_kim_desktop_stays_up_on_a_new_data_folder_and_a_second_start_defers(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIM_LOG_DIR": str(tmp_path / "logs")}
    cmd = [sys.executable, "-m", "kim_desktop.app", "--data-dir", str(tmp_path / "v")]
    first = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            first.wait(timeout=4)                           # up: the setup dialog waits
        second = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, timeout=30)
        assert second.returncode == 0                       # it asked the first to show itself
        assert first.poll() is None
    finally:
        first.kill()
        out = first.communicate(timeout=10)[0].decode(errors="replace")
    assert "Traceback" not in out
    log = (tmp_path / "logs" / "kim.log").read_text(encoding="utf-8")
    assert "kim-desktop" in log and "brought to the front" in log


def test_error_dialog_explains_in_indonesian_with_copyable_details(
        qtbot, translations, qapp) -> None:
    dlg = show_error(None, DiskFull("the disk is full"))
    qtbot.addWidget(dlg)
    assert dlg.message_label.text() == "Disk penuh; tidak ada yang disimpan."
    assert "Kosongkan ruang disk" in dlg.next_label.text()
    assert dlg.copy_button.text() == "Salin rincian"
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "code: disk_full" in copied and "DiskFull" in copied
    assert "Traceback" not in dlg.message_label.text() + dlg.next_label.text()


def test_validation_error_lists_each_problem(qtbot, translations) -> None:
    p = Problem("title", "required", "Judul laporan wajib diisi.", "Title is required.")
    dlg = show_error(None, ValidationFailed([p]))
    qtbot.addWidget(dlg)
    assert "Judul laporan wajib diisi." in dlg.problems_label.text()


def test_unexpected_errors_are_logged_and_shown_once(qtbot, translations, caplog) -> None:
    reporter = ExceptionReporter()
    shown = []
    original = ErrorDialog.present

    def present(cls, parent, error, tb_text=""):
        dlg = original.__func__(cls, parent, error, tb_text)
        qtbot.addWidget(dlg)
        shown.append(dlg)
        return dlg

    import ui.errors as errors_module
    errors_module.ErrorDialog.present = classmethod(present)  # type: ignore[method-assign]
    try:
        with caplog.at_level(logging.CRITICAL):
            for i in range(3):
                try:
                    raise RuntimeError(f"boom {i}")
                except RuntimeError as e:
                    reporter.handle(type(e), e, e.__traceback__)
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert reporter.count == 3
        assert sum("unexpected error" in r.message for r in caplog.records) == 3
        dlg = shown[0]
        assert dlg.message_label.text().startswith("Terjadi kesalahan tak terduga")
        assert "Traceback" in dlg.details and "Traceback" not in dlg.message_label.text()
    finally:
        errors_module.ErrorDialog.present = original  # type: ignore[method-assign]


def test_window_geometry_is_remembered(qtbot, core, translations, view_settings) -> None:
    w = make_window(qtbot, core, translations, view_settings)
    assert w.minimumSizeHint().width() <= 1000      # fits an old 1024×768 screen
    w.resize(QSize(1010, 690))
    assert w.size() == QSize(1010, 690)
    w.list_page.table.setColumnWidth(0, 177)
    w.close()
    again = make_window(qtbot, core, translations, view_settings)
    # the offscreen screen is 800 pixels wide, so Qt clamps the restored width to fit it
    assert again.height() == 690
    assert again.list_page.table.columnWidth(0) == 177


# -- start-up: the first frame, then the store ----------------------------------------------
def test_importing_the_app_loads_no_store_sync_or_calendar_modules() -> None:
    """What the first frame needs is Qt and a few light modules; the rest loads after it."""
    heavy = ("sqlalchemy", "alembic", "pydantic", "requests", "holidays", "kim_desktop.core",
             "sync.client", "ui.complaint_list_page")
    code = (f"import sys, kim_desktop.app; print([m for m in {heavy!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def _crash_with_typing(qtbot, core, translations, view_settings) -> None:
    import shiboken6

    crashed = make_window(qtbot, core, translations, view_settings)
    crashed.new_complaint()
    crashed.form.fields.title.setText("Sampah menumpuk di pasar desa")
    qtbot.waitUntil(crashed.form.journal.exists)
    shiboken6.delete(crashed)                  # gone without closeEvent: a crash


def test_the_frame_paints_first_then_the_store_opens_and_fills_it(
        qtbot, qapp, core, data_paths, translations, view_settings) -> None:
    from PySide6.QtWidgets import QStatusBar

    from kim_desktop.app import StartUp
    from ui.main_window import MainWindow

    core.complaints.add([(complaint_data(), None)], submit=False)
    _crash_with_typing(qtbot, core, translations, view_settings)
    frame = MainWindow(None, view_settings, translations=translations)
    qtbot.addWidget(frame)
    startup = StartUp(data_paths, frame, translations, fallback_ms=60_000)
    assert not frame.loaded and not frame.nav.isEnabled()
    loading = QCoreApplication.translate("MainWindow", "Opening the data…")
    assert frame.loading_label.text() == loading
    assert frame.findChild(QStatusBar).currentMessage() == loading
    assert frame.nav.item(0).text() == "Laporan"
    with qtbot.waitSignal(frame.first_painted):
        frame.show()
    assert startup.core is None                 # the store opens only after the first paint
    qtbot.waitUntil(lambda: frame.loaded, timeout=15_000)
    try:
        assert frame.nav.isEnabled() and frame.windowTitle() == "KIM Desktop · KIM Balantang"
        assert startup.controller is not None   # sync loaded (not enrolled: runs on request)
        # the crash journal was restored over the list, which holds the saved draft too
        assert frame.complaint_stack.currentWidget() is frame.form
        assert frame.form.fields.title.text() == "Sampah menumpuk di pasar desa"
        assert frame.list_page.model.total == 2
        assert frame.built_page("activities") is None       # built when first shown
    finally:
        frame.close()
        startup.controller.shutdown()


def test_after_loading_the_list_has_the_focus_and_the_shortcuts_work(
        qtbot, core, translations, view_settings) -> None:
    empty = make_window(qtbot, core, translations, view_settings)
    assert empty.list_page.new_button.hasFocus()        # nothing to select yet
    empty.close()
    core.complaints.add([(complaint_data(), None)], submit=False)
    window = make_window(qtbot, core, translations, view_settings)
    assert window.list_page.table.hasFocus()
    assert window.built_page("activities") is None and window.built_page("settings") is None
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 1
    assert window.pages.currentWidget() is window.built_page("activities")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.built_page("settings")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 0 and window.list_page.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.complaint_stack.currentWidget() is window.form


def test_a_store_that_cannot_be_opened_is_explained_and_the_app_ends(
        qtbot, qapp, tmp_path, translations, view_settings) -> None:
    import sqlite3

    from PySide6.QtCore import QTimer

    from kim_desktop.app import StartUp
    from kim_desktop.paths import DataPaths
    from ui.main_window import MainWindow

    # a sound store written by a newer app version: the start-up check passes it, opening it
    # is refused untouched (a damaged store goes to the recovery dialog, tests/ui/test_recovery)
    paths = DataPaths(tmp_path / "newer")
    paths.store.parent.mkdir(parents=True)
    open_store(paths.store, paths.backups).kw["bind"].dispose()
    with sqlite3.connect(paths.store) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    before = paths.store.read_bytes()
    frame = MainWindow(None, view_settings, translations=translations)
    qtbot.addWidget(frame)
    startup = StartUp(paths, frame, translations, fallback_ms=60_000)
    seen: list[str] = []

    def answer() -> None:
        dialog = qapp.activeModalWidget()
        if not isinstance(dialog, ErrorDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.message_label.text())
        dialog.accept()

    QTimer.singleShot(20, answer)
    frame.show()
    qtbot.waitUntil(lambda: startup.exit_code is not None, timeout=15_000)
    assert startup.exit_code == 1 and not frame.loaded and not frame.isVisible()
    assert seen and "versi" in seen[0] and "Traceback" not in seen[0]
    assert paths.store.read_bytes() == before


def test_the_language_is_remembered_for_the_next_first_frame(
        qtbot, window, translations, view_settings) -> None:
    from ui.main_window import MainWindow, remembered_language

    assert remembered_language(view_settings) == "id"
    window.set_language("en")
    assert remembered_language(view_settings) == "en"
    translations.apply(remembered_language(view_settings))   # what main() does first
    frame = MainWindow(None, view_settings, translations=translations)
    qtbot.addWidget(frame)
    assert frame.loading_label.text() == "Opening the data…"
    assert frame.nav.item(0).text() == "Reports"
