"""UI layer: the main window: navigation (Laporan, Kegiatan, Sinkronisasi, Pengaturan), the
pages, the status bar, remembered geometry (QSettings holds view state only), and the wiring
between pages: a saved or submitted complaint refreshes the list, the status bar and the sync
page; a submitted complaint gets its receipt and asks the sync controller to look for the hub;
a report the hub set aside can be sent again from the sync page (through the detail view's
submit); an enrolment started from the first-run setup tells its outcome here."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from uuid import UUID

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.models import Complaint
from ui.activity_page import ActivityListPage
from ui.complaint_detail import ComplaintDetailPage
from ui.complaint_form import ComplaintForm
from ui.complaint_list_page import ComplaintListPage
from ui.dialogs import Notice
from ui.errors import show_error
from ui.i18n import Translations
from ui.receipt_dialog import ReceiptDialog, save_receipt
from ui.settings_page import SettingsPage
from ui.status_bar import SyncStatusBar
from ui.sync_controller import SyncControllerLike
from ui.sync_page import SyncPage

log = logging.getLogger(__name__)

PAGE_COMPLAINTS, PAGE_ACTIVITIES, PAGE_SYNC, PAGE_SETTINGS = range(4)


class MainWindow(QMainWindow):
    complaints_changed = Signal()

    def __init__(self, core: Core, settings: QSettings, *,
                 translations: Translations | None = None,
                 sync: SyncControllerLike | None = None, autosave_ms: int = 60_000) -> None:
        super().__init__()
        self.core, self._settings, self._translations, self._sync = core, settings, \
            translations, sync
        self.receipt_dialog: ReceiptDialog | None = None
        self._announce_enrolment = False
        self.list_page = ComplaintListPage(core)
        self.form = ComplaintForm(core, autosave_ms=autosave_ms)
        self.detail = ComplaintDetailPage(core)
        self.complaint_stack = QStackedWidget()
        for sub in (self.list_page, self.form, self.detail):
            self.complaint_stack.addWidget(sub)
        self.activity_page = ActivityListPage(core)
        self.sync_page = SyncPage(core, sync)
        self.settings_page = SettingsPage(core, sync)
        self.pages = QStackedWidget()
        for w in (self.complaint_stack, self.activity_page, self.sync_page, self.settings_page):
            self.pages.addWidget(w)
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setObjectName("navigation")
        for pixmap in (QStyle.StandardPixmap.SP_FileDialogDetailedView,
                       QStyle.StandardPixmap.SP_FileDialogInfoView,
                       QStyle.StandardPixmap.SP_BrowserReload,
                       QStyle.StandardPixmap.SP_FileDialogContentsView):
            QListWidgetItem(self.style().standardIcon(pixmap), "", self.nav)
        self.nav.setFixedWidth(190)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.sync_status = SyncStatusBar(core, sync)
        self.statusBar().addPermanentWidget(self.sync_status)

        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.list_page.new_requested.connect(self.new_complaint)
        self.list_page.open_requested.connect(self.open_complaint)
        self.detail.back_requested.connect(self.show_list)
        self.detail.edit_requested.connect(self.edit_complaint)
        self.detail.submit_requested.connect(self._on_detail_submit_requested)
        self.detail.receipt_requested.connect(self.show_receipt)
        self.detail.complaints_changed.connect(self.complaints_changed)
        self.form.saved.connect(self._on_form_saved)
        self.form.submitted.connect(self._on_form_submitted)
        self.form.closed.connect(self._on_form_closed)
        self.sync_page.open_complaint_requested.connect(self.open_complaint)
        self.activity_page.complaint_requested.connect(self.new_complaint_for_activity)
        self.sync_page.resubmit_requested.connect(self.resubmit_set_aside)
        self.sync_page.settings_requested.connect(lambda: self.nav.setCurrentRow(PAGE_SETTINGS))
        self.settings_page.enrolment.outcome_shown.connect(self._on_enrolment_outcome_shown)
        self.settings_page.language_requested.connect(self.set_language)
        self.settings_page.profile_changed.connect(self.retranslate_ui)
        self.complaints_changed.connect(self._on_complaints_changed)
        if sync is not None:
            sync.sync_finished.connect(self.complaints_changed)
        for keys, slot in (("Ctrl+N", self.new_complaint), ("Ctrl+F", self.focus_search),
                           ("F5", self.complaints_changed.emit)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        for i in range(4):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self).activated.connect(
                lambda page=i: self.nav.setCurrentRow(page))
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        self.resize(1200, 780)
        self._restore_view_state()
        self.retranslate_ui()

    def start(self) -> None:
        """After the window is shown: restore typing from a crash, load the status bar. The
        Sessions and Synchronization pages load when they are shown (`_on_nav_current_row_changed`):
        with a big store each reads hundreds of records, which would compete with the first
        paint and the first keystrokes for the GIL."""
        self.sync_status.refresh()
        if self.form.restore_from_journal():
            self.show_form()
            self.statusBar().showMessage(self.tr("Unsaved typing from the last session was "
                                                 "restored."), 10_000)
        elif self.activity_page.restore_form():
            self.nav.setCurrentRow(PAGE_ACTIVITIES)

    # -- navigation -------------------------------------------------------------------------
    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if row == PAGE_SYNC:
            self.sync_page.reload()
        elif row == PAGE_ACTIVITIES:
            self.activity_page.reload()
        elif row == PAGE_SETTINGS:
            self.settings_page.load()

    def _show_complaints(self, page: QWidget) -> None:
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        self.complaint_stack.setCurrentWidget(page)

    @Slot()
    def show_list(self) -> None:
        self._show_complaints(self.list_page)
        self.list_page.table.setFocus()

    def show_form(self) -> None:
        self._show_complaints(self.form)

    @Slot(object)
    def new_complaint_for_activity(self, activity_id: UUID) -> None:
        """\u201cCreate a complaint from this session\u201d: the form starts linked to it."""
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        if not self.form.is_open():
            self.form.start_new(channel="socialization", activity_id=str(activity_id))
        self.show_form()

    @Slot()
    def focus_search(self) -> None:
        self._show_complaints(self.list_page)
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    @Slot()
    def new_complaint(self) -> None:
        if not self.form.is_open():     # an open form keeps its typing; it is shown again
            self.form.start_new()
        self.show_form()

    @Slot(object)
    def open_complaint(self, complaint_id: UUID) -> None:
        if self.detail.show_complaint(complaint_id):
            self._show_complaints(self.detail)

    @Slot(object)
    def edit_complaint(self, complaint: Complaint) -> None:
        if self.form.is_open() and self.form.complaint_id != complaint.id \
                and not self.form.close_form():
            return
        if not self.form.is_open():
            self.form.edit(complaint)
        self.show_form()

    @Slot(object)
    def _on_detail_submit_requested(self, complaint: Complaint) -> None:
        self.edit_complaint(complaint)
        if self.form.is_open() and self.form.complaint_id == complaint.id:
            self.form.submit()

    # -- outcomes ---------------------------------------------------------------------------
    @Slot(object)
    def _on_form_saved(self, complaint: Complaint) -> None:
        self.statusBar().showMessage(self.tr("Draft %1 saved.").replace("%1", complaint.tracking_no),
                                     5000)
        self.complaints_changed.emit()

    @Slot(object)
    def _on_form_submitted(self, complaint: Complaint) -> None:
        self.complaints_changed.emit()
        self.open_complaint(complaint.id)
        self.show_receipt(complaint)
        if self._sync is not None:      # a reachable hub with work waiting starts a run
            self._sync.check_connectivity()

    @Slot(object)
    def resubmit_set_aside(self, complaint_id: UUID) -> None:
        """"Coba kirim lagi" on the sync page: the detail view's submit, for a report the hub
        set aside and the user corrected (the form shows anything still wrong)."""
        self.open_complaint(complaint_id)
        if self.complaint_stack.currentWidget() is self.detail and self.detail.complaint:
            self._on_detail_submit_requested(self.detail.complaint)

    # -- enrolment --------------------------------------------------------------------------
    def start_enrolment(self, hub_url: str, code: str) -> bool:
        """Enrol with the hub address and code given at first-run setup; the outcome is told
        in the status bar (success) or a notice (a problem) besides Settings."""
        self._announce_enrolment = self.settings_page.enrolment.enroll(hub_url, code)
        if not self._announce_enrolment:
            Notice.tell(self, self.tr("Registration with the hub"), self.tr(
                "This computer could not be registered with the details from the setup. Open "
                "Settings, section “Registration with the hub”, to try again."))
        return self._announce_enrolment

    @Slot(str, str)
    def _on_enrolment_outcome_shown(self, severity: str, text: str) -> None:
        if not self._announce_enrolment:
            return      # started in Settings, which shows the outcome itself
        self._announce_enrolment = False
        if severity == "ok":
            self.statusBar().showMessage(text, 15_000)
        else:
            Notice.tell(self, self.tr("Registration with the hub"), text,
                        warning=True)

    @Slot()
    def _on_form_closed(self) -> None:
        self.complaints_changed.emit()
        self.show_list()

    @Slot(object)
    def show_receipt(self, complaint: Complaint) -> ReceiptDialog:
        """Write the receipt PDF and show it with print and save buttons."""
        path = None
        try:
            path = save_receipt(self.core, complaint)
        except (OSError, KimError):
            log.exception("receipt PDF for %s could not be written", complaint.id)
        if self.receipt_dialog is not None:
            self.receipt_dialog.close()
        self.receipt_dialog = ReceiptDialog(self.core, complaint, path, self)
        self.receipt_dialog.open()
        return self.receipt_dialog

    @Slot()
    def _on_complaints_changed(self) -> None:
        self.list_page.reload()
        self.sync_status.refresh()
        if self.pages.currentIndex() == PAGE_SYNC:
            self.sync_page.reload()
        if self.complaint_stack.currentWidget() is self.detail:
            self.detail.refresh()

    # -- language ---------------------------------------------------------------------------
    @Slot(str)
    def set_language(self, language: str) -> None:
        if self._translations is not None:
            language = self._translations.apply(language)
        try:
            prefs = self.core.preferences.get()
            if prefs.language != language:
                self.core.preferences.save(replace(prefs, language=language))
        except KimError as e:
            show_error(self, e)

    def retranslate_ui(self) -> None:
        prof = self.core.device.profile_or_none()
        self.setWindowTitle(f"KIM Desktop · {prof.kim_name}" if prof else "KIM Desktop")
        names = (self.tr("Reports"), self.tr("Sessions"), self.tr("Synchronization"),
                 self.tr("Settings"))
        for i, name in enumerate(names):
            item = self.nav.item(i)
            item.setText(name)
            item.setToolTip(f"{name} (Ctrl+{i + 1})")

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- window state -----------------------------------------------------------------------
    def _restore_view_state(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        header = self._settings.value("complaint_list/header")
        if isinstance(header, QByteArray):
            self.list_page.table.horizontalHeader().restoreState(header)

    def save_view_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("complaint_list/header",
                                self.list_page.table.horizontalHeader().saveState())
        self._settings.sync()

    def bring_to_front(self) -> None:
        """A second start asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.save_on_exit()
        self.save_view_state()
        if self.receipt_dialog is not None:
            self.receipt_dialog.close()
        super().closeEvent(event)
        log.info("main window closed")

    def sizeHint(self) -> QSize:
        return QSize(1200, 780)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.complaint_stack.currentWidget() is self.detail:
            self.show_list()
            return
        super().keyPressEvent(event)
