"""UI layer: the main window: the pages and the wiring between them, on the frame of
`ui.main_frame` (navigation from the page table of `ui.main_pages`, status bar, geometry, the
two-step start). A saved or submitted complaint refreshes the list, the status bar and the sync
page; a submitted complaint gets its receipt and asks the sync controller to look for the hub;
a report the hub set aside can be sent again from the sync page (through the detail view's
submit); an enrolment started from the first-run setup tells its outcome here.

``MainWindow(None, settings)`` is the first frame ("Opening the data…"); the app opens the store
once it has painted (`first_painted`) and calls `attach` with the core, which builds the
complaint list (the other pages are built when first shown). Given a core, the constructor
attaches at once. This module imports Qt only; the pages are imported when they are built.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.main_frame import PagedWindow, remembered_language
from ui.main_pages import (
    PAGE_ACTIVITIES,
    PAGE_COMPLAINTS,
    PAGE_SETTINGS,
    PAGE_SYNC,
    PAGES,
    page_row,
)

if TYPE_CHECKING:
    from uuid import UUID

    from PySide6.QtGui import QCloseEvent

    from kim_desktop.core import Core
    from kim_desktop.domain.models import Complaint
    from ui.activity_page import ActivityListPage
    from ui.complaint_detail import ComplaintDetailPage
    from ui.complaint_form import ComplaintForm
    from ui.complaint_list_page import ComplaintListPage
    from ui.i18n import Translations
    from ui.receipt_dialog import ReceiptDialog
    from ui.returned_inbox import ReturnedInbox
    from ui.settings_page import SettingsPage
    from ui.status_bar import SyncStatusBar
    from ui.sync_controller import SyncControllerLike
    from ui.sync_page import SyncPage

__all__ = ["PAGE_ACTIVITIES", "PAGE_COMPLAINTS", "PAGE_SETTINGS", "PAGE_SYNC", "MainWindow",
           "remembered_language"]

log = logging.getLogger(__name__)

def __getattr__(name: str) -> Any:
    """``Notice`` (ui.dialogs), imported on first use: ui.dialogs loads Qt's ``Qt`` namespace,
    which the first frame does without."""
    if name == "Notice":
        from ui.dialogs import Notice

        return Notice
    raise AttributeError(name)


class MainWindow(PagedWindow):
    complaints_changed = Signal()

    def __init__(self, core: Core | None, settings: QSettings, *,
                 translations: Translations | None = None,
                 sync: SyncControllerLike | None = None, autosave_ms: int = 60_000) -> None:
        super().__init__(settings, translations, sync)
        self._autosave_ms = autosave_ms
        self.receipt_dialog: ReceiptDialog | None = None
        self._announce_enrolment = False
        self._list_page: ComplaintListPage | None = None
        self.returned_inbox: ReturnedInbox
        self._form: ComplaintForm | None = None
        self._detail: ComplaintDetailPage | None = None
        self.complaint_stack = QStackedWidget()
        self.sync_status: SyncStatusBar | None = None
        self.complaints_changed.connect(self._on_complaints_changed)
        self.retranslate_ui()
        if core is not None:
            self.attach(core, sync)

    def attach(self, core: Core, sync: SyncControllerLike | None = None) -> None:
        """The store is open: build the status bar and the complaint list (and the pages
        marked ``eager``), turn on the navigation and the shortcuts. Call `start` next."""
        from ui.status_bar import SyncStatusBar

        self.attach_frame(core, sync)
        self.sync_status = SyncStatusBar(core, self._sync)
        self.statusBar().addPermanentWidget(self.sync_status)
        if self._sync is not None:
            self._sync.sync_finished.connect(self.complaints_changed)
        for keys, slot in (("Ctrl+N", self.new_complaint), ("Ctrl+F", self.focus_search),
                           ("F5", self.complaints_changed.emit)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        for row, spec in enumerate(PAGES):
            if row == PAGE_COMPLAINTS or spec.eager:
                self.page(row)
        self.retranslate_ui()

    def start(self) -> None:
        """After the window is shown and attached: restore typing from a crash, load the status
        bar. The other pages load when they are shown (`_on_nav_current_row_changed`): with a
        big store each reads hundreds of records, which would compete with the first keystrokes
        for the GIL."""
        from ui.activity_form import ActivityForm
        from ui.form_journal import FormJournal

        core = self.core
        assert self.sync_status is not None
        self.sync_status.refresh()
        if FormJournal(core.paths.drafts).exists() and self.form.restore_from_journal():
            self.show_form()
            self.statusBar().showMessage(self.tr("Unsaved typing from the last session was "
                                                 "restored."), 10_000)
        elif ActivityForm.journal_path(core).exists() and self.activity_page.restore_form():
            self.show_page(page_row("activities"))
        else:
            self.show_list()

    # -- pages ------------------------------------------------------------------------------
    def build_complaint_pages(self) -> QWidget:
        """The factory of the Laporan page: the list now, the form and the detail view when
        first needed (`form`, `detail`)."""
        from ui.complaint_list_page import ComplaintListPage

        page = ComplaintListPage(self.core)
        header = self._settings.value("complaint_list/header")
        if isinstance(header, QByteArray):
            page.table.horizontalHeader().restoreState(header)
        page.new_requested.connect(self.new_complaint)
        page.open_requested.connect(self.open_complaint)
        from ui.returned_inbox import ReturnedInbox

        inbox = ReturnedInbox(self.core)      # "Perlu perbaikan": returned with the district's note
        inbox.open_complaint_requested.connect(self.open_complaint)
        inbox.open_activity_requested.connect(self.open_activity)
        page.add_banner(inbox)
        inbox.reload()
        self.returned_inbox = inbox
        self._list_page = page
        self.complaint_stack.insertWidget(0, page)
        return self.complaint_stack

    @property
    def list_page(self) -> ComplaintListPage:
        self.page(PAGE_COMPLAINTS)
        assert self._list_page is not None
        return self._list_page

    @property
    def form(self) -> ComplaintForm:
        if self._form is None:
            from ui.complaint_form import ComplaintForm

            form = ComplaintForm(self.core, autosave_ms=self._autosave_ms)
            form.saved.connect(self._on_form_saved)
            form.submitted.connect(self._on_form_submitted)
            form.closed.connect(self._on_form_closed)
            self.complaint_stack.addWidget(form)
            self._form = form
        return self._form

    @property
    def detail(self) -> ComplaintDetailPage:
        if self._detail is None:
            from ui.complaint_detail import ComplaintDetailPage

            detail = ComplaintDetailPage(self.core)
            detail.back_requested.connect(self.show_list)
            detail.edit_requested.connect(self.edit_complaint)
            detail.submit_requested.connect(self._on_detail_submit_requested)
            detail.receipt_requested.connect(self.show_receipt)
            detail.complaints_changed.connect(self.complaints_changed)
            self.complaint_stack.addWidget(detail)
            self._detail = detail
        return self._detail

    @property
    def activity_page(self) -> ActivityListPage:
        return self.page(page_row("activities"))  # type: ignore[return-value]

    @property
    def sync_page(self) -> SyncPage:
        return self.page(page_row("sync"))  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(PAGE_SETTINGS)  # type: ignore[return-value]

    def _detail_shown(self) -> bool:
        return self._detail is not None and self.complaint_stack.currentWidget() is self._detail

    # -- navigation -------------------------------------------------------------------------
    def _show_complaints(self, page: QWidget) -> None:
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        self.complaint_stack.setCurrentWidget(page)

    @Slot()
    def show_list(self) -> None:
        """The list, with the keyboard focus in the table (on "New report" while it is empty)."""
        page = self.list_page
        self._show_complaints(page)
        (page.table if page.table.isVisibleTo(page) else page.new_button).setFocus()

    def show_form(self) -> None:
        self._show_complaints(self.form)

    @Slot(object)
    def new_complaint_for_activity(self, activity_id: UUID) -> None:
        """\u201cCreate a complaint from this session\u201d: the form starts linked to it."""
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        if not self.form.is_open():
            self.form.start_new(channel="socialization", activity_id=str(activity_id))
        self.show_form()

    @Slot(object)
    def open_activity(self, activity_id: UUID) -> None:
        """Open a session in its form (from the "Perlu perbaikan" inbox)."""
        from kim_desktop.domain.errors import KimError
        from ui.errors import show_error

        try:
            activity = self.core.activities.get(activity_id)
        except KimError as e:
            show_error(self, e)
            return
        self.show_page(page_row("activities"))
        self.activity_page.open_form(activity)

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
        if self._detail_shown() and self.detail.complaint:
            self._on_detail_submit_requested(self.detail.complaint)

    # -- enrolment --------------------------------------------------------------------------
    def start_enrolment(self, hub_url: str, code: str) -> bool:
        """Enrol with the hub address and code given at first-run setup; the outcome is told
        in the status bar (success) or a notice (a problem) besides Settings."""
        self._announce_enrolment = self.settings_page.enrolment.enroll(hub_url, code)
        if not self._announce_enrolment:
            from ui.dialogs import Notice

            Notice.tell(self, self.tr("Registration with the hub"), self.tr(
                "This computer could not be registered with the details from the setup. Open "
                "Settings, section “Registration with the hub”, to try again."))
        return self._announce_enrolment

    @Slot(str, str)
    def on_enrolment_outcome_shown(self, severity: str, text: str) -> None:
        if not self._announce_enrolment:
            return      # started in Settings, which shows the outcome itself
        self._announce_enrolment = False
        if severity == "ok":
            self.statusBar().showMessage(text, 15_000)
        else:
            from ui.dialogs import Notice

            Notice.tell(self, self.tr("Registration with the hub"), text,
                        warning=True)

    @Slot()
    def _on_form_closed(self) -> None:
        self.complaints_changed.emit()
        self.show_list()

    @Slot(object)
    def show_receipt(self, complaint: Complaint) -> ReceiptDialog:
        """Write the receipt PDF and show it with print and save buttons."""
        from kim_desktop.domain.errors import KimError
        from ui.receipt_dialog import ReceiptDialog, save_receipt

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
        if not self.loaded:
            return
        self.list_page.reload()
        self.returned_inbox.reload()
        if self.sync_status is not None:
            self.sync_status.refresh()
        if self.pages.currentIndex() == PAGE_SYNC:
            self.sync_page.reload()
        if self._detail_shown():
            self.detail.refresh()

    # -- language ---------------------------------------------------------------------------
    @Slot(str)
    def set_language(self, language: str) -> None:
        if self._translations is not None:
            language = self._translations.apply(language)
        self.remember_language(language)
        from kim_desktop.domain.errors import KimError
        from ui.errors import show_error

        try:
            prefs = self.core.preferences.get()
            if prefs.language != language:
                self.core.preferences.save(replace(prefs, language=language))
        except KimError as e:
            show_error(self, e)

    @Slot()
    def on_profile_changed(self) -> None:
        self.apply_page_visibility()
        self.retranslate_ui()

    def save_view_state(self) -> None:
        self.save_geometry()
        if self._list_page is not None:
            self._settings.setValue("complaint_list/header",
                                    self._list_page.table.horizontalHeader().saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._form is not None:
            self._form.save_on_exit()
        self.save_view_state()
        if self.receipt_dialog is not None:
            self.receipt_dialog.close()
        super().closeEvent(event)
        log.info("main window closed")

    def keyPressEvent(self, event: Any) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape and self._detail_shown():
            self.show_list()
            return
        super().keyPressEvent(event)
