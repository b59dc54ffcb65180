"""Kegiatan, Sinkronisasi and Pengaturan pages and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from sqlalchemy import update

from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import Offline
from kim_desktop.storage.rows import ComplaintRow, OutboxRow, SyncStateRow
from sync.client.engine import SyncReport
from tests.conftest import complaint_data
from tests.ui.conftest import make_window
from ui.main_window import PAGE_ACTIVITIES, PAGE_SETTINGS, PAGE_SYNC


class FakeSyncController(QObject):
    """Stands in for ui.sync_controller.SyncController (its signals, no thread)."""

    sync_started = Signal()
    progress = Signal(int, int)
    transferred = Signal(int)
    sync_finished = Signal(object)
    sync_failed = Signal(object)
    online_changed = Signal(bool)
    enrolled = Signal(object)
    enrol_failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.runs = 0
        self.probes = 0
        self.stopped = False
        self.online = None
        self.enrolments: list[tuple[str, str]] = []

    def sync_now(self) -> bool:
        self.runs += 1
        self.sync_started.emit()
        return True

    def enroll(self, hub_url: str, code: str) -> None:
        self.enrolments.append((hub_url, code))

    def has_token(self) -> bool:
        return True

    def check_connectivity(self) -> None:
        self.probes += 1

    def recent_runs(self, limit: int = 20) -> list:
        return []

    def shutdown(self) -> None:
        self.stopped = True


def submit(core, **kw):
    return core.complaints.add([(complaint_data(**kw), None)], submit=True)[0]


def test_without_sync_the_page_explains_and_the_button_is_disabled(window, qtbot, core) -> None:
    """Only when sync cannot be loaded at all: the app makes a controller whenever the profile
    exists."""
    submit(core)
    window.complaints_changed.emit()
    window.nav.setCurrentRow(PAGE_SYNC)
    page = window.sync_page
    qtbot.waitUntil(lambda: page.overview is not None and page.values["pending"].text() == "1")
    assert not page.sync_button.isEnabled()
    assert page.sync_button.text() == "Sinkronkan sekarang"
    assert "tidak tersedia" in page.explain.text()
    assert page.values["last_sync"].text() == "belum pernah"
    assert page.values["oldest"].text() == "25/11/2026"
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.pending.text() == "1 menunggu dikirim")
    assert bar.connection.text() == "Sinkronisasi tidak tersedia"
    assert bar.last_sync.text() == "Sinkron terakhir: belum pernah"


def test_with_a_controller_sync_now_runs_and_reports(qtbot, core, translations,
                                                     view_settings) -> None:
    core.device.set_hub("https://kim.luwutimurkab.go.id", enrolled=True)
    fake = FakeSyncController()
    window = make_window(qtbot, core, translations, view_settings, sync=fake)
    window.nav.setCurrentRow(PAGE_SYNC)
    page = window.sync_page
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.enrolled is True)
    assert bar.connection.text() == "● Koneksi belum diperiksa"
    assert page.sync_button.isEnabled()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert fake.runs == 1
    assert page.progress.isVisible() and not page.sync_button.isEnabled()
    fake.progress.emit(3, 10)
    fake.transferred.emit(5 * 1024)
    assert (page.progress.value(), page.progress.maximum()) == (3, 10)
    assert page.progress_label.text() == "3 dari 10 data · 5,0 KB terkirim"
    fake.online_changed.emit(True)
    assert window.sync_status.connection.text() == "● Daring"
    with core.ctx.sessions.begin() as s:
        s.merge(SyncStateRow(id=1, last_success_at=core.ctx.now()))
    fake.sync_finished.emit(SyncReport(pushed=2, pulled=1, bytes_sent=2048))
    assert page.result_label.text() == (
        "Sinkronisasi selesai: 2 terkirim, 1 pembaruan dari hub (2,0 KB terkirim lewat "
        "jaringan).")
    assert page.sync_button.isEnabled() and not page.progress.isVisible()
    qtbot.waitUntil(lambda: page.values["last_sync"].text() == "25/11/2026 10:00 WITA")
    fake.online_changed.emit(False)
    fake.sync_started.emit()
    fake.sync_failed.emit(Offline("no route"))
    assert window.sync_status.connection.text() == "● Luring"
    assert "tidak dapat dihubungi" in page.result_label.text()
    assert "akan dikirim saat koneksi kembali" in page.result_label.text()


def test_set_aside_records_are_listed_with_their_reason(window, qtbot, core) -> None:
    c = submit(core)
    with core.ctx.sessions.begin() as s:      # what the sync engine does with a refused record
        row = s.get(ComplaintRow, c.id)
        row.status, row.set_aside_reason = Status.DRAFT.value, "Kategori sudah tidak berlaku"
        s.execute(update(OutboxRow).values(state="set_aside"))
    window.nav.setCurrentRow(PAGE_SYNC)
    page = window.sync_page
    qtbot.waitUntil(lambda: page.set_aside.rowCount() == 1)
    assert page.set_aside.item(0, 2).text() == "Kategori sudah tidak berlaku"
    assert c.tracking_no in page.set_aside.item(0, 1).text()
    assert page.values["set_aside"].text() == "1"
    page.set_aside_view.doubleClicked.emit(page.set_aside.index(0, 1))
    assert window.complaint_stack.currentWidget() is window.detail
    assert "Kategori sudah tidak berlaku" in window.detail.note.text()


def test_activities_page_lists_recorded_sessions(window, qtbot, core) -> None:
    content, _ = core.activities.validate({
        "title": "Sosialisasi SP4N-LAPOR! di Balai Desa", "starts_at": "2026-11-20T09:00",
        "ends_at": "2026-11-20T11:00", "village_code": "73.24.04.2010",
        "participants": [{"name": "Hasna", "gender": "P"}, {"name": "Rudi", "gender": "L"},
                         {"name": "Wati", "gender": "P"}]}, for_submit=False)
    core.activities.save_draft(content)
    window.nav.setCurrentRow(PAGE_ACTIVITIES)
    page = window.activity_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = [page.model.index(0, c).data() for c in range(5)]
    assert row == ["Sosialisasi SP4N-LAPOR! di Balai Desa", "20/11/2026 09:00 WITA",
                   "Balantang", "3 (L 1 · P 2)", "Draf"]
    assert page.table.isVisible() and not page.empty_label.isVisible()


def test_settings_save_hub_and_limits_and_show_the_folders(window, qtbot, core) -> None:
    window.nav.setCurrentRow(PAGE_SETTINGS)
    page = window.settings_page
    assert page.folders["data"].text() == str(core.paths.root)
    assert page.folders["backups"].text() == str(core.paths.backups)
    assert "KIM Balantang" in page.profile_label.text()
    page.hub.setText("bukan alamat")
    assert page.save() is None and page.hub_message.isVisible()
    page.hub.setText("https://kim.luwutimurkab.go.id")
    page.max_mb.setValue(4)
    page.photo_px.setValue(1280)
    saved = page.save()
    assert saved is not None and page.saved_label.text() == "Pengaturan tersimpan."
    prefs = core.preferences.get()
    assert (prefs.hub_url, prefs.max_attachment_mb, prefs.photo_max_side_px) == (
        "https://kim.luwutimurkab.go.id", 4, 1280)


def test_a_page_added_to_the_table_is_built_on_first_show_for_those_who_see_it(
        qtbot, core, translations, view_settings) -> None:
    """How the review workspace and later pages join the window: one row in `PAGES`."""
    from PySide6.QtWidgets import QLabel

    from kim_desktop.domain.enums import Role
    from ui.main_pages import PAGES, PageSpec

    built: list[QLabel] = []
    shown: list[QLabel] = []

    def factory(window) -> QLabel:
        built.append(QLabel(window.core.device.profile().kim_name))
        return built[-1]

    spec = PageSpec("extra", "Reports", "SP_DirIcon", factory,
                    on_show=shown.append,
                    visible=lambda c: c.device.profile().role is Role.OPERATOR)
    PAGES.append(spec)
    try:
        row = len(PAGES) - 1
        window = make_window(qtbot, core, translations, view_settings)
        assert window.nav.count() == len(PAGES) and not window.nav.isRowHidden(row)
        assert built == [] and window.built_page("extra") is None
        qtbot.keyClick(window, Qt.Key.Key_0 + row + 1, Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == row and window.pages.currentIndex() == row
        assert window.pages.currentWidget() is built[0] and built[0].text() == "KIM Balantang"
        assert window.nav.item(row).text() == "Laporan"      # translated like the others
        window.show_page(PAGE_SYNC)
        window.show_page(row)
        assert len(built) == 1 and shown == [built[0], built[0]]
    finally:
        PAGES.remove(spec)


def test_a_page_the_user_does_not_see_is_hidden_and_its_shortcut_does_nothing(
        qtbot, core, translations, view_settings) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.main_pages import PAGES, PageSpec

    spec = PageSpec("hidden", "Reports", "SP_DirIcon",
                    lambda w: QLabel("never"), visible=lambda c: False)
    PAGES.append(spec)
    try:
        row = len(PAGES) - 1
        window = make_window(qtbot, core, translations, view_settings)
        assert window.nav.isRowHidden(row)
        qtbot.keyClick(window, Qt.Key.Key_0 + row + 1, Qt.KeyboardModifier.ControlModifier)
        assert window.nav.currentRow() == 0 and window.built_page("hidden") is None
    finally:
        PAGES.remove(spec)
