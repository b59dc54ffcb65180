"""Sync in the app against a live hub over loopback (no mocked HTTP): enrolment from Settings and
after the first-run setup, "Sinkronkan sekarang" with progress and the runs table, set-aside
records with their reasons and the way to send them again, the status bar, and a device that
is not enrolled."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.reference import ReferenceData, load_reference_dir
from kim_desktop.paths import resource_path
from sync.client.service import SyncClient
from sync.server.payload_check import ContentRules
from sync.server.settings import utc_now
from tests.conftest import OTHER_VILLAGE, VILLAGE, complaint_data
from tests.sync.conftest import FAST, LiveHub, enrol, running_hub
from tests.sync.faultproxy import FaultProxy
from tests.ui.conftest import make_window
from ui.errors import ErrorDialog
from ui.main_window import PAGE_SETTINGS, PAGE_SYNC, MainWindow
from ui.sync_controller import SyncController
from ui.sync_runs import (
    COL_KB,
    COL_OUTCOME,
    COL_SENT,
    COL_SET_ASIDE,
    COL_STARTED,
    SyncRun,
    SyncRunTableModel,
)

WAIT = 20_000


@dataclass
class SyncApp:
    window: MainWindow
    controller: SyncController
    hub: LiveHub
    core: Core

    def code(self) -> str:
        return self.hub.hub.enrolment.create_code(village_code=VILLAGE, role="operator").code

    @staticmethod
    def click(button: Any) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


#: a category the district retired at the hub while the village's list still has it
RETIRED = "kesehatan/pelayanan-obat"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LiveHub]:
    refs = load_reference_dir(resource_path("data"))
    hub_refs = ReferenceData(refs.regions, {k: v for k, v in refs.categories.items()
                                            if k != RETIRED}, refs.agencies)
    yield from running_hub(tmp_path, payload_check=ContentRules(hub_refs, utc_now))


@pytest.fixture
def app(qtbot: Any, core: Core, translations: Any, view_settings: Any,
        hub: LiveHub) -> Iterator[SyncApp]:
    controller = SyncController(SyncClient(core, settings=FAST), auto=False)
    window = make_window(qtbot, core, translations, view_settings, sync=controller)
    try:
        yield SyncApp(window, controller, hub, core)
    finally:
        controller.shutdown()


def add(core: Core, n: int = 1, **kw: Any) -> list[Any]:
    return core.complaints.add([(complaint_data(**kw), None) for _ in range(n)], submit=True)


def error_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def test_enrol_from_settings_shows_the_state_and_starts_a_sync(qtbot, app: SyncApp) -> None:
    add(app.core)
    w, controller = app.window, app.controller
    w.nav.setCurrentRow(PAGE_SETTINGS)
    box = w.settings_page.enrolment
    assert box.title() == "Pendaftaran ke hub" and box.enrol_button.text() == "Daftarkan"
    assert box.state_label.text().startswith("Belum terdaftar")
    box.hub.setText(app.hub.base_url)
    box.code.setText(app.code())
    with qtbot.waitSignal(controller.enrolled, timeout=WAIT):
        app.click(box.enrol_button)
        assert box.enrol_button.text() == "Mendaftarkan…" and not box.enrol_button.isEnabled()
    assert box.state_label.text() == f"✔ Terdaftar di hub {app.hub.base_url}."
    assert box.result_label.text() == "Komputer ini sudah terdaftar di hub. Sinkronisasi dimulai."
    assert box.result_label.severity == "ok" and box.code.text() == ""
    assert controller.running                                  # enrolment starts a sync
    qtbot.waitUntil(lambda: not controller.running, timeout=WAIT)
    assert app.core.complaints.counts_by_status() == {"received": 1}
    qtbot.waitUntil(lambda: w.sync_status.connection.text() == "● Daring")
    qtbot.waitUntil(lambda: w.sync_status.pending.text() == "0 menunggu dikirim")
    assert not error_dialogs()


def test_a_wrong_code_or_an_unreachable_hub_is_told_in_plain_words(qtbot, app: SyncApp) -> None:
    box = app.window.settings_page.enrolment
    with qtbot.waitSignal(app.controller.enrol_failed, timeout=WAIT):
        assert box.enroll(app.hub.base_url, "SALAH-0000")
    assert box.result_label.text() == ("Kode pendaftaran ditolak (salah, sudah dipakai, atau "
                                       "kedaluwarsa). Minta kode pendaftaran baru ke "
                                       "Diskominfo-SP.")
    assert box.result_label.severity == "error"
    assert box.state_label.text().startswith("Belum terdaftar") and box.enrol_button.isEnabled()
    with socket.socket() as s:            # a port where no hub listens
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    with qtbot.waitSignal(app.controller.enrol_failed, timeout=WAIT):
        box.enroll(closed, app.code())
    assert box.result_label.text().startswith("Hub tidak dapat dihubungi saat ini")
    assert "coba lagi nanti" in box.result_label.text()
    assert not box.enroll("bukan alamat", "X")               # checked before anything is sent
    assert box.hub_message.text().startswith("Masukkan alamat lengkap")
    assert not box.enroll(app.hub.base_url, " ")
    assert box.code_message.text() == "Isi kode sekali pakai dari Diskominfo-SP."
    assert not error_dialogs()


def test_without_a_keyring_the_token_lasts_while_the_app_is_open(qtbot, app: SyncApp) -> None:
    keyring.set_keyring(fail.Keyring())      # the autouse fixture puts the previous one back
    box = app.window.settings_page.enrolment
    with qtbot.waitSignal(app.controller.enrolled, timeout=WAIT) as enrolled:
        box.enroll(app.hub.base_url, app.code())
    assert enrolled.args[0].persistent is False
    assert box.result_label.severity == "warning"
    assert "hanya tersimpan selama aplikasi terbuka" in box.result_label.text()
    qtbot.waitUntil(lambda: not app.controller.running, timeout=WAIT)
    assert app.controller.halted_by is None                   # the in-memory token works


def test_sync_now_shows_progress_and_the_run_in_the_table(qtbot, app: SyncApp) -> None:
    enrol(app.core, app.hub)
    add(app.core, 2)
    page, controller = app.window.sync_page, app.controller
    app.window.nav.setCurrentRow(PAGE_SYNC)
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.runs_empty.isVisible() and not page.runs_view.isVisible()
    progress: list[tuple[int, int]] = []
    labels: list[str] = []
    controller.progress.connect(lambda done, total: progress.append((done, total)))
    controller.transferred.connect(lambda _n: labels.append(page.progress_label.text()))
    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT):
        app.click(page.sync_button)
        assert not page.sync_button.isEnabled() and page.progress.isVisible()
    assert page.sync_button.isEnabled() and not page.progress.isVisible()
    assert any(done == 2 for done, _ in progress)
    assert labels and all(" KB terkirim" in t and " dari " in t for t in labels)
    assert page.result_label.text().startswith(
        "Sinkronisasi selesai: 2 terkirim, 2 pembaruan dari hub (")     # "received" statuses
    qtbot.waitUntil(lambda: page.runs_model.rowCount() == 1)
    cell = lambda col: page.runs_proxy.index(0, col).data()   # noqa: E731
    assert cell(COL_STARTED) == "25/11/2026 10:00 WITA"
    assert (cell(COL_OUTCOME), cell(COL_SENT), cell(COL_SET_ASIDE)) == ("Berhasil", "2", "0")
    assert cell(COL_KB).endswith(" KB") and cell(COL_KB) != "0,0 KB"
    assert page.runs_view.isVisible()
    assert page.values["clock"].text() == "OK" and not page.clock_label.isVisible()


def test_a_clock_far_off_the_hub_is_shown_as_a_warning(qtbot, app: SyncApp) -> None:
    page = app.window.sync_page
    app.window.nav.setCurrentRow(PAGE_SYNC)
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.values["clock"].text() == "belum diukur"
    local = SyncClient(app.core).local            # what the handshake records
    local.record_handshake(clock_offset_seconds=240, protocol_version=1)
    page.reload()
    qtbot.waitUntil(lambda: page.values["clock"].text() == "OK")        # four minutes: fine
    local.record_handshake(clock_offset_seconds=-7 * 60 - 10, protocol_version=1)
    page.reload()
    qtbot.waitUntil(lambda: page.clock_label.isVisible())
    assert page.clock_label.text() == "⚠ Jam komputer berbeda 7 menit dari hub; data tetap aman."
    assert page.values["clock"].text() == "berbeda dari hub (lihat peringatan di atas)"


def test_a_set_aside_record_is_listed_with_its_reason_and_sent_again(
        qtbot, app: SyncApp) -> None:
    enrol(app.core, app.hub)
    add(app.core)
    add(app.core, village_code=OTHER_VILLAGE)         # an incident in a neighbouring desa
    [odd] = add(app.core, category_code=RETIRED)
    w, page, controller = app.window, app.window.sync_page, app.controller
    w.nav.setCurrentRow(PAGE_SYNC)
    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT):
        page.sync_now()
    assert "1 disisihkan oleh hub: lihat di bawah." in page.result_label.text()
    qtbot.waitUntil(lambda: page.set_aside.rowCount() == 1)
    assert odd.tracking_no in page.set_aside.item(0, 1).text()
    reason = page.set_aside.item(0, 2)
    assert reason.text() == "Beberapa isian belum sesuai aturan hub: Kategori."
    assert "category_code: unknown_category" in reason.toolTip()
    assert "kembali menjadi draf" in page.aside_hint.text() and "“Kirim”" in page.aside_hint.text()
    assert page.runs_proxy.index(0, COL_SET_ASIDE).data() == "1"
    assert not page.resubmit_button.isEnabled()
    # the operator picks a current category, then "Coba kirim lagi"
    draft = app.core.complaints.get(odd.id)
    assert draft.status is Status.DRAFT
    app.core.complaints.save_draft(replace(draft.content, category_code=complaint_data()[
        "category_code"]), complaint_id=draft.id)
    page.set_aside_view.setCurrentIndex(page.set_aside.index(0, 1))
    assert page.resubmit_button.text() == "Coba kirim lagi" and page.resubmit_button.isEnabled()
    app.click(page.resubmit_button)
    assert app.core.complaints.get(odd.id).status is Status.QUEUED
    assert w.receipt_dialog is not None
    w.receipt_dialog.close()
    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT):
        w.nav.setCurrentRow(PAGE_SYNC)
        page.sync_now()
    assert app.core.complaints.get(odd.id).status is Status.RECEIVED
    qtbot.waitUntil(lambda: page.set_aside.rowCount() == 0 and page.runs_model.rowCount() == 2)
    assert not page.aside_box.isVisible()


def test_status_bar_shows_online_offline_pending_and_last_sync(qtbot, app: SyncApp) -> None:
    enrol(app.core, app.hub)
    add(app.core, 3)
    bar, controller = app.window.sync_status, app.controller
    app.window.complaints_changed.emit()          # what the form does after a submit
    qtbot.waitUntil(lambda: bar.pending.text() == "3 menunggu dikirim")
    assert bar.connection.text() == "● Koneksi belum diperiksa"      # before the first probe
    assert bar.last_sync.text() == "Sinkron terakhir: belum pernah"
    with qtbot.waitSignal(controller.online_changed, timeout=WAIT):
        controller.check_connectivity()
    assert bar.connection.text() == "● Daring"
    with qtbot.waitSignal(controller.sync_finished, timeout=WAIT):
        controller.sync_now()
    qtbot.waitUntil(lambda: bar.pending.text() == "0 menunggu dikirim")
    assert bar.last_sync.text() == "Sinkron terakhir: 25/11/2026 10:00 WITA"
    app.hub.stop()                                                     # the hub goes away
    add(app.core)
    app.window.complaints_changed.emit()
    with qtbot.waitSignal(controller.online_changed, timeout=WAIT) as changed:
        controller.check_connectivity()
    assert changed.args == [False] and bar.connection.text() == "● Luring"
    with qtbot.waitSignal(controller.sync_failed, timeout=WAIT):
        controller.sync_now()
    qtbot.waitUntil(lambda: bar.pending.text() == "1 menunggu dikirim")
    assert "tidak dapat dihubungi" in app.window.sync_page.result_label.text()
    assert controller.halted_by is None                               # offline is retried


def test_sync_when_not_enrolled_says_what_to_do(qtbot, app: SyncApp) -> None:
    add(app.core)
    w, page, controller = app.window, app.window.sync_page, app.controller
    w.nav.setCurrentRow(PAGE_SYNC)
    qtbot.waitUntil(lambda: page.overview is not None)
    assert "belum terdaftar di hub kabupaten" in page.explain.text()
    assert page.settings_button.isVisible() and page.sync_button.isEnabled()
    qtbot.waitUntil(lambda: w.sync_status.connection.text() == "Belum terdaftar di hub")
    with qtbot.waitSignal(controller.sync_failed, timeout=WAIT) as failed:
        app.click(page.sync_button)
    assert failed.args[0].code == "not_enrolled"
    assert page.result_label.text() == (
        "Komputer ini belum terdaftar di hub kabupaten. Buka Pengaturan, bagian “Pendaftaran "
        "ke hub”, isi alamat hub dan kode sekali pakai dari Diskominfo-SP, lalu tekan "
        "“Daftarkan”.")
    assert controller.halted_by == "not_enrolled" and not error_dialogs()
    app.click(page.settings_button)
    assert w.pages.currentIndex() == PAGE_SETTINGS


def test_a_failure_retrying_cannot_fix_is_not_retried_by_itself(
        qtbot, core: Core, hub: LiveHub) -> None:
    """Not enrolled, hub reachable, work waiting: one automatic run fails, then the polls only
    ask /health until the user starts a run (or enrols)."""
    proxy = FaultProxy(int(hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    core.preferences.save(replace(core.preferences.get(), hub_url=proxy.url))
    add(core)
    controller = SyncController(SyncClient(core, settings=FAST), has_work=lambda: True,
                                poll_ms=50, retry_base_ms=50)
    started: list[object] = []
    controller.sync_started.connect(lambda: started.append(1))
    try:
        with qtbot.waitSignal(controller.sync_failed, timeout=WAIT):
            pass
        assert controller.halted_by == "not_enrolled"
        health = lambda: sum(r.startswith(b"GET /health") for r in proxy.requests)  # noqa: E731
        seen = health()
        qtbot.waitUntil(lambda: health() >= seen + 5, timeout=WAIT)
        assert started == [1]
        with qtbot.waitSignal(controller.sync_failed, timeout=WAIT):
            assert controller.sync_now()                      # the user asks: it runs again
        assert started == [1, 1]
    finally:
        controller.shutdown()
        proxy.close()


def test_code_given_at_setup_enrols_once_the_window_is_up(qtbot, app: SyncApp,
                                                          monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr("ui.main_window.Notice.tell",
                        lambda parent, title, text, warning=True: told.append(text))
    w = app.window
    with qtbot.waitSignal(app.controller.enrol_failed, timeout=WAIT):
        assert w.start_enrolment(app.hub.base_url, "SALAH-0000")
    assert len(told) == 1 and told[0].startswith("Kode pendaftaran ditolak")
    with qtbot.waitSignal(app.controller.enrolled, timeout=WAIT):
        assert w.start_enrolment(app.hub.base_url, app.code())
    assert w.statusBar().currentMessage() == ("Komputer ini sudah terdaftar di hub. "
                                              "Sinkronisasi dimulai.")
    assert len(told) == 1
    qtbot.waitUntil(lambda: not app.controller.running, timeout=WAIT)


def test_run_table_model_contract(qtmodeltester, translations) -> None:
    model = SyncRunTableModel()
    at = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    model.set_runs([SyncRun(at, at, outcome, i, 1, 0, 2048 * i, code)
                    for i, (outcome, code) in enumerate(
                        [("ok", None), ("failed", "offline"), ("cancelled", None),
                         ("running", None)] * 5)])
    qtmodeltester.check(model)
    assert model.index(1, COL_OUTCOME).data() == "Gagal"
    assert model.index(1, 6).data() == "Hub kabupaten tidak dapat dihubungi (tidak ada koneksi)."
    assert model.index(3, COL_OUTCOME).data() == "Terputus"
    assert model.index(1, COL_KB).data() == "2,0 KB"


def test_the_app_makes_a_controller_before_enrolment_and_enrols_from_setup(
        qtbot, core: Core, translations: Any, view_settings: Any, hub: LiveHub) -> None:
    """The composition root: a controller exists once the profile does, runs nothing by itself
    while not enrolled, and the setup's hub address and code enrol and start a sync."""
    from kim_desktop.app import has_work_to_sync, make_sync_controller

    add(core)
    controller = make_sync_controller(core)
    assert isinstance(controller, SyncController)
    try:
        assert not has_work_to_sync(core)                  # not enrolled: no automatic run
        w = make_window(qtbot, core, translations, view_settings, sync=controller)
        code = hub.hub.enrolment.create_code(village_code=VILLAGE, role="operator").code
        with qtbot.waitSignal(controller.enrolled, timeout=WAIT):
            w.start_enrolment(hub.base_url, code)
        qtbot.waitUntil(lambda: core.complaints.counts_by_status() == {"received": 1},
                        timeout=WAIT)
        qtbot.waitUntil(lambda: not controller.running, timeout=WAIT)
        assert core.device.profile().enrolled and core.device.profile().hub_url == hub.base_url
    finally:
        controller.shutdown()
