"""The app shell: first-run setup, one instance per data folder, start-up on a new folder,
errors shown as plain messages with "copy details", remembered geometry."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

from kim_desktop.core import build_core
from kim_desktop.domain.enums import Role
from kim_desktop.domain.errors import DiskFull, ValidationFailed
from kim_desktop.domain.problems import Problem
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import open_store
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
